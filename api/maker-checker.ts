// Maker-checker at the API, from the projections: the verifier may not decide, and approvals above the threshold need
// a supervisor. The workflow's update validator checks the same rule (rules/maker-checker.ts) again, so a direct
// Temporal call cannot skip it.
import type { ClaimRow, Stores } from '../db/stores';
import {
  accountReviewRefusal,
  decisionRefusal,
  reimbursementDeciderRefusal,
  totalCanRefuse,
  type DecisionFacts,
  type DecisionRefusal,
} from '../rules';
import type { Staff } from './middleware/auth';
import { HttpProblem } from './middleware/problem';
import { proofReviewRefusal } from '../rules/maker-checker';

const TITLES: Record<DecisionRefusal['rule'], string> = {
  'maker-checker': 'Maker-checker rule',
  'supervisor-required': 'Supervisor required',
};

/** The 403 for a refusal, whether the API found it or the workflow's validator did. */
export function makerCheckerProblem(rule: DecisionRefusal['rule'], message: string): HttpProblem {
  return new HttpProblem(403, rule, TITLES[rule], message);
}

export async function checkDecider(
  stores: Pick<Stores, 'claims'>,
  claim: ClaimRow,
  staff: Staff,
  decision: 'approve' | 'reject',
): Promise<void> {
  // In any other state the workflow answers (409): the claim is not waiting for anyone's decision.
  if (claim.status !== 'waiting_for_decision') return;
  const facts: DecisionFacts = {
    deciderId: staff.id,
    deciderRole: staff.role,
    verifiedBy: claim.verified_by,
    decision,
  };
  // The assessment is read only when its total can refuse the decision.
  const refusal =
    decisionRefusal(facts) ??
    (totalCanRefuse(facts)
      ? decisionRefusal({ ...facts, total: (await stores.claims.assessment(claim.claim_number))?.total })
      : undefined);
  if (refusal) throw makerCheckerProblem(refusal.rule, refusal.message);
}

/** Reimbursing an employer: refused for the staff member who recorded the settlement, from the projection. */
export async function checkReimbursementDecider(
  stores: Pick<Stores, 'employerReimbursements'>,
  claim: ClaimRow,
  staff: Staff,
): Promise<void> {
  // In any other state the workflow answers (409): no settlement waits for a decision.
  if (claim.status !== 'waiting_for_reimbursement_approval') return;
  const settlement = await stores.employerReimbursements.find(claim.claim_number);
  if (!settlement || settlement.status !== 'recorded') return;
  const refusal = reimbursementDeciderRefusal({
    deciderId: staff.id,
    deciderRole: staff.role,
    recordedBy: settlement.recorded_by,
  });
  if (refusal) throw makerCheckerProblem(refusal.rule, refusal.message);
}

/** A proof of enrolment waiting for review may not be reviewed by the staff member who sent it (the workflow checks again). */
export async function checkProofReviewer(
  stores: Pick<Stores, 'scholarships'>,
  workflowId: string,
  schoolYear: string,
  staff: Staff,
): Promise<void> {
  const year = await stores.scholarships.year(workflowId, schoolYear);
  // In any other state the workflow answers (409): no proof of that year waits for review.
  if (year?.status !== 'proof_under_review' || !year.submitted_by) return;
  const refusal = proofReviewRefusal({ reviewerId: staff.id, submittedBy: year.submitted_by });
  if (refusal) throw makerCheckerProblem(refusal.rule, refusal.message);
}

/**
 * Refuses a review of the account proposed on `workflowId` (the claim's, or a scholarship's) by someone the four-eyes
 * rules exclude. With no proposal waiting, the workflow answers (409). `amount`: what the account stands to receive.
 */
export async function checkAccountReviewer(
  stores: Pick<Stores, 'accountChanges'>,
  claim: ClaimRow,
  workflowId: string,
  staff: Staff,
  review: { decision: 'approve' | 'reject'; reason: string },
  amount: () => Promise<number | undefined>,
): Promise<void> {
  const proposal = await stores.accountChanges.pending(workflowId);
  if (!proposal) return;
  const refusal = accountReviewRefusal({
    reviewerId: staff.id,
    reviewerRole: staff.role,
    filedBy: claim.created_by,
    verifiedBy: claim.verified_by,
    proposedBy: proposal.proposed_by,
    decision: review.decision,
    amount: review.decision === 'approve' && staff.role !== 'supervisor' ? await amount() : undefined,
    holderMatches: proposal.holder_matches,
    reason: review.reason,
  });
  if (refusal) throw makerCheckerProblem(refusal.rule, refusal.message);
}
