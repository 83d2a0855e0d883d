// A new tracking code (POST /claims/{claimNumber}/tracking-code): an officer issues it after checking the family's
// identity, which is recorded; the old code stops opening the claim at once, and the request is in the audit log.
import request from 'supertest';
import { jakartaDate } from '../../rules';
import { createParticipant } from '../helpers/factories';
import { startApiHarness, waitForClaimStatus, type ApiHarness } from './harness';

let h: ApiHarness;
let officer: string;
let auditor: string;
beforeAll(async () => {
  h = await startApiHarness();
  officer = h.token({ id: 'officer-1', role: 'officer' });
  auditor = h.token({ id: 'auditor-1', role: 'auditor' });
});
afterAll(async () => {
  await h?.close();
});

const CHECK = "Heir Sri Wahyuni came in person; KTP 3201019999000001 seen, matches the claim's heir list";

async function newClaim(): Promise<{ claimNumber: string; trackingCode: string }> {
  const { nik } = await createParticipant(h.t.db);
  const res = await request(h.app)
    .post('/api/v1/claims')
    .set('Authorization', `Bearer ${officer}`)
    .send({
      program: 'JKM',
      participantNik: nik,
      eventDate: jakartaDate(Date.now() - 86_400_000),
      heirs: [{ name: 'Sri Wahyuni', relationship: 'spouse' }],
      bankAccount: { bankCode: 'BRI', accountNumber: '1234567890', accountName: 'Sri Wahyuni' },
    });
  expect(res.status).toBe(201);
  await waitForClaimStatus(h, res.body.claimNumber, 'waiting_for_documents', officer);
  return res.body;
}

const track = (claimNumber: string, code: string) =>
  request(h.app).get(`/api/v1/track/${claimNumber}`).set('X-Tracking-Code', code);

const reissue = (claimNumber: string, token: string | undefined, body: unknown) => {
  const req = request(h.app).post(`/api/v1/claims/${claimNumber}/tracking-code`);
  if (token) req.set('Authorization', `Bearer ${token}`);
  return req.send(body as object);
};

async function auditRows(claimNumber: string) {
  for (let i = 0; i < 50; i++) {
    const rows = await h.t
      .db('audit_log')
      .where({ claim_number: claimNumber, route: '/claims/:claimNumber/tracking-code' })
      .orderBy('id');
    if (rows.length > 0) return rows;
    await new Promise((r) => setTimeout(r, 100));
  }
  return [];
}

describe('POST /claims/{claimNumber}/tracking-code', () => {
  it('issues a new code that opens the claim, and the old one answers as a wrong code does', async () => {
    const { claimNumber, trackingCode: old } = await newClaim();
    expect((await track(claimNumber, old)).status).toBe(200);
    const wrong = await track(claimNumber, 'ABCDEFGHJKMN');
    expect(wrong.status).toBe(404);

    const res = await reissue(claimNumber, officer, { identityCheck: CHECK });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ claimNumber, trackingCode: expect.stringMatching(/^[A-Z2-9]{12}$/) });
    expect(res.body.trackingCode).not.toBe(old);

    const withOld = await track(claimNumber, old);
    expect({ status: withOld.status, body: withOld.body }).toEqual({
      status: wrong.status,
      body: wrong.body,
    });
    const withNew = await track(claimNumber, res.body.trackingCode);
    expect(withNew.status).toBe(200);
    expect(withNew.body.claimNumber).toBe(claimNumber);

    // Recorded: who issued it and how the identity was checked, shown to staff; never the code.
    const reissues = await h.t.db('tracking_code_reissues').where({ claim_number: claimNumber });
    expect(reissues).toEqual([expect.objectContaining({ issued_by: 'officer-1', identity_check: CHECK })]);
    const staffView = await request(h.app)
      .get(`/api/v1/claims/${claimNumber}`)
      .set('Authorization', `Bearer ${officer}`);
    expect(staffView.body.trackingCodeReissues).toEqual([
      { issuedBy: 'officer-1', issuedAt: expect.any(String), identityCheck: CHECK },
    ]);
    expect(JSON.stringify(staffView.body)).not.toContain(res.body.trackingCode);

    // In the audit log, with who asked, and no body.
    const [row] = await auditRows(claimNumber);
    expect(row).toMatchObject({
      actor_kind: 'staff',
      actor_id: 'officer-1',
      method: 'POST',
      status: 201,
    });
    expect(JSON.stringify(row)).not.toContain(CHECK);
    const log = await request(h.app)
      .get('/api/v1/audit-log')
      .query({ claimNumber })
      .set('Authorization', `Bearer ${auditor}`);
    expect(log.body.items).toContainEqual(
      expect.objectContaining({ route: '/claims/:claimNumber/tracking-code', status: 201 }),
    );
  });

  it('refuses a request without the identity check, the family, an auditor and an unknown claim, changing no code', async () => {
    const { claimNumber, trackingCode } = await newClaim();
    for (const body of [
      {},
      { identityCheck: '   ' },
      { identityCheck: 'x\u0000y' },
      { identityCheck: 'x'.repeat(2001) },
    ]) {
      const res = await reissue(claimNumber, officer, body);
      expect(res.status).toBe(400);
      expect(res.type).toBe('application/problem+json');
      expect(res.body.errors[0].field).toBe('identityCheck');
    }
    const extra = await reissue(claimNumber, officer, { identityCheck: CHECK, trackingCode: 'ABCDEFGHJKMN' });
    expect(extra.status).toBe(400);
    expect(extra.body.errors[0].field).toBe('trackingCode');

    const byAuditor = await reissue(claimNumber, auditor, { identityCheck: CHECK });
    expect(byAuditor.status).toBe(403);
    const byFamily = await request(h.app)
      .post(`/api/v1/claims/${claimNumber}/tracking-code`)
      .set('X-Tracking-Code', trackingCode)
      .send({ identityCheck: CHECK });
    expect(byFamily.status).toBe(401);
    const unknown = await reissue('JKM-20261124-ZZZZZZZZ', officer, { identityCheck: CHECK });
    expect(unknown.status).toBe(404);

    expect((await track(claimNumber, trackingCode)).status).toBe(200);
    expect(await h.t.db('tracking_code_reissues').where({ claim_number: claimNumber })).toEqual([]);
  });
});
