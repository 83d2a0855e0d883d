// The HTTP API with supertest, against real PostgreSQL and a real Temporal dev server.
import request from 'supertest';
import { canonicalHash } from '../../api/temporal/intake';
import { createClaimBody } from '../../api/schemas/claims';
import { DEV_TRACKING_CODE_SECRET, hashTrackingCode } from '../../api/middleware/tracking-code';
import { jakartaDate } from '../../rules';
import { createParticipant, FULL_CHECKLIST } from '../helpers/factories';
import { startApiHarness, waitForClaimStatus, type ApiHarness } from './harness';

let h: ApiHarness;
let officer1: string;
let officer2: string;
let supervisor: string;
let auditor: string;

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

const today = () => jakartaDate(Date.now());
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

function claimBody(nik: string, overrides: Record<string, unknown> = {}) {
  return {
    program: 'JKM',
    participantNik: nik,
    eventDate: '2026-11-01',
    heirs: [{ name: 'Sri Wahyuni', relationship: 'spouse' }],
    bankAccount: { bankCode: 'BRI', accountNumber: '1234567890', accountName: 'Sri Wahyuni' },
    ...overrides,
  };
}

async function newClaim(body: Record<string, unknown>) {
  const res = await request(h.app).post('/api/v1/claims').set(bearer(officer1)).send(body);
  expect(res.status).toBe(201);
  return res.body as { claimNumber: string; trackingCode: string; status: string };
}

async function claimsFor(nik: string): Promise<number> {
  const claims = await h.t.db('claims').where({ participant_nik: nik });
  const intakes = await h.t.db('intake_requests').whereIn(
    'claim_number',
    claims.map((c) => c.claim_number),
  );
  return claims.length + intakes.length;
}

