// Changes of payee: each account proposed after a refusal (for a claim or a scholarship) and its review by a second
// person. One row per proposal, keyed by the workflow and the proposing step.
import type { Knex } from 'knex';
import type { AccountProposalRecord, AccountReviewRecord } from '../../vocabulary/activities';

export type AccountChangeStatus = 'pending' | 'approved' | 'rejected';

export interface AccountChangeRow {
  id: number;
  workflow_id: string;
  claim_number: string;
  proposal: number;
  revision: number;
  bank_code: string;
  account_number: string;
  account_name: string;
  holder_matches: boolean;
  proposed_by: string;
  proposed_at: Date;
  status: AccountChangeStatus;
  reviewed_by: string | null;
  reviewer_role: string | null;
  identity_check: string | null;
  review_reason: string | null;
  reviewed_at: Date | null;
}

export class AccountChangeStore {
  constructor(private readonly db: Knex) {}

  /** Records the proposal once (a retried activity writes nothing). */
  async propose(
    workflowId: string,
    claimNumber: string,
    p: AccountProposalRecord,
    holderMatches: boolean,
  ): Promise<void> {
    await this.db('account_changes')
      .insert({
        workflow_id: workflowId,
        claim_number: claimNumber,
        proposal: p.proposal,
        revision: p.revision,
        bank_code: p.account.bankCode,
        account_number: p.account.accountNumber,
        account_name: p.account.accountName,
        holder_matches: holderMatches,
        proposed_by: p.proposedBy,
      })
      .onConflict(['workflow_id', 'proposal'])
      .ignore();
  }

  /** Records the review of a pending proposal (a retried activity finds it reviewed and writes nothing). */
  async review(workflowId: string, r: AccountReviewRecord): Promise<void> {
    await this.db('account_changes')
      .where({ workflow_id: workflowId, proposal: r.proposal, status: 'pending' })
      .update({
        status: r.decision === 'approve' ? 'approved' : 'rejected',
        reviewed_by: r.reviewedBy,
        reviewer_role: r.reviewerRole,
        identity_check: r.identityCheck,
        review_reason: r.reason,
        reviewed_at: this.db.fn.now(),
      });
  }

  /** The proposal waiting for review on a claim's or a scholarship's workflow, if one is. */
  async pending(workflowId: string): Promise<AccountChangeRow | undefined> {
    return this.db<AccountChangeRow>('account_changes')
      .where({ workflow_id: workflowId, status: 'pending' })
      .orderBy('proposal', 'desc')
      .first();
  }

  /** Every change proposed on a claim and its scholarships, oldest first. */
  forClaim(claimNumber: string): Promise<AccountChangeRow[]> {
    return this.db<AccountChangeRow>('account_changes')
      .where({ claim_number: claimNumber })
      .orderBy(['workflow_id', 'proposal']);
  }
}
