// The auditor's evidence for one claim: its histories exported with a hash chain, replayed against the current
// code, and the decision trail read back from them. Used by the API (routes/audit.ts) and `npm run replay`.
import type { Client } from '@temporalio/client';
import { buildExport, type HistoryExport } from './export';
import { eventCount, fetchClaimHistories } from './fetch';
import type { Replayer, RunReplayResult } from './replayer';
import { buildDecisionTrail, type DecisionTrail } from './trail';
import { forReading } from '../codec/data-converter';

export * from './events';
export * from './export';
export * from './fetch';
export * from './hash-chain';
export * from './proto-json';
export * from './replayer';
export * from './trail';

export async function exportClaimHistory(
  client: Client,
  claimNumber: string,
  now?: Date,
): Promise<HistoryExport | undefined> {
  const runs = await fetchClaimHistories(client, claimNumber);
  if (!runs) return undefined;
  return buildExport(claimNumber, runs, { namespace: client.options.namespace, ...(now ? { now } : {}) });
}

export interface ClaimReplay {
  claimNumber: string;
  replayedAt: string;
  /** True when every run replayed without a determinism error. */
  deterministic: boolean;
  histories: number;
  events: number;
  runs: RunReplayResult[];
  decisionTrail: DecisionTrail;
}

/** Fetches the claim's histories, replays each run against the current code, and rebuilds the decision trail. */
export async function replayClaim(
  client: Client,
  replayer: Replayer,
  claimNumber: string,
  now?: Date,
): Promise<ClaimReplay | undefined> {
  const fetched = await fetchClaimHistories(client, claimNumber);
  if (!fetched) return undefined;
  const runs = await replayer.replay(
    fetched.map((r) => ({
      workflowId: r.workflowId,
      runId: r.runId,
      workflowType: r.workflowType,
      history: r.history,
    })),
  );
  return {
    claimNumber,
    replayedAt: (now ?? new Date()).toISOString(),
    deterministic: runs.every((r) => r.deterministic),
    histories: fetched.length,
    events: fetched.reduce((sum, r) => sum + eventCount(r), 0),
    runs,
    decisionTrail: await buildDecisionTrail(fetched, forReading(client.options.loadedDataConverter)),
  };
}
