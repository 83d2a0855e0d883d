// The set-up every workflow test file shares: a Temporal test server, the file's own PostgreSQL database, the
// sandbox gateway over HTTP, and workers on fresh task queues running the prebuilt bundle with the real activities.
// Call useWorkflowHarness() at the top of a file: it registers the jest hooks and returns the parts.
import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities } from '../../activities';
import type { claimWorkflow } from '../../workflows/claim';
import { claimStateQuery } from '../../vocabulary/messages/claim';
import type { ClaimInput } from '../../vocabulary/claim';
import type { ClaimStatus } from '../../vocabulary/status';
import { testDataConverter } from './codec';
import { createTestDb, type TestDb } from './db';
import { startTestGateway, type TestGateway } from './gateway';
import { bundlePath } from './paths';
import { devServerEnv, timeSkippingEnv } from './temporal';

export interface HarnessOptions {
  /** 'time-skipping' (default) or 'dev' (the real server: schedules, real-time updates). */
  server?: 'time-skipping' | 'dev';
  /**
   * A server per test rather than per file: each test's clock starts today, and no test's leftovers (a
   * terminated run's timer) can hold another's clock.
   */
  serverPerTest?: boolean;
}

export interface WorkflowHarness {
  readonly env: TestWorkflowEnvironment;
  readonly t: TestDb;
  readonly gateway: TestGateway;
  /** A worker on a new task queue (the prebuilt bundle, the real activities, `extra` on top). */
  newWorker(taskQueue: string, extra?: Partial<WorkerOptions>): Promise<Worker>;
  /** Runs `fn` with a worker polling a new task queue, and stops the worker when `fn` settles. */
  withWorker<T>(fn: (taskQueue: string) => Promise<T>): Promise<T>;
  startClaim(taskQueue: string, input: ClaimInput): Promise<WorkflowHandle<typeof claimWorkflow>>;
  /** Waits until the workflow and its PostgreSQL projection both show the status (the step is fully recorded). */
  waitForStatus(handle: WorkflowHandle, status: ClaimStatus): Promise<void>;
}

export function useWorkflowHarness(options: HarnessOptions = {}): WorkflowHarness {
  let env: TestWorkflowEnvironment | undefined;
  let t: TestDb | undefined;
  let gateway: TestGateway | undefined;
  const startServer = () => (options.server === 'dev' ? devServerEnv() : timeSkippingEnv());
  const ready = <T>(part: T | undefined, name: string): T => {
    if (part === undefined) throw new Error(`the harness's ${name} is not started (use it inside a test)`);
    return part;
  };

  beforeAll(async () => {
    [t, gateway] = await Promise.all([createTestDb(), startTestGateway()]);
    if (!options.serverPerTest) env = await startServer();
  });
  if (options.serverPerTest) {
    beforeEach(async () => {
      env = await startServer();
    });
    afterEach(async () => {
      await env?.teardown();
      env = undefined;
    });
  }
  afterAll(async () => {
    await env?.teardown();
    await gateway?.close();
    await t?.drop();
  });

  const harness: WorkflowHarness = {
    get env() {
      return ready(env, 'Temporal server');
    },
    get t() {
      return ready(t, 'database');
    },
    get gateway() {
      return ready(gateway, 'gateway');
    },
    newWorker(taskQueue, extra = {}) {
      return Worker.create({
        connection: harness.env.nativeConnection,
        taskQueue,
        workflowBundle: { codePath: bundlePath },
        dataConverter: testDataConverter,
        activities: createActivities({ db: harness.t.db, gateway: harness.gateway.client }),
        ...extra,
      });
    },
    async withWorker(fn) {
      const taskQueue = `claims-${randomUUID()}`;
      const worker = await harness.newWorker(taskQueue);
      return worker.runUntil(fn(taskQueue));
    },
    startClaim(taskQueue, input) {
      return harness.env.client.workflow.start<typeof claimWorkflow>('claimWorkflow', {
        workflowId: input.claimNumber,
        taskQueue,
        args: [input],
      });
    },
    async waitForStatus(handle, status) {
      for (let i = 0; i < 200; i++) {
        if ((await handle.query(claimStateQuery)).status === status) {
          const row = await harness.t.db('claims').where({ claim_number: handle.workflowId }).first('status');
          if (row?.status === status) return;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`claim never reached ${status}`);
    },
  };
  return harness;
}

/** The failure type of a refused update (its validator's ApplicationFailure), or undefined if it was accepted. */
export async function updateFailureType(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError) return (err.cause as { type?: string } | undefined)?.type;
    throw err;
  }
  return undefined;
}
