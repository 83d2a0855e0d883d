// Tracking codes are HMAC-SHA-256 under a server secret: no key-derivation function in the request path, codes
// hashed with scrypt before the change still open their claim (and are rehashed on first use), and the family rate
// limit costs one round trip to PostgreSQL per attempt.
import crypto, { randomBytes, scryptSync } from 'node:crypto';
import request from 'supertest';
import {
  DEV_TRACKING_CODE_SECRET,
  hashTrackingCode,
  isLegacyTrackingCodeHash,
  verifyTrackingCode,
} from '../../api/middleware/tracking-code';
import { familyClaimView } from '../../api/views/claims';
import { loadConfig } from '../../config';
import { createStores } from '../../db/stores';
import { seedClaim, startLightApp, type LightApp } from './light-app';

/** A hash as intake wrote it before the HMAC: scrypt N=16384, r=8, p=1, 32 bytes, a random salt. */
function legacyHash(code: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(code, salt, 32, { N: 16384, r: 8, p: 1 });
  return `scrypt$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

const WRONG = 'WRONGCODE234';

describe('the hash', () => {
  it('is an HMAC under the secret: the right code verifies, a wrong code or another secret does not', async () => {
    const hash = hashTrackingCode('ABCDEFGHJKMN', DEV_TRACKING_CODE_SECRET);
    expect(hash).toMatch(/^hmac\$[A-Za-z0-9_-]{43}$/);
    expect(isLegacyTrackingCodeHash(hash)).toBe(false);
    expect(await verifyTrackingCode('ABCDEFGHJKMN', hash, DEV_TRACKING_CODE_SECRET)).toBe(true);
    expect(await verifyTrackingCode('ABCDEFGHJKMP', hash, DEV_TRACKING_CODE_SECRET)).toBe(false);
    expect(await verifyTrackingCode('ABCDEFGHJKMN', hash, 'another-secret-of-at-least-32-chars!')).toBe(
      false,
    );
    expect(await verifyTrackingCode('ABCDEFGHJKMN', undefined, DEV_TRACKING_CODE_SECRET)).toBe(false);
  });

  it('still verifies a legacy scrypt hash', async () => {
    const hash = legacyHash('ABCDEFGHJKMN');
    expect(isLegacyTrackingCodeHash(hash)).toBe(true);
    expect(await verifyTrackingCode('ABCDEFGHJKMN', hash, DEV_TRACKING_CODE_SECRET)).toBe(true);
    expect(await verifyTrackingCode('ABCDEFGHJKMP', hash, DEV_TRACKING_CODE_SECRET)).toBe(false);
  });

  it('needs TRACKING_CODE_SECRET in production, and a long one anywhere', () => {
    const production = { NODE_ENV: 'production' };
    const needs = ['TRACKING_CODE_SECRET'] as const;
    expect(() => loadConfig(needs, production)).toThrow(
      'TRACKING_CODE_SECRET: must be set (or TRACKING_CODE_SECRET_FILE) unless NODE_ENV is development or test',
    );
    expect(
      loadConfig(needs, { ...production, TRACKING_CODE_SECRET: 's'.repeat(32) }).TRACKING_CODE_SECRET,
    ).toBe('s'.repeat(32));
    expect(() =>
      loadConfig(needs, { ...production, TRACKING_CODE_SECRET: DEV_TRACKING_CODE_SECRET }),
    ).toThrow(/development value is refused/);
    expect(() => loadConfig(needs, { NODE_ENV: 'test', TRACKING_CODE_SECRET: 'short' })).toThrow(
      /TRACKING_CODE_SECRET: must be at least 32 characters/,
    );
    expect(loadConfig(needs, { NODE_ENV: 'test' }).TRACKING_CODE_SECRET).toBe(DEV_TRACKING_CODE_SECRET);
  });
});

describe('the family view', () => {
  let l: LightApp;
  const queries: string[] = [];
  const scrypts = { n: 0 };
  beforeAll(async () => {
    l = await startLightApp({ trustProxy: true });
    l.t.db.on('query', (q: { sql: string }) => queries.push(q.sql));
    // A spy, not a stand-in: scrypt still runs; the test counts the calls.
    const real = crypto.scrypt;
    jest.spyOn(crypto, 'scrypt').mockImplementation(((...args: Parameters<typeof crypto.scrypt>) => {
      scrypts.n += 1;
      return (real as (...a: unknown[]) => void)(...args);
    }) as typeof crypto.scrypt);
    jest.spyOn(crypto, 'scryptSync');
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await l.close();
  });
  beforeEach(() => {
    queries.length = 0;
    scrypts.n = 0;
    jest.mocked(crypto.scryptSync).mockClear();
  });

  const track = (claimNumber: string, code: string, address = '198.51.100.20') =>
    request(l.app)
      .get(`/api/v1/track/${claimNumber}`)
      .set('X-Tracking-Code', code)
      .set('X-Forwarded-For', address);
  const counterQueries = () => queries.filter((q) => q.includes('rate_limit_counters'));
  const claimHits = async (claimNumber: string) =>
    (
      await l.t
        .db('rate_limit_counters')
        .where({ key: `family:claim:${claimNumber}` })
        .first()
    )?.hits ?? 0;

  it('runs no scrypt for a right code, a wrong code or an unknown claim', async () => {
    const claim = await seedClaim(l.t);
    expect((await track(claim.claimNumber, claim.trackingCode)).status).toBe(200);
    expect((await track(claim.claimNumber, WRONG)).status).toBe(404);
    expect((await track('JKM-20261124-ZZZZZZZZ', WRONG)).status).toBe(404);
    expect(scrypts.n).toBe(0);
    expect(crypto.scryptSync).not.toHaveBeenCalled();
  });

  it('counts each attempt in one statement: a right code, a wrong code, an unknown claim, a missing code', async () => {
    const claim = await seedClaim(l.t);
    for (const [code, status] of [
      [claim.trackingCode, 200],
      [WRONG, 404],
      ['lowercase', 400],
    ] as const) {
      queries.length = 0;
      expect((await track(claim.claimNumber, code)).status).toBe(status);
      expect(counterQueries()).toHaveLength(1);
    }
    queries.length = 0;
    expect((await track('JKM-20261124-ZZZZZZZZ', WRONG)).status).toBe(404);
    expect(counterQueries()).toHaveLength(1);
    queries.length = 0;
    expect((await request(l.app).get(`/api/v1/track/${claim.claimNumber}`)).status).toBe(401);
    expect(counterQueries()).toHaveLength(1);
    // Only the wrong code counted on the claim; the malformed one counted on the address alone.
    expect(await claimHits(claim.claimNumber)).toBe(1);
  });

  it('answers a right code with one statement: the count, which reads the claim and its family view too', async () => {
    const claim = await seedClaim(l.t);
    queries.length = 0;
    const answer = await track(claim.claimNumber, claim.trackingCode);
    expect(answer.status).toBe(200);
    expect(queries.filter((q) => !q.includes('audit_log'))).toHaveLength(1);
    // The same view as the route's own read (a claim opened by a legacy hash takes that path).
    const stores = createStores(l.t.db);
    const view = await familyClaimView(stores, (await stores.claims.find(claim.claimNumber))!);
    expect(answer.body).toEqual(JSON.parse(JSON.stringify(view)));
  });

  it('opens a claim whose code was hashed with scrypt, once with scrypt, then rehashed to HMAC', async () => {
    const claim = await seedClaim(l.t);
    const legacy = legacyHash(claim.trackingCode);
    await l.t.db('claims').where({ claim_number: claim.claimNumber }).update({ tracking_code_hash: legacy });

    expect((await track(claim.claimNumber, WRONG)).status).toBe(404);
    expect(scrypts.n).toBe(1);
    const first = await track(claim.claimNumber, claim.trackingCode);
    expect(first.status).toBe(200);
    expect(first.body.claimNumber).toBe(claim.claimNumber);
    expect(scrypts.n).toBe(2);
    const row = await l.t.db('claims').where({ claim_number: claim.claimNumber }).first();
    expect(row.tracking_code_hash).toBe(hashTrackingCode(claim.trackingCode, DEV_TRACKING_CODE_SECRET));
    // The right code is not left counted as a wrong one: only the wrong code is.
    expect(await claimHits(claim.claimNumber)).toBe(1);

    expect((await track(claim.claimNumber, claim.trackingCode)).status).toBe(200);
    expect((await track(claim.claimNumber, WRONG)).status).toBe(404);
    expect(scrypts.n).toBe(2);
    expect(crypto.scryptSync).not.toHaveBeenCalled();
  });
});
