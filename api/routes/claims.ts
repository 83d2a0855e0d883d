// Claims: intake (officer), the work queue and a claim's detail (staff), verification and decision (officer or
// supervisor), a replacement bank account (officer, supervisor, or the family with its tracking code) and its review
// by another staff member (a change of payee takes two people).
import type { ClaimCursor, ClaimRow } from '../../db/stores';
import { BEFORE_DECISION, BEFORE_DOCUMENTS, type ClaimStatus } from '../../vocabulary/status';
import {
  decideBackdatingUpdate,
  decideUpdate,
  reviewAccountChangeUpdate,
  updateBankAccountUpdate,
  verifyUpdate,
} from '../../vocabulary/messages/claim';
import { backdatingRefusal } from '../../rules';
import { checkAccountReviewer, checkDecider, makerCheckerProblem } from '../maker-checker';
import { familyOfClaim } from '../middleware/family-access';
import { problems } from '../middleware/problem';
import {
  accountReviewBody,
  backdatingDecisionBody,
  bankAccountBody,
  claimNumberParam,
  claimOrAccidentBody,
  claimOrAccidentProblem,
  createdClaimResponse,
  decisionBody,
  decodeCursor,
  idempotencyKeyHeader,
  issuedTrackingCodeResponse,
  listClaimsQuery,
  trackingCodeBody,
  verificationBody,
} from '../schemas/claims';
import { hashTrackingCode, newTrackingCode } from '../middleware/tracking-code';
import { startAccident } from '../temporal/accident-intake';
import { startClaim } from '../temporal/intake';
import { sendClaimUpdate } from '../temporal/updates';
import { staffAccidentView } from '../views/accidents';
import { listClaims as claimsPage, staffClaimView } from '../views/claims';
import { json, problem, route, staffErrors, staffOrFamilyErrors, type RouteDeps } from './route';
import { CASE_STAFF, STAFF_ROLES } from '../../vocabulary/actors';

/** The claim the path names, or 404: looked up before the body is read. */
async function existingClaim({ deps, params }: { deps: RouteDeps; params: { claimNumber: string } }) {
  const claim = await deps.stores.claims.find(params.claimNumber);
  if (!claim) throw problems.notFound();
  return claim;
}

/**
 * A 409 from the stored status when it shows the claim has not reached the step yet (the status the officer sees),
 * without asking the workflow: an early request costs one read, not an update and a workflow task. A status at or
 * past the step still goes to the workflow, which decides.
 */
function refuseEarly(claim: ClaimRow, before: readonly ClaimStatus[], message: string): void {
  if (claim.event !== 'accident' && before.includes(claim.status)) {
    throw problems.conflict(`${message} (status: ${claim.status}).`, 'wrong-state');
  }
}

const staff = STAFF_ROLES;
const deciders = CASE_STAFF;
const noSuchClaim = problem('No such claim');

export const createClaim = route({
  operationId: 'createClaim',
  summary: 'Start a death claim, or an accident case with program JKK and event accident (officer)',
  method: 'post',
  path: '/claims',
  access: { staff: ['officer'] },
  request: { headers: { 'Idempotency-Key': idempotencyKeyHeader.optional() }, body: claimOrAccidentBody },
  invalidBody: claimOrAccidentProblem,
  responses: {
    201: json(createdClaimResponse, 'Claim started; the tracking code is shown only now'),
    200: json(createdClaimResponse, 'The same Idempotency-Key was seen before: the same claim'),
    ...staffErrors,
    409: problem(
      'One death, one claim (or one case per accident): the death or accident is held by another claim, named in claimNumber',
    ),
    422: problem(
      'Unknown or inactive participant, impossible dates, an expired accident, or a reused Idempotency-Key',
    ),
  },
  async handle({ deps, staff, headers, body, res }) {
    const result =
      body.event === 'accident'
        ? await startAccident(deps, staff!, body, headers['Idempotency-Key'])
        : await startClaim(deps, staff!, body, headers['Idempotency-Key']);
    const status = result.replayed
      ? ((await deps.stores.claims.find(result.claimNumber))?.status ?? 'received')
      : 'received';
    res
      .status(result.replayed ? 200 : 201)
      .location(`/api/v1/claims/${result.claimNumber}`)
      .json({
        claimNumber: result.claimNumber,
        ...(result.trackingCode ? { trackingCode: result.trackingCode } : {}),
        status,
        ...('employerLiable' in result && result.employerLiable
          ? { employerLiable: result.employerLiable }
          : {}),
      });
  },
});

