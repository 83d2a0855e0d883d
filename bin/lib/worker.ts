import { Client } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../../activities';
import { createHistoryArchiveActivities } from '../../activities/history-archive';
import { createDataConverter } from '../../codec/data-converter';
import type { Config } from '../../config';
import { createDb } from '../../db/config';
import { createHttpGateway } from '../../gateway/client';
import { ensureHistoryArchiveSchedule, ensureReconciliationSchedule } from './schedules';

/**
 * A worker for the claims task queue, with its own database pool and gateway adapter (or the ones given: a fault
 * test injects adapters that stop at chosen moments). Creates the daily reconciliation schedule and the history
 * archiver's schedule if they are missing.
 */
export async function createClaimsWorker(
  config: Config<'PAYLOAD_KEYS'>,
  adapters: Partial<ActivityDeps> = {},
) {
  const db = adapters.db ?? createDb(config.DATABASE_URL);
  const gateway =
    adapters.gateway ??
    createHttpGateway({ baseUrl: config.GATEWAY_URL, timeoutMs: config.GATEWAY_TIMEOUT_MS });
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  const client = new Client({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    dataConverter: createDataConverter(config.PAYLOAD_KEYS),
  });
  const worker = await Worker.create({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    // On SIGTERM, running activities (a transfer) get this long to finish before they are cancelled.
    shutdownGraceTime: `${config.WORKER_SHUTDOWN_GRACE_SECONDS}s`,
    workflowsPath: require.resolve('../../workflows'),
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
