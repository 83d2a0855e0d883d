// The typed stores against the real PostgreSQL: what the activities write and what the API will read.
import { createStores, type Stores } from '../../db/stores';
import type { ClaimInput } from '../../vocabulary/claim';
import { SCHOLARSHIP_YEAR_STATUSES } from '../../vocabulary/status';
import { createTestDb, type TestDb } from '../helpers/db';
import { claimInput, createParticipant } from '../helpers/factories';

let t: TestDb;
let stores: Stores;

beforeAll(async () => {
  t = await createTestDb();
  stores = createStores(t.db);
});

afterAll(async () => {
  await t?.drop();
});

async function newClaim(overrides: Partial<ClaimInput> = {}) {
  const { nik } = await createParticipant(t.db, { monthlyWage: 7_500_000, arrearsSince: '2026-06-01' });
  const input = claimInput({ participantNik: nik, ...overrides });
  await stores.claims.create(input, { seq: 1, type: 'claim_received', actor: 'officer-intake' });
  return input;
}

const assessment = {
  regulation: 'PP82-2019',
  inputs: { monthlyWage: 7_500_000 },
  components: [{ code: 'lump_sum', amount: 20_000_000, basis: 'PP 82/2019', explanation: 'Lump sum' }],
  total: 20_000_000,
  notes: ['checked'],
};

describe('claims', () => {
  it('creates a claim once, with heirs, children and its first event, typed as the migration says', async () => {
    const input = await newClaim({
      heirs: [
        { name: 'Sri Wahyuni', relationship: 'spouse' },
        { name: 'Budi', relationship: 'child', dateOfBirth: '2015-02-01' },
      ],
      children: [{ name: 'Budi', dateOfBirth: '2015-02-01', schooling: { level: 'SD', grade: 5 } }],
    });
    expect(await stores.claims.create(input, { seq: 1, type: 'claim_received' })).toBe(false);
    const detail = await stores.claims.detail(input.claimNumber);
    expect(detail?.claim).toMatchObject({
      claim_number: input.claimNumber,
      status: 'received',
      event_date: '2026-11-01',
      escalated: false,
      account_revision: 0,
      closed_at: null,
    });
    expect(detail?.claim.created_at).toBeInstanceOf(Date);
    // The recipients are the highest legal rank present: a widow and a child are both rank 1 (rules/heirs.ts).
    expect(detail?.heirs.map((h) => [h.position, h.name, h.recipient])).toEqual([
      [1, 'Sri Wahyuni', true],
      [2, 'Budi', true],
    ]);
    expect(detail?.children[0]).toMatchObject({
      date_of_birth: '2015-02-01',
      school_level: 'SD',
      school_grade: 5,
    });
    expect(detail?.events).toEqual([
      expect.objectContaining({ seq: 1, type: 'claim_received', actor: 'officer-intake', data: {} }),
    ]);
    expect(detail?.assessment).toBeUndefined();
    expect(await stores.claims.detail('JKM-20261124-NOSUCH00')).toBeUndefined();
  });

  it('applies a step once: a retried event changes nothing, and closing stamps closed_at', async () => {
    const { claimNumber } = await newClaim();
    const event = { seq: 2, type: 'claim_rejected', actor: 'officer-2' };
    const decision = { decision: 'reject' as const, decidedBy: 'officer-2', reason: 'No', at: new Date() };
    expect(
      await stores.claims.appendEvent(claimNumber, event, { status: 'rejected', decision, closed: true }),
    ).toBe(true);
    expect(await stores.claims.appendEvent(claimNumber, event, { status: 'paying' })).toBe(false);
    const claim = await stores.claims.find(claimNumber);
    expect(claim).toMatchObject({ status: 'rejected', decision: 'reject', decided_by: 'officer-2' });
    expect(claim?.closed_at).toBeInstanceOf(Date);
    expect((await stores.claims.events(claimNumber)).map((e) => e.seq)).toEqual([1, 2]);
  });

  it('reads the documents, the missing ones, the assessment with numbers and the timeline', async () => {
    const { claimNumber } = await newClaim();
    const checked = { by: 'officer-1', at: new Date() };
    await stores.claims.recordDocuments(
      claimNumber,
      { savings_book: false, death_certificate: true },
      checked,
    );
    await stores.claims.recordDocuments(claimNumber, { savings_book: true, family_card: false }, checked);
    await stores.claims.recordAssessment(claimNumber, assessment);
    await stores.claims.recordAssessment(claimNumber, { ...assessment, total: 1 }); // ignored: assessed once
    await stores.claims.setVerificationDue(claimNumber, '2026-11-27');

    expect((await stores.claims.documents(claimNumber)).map((d) => [d.code, d.received])).toEqual([
      ['death_certificate', true],
      ['family_card', false],
      ['savings_book', true],
    ]);
    expect(await stores.claims.missingDocuments(claimNumber)).toEqual(['family_card']);
    expect(await stores.claims.assessment(claimNumber)).toMatchObject({
      total: 20_000_000,
      components: assessment.components,
      employer_liability: null,
      scholarship: null,
      notes: ['checked'],
      recipients: null,
    });
    expect(await stores.claims.timeline(claimNumber)).toEqual([
      { type: 'claim_received', created_at: expect.any(Date) },
    ]);
    expect((await stores.claims.find(claimNumber))?.verification_due).toBe('2026-11-27');
  });

  it('pages the work queue newest first by status, and the last page has no cursor', async () => {
    const numbers: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { claimNumber } = await newClaim();
      await stores.claims.appendEvent(
        claimNumber,
        { seq: 2, type: 'x' },
        { status: 'waiting_for_scholarship_choice' },
      );
      numbers.push(claimNumber);
    }
    const status = 'waiting_for_scholarship_choice' as const;
    const first = await stores.claims.listPage({ status, limit: 2 });
    expect(first.rows.map((r) => r.claim_number)).toEqual([numbers[2], numbers[1]]);
    expect(first.rows[0]).not.toHaveProperty('cursor_at');
    expect(first.next).toEqual([expect.stringMatching(/^\d{4}-\d\d-\d\dT[\d:]{8}\.\d{6}Z$/), numbers[1]]);
    const second = await stores.claims.listPage({ status, limit: 2, after: first.next! });
    expect(second.rows.map((r) => r.claim_number)).toEqual([numbers[0]]);
    expect(second.next).toBeNull();
    const counts = await stores.claims.countByProgramAndStatus();
    expect(counts).toContainEqual({ program: 'JKM', status, n: 3 });
  });
});