describe('POST /claims', () => {
  it('starts a claim and returns its number, a tracking code and the status', async () => {
    const { nik } = await createParticipant(h.t.db);
    const res = await request(h.app).post('/api/v1/claims').set(bearer(officer1)).send(claimBody(nik));
    expect(res.status).toBe(201);
    expect(res.body.claimNumber).toMatch(/^JKM-\d{8}-[A-Z0-9]{8}$/);
    expect(res.body.trackingCode).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{12}$/);
    expect(res.body.status).toBe('received');
    const claim = await waitForClaimStatus(h, res.body.claimNumber, 'waiting_for_documents', officer1);
    expect(claim.createdBy).toBe('officer-1');
    const stored = await h.t.db('claims').where({ claim_number: res.body.claimNumber }).first();
    expect(stored.tracking_code_hash).not.toContain(res.body.trackingCode);
  });

  it('returns the same claim for the same Idempotency-Key and never starts a second workflow', async () => {
    const { nik } = await createParticipant(h.t.db);
    const key = `intake-${nik}`;
    const send = () =>
      request(h.app)
        .post('/api/v1/claims')
        .set(bearer(officer1))
        .set('Idempotency-Key', key)
        .send(claimBody(nik));
    const [a, b] = await Promise.all([send(), send()]);
    const c = await send();
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 201]);
    expect(new Set([a.body.claimNumber, b.body.claimNumber, c.body.claimNumber]).size).toBe(1);
    expect(c.status).toBe(200);
    expect(c.body.trackingCode).toBeUndefined();
    await waitForClaimStatus(h, a.body.claimNumber, 'waiting_for_documents', officer1);
    expect(await h.t.db('claims').where({ participant_nik: nik })).toHaveLength(1);
    const runs = h.env.client.workflow.list({ query: `WorkflowId = '${a.body.claimNumber}'` });
    const ids: string[] = [];
    for await (const run of runs) ids.push(run.workflowId);
    const count = ids.length;
    expect(count).toBe(1);
  });

  it('starts the claim with a fresh tracking code when a retry finds the first attempt never reached Temporal', async () => {
    const { nik } = await createParticipant(h.t.db);
    const key = `lost-start-${nik}`;
    const body = claimBody(nik);
    const claimNumber = `JKM-20261124-LOST${nik.slice(-4)}`;
    // What a crash between recording the key and starting the workflow leaves behind.
    await h.t.db('intake_requests').insert({
      idempotency_key: key,
      request_hash: canonicalHash(createClaimBody.parse(body)),
      claim_number: claimNumber,
      tracking_code_hash: hashTrackingCode('NOBODYHASTHIS', DEV_TRACKING_CODE_SECRET),
      claim_date: today(),
      created_by: 'officer-1',
    });
    const retry = await request(h.app)
      .post('/api/v1/claims')
      .set(bearer(officer1))
      .set('Idempotency-Key', key)
      .send(body);
    expect(retry.status).toBe(201);
    expect(retry.body.claimNumber).toBe(claimNumber);
    await waitForClaimStatus(h, claimNumber, 'waiting_for_documents', officer1);
    const tracked = await request(h.app)
      .get(`/api/v1/track/${claimNumber}`)
      .set('X-Tracking-Code', retry.body.trackingCode);
    expect(tracked.status).toBe(200);
    const again = await request(h.app)
      .post('/api/v1/claims')
      .set(bearer(officer1))
      .set('Idempotency-Key', key)
      .send(body);
    expect(again.status).toBe(200);
    expect(again.body.trackingCode).toBeUndefined();
  });

  it('refuses an Idempotency-Key reused for a different claim', async () => {
    const { nik } = await createParticipant(h.t.db);
    const key = `reuse-${nik}`;
    const first = await request(h.app)
      .post('/api/v1/claims')
      .set(bearer(officer1))
      .set('Idempotency-Key', key)
      .send(claimBody(nik));
    expect(first.status).toBe(201);
    const second = await request(h.app)
      .post('/api/v1/claims')
      .set(bearer(officer1))
      .set('Idempotency-Key', key)
      .send(claimBody(nik, { program: 'JKK' }));
    expect(second.status).toBe(422);
    expect(second.body.errors[0].field).toBe('Idempotency-Key');
  });

  it.each([
    ['a malformed date', { eventDate: '2026-02-30' }, 'eventDate'],
    ['a date in another format', { eventDate: '01/11/2026' }, 'eventDate'],
    ['an NIK that is not 16 digits', { participantNik: '12345' }, 'participantNik'],
    ['a negative wage', { actualMonthlyWage: -1 }, 'actualMonthlyWage'],
    ['a fractional wage', { actualMonthlyWage: 1.5 }, 'actualMonthlyWage'],
    ['an unknown field', { status: 'paid' }, 'status'],
    [
      'an unknown nested field',
      { bankAccount: { bankCode: 'BRI', accountNumber: '1234567', accountName: 'x', approvedBy: 'me' } },
      'bankAccount.approvedBy',
    ],
    ['no heirs', { heirs: [] }, 'heirs'],
    ['an unknown programme', { program: 'JHT' }, 'program'],
  ])('answers 400 naming the field for %s, and records nothing', async (_name, change, field) => {
    const { nik } = await createParticipant(h.t.db);
    const res = await request(h.app)
      .post('/api/v1/claims')
      .set(bearer(officer1))
      .set('Idempotency-Key', `bad-input-${nik}`)
      .send(claimBody(nik, change));
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    await new Promise((r) => setTimeout(r, 200)); // a workflow, had one started, would have recorded by now
    expect(await claimsFor(nik)).toBe(0);
    expect(await h.t.db('intake_requests').where({ idempotency_key: `bad-input-${nik}` })).toHaveLength(0);
  });

  it('answers 422 naming participantNik for an unknown participant, and records nothing', async () => {
    const res = await request(h.app)
      .post('/api/v1/claims')
      .set(bearer(officer1))
      .set('Idempotency-Key', 'unknown-participant-1')
      .send(claimBody('3299000000000001'));
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      { field: 'participantNik', message: expect.stringContaining('not a registered') },
    ]);
    await new Promise((r) => setTimeout(r, 200));
    expect(await claimsFor('3299000000000001')).toBe(0);
    expect(await h.t.db('intake_requests').where({ idempotency_key: 'unknown-participant-1' })).toHaveLength(
      0,
    );
  });

  it('answers 422 for a date of death in the future', async () => {
    const { nik } = await createParticipant(h.t.db);
    const res = await request(h.app)
      .post('/api/v1/claims')
      .set(bearer(officer1))
      .send(claimBody(nik, { eventDate: '2099-01-01' }));
    expect(res.status).toBe(422);
    expect(res.body.errors[0].field).toBe('eventDate');
  });

  it('answers 400 for a body that is not JSON', async () => {
    const res = await request(h.app)
      .post('/api/v1/claims')
      .set(bearer(officer1))
      .set('Content-Type', 'application/json')
      .send('{"program": ');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('(body)');
  });

  it('answers 401 without a token, 401 with a forged one, and 403 for an auditor', async () => {
    expect((await request(h.app).post('/api/v1/claims').send({})).status).toBe(401);
    const forged = `${officer1.slice(0, -4)}AAAA`;
    expect((await request(h.app).post('/api/v1/claims').set(bearer(forged)).send({})).status).toBe(401);
    expect((await request(h.app).post('/api/v1/claims').set(bearer(auditor)).send({})).status).toBe(403);
  });
});

