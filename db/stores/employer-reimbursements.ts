// Reimbursements to employers that paid the heirs first (JKK, more than 3 months in arrears): one row per claim, the
// settlement an officer recorded and a supervisor's decision on it. The payout itself is a ledger row (payouts).
import type { Knex } from 'knex';
import type { EmployerSettlementRecord, ReimbursementDecisionRecord } from '../../vocabulary/activities';

export const REIMBURSEMENT_STATUSES = ['recorded', 'approved', 'rejected', 'refused'] as const;
export type ReimbursementStatus = (typeof REIMBURSEMENT_STATUSES)[number];

export interface EmployerReimbursementRow {
  claim_number: string;
  employer_id: string;
  status: ReimbursementStatus;
  arrears_settlement_reference: string;
  proof_of_payment_reference: string;
  amount_paid_to_heirs: number;
  paid_to_heirs_on: string;
  bank_code: string;
  account_number: string;
  account_name: string;
  account_revision: number;
  recorded_by: string;
  recorded_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  decision_reason: string | null;
}

export class EmployerReimbursementStore {
  constructor(private readonly db: Knex) {}

  /** The settlement as recorded; a new record (after a rejection or a refused account) replaces the last one. */
  async record(claimNumber: string, r: EmployerSettlementRecord): Promise<void> {
    // Untyped table: the timestamps are PostgreSQL's now().
    await this.db('employer_reimbursements')
      .insert({
        claim_number: claimNumber,
        employer_id: r.employerId,
        status: 'recorded',
        arrears_settlement_reference: r.arrearsSettlementReference,
        proof_of_payment_reference: r.proofOfPaymentReference,
        amount_paid_to_heirs: r.amountPaidToHeirs,
        paid_to_heirs_on: r.paidToHeirsOn,
        bank_code: r.employerAccount.bankCode,
        account_number: r.employerAccount.accountNumber,
        account_name: r.employerAccount.accountName,
        account_revision: r.accountRevision,
        recorded_by: r.recordedBy,
        recorded_at: this.db.fn.now(),
        decided_by: null,
        decided_at: null,
        decision_reason: null,
      })
      .onConflict('claim_number')
      .merge();
  }

  async decide(claimNumber: string, d: ReimbursementDecisionRecord): Promise<void> {
    await this.db('employer_reimbursements')
      .where({ claim_number: claimNumber })
      .update({
        status: d.decision === 'approve' ? 'approved' : 'rejected',
        decided_by: d.decidedBy,
        decided_at: this.db.fn.now(),
        decision_reason: d.reason,
      });
  }

  /** The bank refused the employer's account: the next record brings another. */
  async markRefused(claimNumber: string): Promise<void> {
    await this.db<EmployerReimbursementRow>('employer_reimbursements')
      .where({ claim_number: claimNumber })
      .update({ status: 'refused' });
  }

  find(claimNumber: string): Promise<EmployerReimbursementRow | undefined> {
    return this.db<EmployerReimbursementRow>('employer_reimbursements')
      .where({ claim_number: claimNumber })
      .first();
  }
}
