// The auditor's evidence for one claim: its histories exported with a hash chain, replayed against the current
// code, and the decision trail read back from them. Used by the API (routes/audit.ts) and `npm run replay`.
import type { Client } from '@temporalio/client';
import type { ClaimHistorySource, HistoryArchiveReader, HistorySource } from './archive';
import { buildExport, type HistoryExport } from './export';
import { eventCount, fetchClaimHistories, sourceOf } from './fetch';
import type { Replayer, RunReplayResult } from './replayer';
import { buildDecisionTrail, type DecisionTrail } from './trail';
import { forReading } from '../codec/data-converter';

export * from './archive';
export * from './events';
export * from './export';
export * from './fetch';
export * from './hash-chain';
export * from './proto-json';
export * from './replayer';
export * from './trail';

export interface ReadOptions {
  /** Where runs past Temporal's retention are read from; Temporal alone when absent. */
  archive?: HistoryArchiveReader;
  now?: Date;
}

export async function exportClaimHistory(
  client: Client,
  claimNumber: string,
  { archive, now }: ReadOptions = {},
): Promise<HistoryExport | undefined> {
  const runs = await fetchClaimHistories(client, claimNumber, archive);
  if (!runs) return undefined;
  return buildExport(claimNumber, runs, { namespace: client.options.namespace, ...(now ? { now } : {}) });
}

export interface ClaimReplay {
  claimNumber: string;
  replayedAt: string;
  /** Where the histories were read from: `temporal+archive` when some runs are past Temporal's retention. */
  source: ClaimHistorySource;
  /** True when every run replayed without a determinism error. */
  deterministic: boolean;
  histories: number;
  events: number;
  runs: (RunReplayResult & { source: HistorySource })[];
  decisionTrail: DecisionTrail;
}

/** Fetches the claim's histories, replays each run against the current code, and rebuilds the decision trail. */
export async function replayClaim(
  client: Client,
  replayer: Replayer,
  claimNumber: string,
  { archive, now }: ReadOptions = {},
): Promise<ClaimReplay | undefined> {
  const fetched = await fetchClaimHistories(client, claimNumber, archive);
  if (!fetched) return undefined;
  const sources = new Map(fetched.map((r) => [`${r.workflowId}/${r.runId}`, r.source ?? 'temporal']));
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
    source: sourceOf(fetched),
    deterministic: runs.every((r) => r.deterministic),
    histories: fetched.length,
    events: fetched.reduce((sum, r) => sum + eventCount(r), 0),
    runs: runs.map((r) => ({ ...r, source: sources.get(`${r.workflowId}/${r.runId}`) ?? 'temporal' })),
    decisionTrail: await buildDecisionTrail(fetched, forReading(client.options.loadedDataConverter)),
  };
}
