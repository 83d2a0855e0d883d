// Reconciliation reports as staff and auditors read them: each day's ledger against the gateway's statement.
import type { Db } from '../../db/config';
import type { ListReconciliationsQuery } from '../schemas/reconciliations';

type Row = Record<string, unknown>;

function itemView(item: Row) {
  return {
    transferKey: item.transfer_key,
    outcome: item.outcome,
    claimNumber: item.claim_number,
    component: item.component,
    ledgerAmount: item.ledger_amount,
    gatewayAmount: item.gateway_amount,
    gatewayReference: item.gateway_reference,
  };
}

function reportView(report: Row) {
  return {
    date: report.business_date,
    status: report.status,
    ledgerTotal: report.ledger_total,
    gatewayTotal: report.gateway_total,
    matched: report.matched,
    mismatched: report.mismatched,
    reconciledAt: report.reconciled_at,
  };
}

/** Newest day first, each with its mismatches (the matched items are in the day's own report). */
export async function listReconciliations(db: Db, query: ListReconciliationsQuery) {
  const reports: Row[] = await db('reconciliation_reports')
    .modify((q) => {
      if (query.from) q.where('business_date', '>=', query.from);
      if (query.to) q.where('business_date', '<=', query.to);
      if (query.status) q.where('status', query.status);
    })
    .orderBy('business_date', 'desc')
    .limit(query.limit);
  const dates = reports.map((r) => r.business_date as string);
  const mismatches: Row[] =
    dates.length === 0
      ? []
      : await db('reconciliation_items')
          .whereIn('business_date', dates)
          .whereNot('outcome', 'matched')
          .orderBy(['business_date', 'transfer_key']);
  return {
    reports: reports.map((r) => ({
      ...reportView(r),
      mismatches: mismatches.filter((i) => i.business_date === r.business_date).map(itemView),
    })),
  };
}

/** One day: every item and the supervisor tasks it opened; undefined when the day was not reconciled. */
export async function reconciliationDay(db: Db, date: string) {
  const report: Row | undefined = await db('reconciliation_reports').where({ business_date: date }).first();
  if (!report) return undefined;
  const [items, tasks] = await Promise.all([
    db('reconciliation_items').where({ business_date: date }).orderBy('transfer_key'),
    db('supervisor_tasks').where({ business_date: date }).orderBy('id'),
  ]);
  return {
    ...reportView(report),
    items: items.map(itemView),
    tasks: tasks.map((t: Row) => ({
      kind: t.kind,
      status: t.status,
      message: t.message,
      createdAt: t.created_at,
    })),
  };
}
