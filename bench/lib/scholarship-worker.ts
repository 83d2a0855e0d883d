// The worker process of bench/scholarships.ts: one Worker, reporting its own memory over IPC, so the figures are
// the worker's alone. Activities are stubs that record nothing: the bench measures parked workflows, not PostgreSQL.
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { testDataConverter } from '../../test/helpers/codec';
import { connectWorker } from '../../temporal-connection';
import { buildWorkflowBundle } from '../../workflow-bundle';

type Request = { type: 'status' } | { type: 'measure' } | { type: 'stop' };

const gc = (globalThis as { gc?: () => void }).gc;

/** RSS after garbage collection (the workflows run in a worker thread: its heap counts in RSS only). */
async function settledRss(): Promise<{ rss: number }> {
  for (let i = 0; i < 3; i++) {
    gc?.();
    await new Promise((r) => setTimeout(r, 200));
  }
  return { rss: process.memoryUsage().rss };
}

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const address = process.env.BENCH_TEMPORAL_ADDRESS!;
  const taskQueue = process.env.BENCH_TASK_QUEUE!;
  const capacity = Number(process.env.BENCH_CACHE);
  let windowsOpened = 0;
  // The bench's own local server: plaintext, the default namespace.
  const connection = await connectWorker({ address, namespace: 'default', tls: false });
  const worker = await Worker.create({
    connection,
    taskQueue,
    // The production bundle for the scholarships (as workers build it, shared modules included); the ceiling's own
    // bundle (only the no-op) for the no-ops.
    ...(process.env.BENCH_BUNDLE
      ? { workflowsPath: require.resolve(process.env.BENCH_BUNDLE) }
      : { workflowBundle: { code: await buildWorkflowBundle() } }),
    dataConverter: testDataConverter,
    // Every parked workflow stays cached: an evicted one would cost nothing here and be replayed on its next task.
    maxCachedWorkflows: capacity,
    activities: {
      async recordScholarship(_ref: unknown, event: { type: string }) {
        if (event.type === 'enrollment_window_opened') windowsOpened += 1;
      },
    },
  });
  const running = worker.run();

  process.on('message', (message: Request) => {
    void (async () => {
      if (message.type === 'status') {
        const s = worker.getStatus();
        process.send!({
          type: 'status',
          cached: s.numCachedWorkflows,
          activations: s.numInFlightWorkflowActivations,
          activities: s.numInFlightActivities,
          windowsOpened,
        });
      } else if (message.type === 'measure') {
        process.send!({ type: 'measure', ...(await settledRss()) });
      } else {
        worker.shutdown();
        await running;
        await connection.close();
        process.exit(0);
      }
    })();
  });
  // Idle, before the first workflow task: "before".
  process.send!({ type: 'ready', ...(await settledRss()) });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
