import { NativeConnection, Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import type { Config } from '../../config';
import { createDb } from '../../db/config';
import { createHttpGateway } from '../../gateway/client';

/** A worker for the claims task queue, with its own database pool and gateway adapter. */
export async function createClaimsWorker(config: Config) {
  const db = createDb(config.DATABASE_URL);
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  const worker = await Worker.create({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    workflowsPath: require.resolve('../../workflows'),
    activities: createActivities({ db, gateway: createHttpGateway({ baseUrl: config.GATEWAY_URL }) }),
  });
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
