// Maker-checker at the API, from the projections: the verifier may not decide, and approvals above the threshold need
// a supervisor. The workflow's update validator checks the same rule (rules/maker-checker.ts) again, so a direct
// Temporal call cannot skip it.
import type { ClaimRow, Stores } from '../db/stores';
import { decisionRefusal, totalCanRefuse, type DecisionFacts, type DecisionRefusal } from '../rules';
import type { Staff } from './middleware/auth';
import { HttpProblem } from './middleware/problem';

const TITLES: Record<DecisionRefusal['rule'], string> = {
  'maker-checker': 'Maker-checker rule',
  'supervisor-required': 'Supervisor required',
};

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
  if (refusal) throw new HttpProblem(403, refusal.rule, TITLES[refusal.rule], refusal.message);
}
