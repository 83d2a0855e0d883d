// Each entry point, started as a process in production mode: it stops at once, naming the secret it lacks, and it
// asks for no secret it does not use. Development tools refuse to run in production.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { dropDatabase } from '../../db/config';
import { databaseUrl, root } from '../helpers/paths';

const KEY = 'Q2hhbmdlZCBrZXkgZm9yIHJvdGF0aW9uIHRlc3QhISE=';

/** The environment of a production host that was given no secret at all. */
function productionEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env))
    if (/^(NODE_ENV|AUTH_SECRET|PAYLOAD_KEYS|OIDC_|TRACKING_CODE_SECRET)/.test(name)) delete env[name];
  return { ...env, NODE_ENV: 'production', LOG_LEVEL: 'warn', ...extra };
}

interface Exit {
  code: number | null;
  output: string;
}

/** Runs bin/<name>.ts; resolves when it exits, or when `until` shows in its output (then it is stopped). */
function start(args: string[], env: NodeJS.ProcessEnv, until?: RegExp): Promise<Exit> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), ...args], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (until?.test(output)) child.kill('SIGTERM');
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('close', (code) => resolve({ code, output }));
  });
}

describe('entry points in production mode', () => {
  it.each([
    ['api', ['bin/api.ts']],
    ['worker', ['bin/worker.ts']],
    ['replay', ['bin/replay.ts', 'test/replay/histories/happy-path.json']],
  ])('%s stops without PAYLOAD_KEYS, naming it', async (_name, args) => {
    const exit = await start(args, productionEnv());
    expect(exit.code).not.toBe(0);
    expect(exit.output).toContain('PAYLOAD_KEYS: must be set (or PAYLOAD_KEYS_FILE)');
  });

  it('the worker refuses the development key id, and never asks for a token secret', async () => {
    const exit = await start(['bin/worker.ts'], productionEnv({ PAYLOAD_KEYS: `dev:${KEY}` }));
    expect(exit.code).not.toBe(0);
    expect(exit.output).toContain('the development key id "dev" is refused');
    expect(exit.output).not.toMatch(/AUTH_SECRET|OIDC/);
  });

  it('the API with its payload keys stops without an identity provider, and refuses AUTH_SECRET', async () => {
    const withKeys = productionEnv({ PAYLOAD_KEYS: `k1:${KEY}` });
    const noIdp = await start(['bin/api.ts'], withKeys);
    expect(noIdp.code).not.toBe(0);
    expect(noIdp.output).toContain('OIDC_ISSUER: must be set');
    const hs256 = await start(['bin/api.ts'], {
      ...withKeys,
      OIDC_ISSUER: 'http://127.0.0.1:1/idp',
      OIDC_AUDIENCE: 'santunan-api',
      AUTH_SECRET: 'x'.repeat(32),
    });
    expect(hs256.code).not.toBe(0);
    expect(hs256.output).toContain('AUTH_SECRET: HS256 development tokens are refused');
  });

  it('npm run token refuses to mint a token', async () => {
    const exit = await start(['bin/token.ts', '--role', 'supervisor'], productionEnv());
    expect(exit.code).not.toBe(0);
    expect(exit.output).toContain('development tokens are minted only when NODE_ENV is development or test');
    expect(exit.output).not.toMatch(/eyJ/); // no token printed
  });

  it('migrations run with no secret, and --seed refuses', async () => {
    const url = databaseUrl(`santunan_t_${randomBytes(5).toString('hex')}`);
    try {
      const seed = await start(['bin/migrate.ts', '--seed'], productionEnv({ DATABASE_URL: url }));
      expect(seed.code).not.toBe(0);
      expect(seed.output).toContain(
        'migrate --seed: the development registry is seeded only when NODE_ENV is',
      );
      const migrate = await start(['bin/migrate.ts'], productionEnv({ DATABASE_URL: url }));
      expect(migrate.output).toMatch(/migrations: \d+ applied/);
      expect(migrate.code).toBe(0);
    } finally {
      await dropDatabase(url);
    }
  });

  it('the sandbox gateway starts with no secret', async () => {
    const exit = await start(
      ['bin/gateway.ts'],
      productionEnv({
        GATEWAY_PORT: '0',
        LOG_LEVEL: 'info',
        DATA_DIR: mkdtempSync(join(tmpdir(), 'santunan-gw-')),
      }),
      /sandbox gateway listening/,
    );
    expect(exit.output).toContain('sandbox gateway listening');
    expect(exit.output).not.toMatch(/Invalid configuration/);
  });
});
