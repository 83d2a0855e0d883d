// What the daily reconciliation workflow takes and returns (a Temporal Schedule starts it: vocabulary/ids.ts).

export interface ReconciliationInput {
  /** The Jakarta day to reconcile, YYYY-MM-DD; the day before the (scheduled) start when omitted. */
  date?: string;
}

export const RECONCILIATION_OUTCOMES = [
  'matched',
  'missing_at_gateway',
  'unknown_to_ledger',
  'amount_mismatch',
  // A ledger row pending since before the day began: no transfer answered and no failure was recorded.
  'pending_overdue',
] as const;
export type ReconciliationOutcome = (typeof RECONCILIATION_OUTCOMES)[number];

export interface ReconciliationSummary {
  date: string;
  status: 'balanced' | 'mismatched';
  ledgerTotal: number;
  gatewayTotal: number;
  matched: number;
  mismatched: number;
}

/** One transfer key of the day, as the comparison found it (activities/reconciliation.ts) and the report keeps it. */
export interface ReconciliationItem {
  transferKey: string;
  outcome: ReconciliationOutcome;
  claimNumber: string | null;
  component: string | null;
  ledgerAmount: number | null;
  gatewayAmount: number | null;
  gatewayReference: string | null;
}