describe('payouts', () => {
  it('locks or creates one ledger row per key, marks it paid, and sums by status as numbers', async () => {
    const { claimNumber } = await newClaim();
    const key = `${claimNumber}:lump_sum`;
    const target = { gatewayKey: key, accountRevision: 0, bankCode: 'BRI', accountNumber: '1234567890' };
    const payout = { claimNumber, component: 'lump_sum', amount: 20_000_000 };
    await expect(stores.payouts.lockOrCreate(key, payout, target)).rejects.toThrow(/needs a transaction/);
    const row = await stores.transaction((tx) => tx.payouts.lockOrCreate(key, payout, target));
    const again = await stores.transaction((tx) =>
      tx.payouts.lockOrCreate(key, { ...payout, amount: 1 }, target),
    );
    expect(again).toEqual(row);
    expect(row).toMatchObject({ status: 'pending', amount: 20_000_000, gateway_reference: null });
    await stores.payouts.markPaid(key, 'dsb_1', '2026-11-24T03:00:00.000Z');
    expect(await stores.payouts.forClaim(claimNumber)).toEqual([
      expect.objectContaining({
        status: 'paid',
        gateway_reference: 'dsb_1',
        paid_at: new Date('2026-11-24T03:00:00Z'),
      }),
    ]);
    const day = await stores.payouts.paidBetween(
      new Date('2026-11-24T00:00:00Z'),
      new Date('2026-11-25T00:00:00Z'),
    );
    expect(day).toContainEqual({
      gateway_key: key,
      claim_number: claimNumber,
      component: 'lump_sum',
      amount: 20_000_000,
      gateway_reference: 'dsb_1',
    });
    const totals = await stores.payouts.totalsByStatus();
    expect(totals.find((r) => r.status === 'paid')).toEqual({ status: 'paid', n: 1, amount: 20_000_000 });
  });
});

