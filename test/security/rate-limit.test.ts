// Family access by claim number + tracking code: limited per client address and per claim number (429 with
// Retry-After), lock-outs reported as security events and in the audit log, and the limits reset with the window.
import { Client, Connection } from '@temporalio/client';
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../api/app';
import type { SecurityEvent, TrackingLimits } from '../../api/middleware/rate-limit';
import { AUTH_SECRET, seedClaim, startLightApp, type LightApp, type SeededClaim } from './light-app';

const opened: LightApp[] = [];
afterAll(async () => {
  await Promise.all(opened.map((l) => l.close()));
});

async function setUp(limits: Partial<TrackingLimits>) {
  const events: SecurityEvent[] = [];
  // trust proxy: each test names its client address in X-Forwarded-For.
  const l = await startLightApp({
    trackingLimits: limits,
    securityEvents: (e) => events.push(e),
    trustProxy: true,
  });
  opened.push(l);
  const claim = await seedClaim(l.t, { status: 'waiting_for_documents' });
  return { l, claim, events };
}

const track = (l: LightApp, claimNumber: string, code: string, address = '198.51.100.7') =>
  request(l.app)
    .get(`/api/v1/track/${claimNumber}`)
    .set('X-Tracking-Code', code)
    .set('X-Forwarded-For', address);

const WRONG = 'WRONGCODE234';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function auditRows(l: LightApp, status: number) {
  await sleep(100); // the audit trail writes once the response has gone
  return l.t.db('audit_log').where({ status }).orderBy('id');
}

describe('per claim number', () => {
  let l: LightApp;
  let claim: SeededClaim;
  let events: SecurityEvent[];
  beforeAll(async () => {
    ({ l, claim, events } = await setUp({ perClaim: 3, perAddress: 1000, windowMs: 60_000 }));
  });

  it('locks the claim after too many wrong codes, from any address, with 429 and Retry-After', async () => {
    for (let i = 0; i < 3; i++)
      expect((await track(l, claim.claimNumber, WRONG, `203.0.113.${i}`)).status).toBe(404);
    const locked = await track(l, claim.claimNumber, WRONG, '203.0.113.50');
    expect(locked.status).toBe(429);
    expect(locked.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(locked.body.type).toMatch(/tracking-locked$/);
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Locked even for the right code and from a fresh address, until the window ends.
    expect((await track(l, claim.claimNumber, claim.trackingCode, '203.0.113.99')).status).toBe(429);
    // The family's other route shares the lock.
    const bank = await request(l.app)
      .post(`/api/v1/claims/${claim.claimNumber}/bank-account`)
      .set('X-Tracking-Code', claim.trackingCode)
      .set('X-Forwarded-For', '203.0.113.98')
      .send({ bankCode: 'BRI', accountNumber: '1234567', accountName: 'x' });
    expect(bank.status).toBe(429);
  });

  it('reports the lock-out once, as a security event and in the audit log, without the code', async () => {
    const lockouts = events.filter((e) => e.type === 'tracking_lockout');
    expect(lockouts).toEqual([
      expect.objectContaining({
        type: 'tracking_lockout',
        claimNumber: claim.claimNumber,
        address: '203.0.113.50',
        limit: 3,
        path: `/api/v1/track/${claim.claimNumber}`,
      }),
    ]);
    const rows = await auditRows(l, 429);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows[0]).toMatchObject({
      claim_number: claim.claimNumber,
      problem_type: 'tracking-locked',
      actor_kind: 'family',
    });
    expect(JSON.stringify([events, rows])).not.toContain(claim.trackingCode);
    expect(JSON.stringify([events, rows])).not.toContain(WRONG);
  });

  it("counts wrong codes on a claim's scholarship routes toward the same lock-out", async () => {
    const other = await seedClaim(l.t);
    const enrol = (code: string) =>
      request(l.app)
        .post(`/api/v1/scholarships/${other.claimNumber}-S1/enrollments`)
        .set('X-Tracking-Code', code)
        .set('X-Forwarded-For', '203.0.113.70')
        .send({});
    expect([(await enrol(WRONG)).status, (await enrol(WRONG)).status]).toEqual([404, 404]);
    expect((await track(l, other.claimNumber, WRONG, '203.0.113.71')).status).toBe(404);
    // Three wrong codes over two routes: the claim is locked on both, even for the right code.
    expect((await track(l, other.claimNumber, other.trackingCode, '203.0.113.72')).status).toBe(429);
    expect((await enrol(other.trackingCode)).status).toBe(429);
    const bank = await request(l.app)
      .post(`/api/v1/scholarships/${other.claimNumber}-S2/bank-account`)
      .set('X-Tracking-Code', other.trackingCode)
      .send({ bankCode: 'BRI', accountNumber: '1234567', accountName: 'x' });
    expect(bank.status).toBe(429);
  });

  it('leaves other claims alone', async () => {
    const other = await seedClaim(l.t);
    expect((await track(l, other.claimNumber, other.trackingCode, '203.0.113.50')).status).toBe(200);
  });

  it("does not count a family's successful look-ups toward the lock-out", async () => {
    const other = await seedClaim(l.t);
    for (let i = 0; i < 6; i++)
      expect((await track(l, other.claimNumber, other.trackingCode)).status).toBe(200);
    expect((await track(l, other.claimNumber, WRONG)).status).toBe(404);
  });

  it('still counts a guess that carries a staff-looking Authorization header beside the code', async () => {
    const other = await seedClaim(l.t);
    const guess = () =>
      track(l, other.claimNumber, WRONG).set(
        'Authorization',
        `Bearer ${l.token({ id: 'x', role: 'officer' })}`,
      );
    expect([(await guess()).status, (await guess()).status, (await guess()).status]).toEqual([404, 404, 404]);
    expect((await guess()).status).toBe(429);
  });

  it('counts an unknown claim number like a wrong code, and answers it the same way', async () => {
    const unknown = 'JKM-20261124-ZZZZZZZZ';
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await track(l, unknown, WRONG, `192.0.2.${i}`));
    const wrong = await track(l, (await seedClaim(l.t)).claimNumber, WRONG);
    expect(answers.map((a) => a.status)).toEqual([404, 404, 404, 429]);
    expect(answers[0]!.body).toEqual(wrong.body);
  });
});

