// The auditor's export: each run's history exactly as `temporal workflow show --output json` prints it,
// with a sha256 hash chain over its events, and one digest over all runs.
import type { ClaimHistorySource, HistorySource } from './archive';
import { sourceOf, type RunHistory } from './fetch';
import {
  hashChain,
  HASH_ALGORITHM,
  sha256Hex,
  verifyHashChain,
  type ChainVerification,
  type HashChain,
} from './hash-chain';
import { historyToJsonObject, type JsonHistory } from './proto-json';

const EXPORT_FORMAT = 'santunan.history-export/v1';

export interface ExportedRun {
  workflowId: string;
  runId: string;
  workflowType: string;
  eventCount: number;
  /** The Temporal CLI's JSON: replays with `npm run replay -- <file>`, `temporal workflow show`'s equivalent. */
  history: JsonHistory;
  hashChain: HashChain;
  /** Read from Temporal, or from the archive because Temporal no longer has the run. */
  source: HistorySource;
}

export interface HistoryExport {
  format: typeof EXPORT_FORMAT;
  claimNumber: string;
  namespace: string;
  exportedAt: string;
  /** Where the runs were read from: `temporal+archive` when some runs are past Temporal's retention. */
  source: ClaimHistorySource;
  runs: ExportedRun[];
  /** sha256 over the runs' ids and chain heads, in order: a run removed or swapped changes it. */
  digest: string;
}

function runDigest(runs: readonly Pick<ExportedRun, 'workflowId' | 'runId' | 'hashChain'>[]): string {
  return sha256Hex(runs.map((r) => `${r.workflowId}/${r.runId}/${r.hashChain.head}`).join('\n'));
}

export function exportRun(run: RunHistory): ExportedRun {
  // An archived run is exported as it was archived (from Temporal, by this same function).
  const history = run.json ?? historyToJsonObject(run.history);
  return {
    workflowId: run.workflowId,
    runId: run.runId,
    workflowType: run.workflowType,
    eventCount: history.events.length,
    history,
    hashChain: hashChain(history.events),
    source: run.source ?? 'temporal',
  };
}

export function buildExport(
  claimNumber: string,
  runs: readonly RunHistory[],
  options: { namespace: string; now?: Date },
): HistoryExport {
  const exported = runs.map(exportRun);
  return {
    format: EXPORT_FORMAT,
    claimNumber,
    namespace: options.namespace,
    exportedAt: (options.now ?? new Date()).toISOString(),
    source: sourceOf(runs),
    runs: exported,
    digest: runDigest(exported),
  };
}

export interface ExportVerification {
  valid: boolean;
  runs: ({ workflowId: string; runId: string } & ChainVerification)[];
  digestValid: boolean;
}

/** Checks every run's chain and the digest over the runs; names the first altered event of each run. */
export function verifyExport(doc: HistoryExport): ExportVerification {
  const runs = doc.runs.map((run) => ({
    workflowId: run.workflowId,
    runId: run.runId,
    ...verifyHashChain(run.history.events, run.hashChain),
  }));
  const digestValid = doc.digest === runDigest(doc.runs);
  return { valid: digestValid && runs.every((r) => r.valid), runs, digestValid };
}

export function isHistoryExport(value: unknown): value is HistoryExport {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { format?: unknown }).format === EXPORT_FORMAT &&
    Array.isArray((value as { runs?: unknown }).runs)
  );
}

export { HASH_ALGORITHM };
