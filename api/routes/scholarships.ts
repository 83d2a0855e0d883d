// Scholarship routes: proof of enrolment (officer, or the family with its tracking code) and its review by a second
// staff member, a replacement bank account after a refusal and its review by another staff member, life events
// (officer), and the officer's choice of
// children on a claim.
import {
  chooseScholarshipChildrenUpdate,
  reportLifeEventUpdate,
  reviewEnrollmentUpdate,
  submitEnrollmentUpdate,
} from '../../vocabulary/messages/scholarship';
import { schoolYearName } from '../../rules/school';
import { checkProofReviewer } from '../maker-checker';
import { claimWorkflowId } from '../../vocabulary/ids';
import { reviewAccountChangeUpdate, updateBankAccountUpdate } from '../../vocabulary/messages/claim';
import { checkAccountReviewer } from '../maker-checker';
import { familyOfScholarship } from '../middleware/family-access';
import { problems } from '../middleware/problem';
import { accountReviewBody, bankAccountBody, claimNumberParam } from '../schemas/claims';
import {
  enrollmentBody,
  enrollmentYearParam,
  lifeEventBody,
  proofReviewBody,
  scholarshipChoiceBody,
  scholarshipIdParam,
} from '../schemas/scholarships';
import { sendUpdate } from '../temporal/updates';
import { json, problem, route, staffErrors, staffOrFamilyErrors, type RouteDeps } from './route';
import { CASE_STAFF } from '../../vocabulary/actors';

const officers = CASE_STAFF;
const ENDED = 'The scholarship has ended.';

/** The scholarship the path names, or 404 (staff; the family's code was checked against its claim). */
async function existingScholarship({ deps, params }: { deps: RouteDeps; params: { id: string } }) {
  const claimNumber = await deps.stores.scholarships.claimNumberOf(params.id);
  if (claimNumber === undefined) throw problems.notFound('No such scholarship.');
  return claimNumber;
}

export const submitEnrollment = route({
  operationId: 'submitEnrollment',
  summary: 'Proof of enrolment for a school year (officer, or the family with X-Tracking-Code)',
  method: 'post',
  path: '/scholarships/:id/enrollments',
  access: { staff: officers, family: familyOfScholarship },
  request: { params: scholarshipIdParam, body: enrollmentBody },
  responses: {
    200: json(
      'object',
      'Received: whether the year is payable and the amount, paid once a staff member other than the sender confirms it',
    ),
    ...staffOrFamilyErrors,
    404: problem('No such scholarship, or a wrong tracking code'),
    409: problem('Wrong school year, window not open, impossible level jump, duplicate, or ended'),
  },
  find: existingScholarship,
  async handle({ deps, params, actor, body, res }) {
    res.json(
      await sendUpdate(
        deps.temporal,
        params.id,
        submitEnrollmentUpdate,
        { actor: actor!, ...body },
        'grade',
        ENDED,
      ),
    );
  },
});

export const reviewEnrollment = route({
  operationId: 'reviewEnrollment',
  summary:
    'Confirm or reject the proof of enrolment waiting for review (officer, supervisor; never the staff member who sent it)',
  method: 'post',
  path: '/scholarships/:id/enrollments/:year/review',
  access: { staff: officers },
  request: { params: enrollmentYearParam, body: proofReviewBody },
  responses: {
    200: json(
      'object',
      'The decision; confirmed: whether the year is payable and the amount; rejected: the new deadline',
    ),
    ...staffErrors,
    403: problem('Wrong role, or the staff member who sent the proof (maker-checker)'),
    404: problem('No such scholarship'),
    409: problem('No proof of that school year waits for review, or the scholarship has ended'),
  },
  find: ({ deps, params }) => existingScholarship({ deps, params }),
  async handle({ deps, params, staff, actor, body, res }) {
    const schoolYear = schoolYearName(Number(params.year));
    await checkProofReviewer(deps.stores, params.id, schoolYear, staff!);
    const review = { actor: actor!, schoolYear, decision: body.decision, reason: body.reason };
    res.json(await sendUpdate(deps.temporal, params.id, reviewEnrollmentUpdate, review, 'reason', ENDED));
  },
});

