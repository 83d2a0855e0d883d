// What bench/status.ts and bench/scale.ts share: a fresh migrated database, a server in its own process, one
// autocannon run (the load generator for every figure, so the figures compare), and the table they print.
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createDb, dropDatabase, ensureDatabase, type Db } from '../../db/config';
import { signStaffToken } from '../../api/middleware/auth';

export const BENCH_AUTH_SECRET = 'bench-status-secret-0123456789';

/** The bench's database URL: TEST_DATABASE_URL's server (or the local default) with its own database name. */
export function benchDatabaseUrl(name: string): string {
  const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/santunan_test');
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops and creates the database, migrated to the latest migration; the caller destroys the pool. */
export async function freshDatabase(url: string): Promise<Db> {
  await dropDatabase(url);
  await ensureDatabase(url);
  const db = createDb(url, { max: 1 });
  await db.migrate.latest();
  return db;
}

/**
 * BENCH_CPU_PROFILE_DIR: the processes a bench starts (the servers, `npm start`'s process) write a V8 CPU profile
 * there, one per thread, when they exit (open one in Chrome's DevTools).
 */
export const cpuProfileArgs = (): string[] =>
  process.env.BENCH_CPU_PROFILE_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE_DIR}`]
    : [];

export interface RunningServer {
  port: number;
  stop(): Promise<void>;
}

/** Starts bench/lib/status-server.ts as `kind` on `url`; resolves once it listens. */
export function startServer(kind: 'app' | 'bare', url: string): Promise<RunningServer> {
  const child: ChildProcess = fork(join(__dirname, 'status-server.ts'), [], {
    execArgv: ['--import', 'tsx', ...cpuProfileArgs()],
    env: { ...process.env, BENCH_SERVER: kind, BENCH_DATABASE_URL: url, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the ${kind} server exited with code ${code}`)));
    child.on('message', (m: { type: string; port: number }) => {
      if (m.type !== 'listening') return;
      child.removeAllListeners('exit');
      resolve({
        port: m.port,
        stop: () =>
          new Promise((done) => {
            child.once('exit', () => done());
            child.send({ type: 'stop' });
          }),
      });
    });
  });
}

export const staffToken = () => signStaffToken(BENCH_AUTH_SECRET, { id: 'bench-officer', role: 'officer' });

export interface LoadFigures {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Answers other than 2xx, and connection errors: a run with any is not a figure. */
  failures: number;
}

/** One autocannon run: `connections` clients cycling through `requests` for `seconds` (after a warm-up of 2 s). */
export async function load(
  name: string,
  port: number,
  requests: { path: string; headers?: Record<string, string> }[],
  o: { connections: number; seconds: number },
): Promise<LoadFigures> {
  const run = (duration: number) =>
    autocannon({
      url: `http://127.0.0.1:${port}`,
      connections: o.connections,
      duration,
      requests: requests.map((r) => ({ method: 'GET', path: r.path, headers: r.headers ?? {} })),
    });
  await run(2);
  const r = await run(o.seconds);
  return {
    name,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    failures: r.non2xx + r.errors + r.timeouts,
  };
}

const fixed = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits });

/** The table: req/s, p50 and p99 per run, and req/s as a ratio of the ceiling's. */
export function printLoad(ceiling: LoadFigures, runs: LoadFigures[]): void {
  const rows = [ceiling, ...runs].map((f) => [
    f.name,
    fixed(f.rps),
    `${fixed(f.p50, 1)} ms`,
    `${fixed(f.p99, 1)} ms`,
    f === ceiling ? '1.00× (ceiling)' : `${(f.rps / ceiling.rps).toFixed(2)}×`,
    f.failures === 0 ? '' : `${f.failures} failed of ${f.requests}`,
  ]);
  const head = ['what', 'req/s', 'p50', 'p99', 'ratio', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const row of [head, ...rows]) console.log(row.map((c, i) => c.padEnd(widths[i]!)).join('  '));
}
