// npm start: everything on one machine, on embedded defaults. The Temporal dev server (SQLite under DATA_DIR,
// web UI), migrations and the dev seed, the sandbox payment gateway, a worker and the API. Ctrl-C stops all.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { signStaffToken } from '../api/middleware/auth';
import { loadEntryPointConfig } from '../config';
import { createDb, ensureDatabase } from '../db/config';
import { seedRegistry, WALKTHROUGH_PARTICIPANTS } from '../db/seeds/registry';
import { createSandboxGateway } from '../gateway/sandbox';
import { createLogger } from '../logger';
import { jakartaDate } from '../rules';
import { connectClient, type TemporalConnection } from '../temporal-connection';
import { startApi } from './lib/api';
import { devServerArgs } from './lib/dev-server';
import { createClaimsWorker, workerTelemetry } from './lib/worker';

const root = resolve(__dirname, '..');

function temporalCli(): string {
  if (process.env.TEMPORAL_CLI_PATH) return process.env.TEMPORAL_CLI_PATH;
  try {
    const found = JSON.parse(readFileSync(join(root, '.temporal-binaries.json'), 'utf8')) as { cli?: string };
    if (found.cli) return found.cli;
  } catch {
    // fall through: not located yet
  }
  throw new Error('No Temporal CLI: run `node scripts/temporal-binaries.mjs` or set TEMPORAL_CLI_PATH');
}

async function waitForTemporal(temporal: TemporalConnection, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`the Temporal dev server exited with code ${child.exitCode}`);
    try {
      const connection = await connectClient(temporal, { connectTimeout: 1000 });
      await connection.workflowService.getSystemInfo({});
      await connection.close();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

async function main(): Promise<void> {
  // `npm start` is development by definition: its published secrets are refused anywhere else.
  process.env.NODE_ENV ??= 'development';
  const config = loadEntryPointConfig('dev');
  const logger = createLogger(config.LOG_LEVEL, 'dev');
  // The worker's own log: warnings and errors only, so the banner below stays readable.
  Runtime.install({ logger: new DefaultLogger('WARN'), telemetryOptions: workerTelemetry(config) });
  const dataDir = resolve(config.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });

  const temporal = spawn(temporalCli(), devServerArgs(config, dataDir), {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const stopTemporal = () => {
    if (temporal.exitCode === null) temporal.kill('SIGTERM');
  };
  process.once('exit', stopTemporal);

  await ensureDatabase(config.DATABASE_URL);
  const db = createDb(config.DATABASE_URL);
  await db.migrate.latest();
  const seeded = await seedRegistry(db, jakartaDate(Date.now()));
  await db.destroy();

  const gateway = createSandboxGateway({ stateFile: join(dataDir, 'gateway.json'), logger });
  const gatewayServer = await new Promise<Server>((done) => {
    const s = gateway.app.listen(config.GATEWAY_PORT, '127.0.0.1', () => done(s));
  });

  await waitForTemporal(config.TEMPORAL, temporal);
  const worker = await createClaimsWorker(config);
  const workerDone = worker.run();
  const api = await startApi(config, logger);

  const officer = signStaffToken(config.DEVELOPMENT_AUTH_SECRET, { id: 'officer-1', role: 'officer' });
  const base = `http://localhost:${config.API_PORT}/api/v1`;
  console.log(`
Santunan is running.
  Web                 http://localhost:${config.API_PORT}/   (the family's claim page)
  API                 ${base}   (OpenAPI: ${base}/openapi.json)
  Temporal            ${config.TEMPORAL_ADDRESS}   web UI: http://localhost:${config.TEMPORAL_UI_PORT}
  Payment gateway     http://127.0.0.1:${config.GATEWAY_PORT}   (sandbox)
  PostgreSQL          ${new URL(config.DATABASE_URL).host}${new URL(config.DATABASE_URL).pathname}   (${seeded.participants} participants seeded)
  Data                ${dataDir}

Try it (token for officer-1; mint others with: npm run token -- --role supervisor --sub supervisor-1):
  TOKEN=${officer}
  curl -s -X POST ${base}/claims -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\
    -d '{"program":"JKM","participantNik":"${WALKTHROUGH_PARTICIPANTS.active}","eventDate":"${jakartaDate(Date.now() - 86_400_000)}",
         "heirs":[{"name":"Sri Wahyuni","relationship":"spouse"}],
         "bankAccount":{"bankCode":"BRI","accountNumber":"1234567890","accountName":"Sri Wahyuni"}}'

Workflow payloads are encrypted (key "${config.PAYLOAD_KEYS.currentKeyId}"); read a claim's history decrypted with:
  temporal workflow show -w <claimNumber> --address ${config.TEMPORAL_ADDRESS} \\
    --codec-endpoint ${base}/codec --codec-auth "Bearer $TOKEN"

Ctrl-C stops everything.`);

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping…');
    await api.close();
    // The SDK's runtime already shuts the worker down on SIGINT/SIGTERM; this covers any other stop.
    if (worker.worker.getState() === 'RUNNING') worker.worker.shutdown();
    await workerDone;
    await new Promise<void>((done) => gatewayServer.close(() => done()));
    stopTemporal();
    await new Promise<void>((done) =>
      temporal.exitCode !== null ? done() : temporal.once('exit', () => done()),
    );
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