describe('a claim through verification, decision and payout', () => {
  it('refuses the verifier as approver, refuses early and late decisions, and pays after a second officer approves', async () => {
    const { nik } = await createParticipant(h.t.db, { membershipStartDate: '2019-01-01' });
    const { claimNumber, trackingCode } = await newClaim(claimBody(nik));
    await waitForClaimStatus(h, claimNumber, 'waiting_for_documents', officer1);
    const url = `/api/v1/claims/${claimNumber}`;

    const early = await request(h.app)
      .post(`${url}/decision`)
      .set(bearer(officer2))
      .send({ decision: 'approve', reason: 'ok' });
    expect(early.status).toBe(409);

    const verified = await request(h.app)
      .post(`${url}/verification`)
      .set(bearer(officer1))
      .send({ checklist: FULL_CHECKLIST });
    expect(verified.status).toBe(200);
    expect(verified.body).toEqual({ complete: true, missing: [] });
    await waitForClaimStatus(h, claimNumber, 'waiting_for_decision', officer1);

    const self = await request(h.app)
      .post(`${url}/decision`)
      .set(bearer(officer1))
      .send({ decision: 'approve', reason: 'ok' });
    expect(self.status).toBe(403);
    expect(self.body.type).toMatch(/maker-checker/);
    expect((await h.t.db('claims').where({ claim_number: claimNumber }).first()).decision).toBeNull();

    const badDecision = await request(h.app)
      .post(`${url}/decision`)
      .set(bearer(officer2))
      .send({ decision: 'maybe', reason: 'x' });
    expect(badDecision.status).toBe(400);
    expect(badDecision.body.errors[0].field).toBe('decision');

    const approved = await request(h.app)
      .post(`${url}/decision`)
      .set(bearer(officer2))
      .send({ decision: 'approve', reason: 'Complete' });
    expect(approved.status).toBe(200);
    expect(approved.body).toEqual({ decision: 'approve', total: 42_000_000 });

    const paid = await waitForClaimStatus(h, claimNumber, 'paid', officer1);
    expect(paid.payouts.map((p: { component: string }) => p.component).sort()).toEqual([
      'funeral',
      'lump_sum',
      'periodic',
    ]);
    expect(paid.events.map((e: { type: string }) => e.type)).toContain('claim_approved');

    const late = await request(h.app)
      .post(`${url}/decision`)
      .set(bearer(supervisor))
      .send({ decision: 'reject', reason: 'x' });
    expect(late.status).toBe(409);

    const track = await request(h.app)
      .get(`/api/v1/track/${claimNumber}`)
      .set('X-Tracking-Code', trackingCode);
    expect(track.status).toBe(200);
    expect(track.body.status).toBe('paid');
    expect(track.body.participantNik).toBe(`************${nik.slice(-4)}`);
    expect(track.body.bankAccount.accountNumber).toBe('******7890');
    expect(track.body.assessment.total).toBe(42_000_000);
    expect(track.body.payouts).toHaveLength(3);
    expect(JSON.stringify(track.body)).not.toContain('officer-');
  });

  it('needs a supervisor to approve more than Rp 200,000,000', async () => {
    const { nik } = await createParticipant(h.t.db, { monthlyWage: 25_000_000 });
    const { claimNumber } = await newClaim(claimBody(nik, { program: 'JKK' }));
    await waitForClaimStatus(h, claimNumber, 'waiting_for_documents', officer1);
    const url = `/api/v1/claims/${claimNumber}`;
    await request(h.app)
      .post(`${url}/verification`)
      .set(bearer(officer1))
      .send({ checklist: FULL_CHECKLIST })
      .expect(200);
    await waitForClaimStatus(h, claimNumber, 'waiting_for_decision', officer1);
    const byOfficer = await request(h.app)
      .post(`${url}/decision`)
      .set(bearer(officer2))
      .send({ decision: 'approve', reason: 'ok' });
    expect(byOfficer.status).toBe(403);
    expect(byOfficer.body.type).toMatch(/supervisor-required/);
    const bySupervisor = await request(h.app)
      .post(`${url}/decision`)
      .set(bearer(supervisor))
      .send({ decision: 'approve', reason: 'ok' });
    expect(bySupervisor.status).toBe(200);
    // JKK death: 48 × 25,000,000 + funeral 10,000,000 + periodic 12,000,000.
    expect(bySupervisor.body.total).toBe(1_222_000_000);
  });

  it('lets the family propose an account with its tracking code, pays it once another officer approves it', async () => {
    const { nik } = await createParticipant(h.t.db);
    const { claimNumber, trackingCode } = await newClaim(
      claimBody(nik, {
        bankAccount: { bankCode: 'BNI', accountNumber: '0001234567', accountName: 'Ibu Sri Wahyuni' },
      }),
    );
    const url = `/api/v1/claims/${claimNumber}`;
    const notYet = await request(h.app)
      .post(`${url}/bank-account`)
      .set('X-Tracking-Code', trackingCode)
      .send({ bankCode: 'BNI', accountNumber: '5551234567', accountName: 'Ibu Sri Wahyuni' });
    expect([404, 409]).toContain(notYet.status);
    await waitForClaimStatus(h, claimNumber, 'waiting_for_documents', officer1);
    await request(h.app)
      .post(`${url}/verification`)
      .set(bearer(officer1))
      .send({ checklist: FULL_CHECKLIST })
      .expect(200);
    await waitForClaimStatus(h, claimNumber, 'waiting_for_decision', officer1);
    await request(h.app)
      .post(`${url}/decision`)
      .set(bearer(officer2))
      .send({ decision: 'approve', reason: 'ok' })
      .expect(200);
    await waitForClaimStatus(h, claimNumber, 'waiting_for_bank_account', officer1);

    const wrongCode = await request(h.app)
      .post(`${url}/bank-account`)
      .set('X-Tracking-Code', 'WRONGCODE234')
      .send({ bankCode: 'BNI', accountNumber: '5551234567', accountName: 'Ibu Sri Wahyuni' });
    expect(wrongCode.status).toBe(404);
    const replaced = await request(h.app)
      .post(`${url}/bank-account`)
      .set('X-Tracking-Code', trackingCode)
      .send({ bankCode: 'BNI', accountNumber: '5551234567', accountName: 'Ibu Sri Wahyuni' });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toEqual({ accountRevision: 0, status: 'waiting_for_account_review' });
    await waitForClaimStatus(h, claimNumber, 'waiting_for_account_review', officer1);
    const tracked = await request(h.app)
      .get(`/api/v1/track/${claimNumber}`)
      .set('X-Tracking-Code', trackingCode);
    expect(tracked.body.statusText).toMatch(/second staff member/);

    // A change of payee takes two people: not the officer who filed and verified it, not without an identity check.
    const review = {
      decision: 'approve',
      identityCheck: 'Video call, KTP shown',
      reason: "The widow's own account",
    };
    const byFiler = await request(h.app)
      .post(`${url}/bank-account/review`)
      .set(bearer(officer1))
      .send(review);
    expect(byFiler.status).toBe(403);
    expect(byFiler.body.type).toMatch(/maker-checker/);
    const byFamily = await request(h.app)
      .post(`${url}/bank-account/review`)
      .set('X-Tracking-Code', trackingCode)
      .send(review);
    expect(byFamily.status).toBe(401);
    const unchecked = await request(h.app)
      .post(`${url}/bank-account/review`)
      .set(bearer(officer2))
      .send({ ...review, identityCheck: ' ' });
    expect(unchecked.status).toBe(400);
    expect(JSON.stringify(unchecked.body)).toContain('identityCheck');
    expect(
      h.gateway.controls.all().filter((d) => d.reference.startsWith(claimNumber) && d.status === 'completed'),
    ).toEqual([]);
    const approved = await request(h.app)
      .post(`${url}/bank-account/review`)
      .set(bearer(officer2))
      .send(review);
    expect(approved.status).toBe(200);
    expect(approved.body).toEqual({ decision: 'approve', accountRevision: 1 });
    const again = await request(h.app).post(`${url}/bank-account/review`).set(bearer(officer2)).send(review);
    expect(again.status).toBe(409);
    const paid = await waitForClaimStatus(h, claimNumber, 'paid', officer1);
    expect(paid.payouts.every((p: { status: string }) => p.status === 'paid')).toBe(true);
    expect(paid.accountChanges).toEqual([
      expect.objectContaining({
        revision: 1,
        proposedBy: 'family',
        holderMatches: true,
        status: 'approved',
        reviewedBy: 'officer-2',
        identityCheck: 'Video call, KTP shown',
      }),
    ]);
    const completed = h.gateway.controls
      .all()
      .filter((d) => d.reference.startsWith(claimNumber) && d.status === 'completed');
    expect(completed).toHaveLength(3);
  });
});

