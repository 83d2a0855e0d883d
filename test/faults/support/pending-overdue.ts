// Invariant 4: no ledger row stays `pending` past the reconciliation window without a supervisor's task. The daily
// reconciliation (01:00 Asia/Jakarta, for the day before) reports a row pending since before the reconciled day as
// `pending_overdue` and opens a task for it, so a row pending since day D is reported by the run early on D + 2.
import { addDays } from '../../../rules/dates';
import { jakartaDate, jakartaStartOfDay } from '../../../rules/jakarta-time';
import { pendingOverdueTaskKey } from '../../../vocabulary/ids';

/** The schedule's hour (01:00) and an hour for the run itself. */
const RUN_GRACE_MS = 2 * 3_600_000;

export interface PendingLedgerRow {
  gateway_key: string;
  status: string;
  updated_at: Date;
}

/** The instant by which the reconciliation must have reported a row pending since `since`. */
export function reconciliationDeadline(since: Date): number {
  return jakartaStartOfDay(addDays(jakartaDate(since.getTime()), 2)) + RUN_GRACE_MS;
}

/** The rows still pending past their reconciliation deadline at `now` with no task opened for them (by dedup key). */
export function pendingWithoutTask(
  rows: readonly PendingLedgerRow[],
  taskKeys: readonly string[],
  now: number,
): string[] {
  const opened = new Set(taskKeys);
  return rows
    .filter((row) => row.status === 'pending' && reconciliationDeadline(row.updated_at) <= now)
    .filter((row) => !opened.has(pendingOverdueTaskKey(row.gateway_key)))
    .map((row) => row.gateway_key);
}
