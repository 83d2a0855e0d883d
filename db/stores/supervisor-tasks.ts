// The supervisors' work list: what a person must look at (a reconciliation mismatch, a payout that failed for good),
// each opened once per dedup key however often the step that opens it runs.
import type { Knex } from 'knex';
import type { NewSupervisorTask, SupervisorTaskRow } from './reconciliation';

export class SupervisorTaskStore {
  constructor(private readonly db: Knex) {}

  /** Opens the tasks not already opened (by dedup key), dated by `businessDate` (the Jakarta day they concern). */
  async open(tasks: readonly NewSupervisorTask[], businessDate: string | null): Promise<void> {
    if (tasks.length === 0) return;
    await this.db<SupervisorTaskRow>('supervisor_tasks')
      .insert(
        tasks.map((t) => ({
          dedup_key: t.dedupKey,
          kind: t.kind,
          message: t.message,
          business_date: businessDate,
          claim_number: t.claimNumber,
        })),
      )
      .onConflict('dedup_key')
      .ignore();
  }

  /** The open tasks, oldest first; of one kind when given. */
  listOpen(kind?: string): Promise<SupervisorTaskRow[]> {
    const q = this.db<SupervisorTaskRow>('supervisor_tasks').where({ status: 'open' }).orderBy('id');
    if (kind !== undefined) q.where({ kind });
    return q;
  }
}
