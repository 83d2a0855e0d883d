// JKK with the employer more than 3 months in arrears, through the HTTP API on real PostgreSQL and Temporal: the
// payout is held, an officer records the employer's settlement and proof of payment, a supervisor who did not
// record it approves, and the employer's account is reimbursed once.
import request from 'supertest';
import { addMonths } from '../../rules/dates';
import { jakartaDate } from '../../rules';
import { claimStatusText } from '../../vocabulary/status';
import { createParticipant, FULL_CHECKLIST } from '../helpers/factories';
import { startApiHarness, waitForClaimStatus, type ApiHarness } from './harness';

let h: ApiHarness;
let officer1: string;
let officer2: string;
let supervisor1: string;
let supervisor2: string;
let auditor: string;

beforeAll(async () => {
  h = await startApiHarness();
  officer1 = h.token({ id: 'officer-1', role: 'officer' });
  officer2 = h.token({ id: 'officer-2', role: 'officer' });
  supervisor1 = h.token({ id: 'supervisor-1', role: 'supervisor' });
  supervisor2 = h.token({ id: 'supervisor-2', role: 'supervisor' });
  auditor = h.token({ id: 'auditor-1', role: 'auditor' });
});
afterAll(async () => {
  await h?.close();
});

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const JKK_TOTAL = 190_000_000; // wage Rp 3,500,000 under PP 82/2019
const settlement = {
  arrearsSettlementReference: 'SETL-2026-0042',
  proofOfPaymentReference: 'TRF-BCA-778812',
  amountPaidToHeirs: JKK_TOTAL,
  paidToHeirsOn: jakartaDate(Date.now()),
  employerAccount: { bankCode: 'BCA', accountNumber: '5550001111', accountName: 'PT Uji Konstruksi' },
};

/** A JKK claim, approved, whose employer was 5 months in arrears at the death; waits for the employer. */
async function heldClaim(): Promise<{ claimNumber: string; trackingCode: string }> {
  const eventDate = jakartaDate(Date.now() - 3 * 86_400_000);
  const { nik } = await createParticipant(h.t.db, {
    membershipStartDate: '2018-01-01',
    monthlyWage: 3_500_000,
    arrearsSince: addMonths(eventDate, -5),
  });
  const created = await request(h.app)
    .post('/api/v1/claims')
    .set(bearer(officer1))
    .send({
      program: 'JKK',
      participantNik: nik,
      eventDate,
      heirs: [{ name: 'Sri Wahyuni', relationship: 'spouse' }],
      bankAccount: { bankCode: 'BRI', accountNumber: '1234567890', accountName: 'Sri Wahyuni' },
    });
  expect(created.status).toBe(201);
  const { claimNumber, trackingCode } = created.body;
  await waitForClaimStatus(h, claimNumber, 'waiting_for_documents', officer1);
  const verified = await request(h.app)
    .post(`/api/v1/claims/${claimNumber}/verification`)
    .set(bearer(officer1))
    .send({ checklist: FULL_CHECKLIST });
  expect(verified.body).toEqual({ complete: true, missing: [] });
  await waitForClaimStatus(h, claimNumber, 'waiting_for_decision', officer1);
  const decided = await request(h.app)
    .post(`/api/v1/claims/${claimNumber}/decision`)
    .set(bearer(officer2))
    .send({ decision: 'approve', reason: 'Complete file' });
  expect(decided.status).toBe(200);
  await waitForClaimStatus(h, claimNumber, 'waiting_for_employer_payment', officer1);
  return { claimNumber, trackingCode };
}

