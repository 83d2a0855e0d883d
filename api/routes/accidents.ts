// An accident case's routes (JKK, the worker lives): the finding and its confirmation, bills and STMB periods with
// their two-person review, the closing (stage II) and its decision, return to work, and staff's view. Each sends
// an update to the case's workflow, whose validator refuses the wrong actor, state or input before anything is
// recorded; a refusal naming a field becomes a 422 naming it.
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure, type UpdateDefinition } from '@temporalio/common';
import type { z } from 'zod';
import type { ClaimRow } from '../../db/stores';
import {
  closingBody,
  decisionOnBody,
  findingBody,
  incapacityBody,
  itemAccountBody,
  itemDecisionBody,
  itemVerificationBody,
  returnToWorkBody,
  treatmentBody,
} from '../../vocabulary/accident';
import { CASE_STAFF, type Actor } from '../../vocabulary/actors';
import { EMPLOYER_PROOF_MISSING, employerPaymentBody } from '../../vocabulary/employer-proof';
import { FailureType } from '../../vocabulary/failures';
import { claimWorkflowId } from '../../vocabulary/ids';
import {
  confirmFindingUpdate,
  decideClosingUpdate,
  decideItemUpdate,
  recordEmployerPaymentUpdate,
  recordFindingUpdate,
  recordItemUpdate,
  replaceItemAccountUpdate,
  returnToWorkUpdate,
  submitClosingUpdate,
  verifyItemUpdate,
} from '../../vocabulary/messages/accident';
import { problems } from '../middleware/problem';
import { claimNumberParam } from '../schemas/claims';
import { executeUpdate, toHttpProblem } from '../temporal/updates';
import { json, problem, route, staffErrors, type RouteDeps } from './route';

/** The claim the path names, or 404: looked up before the body is read. */
async function accidentCase({
  deps,
  params,
}: {
  deps: RouteDeps;
  params: { claimNumber: string };
}): Promise<ClaimRow> {
  const claim = await deps.stores.claims.find(params.claimNumber);
  if (!claim) throw problems.notFound();
  return claim;
}

/** A death claim has no finding, items or closing: 409, after the body was validated. */
function onlyAccident(claim: ClaimRow | undefined): void {
  if (claim && claim.event !== 'accident') {
    throw problems.conflict('This claim is a death claim, not an accident case.', 'wrong-state');
  }
}

/** Sends an update to the case; a validator's "field: message" refusal becomes a 422 naming the field. */
function sendAccidentUpdate<Ret, Args extends [unknown]>(
  deps: RouteDeps,
  claimNumber: string,
  update: UpdateDefinition<Ret, Args>,
  arg: Args[0],
): Promise<Ret> {
  return executeUpdate(deps.temporal, claimWorkflowId(claimNumber), update, arg, (err) => {
    if (
      err instanceof WorkflowUpdateFailedError &&
      err.cause instanceof ApplicationFailure &&
      err.cause.type === FailureType.InvalidInput
    ) {
      const [field, ...rest] = err.cause.message.split(': ');
      return rest.length > 0
        ? problems.unprocessable(field!, rest.join(': '))
        : problems.unprocessable('(body)', err.cause.message);
    }
    return toHttpProblem(err);
  });
}

/**
 * Employer liable: approving a payment to the employer (a reimbursement) needs the employer's proof that it paid
 * first, on the item's row or in the closing's record. The case's workflow refuses it too (its update validator).
 */
async function requireEmployerProof(
  deps: RouteDeps,
  claimNumber: string,
  target: { itemNumber: number } | 'closing',
  claim: ClaimRow,
): Promise<void> {
  // Anything else (not waiting for its decision) is the workflow's to refuse with its state.
  if (target === 'closing' && claim.status !== 'waiting_for_closing_decision') return;
  const row = await deps.stores.accidents.find(claimNumber);
  if (!row?.employer_pays_first) return;
  if (target === 'closing') {
    const closing = row.closing as { total?: number; employerPayment?: unknown } | null;
    if (!closing || !closing.total || closing.employerPayment) return;
  } else {
    const item = (await deps.stores.accidents.items(claimNumber)).find(
      (i) => i.item_number === target.itemNumber,
    );
    if (!item || item.status !== 'waiting_for_approval') return;
    if (item.pay_to !== 'employer' || item.employer_payment_ref) return;
  }
  throw problems.unprocessable(EMPLOYER_PROOF_MISSING.field, EMPLOYER_PROOF_MISSING.message);
}

const officers = CASE_STAFF;
const noSuchCase = problem('No such accident case');
const caseErrors = {
  ...staffErrors,
  404: noSuchCase,
  409: problem('The case is not in a state for this (named in detail), or closed'),
  422: problem('The field named cannot be accepted (dates, periods, amounts, items)'),
};

/**
 * One of the case's actions: `POST /claims/{claimNumber}<path>` by an officer or supervisor, found as an accident case
 * before the body is read, then (after `check`, an early refusal the workflow also makes) one update to the case.
 */