describe('reading claims', () => {
  it('lists the work queue by status, newest first, in pages', async () => {
    const [{ nik }, { nik: other }] = [await createParticipant(h.t.db), await createParticipant(h.t.db)];
    const a = await newClaim(claimBody(nik));
    // Recorded before b is started: two workflows started together may record in either order.
    await waitForClaimStatus(h, a.claimNumber, 'waiting_for_documents', officer1);
    // Another participant's death: one death, one claim.
    const b = await newClaim(claimBody(other));
    await waitForClaimStatus(h, b.claimNumber, 'waiting_for_documents', officer1);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: request.Response = await request(h.app)
        .get('/api/v1/claims')
        .query({ status: 'waiting_for_documents', limit: 1, ...(cursor ? { cursor } : {}) })
        .set(bearer(auditor));
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(1);
      for (const item of res.body.items) {
        expect(item.status).toBe('waiting_for_documents');
        seen.push(item.claimNumber);
      }
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.indexOf(b.claimNumber)).toBeLessThan(seen.indexOf(a.claimNumber));
    expect(seen.indexOf(a.claimNumber)).toBeGreaterThanOrEqual(0);
  });

  it('answers 400 for a bad status filter or cursor, and 401 without a token', async () => {
    const badStatus = await request(h.app).get('/api/v1/claims?status=lost').set(bearer(officer1));
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.errors[0].field).toBe('status');
    const badCursor = await request(h.app).get('/api/v1/claims?cursor=xyz').set(bearer(officer1));
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.errors[0].field).toBe('cursor');
    expect((await request(h.app).get('/api/v1/claims')).status).toBe(401);
  });

  it('answers 404 for an unknown claim and 400 for a malformed claim number', async () => {
    expect(
      (await request(h.app).get('/api/v1/claims/JKM-20261124-ZZZZZZZZ').set(bearer(officer1))).status,
    ).toBe(404);
    const bad = await request(h.app).get('/api/v1/claims/not-a-claim').set(bearer(officer1));
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('claimNumber');
  });

  it('gives the family 404 for a wrong tracking code or an unknown claim, and 401 without one', async () => {
    const { nik } = await createParticipant(h.t.db);
    const { claimNumber } = await newClaim(claimBody(nik));
    const wrong = await request(h.app)
      .get(`/api/v1/track/${claimNumber}`)
      .set('X-Tracking-Code', 'ABCDEFGHJKMN');
    const unknown = await request(h.app)
      .get('/api/v1/track/JKM-20261124-ZZZZZZZZ')
      .set('X-Tracking-Code', 'ABCDEFGHJKMN');
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(wrong.body).toEqual(unknown.body);
    expect((await request(h.app).get(`/api/v1/track/${claimNumber}`)).status).toBe(401);
  });
});

