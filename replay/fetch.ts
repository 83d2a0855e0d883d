// Fetching a claim's histories from Temporal: the claim workflow and every run of its scholarship workflows.
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { claimWorkflowId, scholarshipWorkflowId } from '../vocabulary/ids';
import type { History } from './proto-json';

/** One run of one workflow, with its full event history (protobuf form). */
export interface RunHistory {
  workflowId: string;
  runId: string;
  workflowType: string;
  history: History;
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

/** Every run of a workflow id, oldest first, by walking back from the latest run; undefined if there is none. */
export async function fetchWorkflowRuns(
  client: Client,
  workflowId: string,
): Promise<RunHistory[] | undefined> {
  let latest;
  try {
    latest = await client.workflow.getHandle(workflowId).describe();
  } catch (err) {
    if (isNotFound(err)) return undefined;
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
      if (isNotFound(err)) break; // an older run past the namespace's retention
      throw err;
    }
    const type =
      firstEvent(history)?.workflowExecutionStartedEventAttributes?.workflowType?.name ?? latest.type;
    runs.unshift({ workflowId, runId, workflowType: type, history });
    runId = previousRunId(history);
  }
  return runs;
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
): Promise<string[]> {
  const ids = new Set<string>();
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
 * The claim workflow's runs, then each scholarship workflow's runs in child order; undefined when Temporal
 * has no workflow for the claim (never started, or past retention).
 */
export async function fetchClaimHistories(
  client: Client,
  claimNumber: string,
): Promise<RunHistory[] | undefined> {
  const claimRuns = await fetchWorkflowRuns(client, claimWorkflowId(claimNumber));
  if (!claimRuns) return undefined;
  const runs = [...claimRuns];
  for (const id of await scholarshipIds(client, claimNumber, claimRuns)) {
    runs.push(...((await fetchWorkflowRuns(client, id)) ?? []));
  }
  return runs;
}

export function eventCount(run: { history: History }): number {
  return run.history.events?.length ?? 0;
}
