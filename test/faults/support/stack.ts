// The whole system for one fault-test file, each part something the test can break on its own: a private
// PostgreSQL, the Temporal dev server on a SQLite file (child process), the sandbox gateway, the API as
// bin/api.ts starts it (startApi, in this process), and workers as bin/worker.ts runs them (child processes).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Client, Connection } from '@temporalio/client';
import pino from 'pino';
import { startApi } from '../../../bin/lib/api';
import { loadConfig, type Config } from '../../../config';
import { createDb, ensureDatabase, type Db } from '../../../db/config';
import { createSandboxGateway, type SandboxControls } from '../../../gateway/sandbox';
import { TEST_PAYLOAD_KEYS_SPEC, testDataConverter } from '../../helpers/codec';
import { root } from '../../helpers/paths';
import { freePort } from './ports';
import { startPrivatePostgres, type PrivatePostgres } from './postgres';
import { startTemporalServer, type TemporalServer } from './temporal-server';

export const AUTH_SECRET = 'faults-secret-at-least-16-chars';

export interface WorkerProcess {
  pid: number;
  /** Resolves with the line once the worker prints one matching `pattern`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  kill9(): Promise<void>;
  stop(): Promise<void>;
  alive(): boolean;
  output(): string;
}

export interface StackOptions {
  /** Gateway client timeout inside the workers (production: 10 s). */
  gatewayTimeoutMs?: number;
  /** How long the sandbox holds a request for a `timeout` fault before answering 504. */
  sandboxTimeoutMs?: number;
}

export interface FaultStack {
  pg: PrivatePostgres;
  db: Db;
  temporal: TemporalServer;
  client: Client;
  gatewayUrl: string;
  gateway: SandboxControls;
  api: string;
  /** Warnings and errors the API logged, as JSON lines. */
  apiLog: string[];
  config: Config;
  workers: WorkerProcess[];
  startWorker(options?: { plan?: string; transferDelayMs?: number }): Promise<WorkerProcess>;
  close(): Promise<void>;
}

function spawnWorker(config: Config, env: Record<string, string>): Promise<WorkerProcess> {
  // node itself with tsx's loader (not the tsx CLI, which runs the script in a second process): kill -9 hits the worker.
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'worker-main.ts')],
    {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DATABASE_URL: config.DATABASE_URL,
        TEMPORAL_ADDRESS: config.TEMPORAL_ADDRESS,
        TEMPORAL_TASK_QUEUE: config.TEMPORAL_TASK_QUEUE,
        GATEWAY_URL: config.GATEWAY_URL,
        PAYLOAD_KEYS: TEST_PAYLOAD_KEYS_SPEC,
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  const check = () => {
    for (const w of [...waiters]) {
      const line = out.split('\n').find((l) => w.pattern.test(l));
      if (line !== undefined) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  };
  child.stdout!.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    check();
  });
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const worker: WorkerProcess = {
    pid: child.pid!,
    waitFor: (pattern, timeoutMs = 60_000) =>
      new Promise<string>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`worker never printed ${pattern}:\n${out.slice(-4000)}`)),
          timeoutMs,
        );
        void exited.then(() => {
          clearTimeout(timer);
          reject(new Error(`worker exited before printing ${pattern}:\n${out.slice(-4000)}`));
        });
        waiters.push({
          pattern,
          resolve: (line) => {
            clearTimeout(timer);
            resolve(line);
          },
        });
        check();
      }),
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
    alive: () => child.exitCode === null && child.signalCode === null,
    output: () => out,
  };
  return worker.waitFor(/^WORKER-READY/, 90_000).then(() => worker);
}

export async function startStack(options: StackOptions = {}): Promise<FaultStack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'santunan-faults-'));
  const [pg, temporal] = await Promise.all([startPrivatePostgres(), startTemporalServer(dataDir)]);
  const dbUrl = pg.url('santunan');
  await ensureDatabase(dbUrl);
  const db = createDb(dbUrl, { max: 5 });
  await db.migrate.latest();

  const sandbox = createSandboxGateway({ timeoutMs: options.sandboxTimeoutMs ?? 30_000 });
  const gatewayServer = await new Promise<Server>((resolve) => {
    const s = sandbox.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const gatewayUrl = `http://127.0.0.1:${(gatewayServer.address() as AddressInfo).port}`;

  const apiPort = await freePort();
  const config = loadConfig(
    ['PAYLOAD_KEYS', 'STAFF_SIGN_IN', 'TRACKING_CODE_SECRET', 'METRICS_TOKEN', 'TEMPORAL'],
    {
      NODE_ENV: 'test',
      DATABASE_URL: dbUrl,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_TASK_QUEUE: 'claims',
      GATEWAY_URL: gatewayUrl,
      API_PORT: String(apiPort),
      AUTH_SECRET,
      PAYLOAD_KEYS: TEST_PAYLOAD_KEYS_SPEC,
      LOG_LEVEL: 'warn',
    },
  );
  const apiLog: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      apiLog.push(chunk.toString().trim());
      done();
    },
  });
  const api = await startApi(config, pino({ level: 'warn' }, sink));
  const connection = await Connection.connect({ address: temporal.address });
  const client = new Client({ connection, dataConverter: testDataConverter });

  const workers: WorkerProcess[] = [];
  const stack: FaultStack = {
    pg,
    db,
    temporal,
    client,
    gatewayUrl,
    gateway: sandbox.controls,
    api: `http://127.0.0.1:${apiPort}/api/v1`,
    apiLog,
    config,
    workers,
    async startWorker({ plan, transferDelayMs } = {}) {
      const worker = await spawnWorker(config, {
        ...(plan ? { FAULT_PLAN: plan } : {}),
        ...(transferDelayMs ? { FAULT_TRANSFER_DELAY_MS: String(transferDelayMs) } : {}),
        FAULT_GATEWAY_TIMEOUT_MS: String(options.gatewayTimeoutMs ?? 10_000),
      });
      workers.push(worker);
      return worker;
    },
    async close() {
      await Promise.all(workers.map((w) => w.stop()));
      await api.close();
      await connection.close();
      gatewayServer.closeAllConnections();
      await new Promise<void>((resolve) => gatewayServer.close(() => resolve()));
      await db.destroy();
      await temporal.kill9();
      pg.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return stack;
}
