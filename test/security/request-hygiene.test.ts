// Request hygiene: strict bodies (no mass assignment), a body-size limit, security headers, CORS closed by default,
// and only well-formed, signed, unexpired staff tokens with a known role.
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { AUTH_SECRET, seedClaim, startLightApp, type LightApp, type SeededClaim } from './light-app';

let l: LightApp;
let officer: string;
let claim: SeededClaim;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

beforeAll(async () => {
  l = await startLightApp();
  officer = l.token({ id: 'officer-1', role: 'officer' });
  claim = await seedClaim(l.t, { status: 'waiting_for_bank_account', accountNumber: '9988776655' });
});
afterAll(async () => {
  await l?.close();
});

const validClaim = {
  program: 'JKM',
  participantNik: '3171010101800003',
  eventDate: '2026-11-01',
  heirs: [{ name: 'Sri Wahyuni', relationship: 'spouse' }],
  bankAccount: { bankCode: 'BRI', accountNumber: '1234567890', accountName: 'Sri Wahyuni' },
};

describe('mass assignment', () => {
  it.each([
    ['POST /claims', 'status', '/claims', { ...validClaim, status: 'paid' }],
    ['POST /claims', 'approvedBy', '/claims', { ...validClaim, approvedBy: 'officer-1' }],
    ['POST /claims', 'total', '/claims', { ...validClaim, total: 999_000_000 }],
    ['POST /claims', 'trackingCodeHash', '/claims', { ...validClaim, trackingCodeHash: 'scrypt$x$y' }],
    ['POST /claims', 'createdBy', '/claims', { ...validClaim, createdBy: 'someone-else' }],
    ['decision', 'approvedBy', 'decision', { decision: 'approve', reason: 'ok', approvedBy: 'supervisor-1' }],
    ['decision', 'amount', 'decision', { decision: 'approve', reason: 'ok', amount: 500_000_000 }],
    ['decision', 'status', 'decision', { decision: 'approve', reason: 'ok', status: 'paid' }],
    [
      'decision',
      'actor',
      'decision',
      { decision: 'approve', reason: 'ok', actor: { kind: 'staff', id: 'x' } },
    ],
    ['verification', 'verifiedBy', 'verification', { checklist: {}, verifiedBy: 'officer-2' }],
    ['verification', 'status', 'verification', { checklist: {}, status: 'waiting_for_decision' }],
    [
      'bank-account',
      'status',
      'bank-account',
      { bankCode: 'BRI', accountNumber: '1234567', accountName: 'x', status: 'paid' },
    ],
  ])('refuses a %s body carrying %s (400, naming the field)', async (_route, field, path, body) => {
    const url = path === '/claims' ? '/api/v1/claims' : `/api/v1/claims/${claim.claimNumber}/${path}`;
    const res = await request(l.app).post(url).set(bearer(officer)).send(body);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('refuses unknown fields from the family too, before anything changes', async () => {
    const res = await request(l.app)
      .post(`/api/v1/claims/${claim.claimNumber}/bank-account`)
      .set('X-Tracking-Code', claim.trackingCode)
      .send({ bankCode: 'BRI', accountNumber: '1234567', accountName: 'x', accountRevision: 7 });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('accountRevision');
    const stored = await l.t.db('claims').where({ claim_number: claim.claimNumber }).first();
    expect(stored.account_number).toBe('9988776655');
  });
});

describe('oversized bodies', () => {
  const big = { ...validClaim, heirs: [{ name: 'x'.repeat(150_000), relationship: 'spouse' }] };

  it.each([
    ['an officer', '/api/v1/claims', () => bearer(officer)],
    [
      'the family',
      () => `/api/v1/claims/${claim.claimNumber}/bank-account`,
      () => ({ 'X-Tracking-Code': claim.trackingCode }),
    ],
    ['anyone, before authentication', '/api/v1/benefits/quote', () => ({})],
  ])('are refused with 413 for %s', async (_who, path, headers) => {
    const url = typeof path === 'function' ? path() : path;
    const res = await request(l.app).post(url).set(headers()).send(big);
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.type).toMatch(/too-large$/);
  });
});

describe('staff tokens', () => {
  const sign = (payload: object, options: jwt.SignOptions = {}, secret = AUTH_SECRET) =>
    jwt.sign(payload, secret, { algorithm: 'HS256', ...options });

  it.each([
    ['a bad signature', () => `${officer.slice(0, -6)}AAAAAA`],
    [
      'another secret',
      () => sign({ role: 'officer' }, { subject: 'officer-1', expiresIn: '1h' }, 'another-secret-0123456789'),
    ],
    [
      'an expiry in the past',
      () => sign({ role: 'officer', exp: Math.floor(Date.now() / 1000) - 60 }, { subject: 'officer-1' }),
    ],
    ['no expiry', () => sign({ role: 'officer' }, { subject: 'officer-1' })],
    ['an unknown role', () => sign({ role: 'admin' }, { subject: 'officer-1', expiresIn: '1h' })],
    ['the family role', () => sign({ role: 'family' }, { subject: 'officer-1', expiresIn: '1h' })],
    ['no subject', () => sign({ role: 'officer' }, { expiresIn: '1h' })],
    [
      'alg none',
      () =>
        jwt.sign({ role: 'officer', sub: 'officer-1', exp: Math.floor(Date.now() / 1000) + 3600 }, '', {
          algorithm: 'none',
        }),
    ],
    ['HS512', () => sign({ role: 'officer' }, { subject: 'officer-1', expiresIn: '1h', algorithm: 'HS512' })],
    ['a token that is not a JWT', () => 'not-a-jwt'],
  ])('answers 401 for %s', async (_name, token) => {
    const res = await request(l.app).get('/api/v1/claims').set(bearer(token()));
    expect(res.status).toBe(401);
    expect(res.body.type).toMatch(/unauthorized$/);
  });

  it('answers 401 for an Authorization header that is not Bearer', async () => {
    const res = await request(l.app)
      .get('/api/v1/claims')
      .set('Authorization', `Basic ${Buffer.from('a:b').toString('base64')}`);
    expect(res.status).toBe(401);
  });

  it('accepts a well-formed token (the control)', async () => {
    expect((await request(l.app).get('/api/v1/claims').set(bearer(officer))).status).toBe(200);
  });
});

describe('headers', () => {
  it('sends the security headers and no X-Powered-By', async () => {
    const res = await request(l.app).get('/api/v1/healthz');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['strict-transport-security']).toBeDefined();
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it.each([
    '/api/v1/claims',
    '/api/v1/healthz',
    `/api/v1/track/JKM-20261124-ABCDEFGH`,
    '/api/v1/codec/decode',
  ])(
    'keeps CORS closed by default on %s: no Access-Control-Allow-Origin, preflight included',
    async (path) => {
      const origin = 'https://evil.example';
      const get = await request(l.app).get(path).set('Origin', origin).set(bearer(officer));
      const preflight = await request(l.app)
        .options(path)
        .set('Origin', origin)
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'authorization, content-type');
      for (const res of [get, preflight]) {
        expect(res.headers['access-control-allow-origin']).toBeUndefined();
        expect(res.headers['access-control-allow-credentials']).toBeUndefined();
        expect(res.headers['access-control-allow-headers']).toBeUndefined();
      }
    },
  );
});

describe('the family view', () => {
  it('masks the national ID and account number and shows no heir details or staff names', async () => {
    const res = await request(l.app)
      .get(`/api/v1/track/${claim.claimNumber}`)
      .set('X-Tracking-Code', claim.trackingCode);
    expect(res.status).toBe(200);
    expect(res.body.participantNik).toBe(`************${claim.nik.slice(-4)}`);
    expect(res.body.bankAccount.accountNumber).toBe('******6655');
    const text = JSON.stringify(res.body);
    for (const secret of [
      claim.nik,
      claim.accountNumber,
      '3201019999000001',
      '1980-02-29',
      'Sri Wahyuni',
      'officer-',
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});
