import { Client } from '@temporalio/client';
import { Runtime, Worker, type TelemetryOptions } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../../activities';
import { createHistoryArchiveActivities } from '../../activities/history-archive';
import { createDataConverter } from '../../codec/data-converter';
import type { Config, Settings } from '../../config';
import { createDb } from '../../db/config';
import { createHttpGateway } from '../../gateway/client';
import { connectWorker } from '../../temporal-connection';
import { loadWorkflowBundle } from '../../workflow-bundle';
import { ensureHistoryArchiveSchedule, ensureReconciliationSchedule } from './schedules';

/**
 * The SDK's metrics for Prometheus at WORKER_METRICS_ADDRESS, when set: workflow and activity outcomes, task latencies
 * (in seconds), poller and cache figures, named `temporal_*` (README, Monitoring).
 */
export function workerTelemetry(settings: Pick<Settings, 'WORKER_METRICS_ADDRESS'>): TelemetryOptions {
  return settings.WORKER_METRICS_ADDRESS === undefined
    ? {}
    : {
        metrics: {
          prometheus: { bindAddress: settings.WORKER_METRICS_ADDRESS, useSecondsForDurations: true },
        },
      };
}

/** The SDK runtime of a worker process: once, before any connection (the SDK allows one per process). */
export function installWorkerRuntime(settings: Pick<Settings, 'WORKER_METRICS_ADDRESS'>): void {
  Runtime.install({ telemetryOptions: workerTelemetry(settings) });
}

/**
 * A worker for the claims task queue, with its own database pool and gateway adapter (or the ones given: a fault
 * test injects adapters that stop at chosen moments). Creates the daily reconciliation schedule and the history
 * archiver's schedule if they are missing.
 */
export async function createClaimsWorker(
  config: Config<'PAYLOAD_KEYS' | 'TEMPORAL'>,
  adapters: Partial<ActivityDeps> = {},
) {
  const db = adapters.db ?? createDb(config.DATABASE_URL);
  const gateway =
    adapters.gateway ??
    createHttpGateway({ baseUrl: config.GATEWAY_URL, timeoutMs: config.GATEWAY_TIMEOUT_MS });
  const connection = await connectWorker(config.TEMPORAL);
  const client = new Client({
    connection,
    namespace: config.TEMPORAL.namespace,
    dataConverter: createDataConverter(config.PAYLOAD_KEYS),
  });
  const worker = await Worker.create({
    connection,
    namespace: config.TEMPORAL.namespace,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    // On SIGTERM, running activities (a transfer) get this long to finish before they are cancelled.
    shutdownGraceTime: `${config.WORKER_SHUTDOWN_GRACE_SECONDS}s`,
    // The bundle `npm run build` made; development and tests bundle from source.
    workflowBundle: await loadWorkflowBundle(config),
    dataConverter: createDataConverter(config.PAYLOAD_KEYS),
    activities: {
      ...createActivities({ db, gateway }),
      // The archiver reads histories as stored (payloads stay encrypted), through this worker's connection.
      ...createHistoryArchiveActivities({ db, temporal: client }),
    },
  });
  await ensureReconciliationSchedule(client, config.TEMPORAL_TASK_QUEUE);
  await ensureHistoryArchiveSchedule(client, config.TEMPORAL_TASK_QUEUE);
  return {
    worker,
    /** Runs until shut down (SIGINT/SIGTERM, or worker.shutdown()), then releases its connections. */
    async run(): Promise<void> {
      try {
        await worker.run();
      } finally {
        await connection.close();
        await db.destroy();
      }
    },
  };
}
