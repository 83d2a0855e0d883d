// Fetching a claim's histories: the claim workflow and every run of its scholarship workflows, from Temporal, and
// from the archive (replay/archive.ts) for the runs Temporal no longer has (past the namespace's retention).
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { claimWorkflowId, scholarshipWorkflowId } from '../vocabulary/ids';
import {
  archivedRunHistory,
  type HistoryArchiveReader,
  type HistorySource,
  type ClaimHistorySource,
} from './archive';
import type { History, JsonHistory } from './proto-json';

/** One run of one workflow, with its full event history (protobuf form). */
export interface RunHistory {
  workflowId: string;
  runId: string;
  workflowType: string;
  history: History;
  /** Where it was read from; Temporal when absent. */
  source?: HistorySource;
  /** The archived proto3 JSON, exported as it was archived (runs from the archive only). */
  json?: JsonHistory;
}

type Event = NonNullable<History['events']>[number];

function isNotFound(err: unknown): boolean {
  return err instanceof WorkflowNotFoundError || (err as { code?: number } | null)?.code === 5;
}

function firstEvent(history: History): Event | undefined {
  return history.events?.[0];
}

/** The run that this run continued (continue-as-new, retry or cron), if any. */
function previousRunId(history: History): string | undefined {
  return firstEvent(history)?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId || undefined;
}

function startedAtMs(history: History): number {
  const time = firstEvent(history)?.eventTime;
  // Seconds are a Long when fetched and may be a number or another protobufjs copy's Long when read from JSON.
  return time ? Number(String(time.seconds ?? 0)) * 1000 + Math.floor((time.nanos ?? 0) / 1e6) : 0;
}

/**
 * Every run of a workflow id, oldest first: Temporal's, by walking back from the latest run, and, given an archive,
 * the archived runs Temporal no longer has (read only when Temporal answers NotFound for the workflow or for an
 * earlier run). Undefined if neither has any.
 */
export async function fetchWorkflowRuns(
  client: Client,
  workflowId: string,
  archive?: HistoryArchiveReader,
): Promise<RunHistory[] | undefined> {
  const temporal = await fetchTemporalRuns(client, workflowId);
  if (!archive || temporal.complete) return temporal.runs.length > 0 ? temporal.runs : undefined;
  const runs = [...temporal.runs];
  const inTemporal = new Set(runs.map((r) => r.runId));
  for (const record of await archive.runsOfWorkflow(workflowId)) {
    if (!inTemporal.has(record.runId)) runs.push(archivedRunHistory(record));
  }
  if (runs.length === 0) return undefined;
  // Runs of one id never overlap (continue-as-new starts the next as the last closes): start time orders them.
  return runs
    .map((run, i) => ({ run, i, at: startedAtMs(run.history) }))
    .sort((a, b) => a.at - b.at || a.i - b.i)
    .map(({ run }) => run);
}

/** Temporal's runs of a workflow id; `complete` is false when it no longer has the workflow or an earlier run. */
async function fetchTemporalRuns(
  client: Client,
  workflowId: string,
): Promise<{ runs: RunHistory[]; complete: boolean }> {
  let latest;
  try {
    latest = await client.workflow.getHandle(workflowId).describe();
  } catch (err) {
    if (isNotFound(err)) return { runs: [], complete: false };
    throw err;
  }
  const runs: RunHistory[] = [];
  const seen = new Set<string>();
  let runId: string | undefined = latest.runId;
  while (runId && !seen.has(runId)) {
    seen.add(runId);
    let history: History;
    try {
      history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    } catch (err) {
      if (isNotFound(err)) return { runs, complete: false }; // an older run past the namespace's retention
      throw err;
    }
    const type =
      firstEvent(history)?.workflowExecutionStartedEventAttributes?.workflowType?.name ?? latest.type;
    runs.unshift({ workflowId, runId, workflowType: type, history, source: 'temporal' });
    runId = previousRunId(history);
  }
  return { runs, complete: true };
}

/** Workflow ids of child workflows the claim started itself (if the scholarships are children). */
function childWorkflowIds(history: History): string[] {
  return (history.events ?? [])
    .map((e) => e.startChildWorkflowExecutionInitiatedEventAttributes?.workflowId)
    .filter((id): id is string => typeof id === 'string' && id.length > 0);
}

const SCHOLARSHIP_PATTERN = /-S(\d+)$/;

/** Scholarship workflow ids for the claim: from visibility, else by probing `<claim>-S1`, `-S2`, … in turn. */
async function scholarshipIds(
  client: Client,
  claimNumber: string,
  claimRuns: RunHistory[],
  archive?: HistoryArchiveReader,
): Promise<string[]> {
  const ids = new Set<string>();
  // A claim Temporal no longer has in full: its scholarships may be gone from Temporal too.
  if (archive && claimRuns.some((r) => r.source === 'archive')) {
    for (const id of await archive.workflowIdsOfClaim(claimNumber)) {
      if (id.startsWith(`${claimNumber}-S`) && SCHOLARSHIP_PATTERN.test(id)) ids.add(id);
    }
  }
  for (const run of claimRuns) {
    for (const id of childWorkflowIds(run.history)) if (id.startsWith(`${claimNumber}-S`)) ids.add(id);
  }
  try {
    // Claim numbers are [A-Z0-9-] only (checked by the route), so quoting them in the query is safe.
    const query = `WorkflowId STARTS_WITH '${claimNumber}-S'`;
    for await (const execution of client.workflow.list({ query })) {
      if (SCHOLARSHIP_PATTERN.test(execution.workflowId)) ids.add(execution.workflowId);
    }
  } catch {
    // No advanced visibility on this server: probe the numbered ids until the first one that does not exist.
    for (let n = 1; n <= 20; n++) {
      const id = scholarshipWorkflowId(claimNumber, n);
      if (ids.has(id)) continue;
      try {
        await client.workflow.getHandle(id).describe();
        ids.add(id);
      } catch (err) {
        if (!isNotFound(err)) throw err;
        if (n >= 2) break; // at most two children get a scholarship; the first may have been skipped
      }
    }
  }
  const number = (id: string) => Number(SCHOLARSHIP_PATTERN.exec(id)?.[1] ?? 0);
  return [...ids].sort((a, b) => number(a) - number(b));
}

/**
 * The claim workflow's runs, then each scholarship workflow's runs in child order, from Temporal and, for what
 * Temporal no longer has, from the archive; undefined when neither has the claim's workflow (never started, or
 * past retention with no archive).
 */
export async function fetchClaimHistories(
  client: Client,
  claimNumber: string,
  archive?: HistoryArchiveReader,
): Promise<RunHistory[] | undefined> {
  const claimRuns = await fetchWorkflowRuns(client, claimWorkflowId(claimNumber), archive);
  if (!claimRuns) return undefined;
  const runs = [...claimRuns];
  for (const id of await scholarshipIds(client, claimNumber, claimRuns, archive)) {
    runs.push(...((await fetchWorkflowRuns(client, id, archive)) ?? []));
  }
  return runs;
}

/** `temporal` or `archive` when every run came from one of them, `temporal+archive` when from both. */
export function sourceOf(runs: readonly Pick<RunHistory, 'source'>[]): ClaimHistorySource {
  const sources = new Set(runs.map((r) => r.source ?? 'temporal'));
  return sources.size > 1 ? 'temporal+archive' : sources.has('archive') ? 'archive' : 'temporal';
}

export function eventCount(run: { history: History }): number {
  return run.history.events?.length ?? 0;
}
