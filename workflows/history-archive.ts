// HistoryArchiveWorkflow: one sweep of the history archiver (activities/history-archive.ts). A Temporal Schedule
// starts it every few minutes; the sweep is idempotent, so a run retried, overlapping or started by hand is harmless.
import { type ActivityOptions, proxyActivities } from '@temporalio/workflow';
import type { HistoryArchiveActivities } from '../activities/history-archive';
import type { ArchiveSweep } from '../vocabulary/activities';

// A sweep lists and copies many runs: it heartbeats per run, and is retried until PostgreSQL and Temporal answer.
const archiving: ActivityOptions = {
  startToCloseTimeout: '1h',
  heartbeatTimeout: '2m',
  retry: { initialInterval: '30s', maximumInterval: '10m' },
};

const { archiveClosedRuns } = proxyActivities<HistoryArchiveActivities>(archiving);

export async function historyArchiveWorkflow(): Promise<ArchiveSweep> {
  return archiveClosedRuns();
}