describe('service routes', () => {
  it('answers /healthz and /readyz with both dependencies up', async () => {
    expect((await request(h.app).get('/api/v1/healthz')).body).toEqual({ status: 'ok' });
    const ready = await request(h.app).get('/api/v1/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.checks).toEqual({ postgres: 'up', temporal: 'up' });
  });

  it('publishes an OpenAPI document generated from the validating schemas', async () => {
    const res = await request(h.app).get('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    // A death claim, or an accident case (event: accident): the death claim's shape is the first branch.
    const create = res.body.paths['/claims'].post.requestBody.content['application/json'].schema.anyOf[0];
    expect(create.additionalProperties).toBe(false);
    expect(create.properties.participantNik.pattern).toBe('^\\d{16}$');
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/claims/{claimNumber}/decision', '/track/{claimNumber}', '/benefits/quote']),
    );
  });

  it('answers an unknown route with a 404 problem', async () => {
    const res = await request(h.app).get('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });

  it('uses today in Jakarta as the claim date when none is given', async () => {
    const { nik } = await createParticipant(h.t.db);
    const { claimNumber } = await newClaim(claimBody(nik));
    const claim = await waitForClaimStatus(h, claimNumber, 'waiting_for_documents', officer1);
    expect(claim.claimDate).toBe(today());
  });
});
