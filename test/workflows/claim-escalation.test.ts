// ClaimWorkflow's verification service level on the time-skipping server, with real PostgreSQL and the sandbox gateway over HTTP.
import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { jakartaDate } from '../../rules';
import type { claimWorkflow } from '../../workflows/claim';
import {
  claimStateQuery,
  verifyUpdate,
  type Actor,
  type ClaimInput,
  type ClaimStatus,
} from '../../workflows/definitions';
import { testDataConverter } from '../helpers/codec';
import { createTestDb, type TestDb } from '../helpers/db';
import { claimInput, createParticipant, FULL_CHECKLIST } from '../helpers/factories';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { bundlePath } from '../helpers/paths';
import { timeSkippingEnv } from '../helpers/temporal';

const officer1: Actor = { kind: 'staff', id: 'officer-1', role: 'officer' };

let env: TestWorkflowEnvironment;
let t: TestDb;
let gateway: TestGateway;

beforeAll(async () => {
  [env, t, gateway] = await Promise.all([timeSkippingEnv(), createTestDb(), startTestGateway()]);
});

afterAll(async () => {
  await env?.teardown();
  await gateway?.close();
  await t?.drop();
});

async function withWorker<T>(fn: (taskQueue: string) => Promise<T>): Promise<T> {
  const taskQueue = `claims-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: { codePath: bundlePath },
    dataConverter: testDataConverter,
    activities: createActivities({ db: t.db, gateway: gateway.client }),
  });
  return worker.runUntil(fn(taskQueue));
}

async function start(taskQueue: string, input: ClaimInput): Promise<WorkflowHandle<typeof claimWorkflow>> {
  return env.client.workflow.start<typeof claimWorkflow>('claimWorkflow', {
    workflowId: input.claimNumber,
    taskQueue,
    args: [input],
  });
}

/** Waits until the workflow and its PostgreSQL projection both show the status (the step is fully recorded). */
async function waitForStatus(handle: WorkflowHandle, status: ClaimStatus): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if ((await handle.query(claimStateQuery)).status === status) {
      const row = await t.db('claims').where({ claim_number: handle.workflowId }).first('status');
      if (row?.status === status) return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`claim never reached ${status}`);
}

// Its own file, so its own time-skipping server: the clock starts fresh, with no other claim's timers.
describe('ClaimWorkflow service level', () => {
  it('escalates to supervisors when verification misses the service level, and keeps waiting', async () => {
    const { nik } = await createParticipant(t.db);
    // Earlier tests skipped the server's clock ahead: file the claim on the server's today.
    const input = claimInput({ participantNik: nik, claimDate: jakartaDate(await env.currentTimeMs()) });
    await withWorker(async (taskQueue) => {
      const handle = await start(taskQueue, input);
      await waitForStatus(handle, 'waiting_for_documents');
      expect((await handle.query(claimStateQuery)).escalated).toBe(false);
      await env.sleep('10 days'); // more than 3 working days, whatever the holidays
      for (let i = 0; i < 100 && !(await handle.query(claimStateQuery)).escalated; i++) {
        await new Promise((r) => setTimeout(r, 50));
      }
      expect((await handle.query(claimStateQuery)).escalated).toBe(true);
      const claim = await t.db('claims').where({ claim_number: input.claimNumber }).first();
      expect(claim).toMatchObject({ escalated: true, status: 'waiting_for_documents' });
      const notes = await t
        .db('notifications')
        .where({ claim_number: input.claimNumber, audience: 'supervisors' });
      expect(notes.map((n) => n.kind)).toEqual(['verification_overdue']);
      // Still waiting: verification is accepted after the escalation.
      const verified = await handle.executeUpdate(verifyUpdate, {
        args: [{ actor: officer1, checklist: FULL_CHECKLIST }],
      });
      expect(verified.complete).toBe(true);
      await handle.terminate('test finished');
    });
  });
});
