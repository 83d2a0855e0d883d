// The staff and family views are read in one statement each (ClaimViewStore): the rows must be exactly what the
// per-table reads of the aggregate stores return, timestamps, dates, bigints and jsonb alike.
import { createDb } from '../../db/config';
import { createStores, type Stores } from '../../db/stores';
import { BENCH_TRACKING_CODE, benchClaimNumber, generateClaims } from '../../bench/lib/generate';
import { DEV_TRACKING_CODE_SECRET, hashTrackingCode } from '../../api/middleware/tracking-code';
import { createTestDb, type TestDb } from '../helpers/db';
import { claimInput, createParticipant } from '../helpers/factories';

let t: TestDb;
let stores: Stores;
const CLAIMS = 30;

beforeAll(async () => {
  t = await createTestDb();
  stores = createStores(t.db);
  // Every kind of claim the bench makes: paid with payouts, open, rejected, with a scholarship and its years.
  await generateClaims(t.db, { claims: CLAIMS, dayPayouts: 4 });
});

afterAll(async () => {
  await t?.drop();
});

async function perTable(claimNumber: string) {
  const [
    claim,
    heirs,
    children,
    documents,
    assessment,
    payouts,
    events,
    timeline,
    missing,
    scholarships,
    choice,
    reissues,
    reimbursement,
    accountChanges,
  ] = await Promise.all([
    stores.claims.find(claimNumber),
    stores.claims.heirs(claimNumber),
    stores.claims.children(claimNumber),
    stores.claims.documents(claimNumber),
    stores.claims.assessment(claimNumber),
    stores.payouts.forClaim(claimNumber),
    stores.claims.events(claimNumber),
    stores.claims.timeline(claimNumber),
    stores.claims.missingDocuments(claimNumber),
    stores.scholarships.forClaim(claimNumber),
    stores.scholarships.choice(claimNumber),
    stores.claims.trackingCodeReissues(claimNumber),
    stores.employerReimbursements.find(claimNumber),
    stores.accountChanges.forClaim(claimNumber),
  ]);
  return {
    claim,
    heirs,
    children,
    documents,
    assessment,
    payouts,
    events,
    timeline,
    missing,
    scholarships,
    choice,
    reissues,
    reimbursement,
    accountChanges,
  };
}

/** A claim written by the stores as the activities write it: now() timestamps with microseconds, a choice. */
async function writtenClaim(): Promise<string> {
  const { nik } = await createParticipant(t.db);
  const input = claimInput({
    participantNik: nik,
    heirs: [{ name: 'Sri Wahyuni', relationship: 'spouse' }],
    children: [
      { name: 'Budi', dateOfBirth: '2015-02-01', registered: true, schooling: { level: 'SD', grade: 4 } },
    ],
  });
  await stores.claims.create(input, { seq: 1, type: 'claim_received', actor: 'officer-intake' });
  await stores.claims.appendEvent(input.claimNumber, { seq: 2, type: 'documents_verified', data: { n: 1 } });
  await stores.claims.recordDocuments(
    input.claimNumber,
    { death_certificate: true, family_card: false },
    { by: 'officer-1', at: new Date('2026-11-20T03:04:05.678Z') },
  );
  await stores.scholarships.recordChoice(input.claimNumber, { children: [1], chosenBy: 'officer-2' });
  await stores.claims.reissueTrackingCode(input.claimNumber, 'f'.repeat(64), {
    issuedBy: 'officer-3',
    identityCheck: "The heir's KTP seen at the branch",
  });
  return input.claimNumber;
}

describe('one statement per view', () => {
  it('gives staff exactly the rows the per-table reads give, for every kind of claim', async () => {
    const numbers = [
      ...Array.from({ length: CLAIMS }, (_, i) => benchClaimNumber(i + 1)),
      await writtenClaim(),
    ];
    for (const n of numbers) {
      const want = await perTable(n);
      expect(want.claim).toBeDefined();
      expect(await stores.claimViews.staff(n)).toEqual({
        claim: want.claim,
        heirs: want.heirs,
        children: want.children,
        documents: want.documents,
        assessment: want.assessment,
        payouts: want.payouts,
        events: want.events,
        scholarships: want.scholarships.scholarships,
        years: want.scholarships.years,
        choice: want.choice,
        reissues: want.reissues,
        reimbursement: want.reimbursement,
        accountChanges: want.accountChanges,
      });
    }
  });

  it('gives the family exactly the rows the per-table reads give', async () => {
    for (const n of [benchClaimNumber(7), benchClaimNumber(10), benchClaimNumber(1), await writtenClaim()]) {
      const want = await perTable(n);
      expect(await stores.claimViews.family(n)).toEqual({
        assessment: want.assessment,
        payouts: want.payouts,
        timeline: want.timeline,
        missingDocuments: want.missing,
        scholarships: want.scholarships.scholarships,
        years: want.scholarships.years,
      });
    }
  });

  it("reads the family view in the family's access statement only when the code opens the claim", async () => {
    const secret = DEV_TRACKING_CODE_SECRET;
    for (const n of [benchClaimNumber(7), benchClaimNumber(10), benchClaimNumber(1)]) {
      const attempt = (code: string) =>
        stores.rateLimits.attempt(`test:address:${n}`, 60_000, {
          key: `test:claim:${n}`,
          claimNumber: n,
          codeHash: hashTrackingCode(code, secret),
          limit: 10,
          withFamilyView: true,
        });
      const opened = await attempt(BENCH_TRACKING_CODE);
      expect(opened.opened?.claim_number).toBe(n);
      expect(opened.familyView).toEqual(await stores.claimViews.family(n));
      const wrong = await attempt('WRONGCODE234');
      expect(wrong.opened).toBeUndefined();
      expect(wrong.familyView).toBeUndefined();
      // The counters still count: the wrong code on the claim, both attempts on the address.
      expect(wrong.claim?.hits).toBe(1);
      expect(wrong.address.hits).toBe(2);
    }
  });

  it('reads each view with a named prepared statement, planned once per connection', async () => {
    // One connection, so the statements run where pg_prepared_statements is read.
    const one = createDb(t.url, { max: 1 });
    try {
      const views = createStores(one).claimViews;
      await views.staff(benchClaimNumber(7));
      await views.family(benchClaimNumber(7));
      await views.family(benchClaimNumber(10));
      const { rows } = await one.raw<{ rows: { name: string }[] }>(
        'select name from pg_prepared_statements order by name',
      );
      expect(rows.map((r) => r.name)).toEqual(['claim-view-family', 'claim-view-staff']);
    } finally {
      await one.destroy();
    }
  });

  it('reads no claim that does not exist', async () => {
    expect(await stores.claimViews.staff('JKM-20260101-NOSUCH00')).toBeUndefined();
  });
});