export const listClaims = route({
  operationId: 'listClaims',
  summary: 'Work queue (staff)',
  method: 'get',
  path: '/claims',
  access: { staff },
  request: { query: listClaimsQuery },
  responses: { 200: json('object', 'A page of claims, newest first, with nextCursor'), ...staffErrors },
  async handle({ deps, query, res }) {
    let after: ClaimCursor | undefined;
    if (query.cursor !== undefined) {
      after = decodeCursor(query.cursor);
      if (!after) throw problems.validation([{ field: 'cursor', message: 'is not a cursor from this API' }]);
    }
    res.json(await claimsPage(deps.stores, { status: query.status, limit: query.limit, after }));
  },
});

export const getClaim = route({
  operationId: 'getClaim',
  summary: 'A claim with its assessment, payouts and events (staff)',
  method: 'get',
  path: '/claims/:claimNumber',
  access: { staff },
  request: { params: claimNumberParam },
  responses: { 200: json(), ...staffErrors, 404: noSuchClaim },
  // The claim and everything shown with it, in one statement.
  async find({ deps, params }) {
    const read = await deps.stores.claimViews.staff(params.claimNumber);
    if (!read) throw problems.notFound();
    return read;
  },
  async handle({ deps, found, res }) {
    const view = staffClaimView(found!);
    // An accident case adds its finding, items (with who reviewed each) and closing.
    res.json(
      found!.claim.event === 'accident'
        ? { ...view, accident: await staffAccidentView(deps.stores, found!.claim) }
        : view,
    );
  },
});

export const verifyDocuments = route({
  operationId: 'verifyDocuments',
  summary: 'Documents checklist (officer)',
  method: 'post',
  path: '/claims/:claimNumber/verification',
  access: { staff: deciders },
  request: { params: claimNumberParam, body: verificationBody },
  responses: {
    200: json('object', 'complete, and the missing documents'),
    ...staffErrors,
    404: noSuchClaim,
    409: problem('The claim is not waiting for documents'),
  },
  find: existingClaim,
  async handle({ deps, found, actor, body, res }) {
    refuseEarly(found!, BEFORE_DOCUMENTS, 'The claim is not waiting for documents');
    const result = await sendClaimUpdate(deps.temporal, found!.claim_number, verifyUpdate, {
      actor: actor!,
      checklist: body.checklist,
      ...(body.note ? { note: body.note } : {}),
    });
    res.json(result);
  },
});

export const decideClaim = route({
  operationId: 'decideClaim',
  summary: 'Approve or reject (officer; supervisor above Rp 200,000,000; never the verifier)',
  method: 'post',
  path: '/claims/:claimNumber/decision',
  access: { staff: deciders },
  request: { params: claimNumberParam, body: decisionBody },
  responses: {
    200: json(),
    ...staffErrors,
    404: noSuchClaim,
    409: problem('Not verified yet, already decided, or closed'),
  },
  find: existingClaim,
  async handle({ deps, found, staff, actor, body, res }) {
    refuseEarly(found!, BEFORE_DECISION, 'The claim cannot be decided before its documents are verified');
    await checkDecider(deps.stores, found!, staff!, body.decision);
    const result = await sendClaimUpdate(deps.temporal, found!.claim_number, decideUpdate, {
      actor: actor!,
      decision: body.decision,
      reason: body.reason,
    });
    res.json(result);
  },
});