describe('transactions', () => {
  it('writes nothing from a transaction that throws', async () => {
    const { claimNumber } = await newClaim();
    await expect(
      stores.transaction(async (tx) => {
        await tx.claims.appendEvent(claimNumber, { seq: 9, type: 'escalated' }, { escalatedAt: new Date() });
        await tx.notifications.add({
          dedupKey: `${claimNumber}:x`,
          claimNumber,
          audience: 'supervisors',
          kind: 'x',
          message: 'x',
        });
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect((await stores.claims.find(claimNumber))?.escalated).toBe(false);
    expect(await stores.claims.events(claimNumber)).toHaveLength(1);
    expect(await stores.notifications.forClaim(claimNumber)).toEqual([]);
  });
});

describe('registry and intake', () => {
  it('reads the membership with the employer, and the participant by national ID', async () => {
    const { nik, employerId } = await createParticipant(t.db, { monthlyWage: 4_200_000 });
    expect(await stores.registry.membership(nik)).toEqual({
      membership_start_date: '2015-01-01',
      membership_end_date: null,
      monthly_wage: 4_200_000,
      employer_id: employerId,
      employer_name: expect.stringMatching(/^PT Uji/),
      arrears_since: null,
    });
    expect(await stores.registry.isParticipant(nik)).toBe(true);
    expect(await stores.registry.isParticipant('3200000000000000')).toBe(false);
    expect(await stores.registry.membership('3200000000000000')).toBeUndefined();
  });

  it('reserves an Idempotency-Key once and lets one retry swap the tracking-code hash', async () => {
    const request = {
      idempotency_key: 'intake-store-1',
      request_hash: 'h',
      claim_number: 'JKM-20261124-INTAKE01',
      tracking_code_hash: 'old',
      claim_date: '2026-11-24',
      created_by: 'officer-1',
    };
    expect(await stores.intake.reserve(request)).toBe(true);
    expect(await stores.intake.reserve({ ...request, claim_number: 'JKM-20261124-INTAKE02' })).toBe(false);
    expect(await stores.intake.find('intake-store-1')).toMatchObject({ claim_number: request.claim_number });
    expect(await stores.intake.swapTrackingCodeHash('intake-store-1', 'old', 'new')).toBe(true);
    expect(await stores.intake.swapTrackingCodeHash('intake-store-1', 'old', 'newer')).toBe(false);
    expect((await stores.intake.find('intake-store-1'))?.tracking_code_hash).toBe('new');
  });
});

describe('scholarships', () => {
  const projection = {
    status: 'waiting_for_proof' as const,
    schoolYear: '2027/2028',
    expected: { level: 'SD' as const, grade: 3 },
    totalPaid: 0,
    yearsPaid: {},
    windowOpensOn: '2027-07-01',
    deadline: '2027-12-31',
    projected: [{ schoolYear: '2027/2028', level: 'SD' as const, grade: 3, amount: 1_500_000 }],
  };

  it("reads a claim's scholarships with their years, the choice, and the claim of a workflow id", async () => {
    const { claimNumber } = await newClaim();
    const ref = { workflowId: `${claimNumber}-S1`, claimNumber, childNumber: 1, childPosition: 2 };
    expect(await stores.scholarships.appendEvent(ref, { seq: 1, type: 'started' })).toBe(true);
    expect(await stores.scholarships.appendEvent(ref, { seq: 1, type: 'started' })).toBe(false);
    await stores.scholarships.writeProjection(ref, 2, projection);
    await stores.scholarships.writeProjection(ref, 1, { ...projection, status: 'ended' }); // older step: ignored
    await stores.scholarships.writeYear(ref, {
      schoolYear: '2027/2028',
      status: 'window_open',
      deadline: '2027-12-31',
    });
    await stores.scholarships.recordChoice(claimNumber, { children: [2], chosenBy: 'officer-1' });

    const { scholarships, years } = await stores.scholarships.forClaim(claimNumber);
    expect(scholarships).toEqual([
      expect.objectContaining({
        workflow_id: ref.workflowId,
        status: 'waiting_for_proof',
        total_paid: 0,
        last_seq: 2,
      }),
    ]);
    expect(scholarships[0]?.projected).toEqual(projection.projected);
    expect(years).toEqual([
      expect.objectContaining({
        school_year: '2027/2028',
        status: 'window_open',
        deadline: '2027-12-31',
        amount: 0,
      }),
    ]);
    expect(await stores.scholarships.choice(claimNumber)).toMatchObject({
      children: [2],
      chosen_by: 'officer-1',
    });
    expect(await stores.scholarships.claimNumberOf(ref.workflowId)).toBe(claimNumber);
    expect(await stores.scholarships.claimNumberOf('JKM-20261124-NOSUCH00-S1')).toBeUndefined();
    expect((await stores.scholarships.events(ref.workflowId)).map((e) => e.type)).toEqual(['started']);
  });

  it('stamps decided_at on a school year once it is paid, lapsed, not payable or passed before school, and not before', async () => {
    const { claimNumber } = await newClaim();
    const ref = { workflowId: `${claimNumber}-S1`, claimNumber, childNumber: 1, childPosition: 1 };
    await stores.scholarships.writeProjection(ref, 1, projection);
    for (const [i, status] of SCHOLARSHIP_YEAR_STATUSES.entries())
      await stores.scholarships.writeYear(ref, { schoolYear: `${2027 + i}/${2028 + i}`, status });
    const { years } = await stores.scholarships.forClaim(claimNumber);
    expect(years).toHaveLength(SCHOLARSHIP_YEAR_STATUSES.length);
    const decided = years.filter((y) => y.decided_at instanceof Date).map((y) => y.status);
    expect(decided).toEqual(['paid', 'lapsed', 'not_payable', 'not_yet_at_school']);
  });
});
