// ReconciliationWorkflow and its daily Schedule, on the Temporal dev server (the time-skipping server has no
// schedules), with real PostgreSQL and the sandbox gateway.
import { randomUUID } from 'node:crypto';
import { ensureReconciliationSchedule } from '../../bin/lib/schedules';
import { jakartaDate } from '../../rules';
import { RECONCILIATION_SCHEDULE_ID, reconciliationWorkflowId } from '../../vocabulary/ids';
import type { reconciliationWorkflow } from '../../workflows/reconciliation';
import { useWorkflowHarness } from '../helpers/workflow-harness';

const h = useWorkflowHarness({ server: 'dev' });
const { withWorker } = h;

describe('ReconciliationWorkflow', () => {
  it('reconciles the day it is given and keeps the report', async () => {
    const summary = await withWorker((taskQueue) =>
      h.env.client.workflow.execute<typeof reconciliationWorkflow>('reconciliationWorkflow', {
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
    expect(await h.t.db('reconciliation_reports').where({ business_date: '2026-11-20' })).toHaveLength(1);
  });
});

describe('the daily reconciliation schedule', () => {
  it('is created once, at 01:00 in Jakarta, however many workers start', async () => {
    const taskQueue = `claims-${randomUUID()}`;
    expect(await ensureReconciliationSchedule(h.env.client, taskQueue)).toBe(true);
    expect(await ensureReconciliationSchedule(h.env.client, taskQueue)).toBe(false);
    const description = await h.env.client.schedule.getHandle(RECONCILIATION_SCHEDULE_ID).describe();
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
    await h.env.client.schedule.getHandle(RECONCILIATION_SCHEDULE_ID).delete();
  });

  it('when it fires, reconciles the day before in Jakarta', async () => {
    const yesterday = jakartaDate(Date.now() - 86_400_000);
    await withWorker(async (taskQueue) => {
      await ensureReconciliationSchedule(h.env.client, taskQueue);
      const schedule = h.env.client.schedule.getHandle(RECONCILIATION_SCHEDULE_ID);
      await schedule.trigger();
      let workflowId: string | undefined;
      for (let i = 0; i < 100 && !workflowId; i++) {
        workflowId = (await schedule.describe()).info.recentActions[0]?.action.workflow.workflowId;
        if (!workflowId) await new Promise((r) => setTimeout(r, 100));
      }
      const summary = await h.env.client.workflow
        .getHandle<typeof reconciliationWorkflow>(workflowId!)
        .result();
      expect(summary.date).toBe(yesterday);
      await schedule.delete();
    });
    expect(await h.t.db('reconciliation_reports').where({ business_date: yesterday })).toHaveLength(1);
  });
});
