#!/usr/bin/env node
// Run in the image build after `npm ci --omit=dev`: removes native binaries for other platforms from node_modules.
// - Optional platform packages (@swc/core-darwin-arm64, ...) whose package.json `os`/`cpu`/`libc` exclude this
//   machine. npm installs them all here, because scripts/lock-optional-stubs.py adds lock entries without those fields.
// - @temporalio/core-bridge's prebuilt libraries for other targets (releases/<target>/index.node, about 27 MB
//   each) and its Rust sources, which only a source build of the bridge reads.
// Usage: node prune-foreign-binaries.mjs [node_modules dir]. Prints what it removed; fails if this platform's bridge
// library is missing, so an image that cannot start a worker is never built.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';

const root = resolve(process.argv[2] ?? 'node_modules');
const platform = { os: process.platform, cpu: process.arch, libc: detectLibc() };
const removed = [];

function detectLibc() {
  if (process.platform !== 'linux') return undefined;
  const header = process.report?.getReport?.().header ?? {};
  return header.glibcVersionRuntime ? 'glibc' : 'musl';
}

/** npm's rule: a list allows the listed values, or everything but the `!`-negated ones. */
function allows(list, value) {
  if (!Array.isArray(list) || list.length === 0 || value === undefined) return true;
  if (list.includes(`!${value}`)) return false;
  const positive = list.filter((v) => !v.startsWith('!'));
  return positive.length === 0 || positive.includes(value);
}

function packagesIn(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (!entry.isDirectory() || entry.name.startsWith('.')) return [];
    const path = join(dir, entry.name);
    return entry.name.startsWith('@') ? packagesIn(path) : [path];
  });
}

function prune(dir) {
  for (const pkg of packagesIn(dir)) {
    let manifest;
    try {
      manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
    } catch {
      continue;
    }
    const fits =
      allows(manifest.os, platform.os) &&
      allows(manifest.cpu, platform.cpu) &&
      allows(manifest.libc, platform.libc);
    if (!fits) {
      rmSync(pkg, { recursive: true, force: true });
      removed.push(pkg);
      continue;
    }
    prune(join(pkg, 'node_modules'));
  }
}

function pruneCoreBridge() {
  const bridge = join(root, '@temporalio', 'core-bridge');
  if (!existsSync(bridge)) return;
  // The bridge's own rule for which library it loads (common.js, used by its index.js).
  const { getPrebuiltTargetName } = createRequire(join(bridge, 'package.json'))('./common.js');
  const keep = getPrebuiltTargetName();
  const releases = join(bridge, 'releases');
  if (!existsSync(join(releases, keep, 'index.node')))
    throw new Error(
      `@temporalio/core-bridge has no library for ${keep}; refusing to build an image without it`,
    );
  for (const target of readdirSync(releases)) {
    if (target === keep) continue;
    rmSync(join(releases, target), { recursive: true, force: true });
    removed.push(join(releases, target));
  }
  for (const source of ['sdk-core', 'src', 'bridge-macros', 'Cargo.toml', 'Cargo.lock']) {
    if (!existsSync(join(bridge, source))) continue;
    rmSync(join(bridge, source), { recursive: true, force: true });
    removed.push(join(bridge, source));
  }
}

prune(root);
pruneCoreBridge();
for (const path of removed) console.log(`removed ${path}`);
console.log(
  `prune-foreign-binaries: ${removed.length} removed for ${platform.os}-${platform.cpu}${platform.libc ? `-${platform.libc}` : ''}`,
);
