// Maker-checker at the API, from the projections: the verifier may not decide, and approvals above the threshold need
// a supervisor. The workflow's update validator checks the same again, so a direct Temporal call cannot skip it.
import type { Db } from '../db/config';
import { SUPERVISOR_APPROVAL_THRESHOLD } from '../workflows/definitions';
import type { Staff } from './middleware/auth';
import { HttpProblem } from './middleware/problem';

export async function checkDecider(
  db: Db,
  claim: Record<string, unknown>,
  staff: Staff,
  decision: 'approve' | 'reject',
): Promise<void> {
  // In any other state the workflow answers (409): the claim is not waiting for anyone's decision.
  if (claim.status !== 'waiting_for_decision') return;
  if (claim.verified_by === staff.id) {
    throw new HttpProblem(
      403,
      'maker-checker',
      'Maker-checker rule',
      'The officer who verified the documents may not also decide the claim.',
    );
  }
  if (decision !== 'approve' || staff.role === 'supervisor') return;
  const assessment = await db('assessments').where({ claim_number: claim.claim_number }).first('total');
  if (assessment && Number(assessment.total) > SUPERVISOR_APPROVAL_THRESHOLD) {
    throw new HttpProblem(
      403,
      'supervisor-required',
      'Supervisor required',
      `Approving more than Rp ${SUPERVISOR_APPROVAL_THRESHOLD.toLocaleString('en-US')} needs a supervisor.`,
    );
  }
}