export const replaceClaimBankAccount = route({
  operationId: 'replaceClaimBankAccount',
  summary:
    'Propose an account in place of a refused one (officer, or the family with X-Tracking-Code); it waits for review',
  method: 'post',
  path: '/claims/:claimNumber/bank-account',
  access: { staff: deciders, family: familyOfClaim },
  request: { params: claimNumberParam, body: bankAccountBody },
  responses: {
    200: json(),
    ...staffOrFamilyErrors,
    404: problem('No such claim, or a wrong tracking code'),
    409: problem('The claim is not waiting for a bank account'),
  },
  find: existingClaim,
  async handle({ deps, params, actor, body, res }) {
    const result = await sendClaimUpdate(deps.temporal, params.claimNumber, updateBankAccountUpdate, {
      actor: actor!,
      bankAccount: body,
    });
    res.json(result);
  },
});

export const reissueTrackingCode = route({
  operationId: 'reissueTrackingCode',
  summary: "Issue the family a new tracking code, recording how the family's identity was checked (officer)",
  method: 'post',
  path: '/claims/:claimNumber/tracking-code',
  access: { staff: deciders },
  request: { params: claimNumberParam, body: trackingCodeBody },
  responses: {
    201: json(
      issuedTrackingCodeResponse,
      'The new code, shown only now; the old one no longer opens the claim',
    ),
    ...staffErrors,
    404: noSuchClaim,
  },
  find: existingClaim,
  async handle({ deps, found, staff, body, res }) {
    // The code lost with the answer to POST /claims, or forgotten: the family's access moves to the new code at once.
    const trackingCode = newTrackingCode();
    const issued = await deps.stores.claims.reissueTrackingCode(
      found!.claim_number,
      hashTrackingCode(trackingCode, deps.trackingCodeSecret),
      {
        issuedBy: staff!.id,
        identityCheck: body.identityCheck,
      },
    );
    if (!issued) throw problems.notFound();
    res.status(201).json({ claimNumber: found!.claim_number, trackingCode });
  },
});

export const decideClaimDate = route({
  operationId: 'decideClaimDate',
  summary: 'Approve or refuse a backdated claim date, with a reason (supervisor; never the filer)',
  method: 'post',
  path: '/claims/:claimNumber/backdating-decision',
  access: { staff: ['supervisor'] },
  request: { params: claimNumberParam, body: backdatingDecisionBody },
  responses: {
    200: json('object', 'The decision, and the claim date the claim goes on with'),
    ...staffErrors,
    404: noSuchClaim,
    409: problem('The claim is not waiting for its claim date to be approved'),
  },
  find: existingClaim,
  async handle({ deps, found, staff, actor, body, res }) {
    // The filer may not approve their own date: refused from the projection, and again by the workflow's validator.
    const refusal = backdatingRefusal({
      deciderId: staff!.id,
      deciderRole: staff!.role,
      filedBy: found!.created_by,
    });
    if (refusal) throw makerCheckerProblem(refusal.rule, refusal.message);
    const result = await sendClaimUpdate(deps.temporal, found!.claim_number, decideBackdatingUpdate, {
      actor: actor!,
      decision: body.decision,
      reason: body.reason,
    });
    res.json(result);
  },
});

export const reviewClaimBankAccount = route({
  operationId: 'reviewClaimBankAccount',
  summary:
    'Approve or reject a proposed account (officer; never the filer, verifier or proposer; supervisor above Rp 200,000,000 or for a holder who is not an heir)',
  method: 'post',
  path: '/claims/:claimNumber/bank-account/review',
  access: { staff: deciders },
  request: { params: claimNumberParam, body: accountReviewBody },
  responses: {
    200: json('object', 'The decision, and the account revision paid to from now on'),
    ...staffErrors,
    404: noSuchClaim,
    409: problem('No account is waiting for review, or the claim is closed'),
    422: problem('The review cannot be recorded as given'),
  },
  find: existingClaim,
  async handle({ deps, found, staff, actor, body, res }) {
    const claim = found!;
    await checkAccountReviewer(deps.stores, claim, claim.claim_number, staff!, body, async () =>
      Number((await deps.stores.claims.assessment(claim.claim_number))?.total ?? 0),
    );
    const result = await sendClaimUpdate(deps.temporal, claim.claim_number, reviewAccountChangeUpdate, {
      actor: actor!,
      ...body,
    });
    res.json(result);
  },
});
