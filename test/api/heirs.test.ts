// Heirs by legal rank through the HTTP API, against real PostgreSQL and a real Temporal dev server: every legal
// category accepted at intake, who receives what as staff and the family see it, and the court determination.
import request from 'supertest';
import { createParticipant, FULL_CHECKLIST } from '../helpers/factories';
import { startApiHarness, waitForClaimStatus, type ApiHarness } from './harness';

let h: ApiHarness;
let officer1: string;
let officer2: string;

beforeAll(async () => {
  h = await startApiHarness();
  officer1 = h.token({ id: 'officer-1', role: 'officer' });
  officer2 = h.token({ id: 'officer-2', role: 'officer' });
});
afterAll(async () => {
  await h?.close();
});

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

type Heir = { name: string; relationship: string };

async function file(heirs: Heir[]) {
  const { nik } = await createParticipant(h.t.db, { membershipStartDate: '2019-01-01' });
  const res = await request(h.app)
    .post('/api/v1/claims')
    .set(bearer(officer1))
    .send({
      program: 'JKM',
      participantNik: nik,
      eventDate: '2026-11-01',
      heirs,
      bankAccount: { bankCode: 'BRI', accountNumber: '1234567890', accountName: 'Penerima' },
    });
  return res;
}

const verify = (claimNumber: string, checklist: Record<string, boolean>) =>
  request(h.app).post(`/api/v1/claims/${claimNumber}/verification`).set(bearer(officer1)).send({ checklist });

describe('heirs at intake', () => {
  it('accepts a will beneficiary and a funeral payer, and gives the will beneficiary (rank 5) the benefit', async () => {
    const res = await file([
      { name: 'Pak Rahmat', relationship: 'funeral_payer' },
      { name: 'Bu Lestari', relationship: 'will_beneficiary' },
    ]);
    expect(res.status).toBe(201);
    const claim = await waitForClaimStatus(h, res.body.claimNumber, 'waiting_for_documents', officer1);
    expect(claim.heirs.map((x: Heir & { recipient: boolean }) => [x.relationship, x.recipient])).toEqual([
      ['funeral_payer', false],
      ['will_beneficiary', true],
    ]);
  });

  it('refuses a relationship outside the legal categories, naming the field, and starts nothing', async () => {
    const res = await file([{ name: 'Sepupu', relationship: 'cousin' }]);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['heirs.0.relationship']);
    expect(await h.t.db('heirs').where({ name: 'Sepupu' })).toHaveLength(0);
  });
});

describe('who receives, as staff and the family see it', () => {
  it('shows staff the spouse listed after a sibling as the recipient under its article; the family the rule only', async () => {
    const res = await file([
      { name: 'Agus Wahyudi', relationship: 'sibling' },
      { name: 'Sri Wahyuni', relationship: 'spouse' },
    ]);
    const { claimNumber, trackingCode } = res.body;
    await waitForClaimStatus(h, claimNumber, 'waiting_for_documents', officer1);
    expect((await verify(claimNumber, FULL_CHECKLIST)).body).toEqual({ complete: true, missing: [] });
    const staff = await waitForClaimStatus(h, claimNumber, 'waiting_for_decision', officer1);
    expect(staff.heirs.map((x: { recipient: boolean }) => x.recipient)).toEqual([false, true]);
    expect(staff.assessment.recipients).toMatchObject({
      rank: 1,
      heirs: [{ position: 2, relationship: 'spouse' }],
      receives: { amount: 42_000_000 },
      toFund: null,
      basis: expect.stringContaining('PP 44/2015 Pasal 40(2)'),
    });

    const family = await request(h.app)
      .get(`/api/v1/track/${claimNumber}`)
      .set('X-Tracking-Code', trackingCode);
    expect(family.status).toBe(200);
    expect(family.body.assessment.recipients).toEqual({
      rank: 1,
      explanation: 'Rank 1: the widow or widower and the children receive (1).',
    });
    expect(JSON.stringify(family.body)).not.toMatch(/Agus|Sri Wahyuni|spouse|sibling/);
  });

  it('refuses to decide a funeral payer’s claim until the court determination of heirs is verified', async () => {
    const res = await file([{ name: 'Pak Rahmat', relationship: 'funeral_payer' }]);
    const { claimNumber } = res.body;
    await waitForClaimStatus(h, claimNumber, 'waiting_for_documents', officer1);
    expect((await verify(claimNumber, FULL_CHECKLIST)).body).toEqual({
      complete: false,
      missing: ['court_heir_determination'],
    });
    const early = await request(h.app)
      .post(`/api/v1/claims/${claimNumber}/decision`)
      .set(bearer(officer2))
      .send({ decision: 'approve', reason: 'No court determination' });
    expect(early.status).toBe(409);

    const complete = await verify(claimNumber, { ...FULL_CHECKLIST, court_heir_determination: true });
    expect(complete.body).toEqual({ complete: true, missing: [] });
    const staff = await waitForClaimStatus(h, claimNumber, 'waiting_for_decision', officer1);
    expect(staff.assessment.recipients).toMatchObject({
      rank: 6,
      heirs: [{ position: 1, relationship: 'funeral_payer' }],
      receives: { components: ['funeral'], amount: 10_000_000 },
      toFund: { amount: 32_000_000 },
      courtDetermination: true,
    });
  });
});
