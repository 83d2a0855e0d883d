// The fault suite's fourth invariant: no account change took effect without two distinct staff members. An account
// revision in effect (on a claim, or paid to by a ledger row, a claim's or a scholarship's) has an approved change in
// account_changes, reviewed by an officer or supervisor who is neither its proposer nor the claim's filer or verifier.
import type { Knex } from 'knex';

export interface AccountChangeViolation {
  workflowId: string;
  revision: number;
  why: string;
}

/** Every account revision in effect without a valid second person: empty when the invariant holds. */
export async function accountChangesWithoutTwoPeople(db: Knex): Promise<AccountChangeViolation[]> {
  // Revisions in effect: the claim's current one, and each one a ledger row was paid (or is being paid) to.
  type InEffect = { workflow_id: string; claim_number: string; revision: number };
  const paidTo: InEffect[] = await db('payouts')
    .distinct(db.raw("split_part(idempotency_key, ':', 1) as workflow_id"), 'claim_number', {
      revision: 'account_revision',
    })
    .where('account_revision', '>', 0);
  const current: InEffect[] = await db('claims')
    .select({ workflow_id: 'claim_number' }, 'claim_number', { revision: 'account_revision' })
    .where('account_revision', '>', 0);
  const seen = new Set<string>();
  const inEffect = [...current, ...paidTo].filter((r) => {
    const key = `${r.workflow_id}#${r.revision}`;
    return !seen.has(key) && seen.add(key);
  });
  const violations: AccountChangeViolation[] = [];
  for (const { workflow_id: workflowId, claim_number: claimNumber, revision } of inEffect) {
    const change = await db('account_changes')
      .where({ workflow_id: workflowId, revision, status: 'approved' })
      .first();
    const claim = await db('claims').where({ claim_number: claimNumber }).first('created_by', 'verified_by');
    const why = !change
      ? 'no approved account change'
      : change.reviewed_by === null || !['officer', 'supervisor'].includes(change.reviewer_role)
        ? `reviewed by ${change.reviewed_by ?? 'nobody'} (${change.reviewer_role ?? 'no role'}), not staff`
        : change.reviewed_by === change.proposed_by
          ? 'reviewed by its proposer'
          : change.reviewed_by === claim?.created_by || change.reviewed_by === claim?.verified_by
            ? "reviewed by the claim's filer or verifier"
            : undefined;
    if (why) violations.push({ workflowId, revision, why });
  }
  return violations;
}
