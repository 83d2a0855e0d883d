// The generated OpenAPI document passes `redocly lint` with the recommended rules: no error and no warning.
// Offline (no telemetry, no update check): the machine reaches only the package registry.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildOpenApi } from '../../api/routes/openapi';
import { root } from '../helpers/paths';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'santunan-openapi-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function lint(document: unknown) {
  const file = join(dir, 'openapi.json');
  writeFileSync(file, JSON.stringify(document, null, 2));
  // Run from the temporary folder, so no redocly.yaml other than the recommended rules applies.
  const run = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/@redocly/cli/bin/cli.js'),
      'lint',
      '--extends=recommended',
      '--format=json',
      file,
    ],
    {
      cwd: dir,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    },
  );
  const report = JSON.parse(run.stdout) as {
    totals: { errors: number; warnings: number };
    problems: { ruleId: string; message: string; location: { pointer: string }[] }[];
  };
  return { status: run.status, report };
}

describe('the OpenAPI document', () => {
  it('passes redocly lint with the recommended rules, without a warning', () => {
    const { status, report } = lint(buildOpenApi());
    const problems = report.problems.map((p) => `${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`);
    expect(problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    expect(status).toBe(0);
  });

  it('fails the lint when an operation loses its security or operationId (the control)', () => {
    const document = structuredClone(buildOpenApi()) as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    delete document.paths['/healthz']!.get!.security;
    delete document.paths['/claims']!.post!.operationId;
    const { status, report } = lint(document);
    expect(status).not.toBe(0);
    expect(report.totals).toMatchObject({ errors: 1, warnings: 1 });
  });
});