describe('several API instances', () => {
  it('share the counts: wrong codes sent to two instances add up to one lock-out on both', async () => {
    const { l, claim, events } = await setUp({ perClaim: 3, perAddress: 1000, windowMs: 60_000 });
    // A second instance of the API on the same database, as behind a load balancer.
    const connection = Connection.lazy({ address: '127.0.0.1:1', connectTimeout: 500 });
    const other = createApp({
      db: l.t.db,
      temporal: new Client({ connection }),
      authSecret: AUTH_SECRET,
      logger: pino({ level: 'silent' }),
      trackingLimits: { perClaim: 3, perAddress: 1000, windowMs: 60_000 },
      securityEvents: (e) => events.push(e),
      trustProxy: true,
    });
    try {
      const trackOn = (app: typeof other, code: string, address: string) =>
        request(app)
          .get(`/api/v1/track/${claim.claimNumber}`)
          .set('X-Tracking-Code', code)
          .set('X-Forwarded-For', address);
      expect((await trackOn(l.app, WRONG, '203.0.113.1')).status).toBe(404);
      expect((await trackOn(other, WRONG, '203.0.113.2')).status).toBe(404);
      expect((await trackOn(l.app, WRONG, '203.0.113.3')).status).toBe(404);
      expect((await trackOn(other, claim.trackingCode, '203.0.113.4')).status).toBe(429);
      expect((await trackOn(l.app, claim.trackingCode, '203.0.113.5')).status).toBe(429);
      const row = await l.t
        .db('rate_limit_counters')
        .where({ key: `family:claim:${claim.claimNumber}` })
        .first();
      expect(row.hits).toBeGreaterThanOrEqual(4);
    } finally {
      await connection.close();
    }
  });
});

describe('per client address', () => {
  it('limits attempts from one address across claim numbers, but not other addresses or staff', async () => {
    const { l, claim, events } = await setUp({ perAddress: 4, perClaim: 1000, windowMs: 60_000 });
    const others = [await seedClaim(l.t), await seedClaim(l.t)];
    const statuses = [];
    for (const c of [claim, ...others, claim])
      statuses.push((await track(l, c.claimNumber, c.trackingCode)).status);
    expect(statuses).toEqual([200, 200, 200, 200]);
    const limited = await track(l, others[0]!.claimNumber, others[0]!.trackingCode);
    expect(limited.status).toBe(429);
    expect(limited.body.type).toMatch(/rate-limited$/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await track(l, claim.claimNumber, claim.trackingCode, '198.51.100.8')).status).toBe(200);
    // Staff authenticate with their token and are not counted.
    const officer = l.token({ id: 'officer-1', role: 'officer' });
    const staff = await request(l.app)
      .post(`/api/v1/claims/${claim.claimNumber}/bank-account`)
      .set('Authorization', `Bearer ${officer}`)
      .set('X-Forwarded-For', '198.51.100.7')
      .send({});
    expect(staff.status).toBe(400);
    expect(events.map((e) => [e.type, e.address])).toEqual([['tracking_rate_limited', '198.51.100.7']]);
    expect((await auditRows(l, 429))[0]).toMatchObject({
      problem_type: 'rate-limited',
      client_address: '198.51.100.7',
    });
  });
});

describe('the window', () => {
  it('resets: after Retry-After the family gets in again', async () => {
    const { l, claim } = await setUp({ perClaim: 2, perAddress: 1000, windowMs: 1500 });
    expect((await track(l, claim.claimNumber, WRONG)).status).toBe(404);
    expect((await track(l, claim.claimNumber, WRONG)).status).toBe(404);
    const locked = await track(l, claim.claimNumber, claim.trackingCode);
    expect(locked.status).toBe(429);
    await sleep(Number(locked.headers['retry-after']) * 1000 + 100);
    expect((await track(l, claim.claimNumber, claim.trackingCode)).status).toBe(200);
    expect((await track(l, claim.claimNumber, WRONG)).status).toBe(404);
  });
});
