// An accident case's routes (JKK, the worker lives): the finding and its confirmation, bills and STMB periods with
// their two-person review, the closing (stage II) and its decision, return to work, and staff's view. Each sends
// an update to the case's workflow, whose validator refuses the wrong actor, state or input before anything is
// recorded; a refusal naming a field becomes a 422 naming it.
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure, type UpdateDefinition } from '@temporalio/common';
import type { ClaimRow } from '../../db/stores';
import {
  closingBody,
  decisionOnBody,
  findingBody,
  incapacityBody,
  itemVerificationBody,
  returnToWorkBody,
  treatmentBody,
} from '../../vocabulary/accident';
import { CASE_STAFF, STAFF_ROLES } from '../../vocabulary/actors';
import { FailureType } from '../../vocabulary/failures';
import { claimWorkflowId } from '../../vocabulary/ids';
import {
  confirmFindingUpdate,
  decideClosingUpdate,
  decideItemUpdate,
  recordFindingUpdate,
  recordItemUpdate,
  returnToWorkUpdate,
  submitClosingUpdate,
  verifyItemUpdate,
} from '../../vocabulary/messages/accident';
import { problems } from '../middleware/problem';
import { itemParam } from '../schemas/accidents';
import { claimNumberParam } from '../schemas/claims';
import { executeUpdate, toHttpProblem } from '../temporal/updates';
import { staffAccidentView } from '../views/accidents';
import { json, problem, route, staffErrors, type RouteDeps } from './route';

