// The archive of closed workflow runs: each run's history as the history route exports it, with its hash-chain head
// in history_digests, written in one transaction. Both tables are append-only (a trigger refuses changes).
import type { Knex } from 'knex';
import type { ArchiveSweep } from '../../vocabulary/activities';
import { atomically } from './atomic';

/** One closed run, ready to archive: the history is the proto3 JSON of `temporal workflow show --output json`. */
export interface RunToArchive {
  workflowId: string;
  runId: string;
  claimNumber: string;
  namespace: string;
  workflowType: string;
  closeStatus: string;
  startedAt: Date;
  closedAt: Date;
  previousRunId: string | null;
  history: { events: unknown[] };
  digest: { algorithm: string; canonicalization: string; head: string };
}

/** An archived run as read back, with the chain head recorded in history_digests when it was archived. */
export interface ArchivedRun {
  workflowId: string;
  runId: string;
  claimNumber: string;
  namespace: string;
  workflowType: string;
  closeStatus: string;
  startedAt: Date;
  closedAt: Date;
  previousRunId: string | null;
  archivedAt: Date;
  history: { events: unknown[] };
  /** From history_digests; null only if the digest row is missing (which the archiver never leaves). */
  recordedHead: string | null;
}

interface ArchiveRow {
  workflow_id: string;
  run_id: string;
  claim_number: string;
  namespace: string;
  workflow_type: string;
  close_status: string;
  started_at: Date;
  closed_at: Date;
  previous_run_id: string | null;
  event_count: number;
  history: { events: unknown[] };
  archived_at: Date;
  chain_head: string | null;
}

function toArchivedRun(r: ArchiveRow): ArchivedRun {
  return {
    workflowId: r.workflow_id,
    runId: r.run_id,
    claimNumber: r.claim_number,
    namespace: r.namespace,
    workflowType: r.workflow_type,
    closeStatus: r.close_status,
    startedAt: r.started_at,
    closedAt: r.closed_at,
    previousRunId: r.previous_run_id,
    archivedAt: r.archived_at,
    history: r.history,
    recordedHead: r.chain_head,
  };
}

export class HistoryArchiveStore {
  constructor(private readonly db: Knex) {}

  /**
   * Archives a closed run and records its digest, both or neither; a run already archived is left as it was
   * (its history cannot have changed: the run is closed). Returns whether this call archived it.
   */
  async archive(run: RunToArchive): Promise<boolean> {
    return atomically(this.db, async (trx) => {
      const inserted = await trx('history_archive')
        .insert({
          workflow_id: run.workflowId,
          run_id: run.runId,
          claim_number: run.claimNumber,
          namespace: run.namespace,
          workflow_type: run.workflowType,
          close_status: run.closeStatus,
          started_at: run.startedAt,
          closed_at: run.closedAt,
          previous_run_id: run.previousRunId,
          event_count: run.history.events.length,
          history: JSON.stringify(run.history),
        })
        .onConflict(['workflow_id', 'run_id'])
        .ignore()
        .returning('run_id');
      if (inserted.length === 0) return false;
      await trx('history_digests').insert({
        workflow_id: run.workflowId,
        run_id: run.runId,
        claim_number: run.claimNumber,
        algorithm: run.digest.algorithm,
        canonicalization: run.digest.canonicalization,
        event_count: run.history.events.length,
        chain_head: run.digest.head,
      });
      return true;
    });
  }

  /** Which of these runs are archived already, as `<workflowId>/<runId>`. */
  async archivedOf(runs: readonly { workflowId: string; runId: string }[]): Promise<Set<string>> {
    if (runs.length === 0) return new Set();
    const rows: { workflow_id: string; run_id: string }[] = await this.db('history_archive')
      .whereIn(
        ['workflow_id', 'run_id'],
        runs.map((r) => [r.workflowId, r.runId]),
      )
      .select('workflow_id', 'run_id');
    return new Set(rows.map((r) => `${r.workflow_id}/${r.run_id}`));
  }

  private selectRuns() {
    return this.db('history_archive as a')
      .leftJoin('history_digests as d', function () {
        this.on('d.workflow_id', 'a.workflow_id').andOn('d.run_id', 'a.run_id');
      })
      .select('a.*', 'd.chain_head');
  }

  /** Every archived run of a workflow id, oldest first. */
  async runsOfWorkflow(workflowId: string): Promise<ArchivedRun[]> {
    const rows: ArchiveRow[] = await this.selectRuns()
      .where('a.workflow_id', workflowId)
      .orderBy('a.started_at');
    return rows.map(toArchivedRun);
  }

  /** The workflow ids archived for a claim: its own and its scholarships'. */
  async workflowIdsOfClaim(claimNumber: string): Promise<string[]> {
    return this.db('history_archive').where({ claim_number: claimNumber }).distinct().pluck('workflow_id');
  }

  /** Every archived run, in pages (the replayer's --all), oldest first within each workflow. */
  async *allRuns(options: { startedSince?: Date; pageSize?: number } = {}): AsyncGenerator<ArchivedRun> {
    const pageSize = options.pageSize ?? 100;
    let after: [string, Date, string] | undefined;
    for (;;) {
      const q = this.selectRuns().orderBy(['a.workflow_id', 'a.started_at', 'a.run_id']).limit(pageSize);
      if (options.startedSince) q.where('a.started_at', '>=', options.startedSince);
      if (after) q.whereRaw('(a.workflow_id, a.started_at, a.run_id) > (?, ?, ?)', after);
      const rows: ArchiveRow[] = await q;
      for (const row of rows) yield toArchivedRun(row);
      if (rows.length < pageSize) return;
      const last = rows[rows.length - 1]!;
      after = [last.workflow_id, last.started_at, last.run_id];
    }
  }

  /** The archiver's bookmark: runs closed before it are archived (or reported lost). */
  async closedSince(archiver: string): Promise<Date | null> {
    const row = await this.db('history_archive_progress').where({ archiver }).first('closed_since');
    return (row?.closed_since as Date | null | undefined) ?? null;
  }

  async recordSweep(archiver: string, closedSince: Date, at: Date, sweep: ArchiveSweep): Promise<void> {
    await this.db('history_archive_progress')
      .insert({ archiver, closed_since: closedSince, last_sweep_at: at, last_sweep: JSON.stringify(sweep) })
      .onConflict('archiver')
      .merge();
  }
}
