// Reconciliation reports as staff and auditors read them: each day's ledger against the gateway's statement.
import type { ReconciliationItemRow, ReconciliationReportRow, Stores } from '../../db/stores';
import type { ListReconciliationsQuery } from '../schemas/reconciliations';

type ReconciliationStores = Pick<Stores, 'reconciliation'>;

function itemView(item: ReconciliationItemRow) {
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

function reportView(report: ReconciliationReportRow) {
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
export async function listReconciliations(stores: ReconciliationStores, query: ListReconciliationsQuery) {
  const days = await stores.reconciliation.listWithMismatches(query);
  return {
    reports: days.map(({ report, mismatches }) => ({
      ...reportView(report),
      mismatches: mismatches.map(itemView),
    })),
  };
}

/** One day: every item and the supervisor tasks it opened; undefined when the day was not reconciled. */
export async function reconciliationDay(stores: ReconciliationStores, date: string) {
  const day = await stores.reconciliation.day(date);
  if (!day) return undefined;
  return {
    ...reportView(day.report),
    items: day.items.map(itemView),
    tasks: day.tasks.map((t) => ({
      kind: t.kind,
      status: t.status,
      message: t.message,
      createdAt: t.created_at,
    })),
  };
}
