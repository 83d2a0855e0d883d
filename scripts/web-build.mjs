#!/usr/bin/env node
// Builds the web front end (web/dist) when it is missing or stale: `npm start` and `npm test` call this, so neither
// needs an extra command. Stale means the SHA-256 of the build's inputs (web sources, the vocabulary it imports, the
// API declarations the typed client is generated from, the lockfile) differs from the one written at the last build.
// A fresh build: the API types (scripts/web-api-types.ts), then `vite build`, then one line with the weight.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'web', 'dist');
const stamp = join(dist, '.inputs-sha256');
const INPUTS = [
  'web/index.html',
  'web/vite.config.mts',
  'web/tsconfig.json',
  'web/src',
  'vocabulary',
  'api/routes',
  'api/schemas',
  'package-lock.json',
  'scripts/web-build.mjs',
  'scripts/web-api-types.ts',
];
const GENERATED = join(root, 'web', 'src', 'api', 'schema.gen.ts');

function files(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => files(join(path, name)));
}

function inputsHash() {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap((p) => files(join(root, p)))) {
    if (file === GENERATED) continue;
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function run(args) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`web-build: \`${args.map((a) => relative(root, a)).join(' ')}\` failed`);
    process.exit(1);
  }
}

const wanted = inputsHash();
const force = process.argv.includes('--force');
if (!force && existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted && existsSync(GENERATED)) {
  process.exit(0);
}
const started = Date.now();
run([join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'scripts', 'web-api-types.ts')]);
run([
  join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
  'build',
  '--config',
  join(root, 'web', 'vite.config.mts'),
  '--logLevel',
  'warn',
]);
writeFileSync(stamp, wanted);
const assets = files(join(dist, 'assets'));
const gzipped = assets.reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).length, 0);
console.log(
  `web-build: web/dist built in ${((Date.now() - started) / 1000).toFixed(1)} s; ${assets.length} assets, ` +
    `${(gzipped / 1024).toFixed(1)} KB gzipped in all (each page's first load is measured in test/web)`,
);
