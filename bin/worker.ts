// The worker: runs claim workflows and their activities from the "claims" task queue. Run as many as needed.
import { loadEntryPointConfig } from '../config';
import { createLogger } from '../logger';
import { createClaimsWorker, installWorkerRuntime } from './lib/worker';

async function main(): Promise<void> {
  const config = loadEntryPointConfig('worker');
  const logger = createLogger(config.LOG_LEVEL, 'worker');
  installWorkerRuntime(config);
  const { run } = await createClaimsWorker(config);
  logger.info(
    {
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      temporal: config.TEMPORAL_ADDRESS,
      metrics: config.WORKER_METRICS_ADDRESS ?? 'off',
    },
    'worker started',
  );
  await run();
  logger.info('worker stopped');
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
