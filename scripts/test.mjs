#!/usr/bin/env node
// `npm test`: every test, in order: the type-check, the jest suite (the browser tests in test/web among them), the
// fault suite, then API fuzzing (one pass per staff role). First, whatever they need: the Temporal binaries, Chromium
// (scripts/chromium.mjs) and the web front end's build when stale (scripts/web-build.mjs).
// Each part runs even when an earlier one failed, so one run shows everything that is broken. The last line is
// the plain `tests: N passed, M failed` that CI counts: jest's tests from both suites (from their JSON reports),
// plus one test per fuzz pass (schemathesis' own cases are counted in its output, not here), plus one for the
// type-check.
// Set TEST_PARTS to a comma-separated subset of typecheck,jest,faults,fuzz to run less (default: all four).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const parts = (process.env.TEST_PARTS ?? 'typecheck,jest,faults,fuzz').split(',');
const scratch = mkdtempSync(join(tmpdir(), 'santunan-test-'));
const jestBin = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
let passed = 0;
let failed = 0;

function run(args, env = {}) {
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  return result.status ?? 1;
}

/** Runs jest with a JSON report and counts its tests; a suite that fails to run at all counts as one failure. */
function jest(name, extraArgs) {
  const report = join(scratch, `${name}.json`);
  const exit = run([jestBin, '--json', `--outputFile=${report}`, ...extraArgs, ...process.argv.slice(2)]);
  let counted = false;
  try {
    const summary = JSON.parse(readFileSync(report, 'utf8'));
    passed += summary.numPassedTests;
    failed += summary.numFailedTests;
    // A test file that cannot even load has no tests in the counts above.
    failed += summary.numRuntimeErrorTestSuites;
    counted = summary.numFailedTests + summary.numRuntimeErrorTestSuites > 0;
  } catch {
    failed += 1;
    counted = true;
  }
  if (exit !== 0 && !counted) failed += 1;
}

if (run([join(root, 'scripts', 'temporal-binaries.mjs')]) !== 0) failed += 1;
if (run([join(root, 'scripts', 'chromium.mjs')]) !== 0) failed += 1;
if (run([join(root, 'scripts', 'web-build.mjs')]) !== 0) failed += 1;
// The whole tree, tests included, type-checks (tsc --noEmit): jest's swc transform strips types without checking them.
// The web front end is checked under its own settings (DOM, JSX): web/tsconfig.json.
if (parts.includes('typecheck')) {
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const exit = run([tsc, '--noEmit', '-p', root]) || run([tsc, '--noEmit', '-p', join(root, 'web')]);
  console.log(`typecheck: ${exit === 0 ? 'no errors' : 'errors above'}`);
  exit === 0 ? passed++ : failed++;
}
if (parts.includes('jest')) jest('jest', []);
if (parts.includes('faults')) jest('faults', ['--config', 'jest.faults.config.js']);
if (parts.includes('fuzz')) {
  const results = join(scratch, 'fuzz.json');
  const exit = run([join(root, 'scripts', 'fuzz.mjs')], { FUZZ_RESULTS: results });
  try {
    const passes = JSON.parse(readFileSync(results, 'utf8'));
    for (const pass of passes) pass.exit === 0 ? passed++ : failed++;
    if (exit !== 0 && passes.every((p) => p.exit === 0)) failed += 1;
  } catch {
    failed += 1;
  }
}

rmSync(scratch, { recursive: true, force: true });
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
