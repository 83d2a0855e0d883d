// Daily reconciliation of the payout ledger with the gateway's statement: one report per Jakarta day, its items
// (one per transfer key), and the supervisors' tasks opened for the mismatches.
import type { Knex } from 'knex';
import type {
  ReconciliationItem,
  ReconciliationOutcome,
  ReconciliationSummary,
} from '../../vocabulary/messages/reconciliation';
import { atomically } from './atomic';
import { SupervisorTaskStore } from './supervisor-tasks';

export interface ReconciliationReportRow {
  business_date: string;
  status: ReconciliationSummary['status'];
  ledger_total: number;
  gateway_total: number;
  matched: number;
  mismatched: number;
  reconciled_at: Date;
}

export interface ReconciliationItemRow {
  id: number;
  business_date: string;
  transfer_key: string;
  outcome: ReconciliationOutcome;
  claim_number: string | null;
  component: string | null;
  ledger_amount: number | null;
  gateway_amount: number | null;
  gateway_reference: string | null;
}

export interface SupervisorTaskRow {
  id: number;
  dedup_key: string;
  kind: string;
  message: string;
  business_date: string | null;
  claim_number: string | null;
  status: string;
  created_at: Date;
  closed_at: Date | null;
}

export interface NewSupervisorTask {
  /** A re-run never opens the same task twice. */
  dedupKey: string;
  kind: string;
  message: string;
  claimNumber: string | null;
}

export interface ReconciliationDay {
  report: ReconciliationReportRow;
  items: ReconciliationItemRow[];
  tasks: SupervisorTaskRow[];
}

export class ReconciliationStore {
  constructor(private readonly db: Knex) {}

  /** The day's report and items, replacing an earlier run's, and its tasks unless already open, at once. */
  saveDay(
    summary: ReconciliationSummary,
    items: ReconciliationItem[],
    tasks: NewSupervisorTask[],
  ): Promise<void> {
    const date = summary.date;
    return atomically(this.db, async (db) => {
      await db<ReconciliationReportRow>('reconciliation_reports')
        .insert({
          business_date: date,
          status: summary.status,
          ledger_total: summary.ledgerTotal,
          gateway_total: summary.gatewayTotal,
          matched: summary.matched,
          mismatched: summary.mismatched,
          reconciled_at: db.fn.now(),
        })
        .onConflict('business_date')
        .merge();
      await db<ReconciliationItemRow>('reconciliation_items').where({ business_date: date }).delete();
      const rows = items.map((i) => ({
        business_date: date,
        transfer_key: i.transferKey,
        outcome: i.outcome,
        claim_number: i.claimNumber,
        component: i.component,
        ledger_amount: i.ledgerAmount,
        gateway_amount: i.gatewayAmount,
        gateway_reference: i.gatewayReference,
      }));
      if (rows.length > 0) await db.batchInsert('reconciliation_items', rows, 500);
      await new SupervisorTaskStore(db).open(tasks, date);
    });
  }

  report(date: string): Promise<ReconciliationReportRow | undefined> {
    return this.db<ReconciliationReportRow>('reconciliation_reports').where({ business_date: date }).first();
  }

  /** The report of the latest day reconciled (the metrics); undefined before the first run. */
  latestReport(): Promise<ReconciliationReportRow | undefined> {
    return this.db<ReconciliationReportRow>('reconciliation_reports')
      .orderBy('business_date', 'desc')
      .first();
  }

  /** A day's report with all its items (by transfer key) and tasks (oldest first); undefined if never run. */
  async day(date: string): Promise<ReconciliationDay | undefined> {
    const report = await this.report(date);
    if (!report) return undefined;
    const [items, tasks] = await Promise.all([
      this.db<ReconciliationItemRow>('reconciliation_items')
        .where({ business_date: date })
        .orderBy('transfer_key'),
      this.db<SupervisorTaskRow>('supervisor_tasks').where({ business_date: date }).orderBy('id'),
    ]);
    return { report, items, tasks };
  }

  /** Reports newest day first, filtered by day (inclusive) and status. */
  listReports(query: {
    from?: string;
    to?: string;
    status?: ReconciliationSummary['status'];
    limit: number;
  }): Promise<ReconciliationReportRow[]> {
    const q = this.db<ReconciliationReportRow>('reconciliation_reports')
      .orderBy('business_date', 'desc')
      .limit(query.limit);
    if (query.from) q.where('business_date', '>=', query.from);
    if (query.to) q.where('business_date', '<=', query.to);
    if (query.status) q.where('status', query.status);
    return q;
  }

  /** The items of these days that did not match, by day and transfer key. */
  async mismatches(dates: string[]): Promise<ReconciliationItemRow[]> {
    if (dates.length === 0) return [];
    return this.db<ReconciliationItemRow>('reconciliation_items')
      .whereIn('business_date', dates)
      .whereNot('outcome', 'matched')
      .orderBy(['business_date', 'transfer_key']);
  }

  /** Reports as `listReports`, each with its mismatched items. */
  async listWithMismatches(
    query: Parameters<ReconciliationStore['listReports']>[0],
  ): Promise<{ report: ReconciliationReportRow; mismatches: ReconciliationItemRow[] }[]> {
    const reports = await this.listReports(query);
    const mismatches = await this.mismatches(reports.map((r) => r.business_date));
    return reports.map((report) => ({
      report,
      mismatches: mismatches.filter((i) => i.business_date === report.business_date),
    }));
  }
}