export const replaceScholarshipBankAccount = route({
  operationId: 'replaceScholarshipBankAccount',
  summary:
    'Propose an account in place of one the bank refused for a scholarship year (officer, or the family); it waits for review',
  method: 'post',
  path: '/scholarships/:id/bank-account',
  access: { staff: officers, family: familyOfScholarship },
  request: { params: scholarshipIdParam, body: bankAccountBody },
  responses: {
    200: json(),
    ...staffOrFamilyErrors,
    404: problem('No such scholarship, or a wrong tracking code'),
    409: problem('The scholarship is not waiting for a bank account'),
  },
  find: existingScholarship,
  async handle({ deps, params, actor, body, res }) {
    const update = { actor: actor!, bankAccount: body };
    res.json(await sendUpdate(deps.temporal, params.id, updateBankAccountUpdate, update, '(body)', ENDED));
  },
});

export const reviewScholarshipBankAccount = route({
  operationId: 'reviewScholarshipBankAccount',
  summary:
    "Approve or reject a scholarship's proposed account (officer; never the filer, verifier or proposer; a supervisor for a holder who is neither the child nor the guardian)",
  method: 'post',
  path: '/scholarships/:id/bank-account/review',
  access: { staff: officers },
  request: { params: scholarshipIdParam, body: accountReviewBody },
  responses: {
    200: json('object', 'The decision, and the account revision paid to from now on'),
    ...staffErrors,
    404: problem('No such scholarship'),
    409: problem('No account is waiting for review, or the scholarship has ended'),
    422: problem('The review cannot be recorded as given'),
  },
  find: existingScholarship,
  async handle({ deps, params, found, staff, actor, body, res }) {
    const claim = await deps.stores.claims.find(found!);
    if (!claim) throw problems.notFound('No such scholarship.');
    // A scholarship never pays a child more than Rp 87,000,000: below the supervisor threshold.
    await checkAccountReviewer(deps.stores, claim, params.id, staff!, body, async () => undefined);
    const review = { actor: actor!, ...body };
    res.json(await sendUpdate(deps.temporal, params.id, reviewAccountChangeUpdate, review, '(body)', ENDED));
  },
});

export const reportLifeEvent = route({
  operationId: 'reportLifeEvent',
  summary:
    'Report a marriage, work or death (officer): whether it ends the scholarship (2025 work exception)',
  method: 'post',
  path: '/scholarships/:id/life-events',
  access: { staff: officers },
  request: { params: scholarshipIdParam, body: lifeEventBody },
  responses: {
    200: json('object', 'stops, and the reason'),
    ...staffErrors,
    404: problem('No such scholarship'),
    409: problem('The scholarship has ended'),
  },
  find: existingScholarship,
  async handle({ deps, params, actor, body, res }) {
    res.json(
      await sendUpdate(
        deps.temporal,
        params.id,
        reportLifeEventUpdate,
        { actor: actor!, ...body },
        'work',
        ENDED,
      ),
    );
  },
});

export const chooseScholarshipChildren = route({
  operationId: 'chooseScholarshipChildren',
  summary:
    'Choose which children receive a scholarship when more qualify than may (officer); who chose is recorded',
  method: 'post',
  path: '/claims/:claimNumber/scholarship-children',
  access: { staff: officers },
  request: { params: claimNumberParam, body: scholarshipChoiceBody },
  responses: {
    200: json('object', 'The children chosen, by position on the claim'),
    ...staffErrors,
    404: problem('No such claim'),
    409: problem('No choice is needed, or it was already made'),
    422: problem('A child that does not qualify, or the wrong number of children (field: children)'),
  },
  async find({ deps, params }) {
    if (!(await deps.stores.claims.find(params.claimNumber))) throw problems.notFound();
  },
  async handle({ deps, params, actor, body, res }) {
    const choice = {
      actor: actor!,
      children: body.children,
      ...(body.reason ? { reason: body.reason } : {}),
    };
    const workflowId = claimWorkflowId(params.claimNumber);
    res.json(
      await sendUpdate(
        deps.temporal,
        workflowId,
        chooseScholarshipChildrenUpdate,
        choice,
        'children',
        'The claim is closed.',
      ),
    );
  },
});
