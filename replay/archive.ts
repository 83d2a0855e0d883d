// Histories past Temporal's retention: closed runs archived in PostgreSQL (db/stores/history-archive.ts), read back
// as runs like the ones fetched from Temporal, each checked against the digest recorded when it was archived.
import { hashChain } from './hash-chain';
import { historyFromJson, type History, type JsonHistory } from './proto-json';

/** Where a run's history was read from: Temporal, or the archive once Temporal no longer has the run. */
export const HISTORY_SOURCES = ['temporal', 'archive'] as const;
export type HistorySource = (typeof HISTORY_SOURCES)[number];
/** Where a claim's histories were read from: one source, or both when some runs are past Temporal's retention. */
export const CLAIM_HISTORY_SOURCES = [...HISTORY_SOURCES, 'temporal+archive'] as const;
export type ClaimHistorySource = (typeof CLAIM_HISTORY_SOURCES)[number];

/** An archived run as the archive store gives it back. */
export interface ArchivedRunRecord {
  workflowId: string;
  runId: string;
  workflowType: string;
  startedAt: Date;
  history: { events: unknown[] };
  /** The chain head recorded in the append-only digest table when the run was archived. */
  recordedHead: string | null;
}

/** What the history and replay paths read from the archive (HistoryArchiveStore implements it). */
export interface HistoryArchiveReader {
  runsOfWorkflow(workflowId: string): Promise<ArchivedRunRecord[]>;
  workflowIdsOfClaim(claimNumber: string): Promise<string[]>;
}

/** The archived copy of a run does not hash to the digest recorded when it was archived: it was altered. */
export class ArchiveIntegrityError extends Error {
  constructor(
    readonly workflowId: string,
    readonly runId: string,
  ) {
    super(
      `The archived history of ${workflowId} run ${runId} does not match the digest recorded when it was archived`,
    );
    this.name = 'ArchiveIntegrityError';
  }
}

/** An archived run as a fetched run: the JSON kept as it is (it is what the export hashes), the protobuf for replay. */
export function archivedRunHistory(record: ArchivedRunRecord): {
  workflowId: string;
  runId: string;
  workflowType: string;
  history: History;
  json: JsonHistory;
  source: 'archive';
} {
  const json = record.history as JsonHistory;
  if (hashChain(json.events).head !== record.recordedHead) {
    throw new ArchiveIntegrityError(record.workflowId, record.runId);
  }
  return {
    workflowId: record.workflowId,
    runId: record.runId,
    workflowType: record.workflowType,
    history: historyFromJson(json),
    json,
    source: 'archive',
  };
}
