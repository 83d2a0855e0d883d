// JKK with the employer more than 3 months in arrears: the employer paid the heirs first. An officer (or a
// supervisor) records the settled arrears and the employer's proof of payment; a supervisor who did not record it
// approves or rejects reimbursing the employer's account.
import { claimWorkflowId } from '../../vocabulary/ids';
import { decideReimbursementUpdate, recordEmployerSettlementUpdate } from '../../vocabulary/messages/claim';
import { CASE_STAFF } from '../../vocabulary/actors';
import { checkReimbursementDecider } from '../maker-checker';
import { problems } from '../middleware/problem';
import { claimNumberParam, decisionBody, employerSettlementBody } from '../schemas/claims';
import { sendClaimUpdate, sendUpdate } from '../temporal/updates';
import { json, problem, route, staffErrors, type RouteDeps } from './route';

async function existingClaim({ deps, params }: { deps: RouteDeps; params: { claimNumber: string } }) {
  const claim = await deps.stores.claims.find(params.claimNumber);
  if (!claim) throw problems.notFound();
  return claim;
}

export const recordEmployerSettlement = route({
  operationId: 'recordEmployerSettlement',
  summary:
    "Record that an employer in arrears settled them and paid the heirs first, with the employer's account (officer)",
  method: 'post',
  path: '/claims/:claimNumber/employer-settlement',
  access: { staff: CASE_STAFF },
  request: { params: claimNumberParam, body: employerSettlementBody },
  responses: {
    200: json('object', 'Recorded: the reimbursement now waits for a supervisor'),
    ...staffErrors,
    404: problem('No such claim'),
    409: problem('The claim is not waiting for an employer to settle'),
    422: problem('The employer paid the heirs less than the benefit'),
  },
  find: existingClaim,
  async handle({ deps, found, actor, body, res }) {
    const result = await sendUpdate(
      deps.temporal,
      claimWorkflowId(found!.claim_number),
      recordEmployerSettlementUpdate,
      { actor: actor!, ...body },
      'amountPaidToHeirs',
      'The claim is closed.',
    );
    res.json(result);
  },
});

export const decideEmployerReimbursement = route({
  operationId: 'decideEmployerReimbursement',
  summary: 'Approve or reject reimbursing the employer (supervisor; never who recorded the settlement)',
  method: 'post',
  path: '/claims/:claimNumber/employer-settlement/decision',
  // Officers reach it and get 403 supervisor-required, as with decisions above the threshold.
  access: { staff: CASE_STAFF },
  request: { params: claimNumberParam, body: decisionBody },
  responses: {
    200: json(),
    ...staffErrors,
    404: problem('No such claim'),
    409: problem('No settlement waits for a decision'),
  },
  find: existingClaim,
  async handle({ deps, found, staff, actor, body, res }) {
    await checkReimbursementDecider(deps.stores, found!, staff!);
    const result = await sendClaimUpdate(deps.temporal, found!.claim_number, decideReimbursementUpdate, {
      actor: actor!,
      decision: body.decision,
      reason: body.reason,
    });
    res.json(result);
  },
});
