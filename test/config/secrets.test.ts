// Secrets are never defaults outside development: the rules of config.ts, one by one.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEV_AUTH_SECRET, ENTRY_POINT_NEEDS, loadConfig, loadEntryPointConfig } from '../../config';

const KEY = 'Q2hhbmdlZCBrZXkgZm9yIHJvdGF0aW9uIHRlc3QhISE=';
const OIDC = { OIDC_ISSUER: 'https://sso.example.test/realms/bpjs', OIDC_AUDIENCE: 'santunan-api' };

describe('secrets outside development (NODE_ENV production, or unset)', () => {
  it.each([{ NODE_ENV: 'production' }, {}])(
    'a missing payload key stops the process, naming it (%j)',
    (env) => {
      expect(() => loadConfig(['PAYLOAD_KEYS'], env)).toThrow(
        'PAYLOAD_KEYS: must be set (or PAYLOAD_KEYS_FILE) unless NODE_ENV is development or test',
      );
      expect(
        loadConfig(['PAYLOAD_KEYS'], { ...env, PAYLOAD_KEYS: `k1:${KEY}` }).PAYLOAD_KEYS.currentKeyId,
      ).toBe('k1');
    },
  );

  it('refuses the development key id "dev", also as a retired key', () => {
    expect(() =>
      loadConfig(['PAYLOAD_KEYS'], { NODE_ENV: 'production', PAYLOAD_KEYS: `dev:${KEY}` }),
    ).toThrow(/PAYLOAD_KEYS: the development key id "dev" is refused/);
    expect(() =>
      loadConfig(['PAYLOAD_KEYS'], { NODE_ENV: 'production', PAYLOAD_KEYS: `k2:${KEY},dev:${KEY}` }),
    ).toThrow(/"dev" is refused/);
    expect(
      loadConfig(['PAYLOAD_KEYS'], { NODE_ENV: 'test', PAYLOAD_KEYS: `dev:${KEY}` }).PAYLOAD_KEYS.keyIds,
    ).toEqual(['dev']);
  });

  it('staff sign in through the identity provider only: OIDC is required and AUTH_SECRET refused', () => {
    expect(() => loadConfig(['STAFF_SIGN_IN'], { NODE_ENV: 'production' })).toThrow(
      /OIDC_ISSUER: must be set/,
    );
    expect(() =>
      loadConfig(['STAFF_SIGN_IN'], { NODE_ENV: 'production', OIDC_ISSUER: OIDC.OIDC_ISSUER }),
    ).toThrow(/OIDC_AUDIENCE: must be set with the other/);
    expect(() =>
      loadConfig(['STAFF_SIGN_IN'], { NODE_ENV: 'production', ...OIDC, AUTH_SECRET: 'x'.repeat(32) }),
    ).toThrow(/AUTH_SECRET: HS256 development tokens are refused/);
    const signIn = loadConfig(['STAFF_SIGN_IN'], { NODE_ENV: 'production', ...OIDC }).STAFF_SIGN_IN;
    expect(signIn.developmentSecret).toBeUndefined();
    expect(signIn.oidc).toMatchObject({
      issuer: OIDC.OIDC_ISSUER,
      audience: 'santunan-api',
      roleClaim: 'role',
    });
  });

  it('refuses symmetric algorithms for the identity provider', () => {
    expect(() => loadConfig([], { ...OIDC, OIDC_ALGORITHMS: 'RS256,HS256' })).toThrow(/OIDC_ALGORITHMS/);
    expect(loadConfig([], { ...OIDC, OIDC_ALGORITHMS: 'ES256, RS256' }).OIDC_ALGORITHMS).toEqual([
      'ES256',
      'RS256',
    ]);
  });

  it('keeps /metrics closed: the scraper token is required, and a long one', () => {
    expect(() => loadConfig(['METRICS_TOKEN'], { NODE_ENV: 'production' })).toThrow(
      'METRICS_TOKEN: must be set (or METRICS_TOKEN_FILE) unless NODE_ENV is development or test',
    );
    expect(() => loadConfig(['METRICS_TOKEN'], { NODE_ENV: 'production', METRICS_TOKEN: 'short' })).toThrow(
      'METRICS_TOKEN: must be at least 32 characters',
    );
    expect(loadConfig(['METRICS_TOKEN'], { NODE_ENV: 'development' }).METRICS_TOKEN).toBeUndefined();
  });

  it('mints no development token', () => {
    expect(() => loadConfig(['DEVELOPMENT_AUTH_SECRET'], { NODE_ENV: 'production' })).toThrow(
      /NODE_ENV: development tokens are minted only when NODE_ENV is development or test/,
    );
  });
});

