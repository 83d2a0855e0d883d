// The payout ledger: one row per idempotency key (`<claimNumber>:<component>`, or a scholarship year's
// `<workflowId>:<schoolYear>`), pending until the gateway answers, then paid, refused, or failed (for good: the
// gateway refused the request itself, and staff were asked to act).
import type { Knex } from 'knex';
import type { PayoutStatus } from '../../vocabulary/status';

export type { PayoutStatus };

export interface PayoutRow {
  id: number;
  idempotency_key: string;
  claim_number: string;
  component: string;
  amount: number;
  status: PayoutStatus;
  /** The key the gateway saw: the ledger key, `:r<n>` appended for account revision n > 0. */
  gateway_key: string;
  account_revision: number;
  bank_code: string;
  account_number: string;
  gateway_reference: string | null;
  failure_code: string | null;
  paid_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** The transfer a ledger row stands for: where the money goes and under which gateway key. */
export interface PayoutTarget {
  gatewayKey: string;
  accountRevision: number;
  bankCode: string;
  accountNumber: string;
}

export type LedgerRow = Pick<
  PayoutRow,
  'gateway_key' | 'claim_number' | 'component' | 'amount' | 'gateway_reference'
>;

/** A row still pending: no transfer answered, no failure recorded. */
export type PendingRow = Pick<
  PayoutRow,
  'gateway_key' | 'claim_number' | 'component' | 'amount' | 'updated_at'
>;

export class PayoutStore {
  constructor(private readonly db: Knex) {}

  /**
   * The ledger row for the key, written as pending if it is new, and locked until the transaction ends: two workers
   * paying one key queue here. Only inside `stores.transaction`.
   */
  async lockOrCreate(
    key: string,
    payout: { claimNumber: string; component: string; amount: number },
    target: PayoutTarget,
  ): Promise<PayoutRow> {
    if (!this.db.isTransaction) throw new Error('PayoutStore.lockOrCreate needs a transaction');
    await this.db<PayoutRow>('payouts')
      .insert({
        idempotency_key: key,
        claim_number: payout.claimNumber,
        component: payout.component,
        amount: payout.amount,
        status: 'pending',
        gateway_key: target.gatewayKey,
        account_revision: target.accountRevision,
        bank_code: target.bankCode,
        account_number: target.accountNumber,
      })
      .onConflict('idempotency_key')
      .ignore();
    const row = await this.db<PayoutRow>('payouts').where({ idempotency_key: key }).forUpdate().first();
    if (!row) throw new Error(`payout ${key}: ledger row missing after insert`);
    return row;
  }

  /** A new account after a refusal: the row is pending again, for the transfer to the new account. */
  async retarget(id: number, target: PayoutTarget): Promise<void> {
    await this.db<PayoutRow>('payouts').where({ id }).update({
      status: 'pending',
      gateway_key: target.gatewayKey,
      account_revision: target.accountRevision,
      bank_code: target.bankCode,
      account_number: target.accountNumber,
      failure_code: null,
      updated_at: this.db.fn.now(),
    });
  }

  /** Paid, at the gateway's settlement time when it gave one (the ledger and the statement then agree on the day). */
  async markPaid(key: string, gatewayReference: string, paidAt: string | undefined): Promise<void> {
    // Untyped table: paid_at takes the gateway's ISO text as it is, so PostgreSQL parses the instant exactly.
    await this.db('payouts')
      .where({ idempotency_key: key })
      .update({
        status: 'paid',
        gateway_reference: gatewayReference,
        paid_at: paidAt ?? this.db.fn.now(),
        updated_at: this.db.fn.now(),
      });
  }

  async markRefused(key: string, failureCode: string): Promise<void> {
    await this.db<PayoutRow>('payouts')
      .where({ idempotency_key: key })
      .update({ status: 'refused', failure_code: failureCode, updated_at: this.db.fn.now() });
  }

  /** Failed for good: no transfer took place; a new account (a new revision) makes the row pending again. */
  async markFailed(key: string, failureCode: string): Promise<void> {
    await this.db<PayoutRow>('payouts')
      .where({ idempotency_key: key, status: 'pending' })
      .update({ status: 'failed', failure_code: failureCode.slice(0, 40), updated_at: this.db.fn.now() });
  }

  find(key: string): Promise<PayoutRow | undefined> {
    return this.db<PayoutRow>('payouts').where({ idempotency_key: key }).first();
  }

  /** A claim's ledger rows (its scholarship years' included), oldest first. */
  forClaim(claimNumber: string): Promise<PayoutRow[]> {
    return this.db<PayoutRow>('payouts').where({ claim_number: claimNumber }).orderBy('id');
  }

  /** The rows paid in [from, to): the ledger side of a day's reconciliation. */
  paidBetween(from: Date, to: Date): Promise<LedgerRow[]> {
    return this.db<PayoutRow>('payouts')
      .where({ status: 'paid' })
      .andWhere('paid_at', '>=', from)
      .andWhere('paid_at', '<', to)
      .select('gateway_key', 'claim_number', 'component', 'amount', 'gateway_reference');
  }

  /** The rows pending since before `before`: a transfer that neither answered nor failed (reconciliation). */
  pendingSince(before: Date): Promise<PendingRow[]> {
    return this.db<PayoutRow>('payouts')
      .where({ status: 'pending' })
      .andWhere('updated_at', '<', before)
      .orderBy('gateway_key')
      .select('gateway_key', 'claim_number', 'component', 'amount', 'updated_at');
  }

  /** How many rows and how much money per status (the metrics): kept by triggers, so the read is a few rows. */
  async totalsByStatus(): Promise<{ status: PayoutStatus; n: number; amount: number }[]> {
    const rows = await this.db<{ status: PayoutStatus; n: number; amount: number }>('payout_totals')
      .where('n', '>', 0)
      .select('status', 'n', 'amount');
    return rows.map((r) => ({ status: r.status, n: Number(r.n), amount: Number(r.amount) }));
  }
}
