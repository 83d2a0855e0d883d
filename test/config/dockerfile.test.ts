// The Dockerfile, parsed (no Docker engine here to build it): multi-stage, an active Node LTS, compiled code under a
// proper PID 1 as a non-root user, production dependencies only, and no other platform's native binaries.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from '../helpers/paths';

interface Instruction {
  op: string;
  args: string;
}
interface Stage {
  from: string;
  name?: string;
  instructions: Instruction[];
}

/** Instructions with line continuations joined and comments dropped, split into stages at each FROM. */
function parseDockerfile(text: string): { args: Record<string, string>; stages: Stage[] } {
  const lines = text
    .split('\n')
    .filter((l) => !/^\s*#/.test(l))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const args: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const line of lines) {
    const [, op = '', rest = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const upper = op.toUpperCase();
    if (upper === 'FROM') {
      const [, from = '', name] = /^(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?$/i.exec(rest) ?? [];
      stages.push({ from, name, instructions: [] });
    } else if (stages.length === 0 && upper === 'ARG') {
      const [name = '', value = ''] = rest.split('=');
      args[name] = value;
    } else stages.at(-1)?.instructions.push({ op: upper, args: rest });
  }
  return { args, stages };
}

const { args, stages } = parseDockerfile(readFileSync(join(root, 'Dockerfile'), 'utf8'));
const final = stages.at(-1)!;
const image = (from: string) => from.replace(/\$\{(\w+)\}/g, (_, name: string) => args[name] ?? '');
const runs = (stage: Stage) => stage.instructions.filter((i) => i.op === 'RUN').map((i) => i.args);
const copiesFrom = (stage: Stage) =>
  stage.instructions
    .filter((i) => i.op === 'COPY' && /--from=/.test(i.args))
    .map((i) => {
      const [, from = '', src = ''] = /--from=(\S+)\s+(\S+)/.exec(i.args) ?? [];
      return { from, src };
    });
const stage = (name: string) => stages.find((s) => s.name === name)!;

describe('Dockerfile', () => {
  it('is multi-stage: a build stage, a production-dependencies stage, and a final stage with only their results', () => {
    expect(stages.length).toBeGreaterThanOrEqual(3);
    expect(copiesFrom(final).sort((a, b) => a.src.localeCompare(b.src))).toEqual([
      { from: 'build', src: '/app/dist' },
      { from: 'deps', src: '/app/node_modules' },
      { from: 'build', src: '/app/web/dist' },
    ]);
    // Neither the sources nor the tests reach the final image: it copies only package.json from the context.
    const ownCopies = final.instructions.filter((i) => i.op === 'COPY' && !/--from=/.test(i.args));
    expect(ownCopies.map((i) => i.args)).toEqual(['package.json ./']);
  });

  it('runs on Node 24, the active LTS line, on glibc for the SDK bridge', () => {
    expect(args.NODE_VERSION).toBe('24');
    for (const s of stages) expect(image(s.from)).toBe('node:24-bookworm-slim');
  });

  it('type-checks and builds (npm run build) in the build stage', () => {
    expect(runs(stage('build'))).toContain('npm run build');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(pkg.scripts.build).toMatch(
      /^tsc -p tsconfig\.build\.json && node dist\/bin\/bundle\.js && node scripts\/web-build\.mjs$/,
    );
    // TypeScript is compiled, not run: tsx is a development tool only.
    expect(pkg.dependencies.tsx).toBeUndefined();
    expect(pkg.devDependencies.tsx).toBeDefined();
  });

  it('installs production dependencies only, and removes other platforms’ native binaries', () => {
    const deps = runs(stage('deps'));
    const install = deps.filter((r) => /npm (ci|install)/.test(r));
    expect(install).toHaveLength(1);
    expect(install[0]).toMatch(/npm ci --omit=dev/);
    expect(deps.some((r) => /prune-foreign-binaries\.mjs node_modules$/.test(r))).toBe(true);
    // Nothing else installs packages into the final image.
    expect(runs(final).filter((r) => /npm |yarn |pnpm /.test(r))).toEqual([]);
  });

  it('runs as a non-root user, set after the last RUN, under tini as PID 1', () => {
    const users = final.instructions.filter((i) => i.op === 'USER');
    expect(users).toHaveLength(1);
    const user = users[0]!.args;
    expect(user).not.toMatch(/^(root|0)(:|$)/);
    expect(user).toMatch(/^[1-9]\d*:[1-9]\d*$/); // numeric, so Kubernetes' runAsNonRoot can check it
    const lastRun = final.instructions.map((i) => i.op).lastIndexOf('RUN');
    expect(final.instructions.indexOf(users[0]!)).toBeGreaterThan(lastRun);
    expect(runs(final).some((r) => /apt-get install .*\btini\b/.test(r))).toBe(true);
    const entrypoint = final.instructions.find((i) => i.op === 'ENTRYPOINT');
    expect(JSON.parse(entrypoint!.args)).toEqual(['/usr/bin/tini', '-s', '--']);
    const cmd = JSON.parse(final.instructions.find((i) => i.op === 'CMD')!.args) as string[];
    expect(cmd).toEqual(['node', 'dist/bin/api.js']);
  });

  it('keeps the build stage’s inputs in the build context', () => {
    const ignored = readFileSync(join(root, '.dockerignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    for (const needed of ['tsconfig.json', 'tsconfig.build.json', 'docker', 'bin', 'workflow-bundle.ts'])
      expect({ needed, ignored: ignored.includes(needed) }).toEqual({ needed, ignored: false });
    for (const left of ['test', 'node_modules', 'dist', '.git'])
      expect({ left, ignored: ignored.includes(left) }).toEqual({ left, ignored: true });
  });
});

describe('docker/prune-foreign-binaries.mjs', () => {
  const script = join(root, 'docker', 'prune-foreign-binaries.mjs');
  const bridge = join(root, 'node_modules', '@temporalio', 'core-bridge');
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'santunan-prune-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function pkg(path: string, manifest: object) {
    mkdirSync(join(dir, path), { recursive: true });
    writeFileSync(join(dir, path, 'package.json'), JSON.stringify(manifest));
  }
  /** A core-bridge with the real target rule (common.js) and a stand-in library per target given. */
  function coreBridge(targets: string[]) {
    const to = join(dir, '@temporalio', 'core-bridge');
    mkdirSync(to, { recursive: true });
    cpSync(join(bridge, 'common.js'), join(to, 'common.js'));
    cpSync(join(bridge, 'package.json'), join(to, 'package.json'));
    mkdirSync(join(to, 'sdk-core'));
    for (const t of targets) {
      mkdirSync(join(to, 'releases', t), { recursive: true });
      writeFileSync(join(to, 'releases', t, 'index.node'), '');
    }
  }
  const here = `${{ x64: 'x86_64', arm64: 'aarch64' }[process.arch as 'x64']}-unknown-linux-gnu`;
  const foreignCpu = process.arch === 'x64' ? 'arm64' : 'x64';

  it('removes packages built for another system or CPU, and the bridge’s other targets and sources', () => {
    pkg('@swc/core', { name: '@swc/core' });
    pkg('@swc/core-darwin-arm64', { name: '@swc/core-darwin-arm64', os: ['darwin'], cpu: ['arm64'] });
    pkg('@swc/core-win32-x64-msvc', { name: '@swc/core-win32-x64-msvc', os: ['win32'], cpu: ['x64'] });
    pkg('@swc/core-linux-other', { name: '@swc/core-linux-other', os: ['linux'], cpu: [foreignCpu] });
    pkg('@swc/core-linux-here', { name: '@swc/core-linux-here', os: ['linux'], cpu: [process.arch] });
    pkg('nested/node_modules/fsevents', { name: 'fsevents', os: ['darwin'] });
    pkg('nested', { name: 'nested' });
    coreBridge([here, 'x86_64-apple-darwin', 'x86_64-pc-windows-msvc']);
    execFileSync(process.execPath, [script, dir], { stdio: 'ignore' });
    expect(readdirSync(join(dir, '@swc')).sort()).toEqual(['core', 'core-linux-here']);
    expect(existsSync(join(dir, 'nested', 'node_modules', 'fsevents'))).toBe(false);
    expect(existsSync(join(dir, 'nested', 'package.json'))).toBe(true);
    const bridgeLeft = join(dir, '@temporalio', 'core-bridge');
    expect(readdirSync(join(bridgeLeft, 'releases'))).toEqual([here]);
    expect(existsSync(join(bridgeLeft, 'sdk-core'))).toBe(false);
  });

  it('fails when the bridge has no library for this machine, so no image without one is built', () => {
    coreBridge(['x86_64-apple-darwin']);
    expect(() => execFileSync(process.execPath, [script, dir], { stdio: 'pipe' })).toThrow(/no library for/);
  });
});
