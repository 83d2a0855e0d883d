// The Temporal Schedules the system relies on, created if missing whenever a worker starts (any number of times).
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import type { historyArchiveWorkflow } from '../../workflows/history-archive';
import type { reconciliationWorkflow } from '../../workflows/reconciliation';
import { HISTORY_ARCHIVE_SCHEDULE_ID, RECONCILIATION_SCHEDULE_ID } from '../../vocabulary/ids';

/**
 * Every night at 01:00 in Jakarta, the reconciliation of the day before. An existing schedule is left as it is,
 * so an operator's pause or change survives a restart. Returns whether it was created now.
 */
export async function ensureReconciliationSchedule(client: Client, taskQueue: string): Promise<boolean> {
  try {
    await client.schedule.create<typeof reconciliationWorkflow>({
      scheduleId: RECONCILIATION_SCHEDULE_ID,
      spec: { calendars: [{ hour: 1, minute: 0 }], timezone: 'Asia/Jakarta' },
      action: {
        type: 'startWorkflow',
        workflowType: 'reconciliationWorkflow',
        workflowId: RECONCILIATION_SCHEDULE_ID,
        taskQueue,
        args: [{}],
      },
      // A run missed while the server was down is still taken within a day; two never overlap.
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
      memo: { purpose: "Daily reconciliation of the payout ledger with the gateway's statement" },
    });
    return true;
  } catch (err) {
    if (err instanceof ScheduleAlreadyRunning) return false;
    throw err;
  }
}

/** How often closed runs are archived: well inside the namespace's retention (30 days), and cheap when idle. */
export const HISTORY_ARCHIVE_EVERY = '10m';

/**
 * Every 10 minutes, the history archiver's sweep (closed claim and scholarship runs into PostgreSQL). Left as it is
 * when it exists. Returns whether it was created now.
 */
export async function ensureHistoryArchiveSchedule(client: Client, taskQueue: string): Promise<boolean> {
  try {
    await client.schedule.create<typeof historyArchiveWorkflow>({
      scheduleId: HISTORY_ARCHIVE_SCHEDULE_ID,
      spec: { intervals: [{ every: HISTORY_ARCHIVE_EVERY }] },
      action: {
        type: 'startWorkflow',
        workflowType: 'historyArchiveWorkflow',
        workflowId: HISTORY_ARCHIVE_SCHEDULE_ID,
        taskQueue,
        args: [],
      },
      // One sweep at a time; one missed while the server was down is taken when it is back.
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
      memo: {
        purpose: "Archive closed claim and scholarship runs' histories before the namespace's retention",
      },
    });
    return true;
  } catch (err) {
    if (err instanceof ScheduleAlreadyRunning) return false;
    throw err;
  }
}