/** The accident case the path names, or 404 (a death claim is not an accident case). */
async function accidentCase({
  deps,
  params,
}: {
  deps: RouteDeps;
  params: { claimNumber: string };
}): Promise<ClaimRow> {
  const claim = await deps.stores.claims.find(params.claimNumber);
  if (!claim || claim.event !== 'accident') throw problems.notFound('No such accident case.');
  return claim;
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

const officers = CASE_STAFF;
const noSuchCase = problem('No such accident case');
const caseErrors = {
  ...staffErrors,
  404: noSuchCase,
  409: problem('The case is not in a state for this (named in detail), or closed'),
  422: problem('The field named cannot be accepted (dates, periods, amounts, items)'),
};

export const recordFinding = route({
  operationId: 'recordAccidentFinding',
  summary: "Record the investigation's finding: work accident or not, with reasons (officer)",
  method: 'post',
  path: '/claims/:claimNumber/finding',
  access: { staff: officers },
  request: { params: claimNumberParam, body: findingBody },
  responses: { 200: json(), ...caseErrors },
  find: accidentCase,
  async handle({ deps, params, actor, body, res }) {
    res.json(
      await sendAccidentUpdate(deps, params.claimNumber, recordFindingUpdate, { actor: actor!, ...body }),
    );
  },
});

export const confirmFinding = route({
  operationId: 'confirmAccidentFinding',
  summary: 'Confirm or send back the finding (a second staff member, never the one who recorded it)',
  method: 'post',
  path: '/claims/:claimNumber/finding/confirmation',
  access: { staff: officers },
  request: { params: claimNumberParam, body: decisionOnBody },
  responses: { 200: json(), ...caseErrors },
  find: accidentCase,
  async handle({ deps, params, actor, body, res }) {
    res.json(
      await sendAccidentUpdate(deps, params.claimNumber, confirmFindingUpdate, { actor: actor!, ...body }),
    );
  },
});

export const recordTreatment = route({
  operationId: 'recordAccidentTreatment',
  summary: 'Record a treatment bill or receipt; with mode, a transport claim capped per mode (officer)',
  method: 'post',
  path: '/claims/:claimNumber/treatments',
  access: { staff: officers },
  request: { params: claimNumberParam, body: treatmentBody },
  responses: { 201: json('object', 'The item, its number, amount and status'), ...caseErrors },
  find: accidentCase,
  async handle({ deps, params, actor, body, res }) {
    res
      .status(201)
      .json(
        await sendAccidentUpdate(deps, params.claimNumber, recordItemUpdate, {
          actor: actor!,
          kind: 'treatment',
          treatment: body,
        }),
      );
  },
});

export const recordIncapacity = route({
  operationId: 'recordAccidentIncapacity',
  summary: 'Record a period the doctor certifies the worker unable to work (STMB), priced at once (officer)',
  method: 'post',
  path: '/claims/:claimNumber/incapacity',
  access: { staff: officers },
  request: { params: claimNumberParam, body: incapacityBody },
  responses: { 201: json('object', 'The item, its number, amount and status'), ...caseErrors },
  find: accidentCase,
  async handle({ deps, params, actor, body, res }) {
    res
      .status(201)
      .json(
        await sendAccidentUpdate(deps, params.claimNumber, recordItemUpdate, {
          actor: actor!,
          kind: 'incapacity',
          incapacity: body,
        }),
      );
  },
});

export const verifyItem = route({
  operationId: 'verifyAccidentItem',
  summary: 'Verify a bill, transport claim or STMB period (officer)',
  method: 'post',
  path: '/claims/:claimNumber/items/:itemNumber/verification',
  access: { staff: officers },
  request: { params: itemParam, body: itemVerificationBody },
  responses: { 200: json(), ...caseErrors },
  find: accidentCase,
  async handle({ deps, params, actor, body, res }) {
    res.json(
      await sendAccidentUpdate(deps, params.claimNumber, verifyItemUpdate, {
        actor: actor!,
        itemNumber: params.itemNumber,
        ...(body.note ? { note: body.note } : {}),
      }),
    );
  },
});

export const decideItem = route({
  operationId: 'decideAccidentItem',
  summary:
    'Approve (it is then paid once) or refuse an item (never its recorder or verifier; supervisor above Rp 200,000,000)',
  method: 'post',
  path: '/claims/:claimNumber/items/:itemNumber/decision',
  access: { staff: officers },
  request: { params: itemParam, body: decisionOnBody },
  responses: { 200: json(), ...caseErrors },
  find: accidentCase,
  async handle({ deps, params, actor, body, res }) {
    res.json(
      await sendAccidentUpdate(deps, params.claimNumber, decideItemUpdate, {
        actor: actor!,
        itemNumber: params.itemNumber,
        ...body,
      }),
    );
  },
});

export const submitClosing = route({
  operationId: 'submitAccidentClosing',
  summary: "The doctor's closing statement (stage II) with the outcome, priced by the rules (officer)",
  method: 'post',
  path: '/claims/:claimNumber/closing',
  access: { staff: officers },
  request: { params: claimNumberParam, body: closingBody },
  responses: { 200: json(), ...caseErrors },
  find: accidentCase,
  async handle({ deps, params, actor, body, res }) {
    res.json(
      await sendAccidentUpdate(deps, params.claimNumber, submitClosingUpdate, {
        actor: actor!,
        closing: body,
      }),
    );
  },
});

export const decideClosing = route({
  operationId: 'decideAccidentClosing',
  summary: 'Approve or send back the closing (never its submitter; supervisor above Rp 200,000,000)',
  method: 'post',
  path: '/claims/:claimNumber/closing/decision',
  access: { staff: officers },
  request: { params: claimNumberParam, body: decisionOnBody },
  responses: { 200: json(), ...caseErrors },
  find: accidentCase,
  async handle({ deps, params, actor, body, res }) {
    res.json(
      await sendAccidentUpdate(deps, params.claimNumber, decideClosingUpdate, { actor: actor!, ...body }),
    );
  },
});

export const recordReturnToWork = route({
  operationId: 'recordReturnToWork',
  summary: 'Return to work: enrol the worker, then record the plan, the training and the outcome (officer)',
  method: 'post',
  path: '/claims/:claimNumber/return-to-work',
  access: { staff: officers },
  request: { params: claimNumberParam, body: returnToWorkBody },
  responses: { 200: json(), ...caseErrors },
  find: accidentCase,
  async handle({ deps, params, actor, body, res }) {
    res.json(
      await sendAccidentUpdate(deps, params.claimNumber, returnToWorkUpdate, { actor: actor!, step: body }),
    );
  },
});

export const getAccident = route({
  operationId: 'getAccidentCase',
  summary: 'An accident case: the finding, each item with who reviewed it, the closing (staff)',
  method: 'get',
  path: '/claims/:claimNumber/accident',
  access: { staff: STAFF_ROLES },
  request: { params: claimNumberParam },
  responses: { 200: json(), ...staffErrors, 404: noSuchCase },
  find: accidentCase,
  async handle({ deps, found, res }) {
    res.json(await staffAccidentView(deps.stores, found!));
  },
});
