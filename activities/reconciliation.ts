// Reconciliation: the payout ledger against the gateway's statement for one Jakarta day. The comparison is a
// pure function; the activity reads both sides and writes the report, its items and the supervisors' tasks at once.
import type { Db } from '../db/config';
import { jakartaEndOfDay, jakartaStartOfDay } from '../rules/jakarta-time';
import { isClaimNumber, pendingOverdueTaskKey } from '../vocabulary/ids';
import { createStores } from '../db/stores';
import type { Statement, PaymentGateway } from '../gateway/client';
import type { ReconciliationItem, ReconciliationSummary } from '../vocabulary/messages/reconciliation';

/** A paid ledger row, as the reconciliation sees it. */
export interface LedgerEntry {
  transferKey: string;
  claimNumber: string;
  component: string;
  amount: number;
  gatewayReference: string | null;
}

/** A ledger row still pending, as the reconciliation sees it. */
export interface PendingEntry {
  transferKey: string;
  claimNumber: string;
  component: string;
  amount: number;
}

export interface Reconciliation {
  items: ReconciliationItem[];
  ledgerTotal: number;
  gatewayTotal: number;
}

/** The instants [from, to) of a Jakarta calendar day. */
export function jakartaDayRange(date: string): [Date, Date] {
  return [new Date(jakartaStartOfDay(date)), new Date(jakartaEndOfDay(date))];
}

/**
 * Matches paid ledger rows with the day's completed transfers by the key the gateway saw. Refused transfers moved
 * no money and are left out; a ledger row whose transfer only failed is therefore missing at the gateway. Rows
 * `pending` since before the day are items of their own, unless the statement already names their transfer.
 */
export function reconcile(
  ledger: readonly LedgerEntry[],
  statement: Statement,
  pending: readonly PendingEntry[] = [],
): Reconciliation {
  const transfers = new Map(
    statement.disbursements.filter((d) => d.status === 'completed').map((d) => [d.idempotencyKey, d]),
  );
  const items: ReconciliationItem[] = [];
  for (const entry of ledger) {
    const transfer = transfers.get(entry.transferKey);
    transfers.delete(entry.transferKey);
    items.push({
      transferKey: entry.transferKey,
      outcome: !transfer
        ? 'missing_at_gateway'
        : transfer.amount === entry.amount
          ? 'matched'
          : 'amount_mismatch',
      claimNumber: entry.claimNumber,
      component: entry.component,
      ledgerAmount: entry.amount,
      gatewayAmount: transfer?.amount ?? null,
      gatewayReference: transfer?.id ?? entry.gatewayReference,
    });
  }
  for (const transfer of transfers.values()) {
    const [claimNumber, component] = transfer.reference.split(':');
    const ours = claimNumber !== undefined && isClaimNumber(claimNumber);
    items.push({
      transferKey: transfer.idempotencyKey,
      outcome: 'unknown_to_ledger',
      claimNumber: ours ? claimNumber : null,
      component: ours ? (component ?? null) : null,
      ledgerAmount: null,
      gatewayAmount: transfer.amount,
      gatewayReference: transfer.id,
    });
  }
  const named = new Set(items.map((i) => i.transferKey));
  for (const row of pending.filter((p) => !named.has(p.transferKey))) {
    items.push({
      transferKey: row.transferKey,
      outcome: 'pending_overdue',
      claimNumber: row.claimNumber,
      component: row.component,
      ledgerAmount: row.amount,
      gatewayAmount: null,
      gatewayReference: null,
    });
  }
  items.sort((a, b) => a.transferKey.localeCompare(b.transferKey));
  const completed = statement.disbursements.filter((d) => d.status === 'completed');
  return {
    items,
    ledgerTotal: ledger.reduce((sum, e) => sum + e.amount, 0),
    gatewayTotal: completed.reduce((sum, d) => sum + d.amount, 0),
  };
}

function taskMessage(item: ReconciliationItem, date: string): string {
  const what = item.claimNumber
    ? `claim ${item.claimNumber} (${item.component ?? 'unknown component'})`
    : 'a transfer';
  switch (item.outcome) {
    case 'missing_at_gateway':
      return `Reconciliation ${date}: the ledger paid ${what} Rp ${item.ledgerAmount}, but the gateway has no completed transfer ${item.transferKey}.`;
    case 'pending_overdue':
      return `Reconciliation ${date}: the ledger row ${item.transferKey} (${what}, Rp ${item.ledgerAmount}) has been pending for more than a day: no transfer answered and no failure was recorded.`;
    case 'unknown_to_ledger':
      return `Reconciliation ${date}: the gateway completed transfer ${item.transferKey} (${what}, Rp ${item.gatewayAmount}) that the ledger does not show as paid.`;
    default:
      return `Reconciliation ${date}: ${what} is Rp ${item.ledgerAmount} in the ledger but Rp ${item.gatewayAmount} at the gateway.`;
  }
}

export function createReconciliationActivities(db: Db, gateway: PaymentGateway) {
  const stores = createStores(db);
  return {
    /** Reconciles one Jakarta day; a re-run replaces that day's report and never opens a task twice. */
    async reconcileDay(date: string): Promise<ReconciliationSummary> {
      const statement = await gateway.statement(date);
      const [from, to] = jakartaDayRange(date);
      const [rows, pending] = await Promise.all([
        stores.payouts.paidBetween(from, to),
        stores.payouts.pendingSince(from),
      ]);
      const result = reconcile(
        rows.map((r) => ({
          transferKey: r.gateway_key,
          claimNumber: r.claim_number,
          component: r.component,
          amount: r.amount,
          gatewayReference: r.gateway_reference,
        })),
        statement,
        pending.map((r) => ({
          transferKey: r.gateway_key,
          claimNumber: r.claim_number,
          component: r.component,
          amount: r.amount,
        })),
      );
      const mismatches = result.items.filter((i) => i.outcome !== 'matched');
      const summary: ReconciliationSummary = {
        date,
        status: mismatches.length === 0 ? 'balanced' : 'mismatched',
        ledgerTotal: result.ledgerTotal,
        gatewayTotal: result.gatewayTotal,
        matched: result.items.length - mismatches.length,
        mismatched: mismatches.length,
      };
      await stores.reconciliation.saveDay(
        summary,
        result.items,
        mismatches.map((i) => ({
          // A row stuck pending is reported every day; its task is opened once.
          dedupKey:
            i.outcome === 'pending_overdue'
              ? pendingOverdueTaskKey(i.transferKey)
              : `reconciliation:${date}:${i.transferKey}:${i.outcome}`,
          kind: `reconciliation_${i.outcome}`,
          message: taskMessage(i, date),
          claimNumber: i.claimNumber,
        })),
      );
      return summary;
    },
  };
}
