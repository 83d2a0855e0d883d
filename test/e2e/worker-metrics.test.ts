// A worker started as production starts it (bin/worker.ts, its own process: the SDK runtime is installed once per
// process) serves the SDK's metrics for Prometheus at WORKER_METRICS_ADDRESS. After a reconciliation ran on it, on a
// real server, a scrape shows the workflow completed, its activity, and the task queue's latencies.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { reconciliationWorkflow } from '../../workflows/reconciliation';
import { TEST_PAYLOAD_KEYS_SPEC } from '../helpers/codec';
import { createTestDb, type TestDb } from '../helpers/db';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { bundlePath, root } from '../helpers/paths';
import { devServerEnv } from '../helpers/temporal';

const taskQueue = 'claims-metrics-test';
let env: TestWorkflowEnvironment;
let testDb: TestDb;
let gateway: TestGateway;
let worker: ChildProcess;
let metricsUrl: string;
let output = '';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

async function scrape(): Promise<string> {
  const res = await fetch(metricsUrl);
  expect(res.status).toBe(200);
  return res.text();
}

/** The value of a sample: a metric name and labels it must carry (others may be there too). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)/.exec(line);
    if (!m || m[1] !== name) continue;
    const has = Object.entries(labels).every(([k, v]) => (m[2] ?? '').includes(`${k}="${v}"`));
    if (has) return Number(m[3]);
  }
  return undefined;
}

beforeAll(async () => {
  [env, testDb, gateway] = await Promise.all([devServerEnv(), createTestDb(), startTestGateway()]);
  const port = await freePort();
  metricsUrl = `http://127.0.0.1:${port}/metrics`;
  worker = spawn(process.execPath, ['--import', 'tsx', join(root, 'bin', 'worker.ts')], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: testDb.url,
      TEMPORAL_ADDRESS: env.address,
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: taskQueue,
      GATEWAY_URL: gateway.url,
      PAYLOAD_KEYS: TEST_PAYLOAD_KEYS_SPEC,
      WORKER_METRICS_ADDRESS: `127.0.0.1:${port}`,
      // The bundle this jest run built with the production bundler, as `npm run build` would have.
      WORKFLOW_BUNDLE_PATH: bundlePath,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  worker.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  worker.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  // Ready once the endpoint answers (the runtime is installed before the worker connects).
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (worker.exitCode !== null) throw new Error(`the worker exited: ${output}`);
    try {
      if ((await fetch(metricsUrl)).ok) break;
    } catch {
      if (Date.now() > deadline) throw new Error(`no metrics endpoint: ${output}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}, 120_000);

afterAll(async () => {
  if (worker && worker.exitCode === null) {
    const exited = new Promise((done) => worker.once('exit', done));
    worker.kill('SIGTERM');
    await exited;
  }
  await Promise.all([env?.teardown(), testDb?.drop(), gateway?.close()]);
});

describe("the worker's Prometheus endpoint (WORKER_METRICS_ADDRESS)", () => {
  it('counts a workflow that ran on the worker, its activity and the task latencies', async () => {
    const summary = await env.client.workflow.execute<typeof reconciliationWorkflow>(
      'reconciliationWorkflow',
      {
        taskQueue,
        workflowId: `reconciliation-metrics-${Date.now()}`,
        args: [{ date: '2026-01-05' }],
      },
    );
    expect(summary).toMatchObject({ date: '2026-01-05', status: 'balanced' });

    // The SDK exports on its own schedule: scrape until the run shows.
    let text = '';
    for (let i = 0; i < 40; i++) {
      text = await scrape();
      if (sample(text, 'temporal_workflow_completed', { workflow_type: 'reconciliationWorkflow' })) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(
      sample(text, 'temporal_workflow_completed', {
        workflow_type: 'reconciliationWorkflow',
        task_queue: taskQueue,
        namespace: 'default',
      }),
    ).toBe(1);
    expect(
      sample(text, 'temporal_activity_execution_latency_count', { activity_type: 'reconcileDay' }),
    ).toBeGreaterThanOrEqual(1);
    // The alerts' inputs (README, Monitoring): schedule-to-start latency and workflow task outcomes, in seconds.
    expect(
      sample(text, 'temporal_workflow_task_schedule_to_start_latency_count', { task_queue: taskQueue }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'temporal_activity_schedule_to_start_latency_count', { task_queue: taskQueue }),
    ).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/^temporal_workflow_task_schedule_to_start_latency_bucket\{.*le="0\.1".*\} \d/m);
    expect(sample(text, 'temporal_workflow_task_execution_failed', { task_queue: taskQueue }) ?? 0).toBe(0);
  });
});
