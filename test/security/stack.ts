// The whole application on real dependencies, in one process, for the personal-data canary and the API fuzzer:
// a Temporal dev server persisting to SQLite in a temp dir, a fresh migrated and seeded database, the sandbox
// gateway, a worker and the API, with every log line on stdout. Run with tsx; prints one `STACK_READY {json}`
// line, and on SIGINT/SIGTERM stops everything, drops the database and removes the temp dir (unless kept).
//
//   STACK_PAYLOAD_KEYS   the PAYLOAD_KEYS of the worker and the API (default: the development key)
//   STACK_WORKFLOW_BUNDLE  a prebuilt workflow bundle (default: bundled now from workflows/)
//   STACK_LOG_LEVEL      API and worker log level (default: info); STACK_KEEP_DATA=1 keeps the temp dir
//   STACK_TRACKING_PER_ADDRESS, STACK_TRACKING_PER_CLAIM  family rate limits (default: the production ones)
//   API_PORT             where the API listens (default: any free port)
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker, type LogLevel } from '@temporalio/worker';
import pino from 'pino';
import { createActivities } from '../../activities';
import { createApp } from '../../api/app';
import { AesGcmPayloadCodec, createDataConverter } from '../../codec/data-converter';
import { loadConfig } from '../../config';
import { createDb, dropDatabase, ensureDatabase } from '../../db/config';
import { seedRegistry } from '../../db/seeds/registry';
import { createHttpGateway } from '../../gateway/client';
import { createSandboxGateway } from '../../gateway/sandbox';
import { jakartaDate } from '../../rules';
import { databaseUrl, temporalBinaries } from '../helpers/paths';
import { STACK_READY, type StackInfo } from './stack-info';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForTemporal(address: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null)
      throw new Error(`the Temporal dev server exited with code ${server.exitCode}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      await connection.workflowService.getSystemInfo({});
      await connection.close();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 300));
    }
  }
}

async function main(): Promise<void> {
  const env = process.env;
  const level = (env.STACK_LOG_LEVEL ?? 'info').toLowerCase();
  const log = pino({ name: 'stack', level });
  const keys = loadConfig(['PAYLOAD_KEYS'], {
    NODE_ENV: 'test',
    PAYLOAD_KEYS: env.STACK_PAYLOAD_KEYS ?? env.PAYLOAD_KEYS,
  }).PAYLOAD_KEYS;
  // The worker's own log on stdout too, as JSON lines: the canary searches it.
  Runtime.install({
    logger: new DefaultLogger(level.toUpperCase() as LogLevel, (entry) => {
      process.stdout.write(
        `${JSON.stringify({ name: 'worker', level: entry.level, msg: entry.message, meta: entry.meta }, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))}\n`,
      );
    }),
  });

  const dataDir = mkdtempSync(join(tmpdir(), 'santunan-stack-'));
  const sqliteFile = join(dataDir, 'temporal.sqlite');
  const [temporalPort, apiPort] = await Promise.all([
    freePort(),
    env.API_PORT ? Number(env.API_PORT) : freePort(),
  ]);
  const temporalAddress = `127.0.0.1:${temporalPort}`;
  const namespace = 'default';
  const taskQueue = 'claims';
  const authSecret = env.AUTH_SECRET ?? `stack-${randomBytes(12).toString('hex')}`;
  const dbUrl = databaseUrl(`santunan_stack_${process.pid}_${randomBytes(3).toString('hex')}`);

  const cli = env.TEMPORAL_CLI_PATH ?? temporalBinaries().cli;
  if (!cli) throw new Error('No Temporal CLI: run `node scripts/temporal-binaries.mjs` first');
  const serverLog = createWriteStream(join(dataDir, 'temporal-server.log'));
  const temporal = spawn(
    cli,
    ['server', 'start-dev', '--headless', '--ip', '127.0.0.1', '--port', String(temporalPort)].concat([
      '--db-filename',
      sqliteFile,
      '--namespace',
      namespace,
      '--log-level',
      'info',
      '--log-format',
      'json',
    ]),
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  temporal.stdout!.pipe(serverLog);
  temporal.stderr!.pipe(serverLog);

  await ensureDatabase(dbUrl);
  const db = createDb(dbUrl, { max: 10 });
  await db.migrate.latest();
  await seedRegistry(db, jakartaDate(Date.now()));

  const gateway = createSandboxGateway({ timeoutMs: 2000 });
  const gatewayServer = await new Promise<Server>((resolve) => {
    const s = gateway.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const gatewayUrl = `http://127.0.0.1:${(gatewayServer.address() as AddressInfo).port}`;

  await waitForTemporal(temporalAddress, temporal);
  const dataConverter = createDataConverter(keys);
  const nativeConnection = await NativeConnection.connect({ address: temporalAddress });
  const worker = await Worker.create({
    connection: nativeConnection,
    namespace,
    taskQueue,
    ...(env.STACK_WORKFLOW_BUNDLE
      ? { workflowBundle: { codePath: env.STACK_WORKFLOW_BUNDLE } }
      : { workflowsPath: require.resolve('../../workflows') }),
    dataConverter,
    activities: createActivities({
      db,
      gateway: createHttpGateway({ baseUrl: gatewayUrl, timeoutMs: 1000 }),
    }),
  });
  const workerDone = worker.run();

  const connection = await Connection.connect({ address: temporalAddress });
  const client = new Client({ connection, namespace, dataConverter });
  const app = createApp({
    db,
    temporal: client,
    authSecret,
    logger: pino({ name: 'api', level }),
    taskQueue,
    payloadCodec: new AesGcmPayloadCodec(keys),
    trackingLimits: {
      ...(env.STACK_TRACKING_PER_ADDRESS ? { perAddress: Number(env.STACK_TRACKING_PER_ADDRESS) } : {}),
      ...(env.STACK_TRACKING_PER_CLAIM ? { perClaim: Number(env.STACK_TRACKING_PER_CLAIM) } : {}),
    },
  });
  const apiServer = await new Promise<Server>((resolve) => {
    const s = app.listen(apiPort, '127.0.0.1', () => resolve(s));
  });

  const info: StackInfo = {
    api: `http://127.0.0.1:${apiPort}/api/v1`,
    temporalAddress,
    namespace,
    taskQueue,
    databaseUrl: dbUrl,
    dataDir,
    sqliteFile,
    authSecret,
  };
  process.stdout.write(`${STACK_READY} ${JSON.stringify(info)}\n`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    apiServer.closeAllConnections();
    await new Promise<void>((done) => apiServer.close(() => done()));
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await workerDone.catch((err: unknown) => log.error({ err }, 'worker stopped with an error'));
    await connection.close();
    await nativeConnection.close();
    gatewayServer.closeAllConnections();
    await new Promise<void>((done) => gatewayServer.close(() => done()));
    if (temporal.exitCode === null) {
      temporal.kill('SIGTERM');
      await new Promise((done) => temporal.once('exit', done));
    }
    await db.destroy();
    await dropDatabase(dbUrl);
    if (!env.STACK_KEEP_DATA) rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  };
  // The SDK's runtime shuts the worker down on these signals itself; stop() does the rest.
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
