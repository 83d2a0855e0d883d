// The history archiver: every closed claim and scholarship run is copied, as the history route exports it, into
// PostgreSQL before Temporal's retention deletes it, with its hash-chain head in the append-only digest table.
// A closed workflow cannot archive its own complete history, so a Temporal Schedule (bin/lib/schedules.ts) runs
// this sweep: list closed runs from visibility since the bookmark, archive those not archived yet (idempotent: one
// row per workflow id + run id, history and digest in one transaction), move the bookmark.
import { heartbeat, log } from '@temporalio/activity';
import type { Client, WorkflowExecutionInfo } from '@temporalio/client';
import { createStores, type HistoryArchiveStore } from '../db/stores';
import type { Db } from '../db/config';
import { exportRun } from '../replay/export';
import type { History } from '../replay/proto-json';
import type { ArchiveSweep } from '../vocabulary/activities';
import { claimNumberOfWorkflowId, HISTORY_ARCHIVE_SCHEDULE_ID } from '../vocabulary/ids';

/**
 * The workflow types whose runs are a claim's record: the claim, each school year of a scholarship, and an accident
 * case (its workflow id is its claim number, as a claim's is).
 */
export const ARCHIVED_WORKFLOW_TYPES = ['claimWorkflow', 'scholarshipWorkflow', 'accidentWorkflow'] as const;
/**
 * Visibility is eventually consistent: a run closed just before a sweep may be listed only later. Each sweep looks
 * back this far before the bookmark (runs already archived cost one lookup).
 */
export const VISIBILITY_OVERLAP_MS = 60 * 60 * 1000;
const BATCH = 100;

const CLOSE_EVENTS = new Set([
  'EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED',
  'EVENT_TYPE_WORKFLOW_EXECUTION_FAILED',
  'EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT',
  'EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED',
  'EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED',
  'EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW',
]);

export interface HistoryArchiveDeps {
  db: Db;
  /** A client of the namespace whose runs are archived (the worker's connection). */
  temporal: Client;
}

interface SweepContext {
  archive: HistoryArchiveStore;
  temporal: Client;
  heartbeat: () => void;
  warn: (message: string, details: Record<string, unknown>) => void;
  now?: () => Date;
}

function isNotFound(err: unknown): boolean {
  return (
    (err as { code?: number } | null)?.code === 5 || (err as Error | null)?.name === 'WorkflowNotFoundError'
  );
}

/** Archives one closed run; false when it was archived already. */
async function archiveRun(ctx: SweepContext, execution: WorkflowExecutionInfo, claimNumber: string) {
  const history: History = await ctx.temporal.workflow
    .getHandle(execution.workflowId, execution.runId)
    .fetchHistory();
  const exported = exportRun({
    workflowId: execution.workflowId,
    runId: execution.runId,
    workflowType: execution.type,
    history,
  });
  const last = exported.history.events.at(-1);
  if (!last || !CLOSE_EVENTS.has(last.eventType)) {
    throw new Error(`the history of ${execution.workflowId} ${execution.runId} does not end with its close`);
  }
  const started = history.events?.[0]?.workflowExecutionStartedEventAttributes;
  return ctx.archive.archive({
    workflowId: execution.workflowId,
    runId: execution.runId,
    claimNumber,
    namespace: ctx.temporal.options.namespace,
    workflowType: execution.type,
    closeStatus: execution.status.name,
    startedAt: execution.startTime,
    closedAt: execution.closeTime ?? execution.startTime,
    previousRunId: started?.continuedExecutionRunId || null,
    history: exported.history,
    digest: {
      algorithm: exported.hashChain.algorithm,
      canonicalization: exported.hashChain.canonicalization,
      head: exported.hashChain.head,
    },
  });
}

/** One sweep: every closed claim or scholarship run since the bookmark, archived once. */
export async function sweepClosedRuns(ctx: SweepContext): Promise<ArchiveSweep> {
  const startedAt = (ctx.now ?? (() => new Date()))();
  const since = await ctx.archive.closedSince(HISTORY_ARCHIVE_SCHEDULE_ID);
  const query = [
    `WorkflowType IN (${ARCHIVED_WORKFLOW_TYPES.map((t) => `'${t}'`).join(', ')})`,
    `ExecutionStatus != 'Running'`,
    ...(since ? [`CloseTime >= '${new Date(since.getTime() - VISIBILITY_OVERLAP_MS).toISOString()}'`] : []),
  ].join(' AND ');
  const sweep: ArchiveSweep = {
    listed: 0,
    archived: 0,
    alreadyArchived: 0,
    gone: [],
    failed: [],
    skipped: [],
  };
  let earliestFailure: Date | undefined;
  const batch: WorkflowExecutionInfo[] = [];

  const flush = async () => {
    const done = await ctx.archive.archivedOf(batch);
    for (const execution of batch.splice(0)) {
      ctx.heartbeat();
      const key = `${execution.workflowId}/${execution.runId}`;
      const claimNumber = claimNumberOfWorkflowId(execution.workflowId);
      if (done.has(key)) sweep.alreadyArchived += 1;
      else if (!claimNumber) sweep.skipped.push(key);
      else {
        try {
          if (await archiveRun(ctx, execution, claimNumber)) sweep.archived += 1;
          else sweep.alreadyArchived += 1;
        } catch (err) {
          if (isNotFound(err)) {
            sweep.gone.push(key);
            ctx.warn('a closed run was deleted by Temporal before it was archived', { run: key });
          } else {
            sweep.failed.push(key);
            const closed = execution.closeTime ?? execution.startTime;
            if (!earliestFailure || closed < earliestFailure) earliestFailure = closed;
            ctx.warn('a closed run could not be archived; the next sweep tries again', {
              run: key,
              error: err instanceof Error ? err.message : String(err),
            });
          }
        }
      }
    }
  };

  for await (const execution of ctx.temporal.workflow.list({ query })) {
    sweep.listed += 1;
    ctx.heartbeat(); // a first sweep lists every closed run within the retention
    batch.push(execution);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  // Next time from the earliest run that failed, else from this sweep's start (less the overlap, when read).
  await ctx.archive.recordSweep(HISTORY_ARCHIVE_SCHEDULE_ID, earliestFailure ?? startedAt, startedAt, sweep);
  return sweep;
}

export function createHistoryArchiveActivities({ db, temporal }: HistoryArchiveDeps) {
  const archive = createStores(db).historyArchive;
  return {
    /** Archives every closed run not archived yet; returns what it did (the schedule's run result). */
    async archiveClosedRuns(): Promise<ArchiveSweep> {
      return sweepClosedRuns({
        archive,
        temporal,
        heartbeat: () => heartbeat(),
        warn: (message, details) => log.warn(message, details),
      });
    },
  };
}

export type HistoryArchiveActivities = ReturnType<typeof createHistoryArchiveActivities>;
