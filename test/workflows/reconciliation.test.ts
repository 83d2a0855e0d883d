// ReconciliationWorkflow and its daily Schedule, on the Temporal dev server (the time-skipping server has no
// schedules), with real PostgreSQL and the sandbox gateway.
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { ensureReconciliationSchedule } from '../../bin/lib/schedules';
import { jakartaDate } from '../../rules';
import { RECONCILIATION_SCHEDULE_ID, reconciliationWorkflowId } from '../../workflows/definitions';
import type { reconciliationWorkflow } from '../../workflows/reconciliation';
import { testDataConverter } from '../helpers/codec';
import { createTestDb, type TestDb } from '../helpers/db';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { bundlePath } from '../helpers/paths';
import { devServerEnv } from '../helpers/temporal';

let env: TestWorkflowEnvironment;
let t: TestDb;
let gateway: TestGateway;

beforeAll(async () => {
  [env, t, gateway] = await Promise.all([devServerEnv(), createTestDb(), startTestGateway()]);
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

describe('ReconciliationWorkflow', () => {
  it('reconciles the day it is given and keeps the report', async () => {
    const summary = await withWorker((taskQueue) =>
      env.client.workflow.execute<typeof reconciliationWorkflow>('reconciliationWorkflow', {
        workflowId: reconciliationWorkflowId('2026-11-20'),
        taskQueue,
        args: [{ date: '2026-11-20' }],
      }),
    );
    expect(summary).toEqual({
      date: '2026-11-20',
      status: 'balanced',
      ledgerTotal: 0,
      gatewayTotal: 0,
      matched: 0,
      mismatched: 0,
    });
    expect(await t.db('reconciliation_reports').where({ business_date: '2026-11-20' })).toHaveLength(1);
  });
});

describe('the daily reconciliation schedule', () => {
  it('is created once, at 01:00 in Jakarta, however many workers start', async () => {
    const taskQueue = `claims-${randomUUID()}`;
    expect(await ensureReconciliationSchedule(env.client, taskQueue)).toBe(true);
    expect(await ensureReconciliationSchedule(env.client, taskQueue)).toBe(false);
    const description = await env.client.schedule.getHandle(RECONCILIATION_SCHEDULE_ID).describe();
    expect(description.spec.timezone).toBe('Asia/Jakarta');
    expect(description.spec.calendars).toEqual([
      expect.objectContaining({
        hour: [{ start: 1, end: 1, step: 1 }],
        minute: [{ start: 0, end: 0, step: 1 }],
      }),
    ]);
    expect(description.action).toMatchObject({
      type: 'startWorkflow',
      workflowType: 'reconciliationWorkflow',
      taskQueue,
    });
    await env.client.schedule.getHandle(RECONCILIATION_SCHEDULE_ID).delete();
  });

  it('when it fires, reconciles the day before in Jakarta', async () => {
    const yesterday = jakartaDate(Date.now() - 86_400_000);
    await withWorker(async (taskQueue) => {
      await ensureReconciliationSchedule(env.client, taskQueue);
      const schedule = env.client.schedule.getHandle(RECONCILIATION_SCHEDULE_ID);
      await schedule.trigger();
      let workflowId: string | undefined;
      for (let i = 0; i < 100 && !workflowId; i++) {
        workflowId = (await schedule.describe()).info.recentActions[0]?.action.workflow.workflowId;
        if (!workflowId) await new Promise((r) => setTimeout(r, 100));
      }
      const summary = await env.client.workflow
        .getHandle<typeof reconciliationWorkflow>(workflowId!)
        .result();
      expect(summary.date).toBe(yesterday);
      await schedule.delete();
    });
    expect(await t.db('reconciliation_reports').where({ business_date: yesterday })).toHaveLength(1);
  });
});
