// Memory of parked scholarships: N ScholarshipWorkflows (BENCH_SCHOLARSHIPS, default 5000; fewer for a shorter run)
// started on a Temporal dev server and parked at their yearly wait (the enrolment window open, waiting for proof),
// against the ceiling: N no-op workflows parked on a signal. Each kind gets a fresh worker process. Prints memory per
// parked workflow and the time to park all N, each beside the no-op's, with the ratio; asserts no timing.
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { jakartaDate } from '../rules';
import { addYears } from '../rules/dates';
import type { ScholarshipInput } from '../vocabulary/messages/scholarship';
import { testDataConverter } from '../test/helpers/codec';
import { temporalBinaries } from '../test/helpers/paths';

const N = Number(process.env.BENCH_SCHOLARSHIPS ?? 5000);
/** Started and parked first, so "warm" includes the one-off costs (the workflow context, pools, caches). */
const WARM_UP = Math.min(100, Math.max(1, Math.floor(N / 10)));
const CONCURRENCY = 64;
const MB = 1024 * 1024;

interface Memory {
  rss: number;
}
interface Status {
  cached: number;
  activations: number;
  activities: number;
  windowsOpened: number;
}

function ask<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve) => {
    const onMessage = (message: { type: string }) => {
      if (message.type !== type) return;
      child.off('message', onMessage);
      resolve(message as T);
    };
    child.on('message', onMessage);
    child.send({ type });
  });
}

function waitFor<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the worker exited with code ${code}`)));
    const onMessage = (message: { type: string }) => {
      if (message.type !== type) return;
      child.off('message', onMessage);
      resolve(message as T);
    };
    child.on('message', onMessage);
  });
}

async function inBatches(count: number, start: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) await start(next++);
    }),
  );
}

interface Figures {
  kind: string;
  startSeconds: number;
  parkSeconds: number;
  before: Memory;
  warm: Memory;
  after: Memory;
}

async function parkedAll(worker: ChildProcess, count: number, parked: (s: Status, count: number) => boolean) {
  for (;;) {
    const s = await ask<Status>(worker, 'status');
    if (parked(s, count) && s.activations === 0 && s.activities === 0) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function measure(
  address: string,
  kind: string,
  /** The workflows module to bundle from source; undefined: the production bundle (buildWorkflowBundle). */
  bundle: string | undefined,
  start: (taskQueue: string, i: number) => Promise<unknown>,
  parked: (s: Status, count: number) => boolean,
): Promise<Figures> {
  const taskQueue = `bench-${randomUUID()}`;
  const worker = fork(require.resolve('./lib/scholarship-worker'), [], {
    execArgv: [...process.execArgv, '--expose-gc'],
    env: {
      ...process.env,
      BENCH_TEMPORAL_ADDRESS: address,
      BENCH_TASK_QUEUE: taskQueue,
      ...(bundle ? { BENCH_BUNDLE: bundle } : {}),
      BENCH_CACHE: String(N + WARM_UP + 100),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const before = await waitFor<Memory>(worker, 'ready');
  await inBatches(WARM_UP, (i) => start(taskQueue, N + i));
  await parkedAll(worker, WARM_UP, parked);
  const warm = await ask<Memory>(worker, 'measure');

  const t0 = performance.now();
  await inBatches(N, (i) => start(taskQueue, i));
  const startSeconds = (performance.now() - t0) / 1000;
  await parkedAll(worker, N + WARM_UP, parked);
  const parkSeconds = (performance.now() - t0) / 1000;
  const after = await ask<Memory>(worker, 'measure');
  worker.send({ type: 'stop' });
  await new Promise((r) => worker.once('exit', r));
  return { kind, startSeconds, parkSeconds, before, warm, after };
}

function report(f: Figures): number {
  const perWorkflow = (f.after.rss - f.warm.rss) / N;
  const mb = (m: Memory) => `${(m.rss / MB).toFixed(1)} MB`;
  console.log(
    [
      `${f.kind}: ${N} workflows (after ${WARM_UP} to warm up)`,
      `  started in ${f.startSeconds.toFixed(1)} s (${(N / f.startSeconds).toFixed(0)}/s); all parked after ${f.parkSeconds.toFixed(1)} s`,
      `  worker RSS: idle ${mb(f.before)}, warm ${mb(f.warm)}, with all parked ${mb(f.after)}`,
      `  RSS per parked workflow: ${(perWorkflow / 1024).toFixed(1)} KB`,
    ].join('\n'),
  );
  return perWorkflow;
}

async function main(): Promise<void> {
  const { cli } = temporalBinaries();
  const env = await TestWorkflowEnvironment.createLocal({
    client: { dataConverter: testDataConverter },
    ...(cli
      ? { server: { executable: { type: 'existing-path', path: cli }, extraArgs: ['--log-level', 'error'] } }
      : {}),
  });
  const address = env.address;
  try {
    const today = jakartaDate(Date.now());
    const scholarship = (i: number): ScholarshipInput => ({
      claimNumber: `JKM-20261124-BENCH${String(i).padStart(5, '0')}`,
      childNumber: 1,
      childPosition: 1,
      dateOfBirth: addYears(today, -9),
      schooling: { level: 'SD', grade: 3 },
      eventDate: today,
      account: { bankCode: 'BRI', accountNumber: '1234567890', accountName: 'Bench' },
    });
    console.log(`Parked workflows on a Temporal dev server; worker in its own process (RSS after gc).`);
    const scholarships = await measure(
      address,
      'ScholarshipWorkflow at its yearly wait',
      undefined, // the production bundle, as buildWorkflowBundle makes it

      (taskQueue, i) =>
        env.client.workflow.start('scholarshipWorkflow', {
          taskQueue,
          workflowId: `${scholarship(i).claimNumber}-S1`,
          args: [scholarship(i)],
        }),
      (s, count) => s.windowsOpened >= count && s.cached >= count,
    );
    const noop = await measure(
      address,
      'no-op workflow parked on a signal',
      require.resolve('./lib/noop-only'),
      (taskQueue, i) =>
        env.client.workflow.start('parkedWorkflow', { taskQueue, workflowId: `bench-noop-${i}`, args: [] }),
      (s, count) => s.cached >= count,
    );
    const a = report(scholarships);
    const b = report(noop);
    console.log(
      `scholarship / no-op memory per parked workflow: ${(a / b).toFixed(2)}× (target: at most 1.5×)`,
    );
    console.log(
      `time to park ${N}: scholarships ${scholarships.parkSeconds.toFixed(1)} s, no-op ` +
        `${noop.parkSeconds.toFixed(1)} s (${(scholarships.parkSeconds / noop.parkSeconds).toFixed(2)}×)`,
    );
  } finally {
    await env.teardown();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
