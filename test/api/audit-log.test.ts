// The audit log: every staff action through the API is recorded, refused ones included; auditors read it.
import request from 'supertest';
import { jakartaDate } from '../../rules';
import { createParticipant, FULL_CHECKLIST } from '../helpers/factories';
import { startApiHarness, waitForClaimStatus, type ApiHarness } from './harness';

let h: ApiHarness;
let officer1: string;
let officer2: string;
let supervisor: string;
let auditor: string;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

beforeAll(async () => {
  h = await startApiHarness();
  officer1 = h.token({ id: 'officer-1', role: 'officer' });
  officer2 = h.token({ id: 'officer-2', role: 'officer' });
  supervisor = h.token({ id: 'supervisor-1', role: 'supervisor' });
  auditor = h.token({ id: 'auditor-1', role: 'auditor' });
});
afterAll(async () => {
  await h?.close();
});

type Row = Record<string, unknown>;

/** Rows are written once the answer is sent: wait for the one the test expects. */
async function auditRow(where: Row): Promise<Row> {
  for (let i = 0; i < 100; i++) {
    const row = await h.t.db('audit_log').where(where).orderBy('id', 'desc').first();
    if (row) return row;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no audit row for ${JSON.stringify(where)}`);
}

async function claimWaitingForDecision(nik: string, accountNumber = '1234567890') {
  const created = await request(h.app)
    .post('/api/v1/claims')
    .set(bearer(officer1))
    .send({
      program: 'JKM',
      participantNik: nik,
      eventDate: jakartaDate(Date.now() - 5 * 86_400_000),
      heirs: [{ name: 'Sri Wahyuni', relationship: 'spouse' }],
      bankAccount: { bankCode: 'BRI', accountNumber, accountName: 'Sri Wahyuni' },
    })
    .expect(201);
  const claimNumber: string = created.body.claimNumber;
  await waitForClaimStatus(h, claimNumber, 'waiting_for_documents', officer1);
  await request(h.app)
    .post(`/api/v1/claims/${claimNumber}/verification`)
    .set(bearer(officer1))
    .send({ checklist: FULL_CHECKLIST })
    .expect(200);
  await waitForClaimStatus(h, claimNumber, 'waiting_for_decision', officer1);
  return { claimNumber, trackingCode: created.body.trackingCode as string };
}

describe('recording', () => {
  it('records a refused self-approval: who, role, route, claim, 403, the problem type, when and from where', async () => {
    const { nik } = await createParticipant(h.t.db);
    const { claimNumber } = await claimWaitingForDecision(nik);
    const before = new Date();
    const res = await request(h.app)
      .post(`/api/v1/claims/${claimNumber}/decision`)
      .set(bearer(officer1))
      .send({ decision: 'approve', reason: 'my own file' });
    expect(res.status).toBe(403);

    const row = await auditRow({ claim_number: claimNumber, status: 403 });
    expect(row).toMatchObject({
      actor_kind: 'staff',
      actor_id: 'officer-1',
      actor_role: 'officer',
      method: 'POST',
      route: '/claims/:claimNumber/decision',
      path: `/api/v1/claims/${claimNumber}/decision`,
      problem_type: 'maker-checker',
    });
    expect(row.client_address).toMatch(/127\.0\.0\.1|::1/);
    expect((row.at as Date).getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
  });

  it('records the wrong role, a forged token and no token at all, without an identity it cannot prove', async () => {
    await request(h.app).post('/api/v1/claims').set(bearer(auditor)).send({}).expect(403);
    expect(
      await auditRow({ actor_id: 'auditor-1', method: 'POST', route: '/claims', status: 403 }),
    ).toMatchObject({
      actor_role: 'auditor',
      problem_type: 'forbidden',
    });

    await request(h.app).get('/api/v1/claims?limit=7').expect(401);
    const anonymous = await auditRow({ method: 'GET', path: '/api/v1/claims', status: 401 });
    expect(anonymous).toMatchObject({
      actor_kind: 'anonymous',
      actor_id: null,
      problem_type: 'unauthorized',
    });

    const forged = `${officer2.slice(0, -4)}AAAA`;
    await request(h.app).get('/api/v1/claims/JKM-20261124-FORGED22').set(bearer(forged)).expect(401);
    expect(await auditRow({ claim_number: 'JKM-20261124-FORGED22' })).toMatchObject({
      actor_kind: 'anonymous',
      actor_id: null,
      status: 401,
    });
  });

  it('records a family action by its tracking code, and no service route', async () => {
    const { nik } = await createParticipant(h.t.db);
    const { claimNumber, trackingCode } = await claimWaitingForDecision(nik);
    await request(h.app).get(`/api/v1/track/${claimNumber}`).set('X-Tracking-Code', trackingCode).expect(200);
    expect(await auditRow({ claim_number: claimNumber, route: '/track/:claimNumber' })).toMatchObject({
      actor_kind: 'family',
      actor_id: null,
      status: 200,
    });
    await request(h.app).get('/api/v1/healthz').expect(200);
    await new Promise((r) => setTimeout(r, 200));
    expect(await h.t.db('audit_log').where({ path: '/api/v1/healthz' })).toHaveLength(0);
  });

  it('never records bodies, national IDs, account numbers, tracking codes or tokens', async () => {
    const { nik } = await createParticipant(h.t.db);
    const { claimNumber, trackingCode } = await claimWaitingForDecision(nik, '7712345678');
    await request(h.app)
      .post(`/api/v1/claims/${claimNumber}/decision`)
      .set(bearer(officer2))
      .send({ decision: 'approve', reason: 'Secret reason 42' })
      .expect(200);
    await request(h.app).get(`/api/v1/claims?participantNik=${nik}`).set(bearer(officer1)).expect(400);
    await auditRow({ claim_number: claimNumber, route: '/claims/:claimNumber/decision', status: 200 });
    await auditRow({ method: 'GET', status: 400, actor_id: 'officer-1' });
    const all = JSON.stringify(await h.t.db('audit_log').select());
    for (const secret of [nik, '7712345678', trackingCode, 'Secret reason 42', officer1, officer2]) {
      expect(all).not.toContain(secret);
    }
  });
});

describe('the audit_log table', () => {
  it('refuses to update, delete or truncate what it recorded', async () => {
    await request(h.app).get('/api/v1/claims').set(bearer(supervisor)).expect(200);
    const row = await auditRow({ actor_id: 'supervisor-1', route: '/claims' });
    await expect(
      h.t.db('audit_log').where({ id: row.id }).update({ actor_id: 'someone-else' }),
    ).rejects.toThrow(/append-only/);
    await expect(h.t.db('audit_log').where({ id: row.id }).delete()).rejects.toThrow(/append-only/);
    await expect(h.t.db.raw('truncate audit_log')).rejects.toThrow(/append-only/);
    expect(await h.t.db('audit_log').where({ id: row.id }).first()).toMatchObject({
      actor_id: 'supervisor-1',
    });
  });
});

describe('GET /audit-log', () => {
  it('lists the refused attempts on a claim for auditors, filtered by actor, claim, outcome and time', async () => {
    const { nik } = await createParticipant(h.t.db);
    const { claimNumber } = await claimWaitingForDecision(nik);
    await request(h.app)
      .post(`/api/v1/claims/${claimNumber}/decision`)
      .set(bearer(officer1))
      .send({ decision: 'approve', reason: 'x' })
      .expect(403);
    await auditRow({ claim_number: claimNumber, status: 403 });

    const res = await request(h.app)
      .get('/api/v1/audit-log')
      .query({
        claimNumber,
        actor: 'officer-1',
        outcome: 'denied',
        from: jakartaDate(Date.now() - 86_400_000),
      })
      .set(bearer(auditor));
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        actor: { kind: 'staff', id: 'officer-1', role: 'officer' },
        method: 'POST',
        route: '/claims/:claimNumber/decision',
        claimNumber,
        status: 403,
        outcome: 'denied',
        problemType: 'maker-checker',
      }),
    ]);
    const all = await request(h.app).get('/api/v1/audit-log').query({ claimNumber }).set(bearer(auditor));
    expect(all.body.items.length).toBeGreaterThanOrEqual(5); // intake, polling, verification, the refusal
    expect(all.body.items.every((i: { claimNumber: string }) => i.claimNumber === claimNumber)).toBe(true);
    const past = await request(h.app)
      .get('/api/v1/audit-log')
      .query({ claimNumber, to: '2020-01-01' })
      .set(bearer(auditor));
    expect(past.body.items).toEqual([]);
  });

  it('pages newest first with a cursor, without repeating or skipping a row', async () => {
    const ids: number[] = [];
    let cursor: string | null = null;
    do {
      const res: request.Response = await request(h.app)
        .get('/api/v1/audit-log')
        .query({ limit: 3, actor: 'officer-1', ...(cursor ? { cursor } : {}) })
        .set(bearer(auditor));
      expect(res.status).toBe(200);
      ids.push(...res.body.items.map((i: { id: number }) => i.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(ids.length).toBeGreaterThan(3);
    const expected = await h.t
      .db('audit_log')
      .where({ actor_id: 'officer-1' })
      .andWhere('id', '<=', ids[0]!)
      .orderBy('id', 'desc')
      .pluck('id');
    expect(ids).toEqual(expected);
  });

  it('answers 400 naming the field for a bad filter', async () => {
    const res = await request(h.app)
      .get('/api/v1/audit-log')
      .query({ outcome: 'maybe' })
      .set(bearer(auditor));
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('outcome');
    const cursor = await request(h.app)
      .get('/api/v1/audit-log')
      .query({ cursor: 'xyz' })
      .set(bearer(auditor));
    expect(cursor.body.errors[0].field).toBe('cursor');
  });

  it('is described in the OpenAPI document with its filters, beside the history and replay routes', async () => {
    const { body } = await request(h.app).get('/api/v1/openapi.json').expect(200);
    const names = body.paths['/audit-log'].get.parameters.map((p: { name: string }) => p.name);
    expect(names).toEqual(
      expect.arrayContaining(['actor', 'claimNumber', 'from', 'to', 'outcome', 'cursor']),
    );
    expect(body.paths['/claims/{claimNumber}/history'].get).toBeDefined();
    expect(body.paths['/claims/{claimNumber}/replay'].post).toBeDefined();
  });

  it('answers 403 to officers and supervisors and 401 without a token', async () => {
    expect((await request(h.app).get('/api/v1/audit-log').set(bearer(officer1))).status).toBe(403);
    expect((await request(h.app).get('/api/v1/audit-log').set(bearer(supervisor))).status).toBe(403);
    expect((await request(h.app).get('/api/v1/audit-log')).status).toBe(401);
  });
});