describe('secrets in development and tests', () => {
  it('take their published development values when unset', () => {
    const config = loadConfig(['PAYLOAD_KEYS', 'STAFF_SIGN_IN', 'DEVELOPMENT_AUTH_SECRET'], {
      NODE_ENV: 'development',
    });
    expect(config.PAYLOAD_KEYS.currentKeyId).toBe('dev');
    expect(config.STAFF_SIGN_IN).toEqual({ oidc: undefined, developmentSecret: DEV_AUTH_SECRET });
    expect(config.DEVELOPMENT_AUTH_SECRET).toBe(DEV_AUTH_SECRET);
  });

  it('still check what is given', () => {
    expect(() => loadConfig(['PAYLOAD_KEYS'], { NODE_ENV: 'test', PAYLOAD_KEYS: 'a:short' })).toThrow(
      /PAYLOAD_KEYS: key "a" must be 32 bytes/,
    );
    expect(() => loadConfig(['DEVELOPMENT_AUTH_SECRET'], { NODE_ENV: 'test', AUTH_SECRET: 'short' })).toThrow(
      'AUTH_SECRET: must be at least 16 characters',
    );
  });
});

describe('secrets from files (NAME_FILE)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'santunan-secrets-'));

  it('reads the file, less its final newline', () => {
    const file = join(dir, 'payload_keys');
    writeFileSync(file, `k7:${KEY}\n`);
    expect(
      loadConfig(['PAYLOAD_KEYS'], { NODE_ENV: 'production', PAYLOAD_KEYS_FILE: file }).PAYLOAD_KEYS
        .currentKeyId,
    ).toBe('k7');
  });

  it('names the variable when the file cannot be read, or both ways are set', () => {
    expect(() =>
      loadConfig(['PAYLOAD_KEYS'], { NODE_ENV: 'production', PAYLOAD_KEYS_FILE: join(dir, 'missing') }),
    ).toThrow(/PAYLOAD_KEYS_FILE: cannot read .*missing \(ENOENT\)/);
    const file = join(dir, 'auth');
    writeFileSync(file, 'y'.repeat(32));
    expect(() =>
      loadConfig(['DEVELOPMENT_AUTH_SECRET'], {
        NODE_ENV: 'test',
        AUTH_SECRET: 'x'.repeat(32),
        AUTH_SECRET_FILE: file,
      }),
    ).toThrow('AUTH_SECRET: set AUTH_SECRET or AUTH_SECRET_FILE, not both');
    expect(
      loadConfig(['DEVELOPMENT_AUTH_SECRET'], { NODE_ENV: 'test', AUTH_SECRET_FILE: file })
        .DEVELOPMENT_AUTH_SECRET,
    ).toBe('y'.repeat(32));
  });
});

describe('each entry point asks only for what it uses', () => {
  it('the worker, the replayer, migrations and the gateway never need a token secret', () => {
    for (const entry of ['worker', 'replay', 'migrate', 'gateway'] as const)
      expect(ENTRY_POINT_NEEDS[entry]).not.toContain('STAFF_SIGN_IN');
    expect(ENTRY_POINT_NEEDS.migrate).toEqual([]);
    expect(ENTRY_POINT_NEEDS.gateway).toEqual([]);
    // Given an AUTH_SECRET by mistake, a production worker neither reads nor refuses it.
    const worker = loadEntryPointConfig('worker', {
      NODE_ENV: 'production',
      PAYLOAD_KEYS: `k1:${KEY}`,
      AUTH_SECRET: 'z'.repeat(32),
    });
    expect(Object.keys(worker)).not.toContain('STAFF_SIGN_IN');
    expect(Object.keys(worker)).not.toContain('AUTH_SECRET');
  });
});