describe('the employer pays first (JKK, more than 3 months in arrears)', () => {
  it('records the settlement, refuses the recorder and officers as approvers, and reimburses the employer once', async () => {
    const { claimNumber, trackingCode } = await heldClaim();
    const path = `/api/v1/claims/${claimNumber}/employer-settlement`;

    // The family reads why nothing reaches its account, and nothing was paid to the heirs.
    const tracked = await request(h.app)
      .get(`/api/v1/track/${claimNumber}`)
      .set('X-Tracking-Code', trackingCode);
    expect(tracked.body.statusText).toBe(claimStatusText('waiting_for_employer_payment'));
    expect(tracked.body.statusReason).toContain('more than 3');
    expect(tracked.body.payouts).toEqual([]);

    // Refused: an auditor; a body naming the wrong field; the heirs paid short (422 naming the field).
    expect((await request(h.app).post(path).set(bearer(auditor)).send(settlement)).status).toBe(403);
    const bad = await request(h.app)
      .post(path)
      .set(bearer(officer1))
      .send({ ...settlement, proofOfPaymentReference: '' });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['proofOfPaymentReference']);
    const short = await request(h.app)
      .post(path)
      .set(bearer(officer1))
      .send({ ...settlement, amountPaidToHeirs: JKK_TOTAL - 1 });
    expect(short.status).toBe(422);
    expect(short.body.detail).toMatch(/^amountPaidToHeirs: /);
    expect(await h.t.db('employer_reimbursements').where({ claim_number: claimNumber })).toEqual([]);

    // Recorded by a supervisor; a decision before it would have been 409.
    const recorded = await request(h.app).post(path).set(bearer(supervisor1)).send(settlement);
    expect(recorded.status).toBe(200);
    expect(recorded.body).toEqual({ status: 'waiting_for_reimbursement_approval', reimbursement: JKK_TOTAL });
    await waitForClaimStatus(h, claimNumber, 'waiting_for_reimbursement_approval', officer1);
    const view = await request(h.app).get(`/api/v1/claims/${claimNumber}`).set(bearer(officer1));
    expect(view.body.employerReimbursement).toMatchObject({
      status: 'recorded',
      recordedBy: 'supervisor-1',
      proofOfPaymentReference: 'TRF-BCA-778812',
      employerAccount: settlement.employerAccount,
    });

    // Refused: the recorder (maker-checker), an officer (supervisor required), an auditor (role).
    const decide = (token: string) =>
      request(h.app)
        .post(`${path}/decision`)
        .set(bearer(token))
        .send({ decision: 'approve', reason: 'Settlement and proof checked' });
    const self = await decide(supervisor1);
    expect(self.status).toBe(403);
    expect(self.body.type).toMatch(/\/maker-checker$/);
    const officer = await decide(officer2);
    expect(officer.status).toBe(403);
    expect(officer.body.type).toMatch(/\/supervisor-required$/);
    expect((await decide(auditor)).status).toBe(403);

    // Approved by another supervisor: the employer's account is paid once; a second approval is 409.
    const approved = await decide(supervisor2);
    expect(approved.status).toBe(200);
    expect(approved.body).toEqual({ decision: 'approve', reimbursement: JKK_TOTAL });
    const paid = await waitForClaimStatus(h, claimNumber, 'paid', officer1);
    expect(paid.payouts).toEqual([
      expect.objectContaining({
        component: 'employer_reimbursement',
        amount: JKK_TOTAL,
        status: 'paid',
        idempotencyKey: `${claimNumber}:employer_reimbursement`,
        accountNumber: settlement.employerAccount.accountNumber,
      }),
    ]);
    expect(paid.employerReimbursement).toMatchObject({ status: 'approved', decidedBy: 'supervisor-2' });
    expect((await decide(supervisor2)).status).toBe(409);
    expect((await request(h.app).post(path).set(bearer(officer1)).send(settlement)).status).toBe(409);

    // The audit log has both people, and the refusal.
    const audit = await h.t
      .db('audit_log')
      .where({ claim_number: claimNumber })
      .whereIn('route', [
        '/claims/:claimNumber/employer-settlement',
        '/claims/:claimNumber/employer-settlement/decision',
      ])
      .orderBy('id')
      .select('actor_id', 'status');
    expect(audit).toEqual(
      expect.arrayContaining([
        { actor_id: 'supervisor-1', status: 200 },
        { actor_id: 'supervisor-1', status: 403 },
        { actor_id: 'supervisor-2', status: 200 },
      ]),
    );
  });

  it('refuses a settlement on a claim that does not wait for an employer (409), and an unknown claim (404)', async () => {
    const { nik } = await createParticipant(h.t.db);
    const created = await request(h.app)
      .post('/api/v1/claims')
      .set(bearer(officer1))
      .send({
        program: 'JKM',
        participantNik: nik,
        eventDate: jakartaDate(Date.now() - 3 * 86_400_000),
        heirs: [{ name: 'Sri Wahyuni', relationship: 'spouse' }],
        bankAccount: { bankCode: 'BRI', accountNumber: '1234567890', accountName: 'Sri Wahyuni' },
      });
    await waitForClaimStatus(h, created.body.claimNumber, 'waiting_for_documents', officer1);
    const res = await request(h.app)
      .post(`/api/v1/claims/${created.body.claimNumber}/employer-settlement`)
      .set(bearer(officer1))
      .send(settlement);
    expect(res.status).toBe(409);
    const unknown = await request(h.app)
      .post('/api/v1/claims/JKK-20261124-AAAAAAAA/employer-settlement')
      .set(bearer(officer1))
      .send(settlement);
    expect(unknown.status).toBe(404);
  });
});