function caseAction<B extends z.ZodType, Ret, Arg>(action: {
  operationId: string;
  summary: string;
  path: string;
  body: B;
  update: UpdateDefinition<Ret, [Arg]>;
  request: (actor: Actor, body: z.output<B>) => Arg;
  created?: string;
  check?: (deps: RouteDeps, claimNumber: string, body: z.output<B>, claim: ClaimRow) => Promise<void>;
}) {
  return route({
    operationId: action.operationId,
    summary: action.summary,
    method: 'post',
    path: `/claims/:claimNumber${action.path}`,
    access: { staff: officers },
    request: { params: claimNumberParam, body: action.body },
    responses: action.created
      ? { 201: json('object', action.created), ...caseErrors }
      : { 200: json(), ...caseErrors },
    find: accidentCase,
    async handle({ deps, found, params, actor, body: valid, res }) {
      onlyAccident(found);
      const body = valid as z.output<B>; // the route's body schema is `action.body`: the router parsed it
      await action.check?.(deps, params.claimNumber, body, found!);
      const answer = await sendAccidentUpdate(
        deps,
        params.claimNumber,
        action.update,
        action.request(actor!, body),
      );
      res.status(action.created ? 201 : 200).json(answer);
    },
  });
}

const ITEM_CREATED = 'The item, its number, amount and status';

export const recordFinding = caseAction({
  operationId: 'recordAccidentFinding',
  summary: "Record the investigation's finding: work accident or not, with reasons (officer)",
  path: '/finding',
  body: findingBody,
  update: recordFindingUpdate,
  request: (actor, body) => ({ actor, ...body }),
});

export const confirmFinding = caseAction({
  operationId: 'confirmAccidentFinding',
  summary: 'Confirm or send back the finding (a second staff member, never the one who recorded it)',
  path: '/finding/confirmation',
  body: decisionOnBody,
  update: confirmFindingUpdate,
  request: (actor, body) => ({ actor, ...body }),
});

export const recordTreatment = caseAction({
  operationId: 'recordAccidentTreatment',
  summary: 'Record a treatment bill or receipt; with mode, a transport claim capped per mode (officer)',
  path: '/treatments',
  body: treatmentBody,
  update: recordItemUpdate,
  request: (actor, treatment) => ({ actor, kind: 'treatment' as const, treatment }),
  created: ITEM_CREATED,
});

export const recordIncapacity = caseAction({
  operationId: 'recordAccidentIncapacity',
  summary: 'Record a period the doctor certifies the worker unable to work (STMB), priced at once (officer)',
  path: '/incapacity',
  body: incapacityBody,
  update: recordItemUpdate,
  request: (actor, incapacity) => ({ actor, kind: 'incapacity' as const, incapacity }),
  created: ITEM_CREATED,
});

export const verifyItem = caseAction({
  operationId: 'verifyAccidentItem',
  summary: 'Verify a bill, transport claim or STMB period (officer)',
  path: '/items/verification',
  body: itemVerificationBody,
  update: verifyItemUpdate,
  request: (actor, body) => ({
    actor,
    itemNumber: body.itemNumber,
    ...(body.note ? { note: body.note } : {}),
  }),
});

export const decideItem = caseAction({
  operationId: 'decideAccidentItem',
  summary:
    'Approve (it is then paid once) or refuse an item (never its recorder or verifier; supervisor above Rp 200,000,000)',
  path: '/items/decision',
  body: itemDecisionBody,
  update: decideItemUpdate,
  request: (actor, body) => ({ actor, ...body }),
  check: async (deps, claimNumber, body, claim) => {
    if (body.decision === 'approve')
      await requireEmployerProof(deps, claimNumber, { itemNumber: body.itemNumber }, claim);
  },
});

export const replaceItemAccount = caseAction({
  operationId: 'replaceAccidentItemAccount',
  summary:
    "Give a new account for an item whose payment the bank refused; it waits for another person's approval (officer)",
  path: '/items/bank-account',
  body: itemAccountBody,
  update: replaceItemAccountUpdate,
  request: (actor, body) => ({ actor, ...body }),
});

export const submitClosing = caseAction({
  operationId: 'submitAccidentClosing',
  summary: "The doctor's closing statement (stage II) with the outcome, priced by the rules (officer)",
  path: '/closing',
  body: closingBody,
  update: submitClosingUpdate,
  request: (actor, closing) => ({ actor, closing }),
});

export const decideClosing = caseAction({
  operationId: 'decideAccidentClosing',
  summary: 'Approve or send back the closing (never its submitter; supervisor above Rp 200,000,000)',
  path: '/closing/decision',
  body: decisionOnBody,
  update: decideClosingUpdate,
  request: (actor, body) => ({ actor, ...body }),
  check: async (deps, claimNumber, body, claim) => {
    if (body.decision === 'approve') await requireEmployerProof(deps, claimNumber, 'closing', claim);
  },
});

export const recordEmployerPayment = caseAction({
  operationId: 'recordAccidentEmployerPayment',
  summary:
    "Employer liable: the employer's proof that it paid first (transfer or receipt), for an item (itemNumber) or the closing, before approval (officer)",
  path: '/employer-payment',
  body: employerPaymentBody,
  update: recordEmployerPaymentUpdate,
  request: (actor, body) => ({ actor, ...body }),
});

export const recordReturnToWork = caseAction({
  operationId: 'recordReturnToWork',
  summary: 'Return to work: enrol the worker, then record the plan, the training and the outcome (officer)',
  path: '/return-to-work',
  body: returnToWorkBody,
  update: returnToWorkUpdate,
  request: (actor, step) => ({ actor, step }),
});
