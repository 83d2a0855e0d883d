// The scholarship's messages: the scholarshipState query and the submitEnrollment, reportLifeEvent,
// updateBankAccount and reviewAccountChange updates, each a named handler with a named validator. A flag a handler raises while it records
// is lowered in finally, so an activity that fails for good fails that update and leaves the next one possible.
import { proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { lifeEventDecision } from '../rules/scholarship-life-events';
import { ageMisfit } from '../rules/school-ages';
import { RECORDING } from './activity-options';
import { isAuditor, isOfficerOrSupervisor, refuse } from './actors';
import { actorId } from '../vocabulary/actors';
import { FailureType } from '../vocabulary/failures';
import {
  reportLifeEventUpdate,
  reviewEnrollmentUpdate,
  scholarshipStateQuery,
  submitEnrollmentUpdate,
  type EnrollmentRequest,
  type EnrollmentResult,
  type LifeEventRequest,
  type LifeEventResult,
  type ProofReviewRequest,
  type ProofReviewResult,
} from '../vocabulary/messages/scholarship';
import { proofReviewRefusal } from '../rules/maker-checker';
import { jakartaDate, jakartaEndOfDay } from '../rules/jakarta-time';
import {
  reviewAccountChangeUpdate,
  updateBankAccountUpdate,
  type ReviewAccountChangeRequest,
  type ReviewAccountChangeResult,
  type UpdateBankAccountRequest,
  type UpdateBankAccountResult,
} from '../vocabulary/messages/claim';
import { accountChangeReviewed, validateAccountReview } from './account-review';
import type { ScholarshipRun } from './scholarship-run';
import { DAY_MS, impossibleStep, schoolYearFirstDay, yearAmount } from './scholarship-year';

const records = proxyActivities<Activities>(RECORDING);

/** Registers the scholarship's query and updates: call before the run's first await. */
export function registerScholarshipHandlers(run: ScholarshipRun): void {
  setHandler(scholarshipStateQuery, () => run.state());

  // An update: the family learns at once whether the proof was accepted and what the year pays.
  setHandler(submitEnrollmentUpdate, (request) => submitEnrollment(run, request), {
    validator: (request) => validateEnrollment(run, request),
  });

  // An update: the reviewer learns at once that they may not review their own proof, and what the year pays.
  setHandler(reviewEnrollmentUpdate, (request) => reviewEnrollment(run, request), {
    validator: (request) => validateReview(run, request),
  });

  // An update: the officer learns at once whether the event ends the scholarship (the 2025 work exception).
  setHandler(reportLifeEventUpdate, (request) => reportLifeEvent(run, request), {
    validator: (request) => validateLifeEvent(run, request),
  });

  // An update: the family or officer learns at once whether the scholarship was waiting for a new account.
  setHandler(
    updateBankAccountUpdate,
    (request) =>
      accountChangeReviewed() ? proposeBankAccount(run, request) : replaceBankAccount(run, request),
    { validator: (request) => validateBankAccount(run, request) },
  );

  // An update: the reviewer learns at once whether they may review it (maker-checker) and what is paid to now.
  setHandler(reviewAccountChangeUpdate, (request) => reviewAccountChange(run, request), {
    validator: (request) =>
      validateAccountReview(
        {
          waiting: run.status === 'waiting_for_account_review' && !run.stop && !run.stopping,
          proposal: run.proposal,
          filedBy: run.proposal?.filedBy,
          verifiedBy: run.proposal?.verifiedBy,
          // A child's scholarship pays at most Rp 87,000,000: never above the supervisor threshold.
          amount: run.rule.perChildCap - run.c.totalPaid,
        },
        request,
      ),
  });
}

/**
 * Records the proof of enrolment. Since patch enrolment-proof-reviewed it waits for a staff member other than its
 * sender to confirm it (reviewEnrollment); before, the main path paid the year for the level attended at once.
 */
async function submitEnrollment(run: ScholarshipRun, request: EnrollmentRequest): Promise<EnrollmentResult> {
  run.proofPending = true;
  const reviewed = run.proofsReviewed;
  try {
    const amount = yearAmount(run.c, run.rule, request.level);
    const result: EnrollmentResult = {
      schoolYear: request.schoolYear,
      level: request.level,
      grade: request.grade,
      payable: amount.payable,
      amount: amount.amount,
      reason: amount.reason,
      ...(reviewed ? { review: 'pending' as const } : {}),
    };
    const submittedBy = actorId(request.actor);
    const event = run.event('enrollment_submitted', submittedBy, {
      schoolYear: request.schoolYear,
      level: request.level,
      grade: request.grade,
      graduated: request.graduated ?? false,
    });
    if (reviewed) run.status = 'proof_under_review';
    await records.recordScholarship(run.ref, event, run.projection(), {
      year: {
        schoolYear: request.schoolYear,
        status: reviewed ? 'proof_under_review' : 'proof_received',
        level: request.level,
        grade: request.grade,
        institution: request.institution,
        documentReference: request.documentReference,
        graduated: request.graduated ?? false,
        submittedBy,
      },
      ...(reviewed
        ? {
            notifyOfficers: {
              kind: `proof_review:${request.schoolYear}:${event.seq}`,
              message: `Scholarship ${run.ref.workflowId}: the proof of enrolment for ${request.schoolYear} (${request.level} ${request.grade}) waits for review${request.actor.kind === 'staff' ? ` by a staff member other than ${submittedBy}` : ''}.`,
            },
          }
        : {}),
    });
    if (reviewed) run.underReview = { request, result, submittedBy };
    else run.accepted = { request, result };
    return result;
  } finally {
    run.proofPending = false;
    if (reviewed && !run.underReview && run.status === 'proof_under_review') run.status = 'waiting_for_proof';
  }
}

/**
 * Records a staff member's review of the proof waiting for review: confirmed, the main path pays the year; rejected,
 * the window stays open for another proof (at least `resubmitDays` more) and the family is told why.
 */
async function reviewEnrollment(
  run: ScholarshipRun,
  request: ProofReviewRequest,
): Promise<ProofReviewResult> {
  const proof = run.underReview!;
  const confirmed = request.decision === 'confirm';
  const before = { status: run.status, deadlineAt: run.deadlineAt };
  const deadlineAt = confirmed
    ? run.deadlineAt!
    : Math.max(run.deadlineAt!, jakartaEndOfDay(jakartaDate(Date.now() + run.options.resubmitDays * DAY_MS)));
  const deadline = jakartaDate(deadlineAt - 1);
  const reviewedBy = actorId(request.actor);
  run.reviewing = true;
  run.status = !confirmed ? 'waiting_for_proof' : proof.result.payable ? 'paying' : 'waiting_for_school_year';
  run.deadlineAt = deadlineAt;
  let recorded = false;
  try {
    const event = run.event('enrollment_reviewed', reviewedBy, {
      schoolYear: request.schoolYear,
      decision: request.decision,
      reason: request.reason,
      submittedBy: proof.submittedBy,
    });
    await records.recordScholarship(run.ref, event, run.projection(), {
      year: {
        schoolYear: request.schoolYear,
        status: confirmed ? 'proof_received' : 'proof_rejected',
        review: { reviewedBy, decision: request.decision, reason: request.reason },
        ...(confirmed ? {} : { deadline }),
      },
      ...(confirmed
        ? {}
        : {
            notify: {
              kind: `proof_rejected:${request.schoolYear}:${event.seq}`,
              message: `The proof of enrolment for ${request.schoolYear} was not accepted: ${request.reason} Please send another by ${deadline}.`,
            },
          }),
    });
    recorded = true;
    run.underReview = undefined;
    if (confirmed) run.accepted = { request: proof.request, result: proof.result };
    return {
      schoolYear: request.schoolYear,
      decision: request.decision,
      payable: confirmed && proof.result.payable,
      amount: confirmed ? proof.result.amount : 0,
      ...(confirmed ? {} : { deadline }),
    };
  } finally {
    run.reviewing = false;
    // Not recorded: the proof still waits for review, under the window it had.
    if (!recorded) Object.assign(run, before);
  }
}

function validateReview(run: ScholarshipRun, { actor, schoolYear, reason }: ProofReviewRequest): void {
  if (!isOfficerOrSupervisor(actor)) {
    refuse('Only an officer or a supervisor may review proof of enrolment.', FailureType.Forbidden);
  }
  if (run.stopping || run.stop || run.ended) refuse('The scholarship has ended.', FailureType.WrongState);
  const proof = run.underReview;
  if (schoolYear !== run.schoolYear || !proof) {
    refuse(`No proof of enrolment for ${schoolYear} is waiting for review.`, FailureType.WrongState);
  }
  if (run.reviewing) refuse(`The proof for ${schoolYear} is already being reviewed.`, FailureType.WrongState);
  const refusal = proofReviewRefusal({ reviewerId: actorId(actor), submittedBy: proof.submittedBy });
  if (refusal) refuse(refusal.message, FailureType.MakerChecker);
  if (reason.trim() === '') refuse('A review needs a reason.', FailureType.InvalidInput);
}

function validateEnrollment(
  run: ScholarshipRun,
  { actor, schoolYear, level, grade }: EnrollmentRequest,
): void {
  if (isAuditor(actor)) refuse('Auditors may not submit proof of enrolment.', FailureType.Forbidden);
  if (run.stopping || run.stop || run.ended) refuse('The scholarship has ended.', FailureType.WrongState);
  if (schoolYear !== run.schoolYear) {
    const decided = run.c.years.find((y) => y.schoolYear === schoolYear);
    refuse(
      decided
        ? `The school year ${schoolYear} is already decided (${decided.outcome}).`
        : `This scholarship is waiting for proof for the school year ${run.schoolYear}, not ${schoolYear}.`,
      FailureType.WrongState,
    );
  }
  if (run.proofPending || run.accepted) {
    refuse(`Proof of enrolment for ${schoolYear} was already submitted.`, FailureType.WrongState);
  }
  if (run.underReview) {
    refuse(
      `Proof of enrolment for ${schoolYear} was already submitted and waits for review.`,
      FailureType.WrongState,
    );
  }
  if (run.status !== 'waiting_for_proof' || run.deadlineAt === undefined || Date.now() >= run.deadlineAt) {
    refuse(
      run.windowOpensAt === undefined
        ? `The enrolment window for ${schoolYear} opens on ${schoolYearFirstDay(run.c.schoolYear)}.`
        : `The enrolment window for ${schoolYear} is closed.`,
      FailureType.WrongState,
    );
  }
  const impossible = impossibleStep(run.c, level, grade, run.reported());
  if (impossible) refuse(impossible, FailureType.WrongState);
  // The first proof sets the child's place in school: it must fit the child's age (rules/school-ages.ts).
  const misfit = run.c.last
    ? undefined
    : ageMisfit(run.input.dateOfBirth, run.c.schoolYear, { level, grade });
  if (misfit) refuse(misfit, FailureType.InvalidInput);
}

/** Records a life event; one that ends the scholarship (rules/scholarship-life-events.ts) stops the main path. */
async function reportLifeEvent(run: ScholarshipRun, request: LifeEventRequest): Promise<LifeEventResult> {
  const decision = lifeEventDecision(run.rule, request);
  if (decision.stops) run.stopping = true;
  try {
    await records.recordScholarship(
      run.ref,
      run.event('life_event_reported', actorId(request.actor), {
        kind: request.kind,
        date: request.date,
        work: request.work,
        stops: decision.stops,
        reason: decision.reason,
      }),
      run.projection(),
    );
    if (decision.stops) run.stop = { reason: decision.endReason ?? request.kind, message: decision.reason };
    return { stops: decision.stops, reason: decision.reason };
  } finally {
    run.stopping = false;
  }
}

function validateLifeEvent(run: ScholarshipRun, { actor, kind, work }: LifeEventRequest): void {
  if (!isOfficerOrSupervisor(actor)) {
    refuse('Only an officer or a supervisor may report a life event.', FailureType.Forbidden);
  }
  if (run.stopping || run.stop || run.ended) refuse('The scholarship has ended.', FailureType.WrongState);
  if (kind === 'working' && !work)
    refuse('A report of work needs the kind of work.', FailureType.InvalidInput);
  if (work?.type === 'wage' && work.consecutiveMonths === undefined) {
    refuse('A report of wage work needs the number of consecutive months.', FailureType.InvalidInput);
  }
}

/** Records the proposed account; the year waits for its review and nothing is paid to it meanwhile. */
async function proposeBankAccount(
  run: ScholarshipRun,
  { actor, bankAccount }: UpdateBankAccountRequest,
): Promise<UpdateBankAccountResult> {
  const proposedBy = actorId(actor);
  const revision = run.c.accountRevision + 1;
  run.status = 'waiting_for_account_review'; // recorded in the projection, and refuses a second account meanwhile
  try {
    const event = run.event('bank_account_proposed', proposedBy, { revision });
    const checked = await records.proposeScholarshipAccountChange(run.ref, event, run.projection(), {
      proposal: event.seq,
      revision,
      account: bankAccount,
      proposedBy,
      previousHolder: run.c.account.accountName,
    });
    run.proposal = {
      seq: event.seq,
      account: bankAccount,
      proposedBy,
      proposedAt: new Date(Date.now()).toISOString(), // workflow time
      holderMatches: checked.holderMatches,
      filedBy: checked.filedBy,
      verifiedBy: checked.verifiedBy,
    };
    return { accountRevision: run.c.accountRevision, status: 'waiting_for_account_review' };
  } finally {
    // Not recorded: the scholarship is still waiting for an account (unless it ended meanwhile).
    if (!run.proposal && run.status === 'waiting_for_account_review') run.status = 'waiting_for_bank_account';
  }
}

/** Approved: the year is paid to the account from now on. Rejected: the scholarship waits for an account again. */
async function reviewAccountChange(
  run: ScholarshipRun,
  { actor, decision, identityCheck, reason }: ReviewAccountChangeRequest,
): Promise<ReviewAccountChangeResult> {
  const proposal = run.proposal!;
  const reviewedBy = actorId(actor);
  const approved = decision === 'approve';
  const revision = run.c.accountRevision + 1;
  run.status = approved ? 'paying' : 'waiting_for_bank_account'; // in the projection; refuses a second review
  let recorded = false;
  try {
    await records.reviewScholarshipAccountChange(
      run.ref,
      run.event(approved ? 'bank_account_approved' : 'bank_account_rejected', reviewedBy, {
        revision,
        proposedBy: proposal.proposedBy,
        role: actor.kind === 'staff' ? actor.role : undefined,
        holderMatches: proposal.holderMatches,
        identityCheck,
        reason,
      }),
      run.projection(),
      {
        proposal: proposal.seq,
        decision,
        reviewedBy,
        reviewerRole: actor.kind === 'staff' ? actor.role : 'family',
        identityCheck,
        reason,
        ...(approved ? { approved: { ...proposal.account, revision } } : {}),
        previousHolder: run.c.account.accountName,
      },
    );
    recorded = true;
    run.proposal = undefined;
    if (approved) {
      run.c.account = proposal.account;
      run.c.accountRevision = revision;
    }
    return { decision, accountRevision: run.c.accountRevision };
  } finally {
    if (!recorded && !run.stop && !run.ended) run.status = 'waiting_for_account_review';
  }
}

/** Before patch 'account-change-reviewed': the account replaced the refused one at once. */
async function replaceBankAccount(
  run: ScholarshipRun,
  { actor, bankAccount }: UpdateBankAccountRequest,
): Promise<{ accountRevision: number }> {
  const revision = run.c.accountRevision + 1;
  run.status = 'paying'; // recorded in the projection, and refuses a second account meanwhile
  try {
    await records.recordScholarship(
      run.ref,
      run.event('bank_account_replaced', actorId(actor), { revision }),
      run.projection(),
    );
    run.c.account = bankAccount;
    run.c.accountRevision = revision;
    return { accountRevision: revision };
  } finally {
    // Not replaced: the scholarship is still waiting for an account (unless it ended meanwhile).
    if (run.c.accountRevision < revision && run.status === 'paying') run.status = 'waiting_for_bank_account';
  }
}

function validateBankAccount(run: ScholarshipRun, { actor }: UpdateBankAccountRequest): void {
  if (isAuditor(actor)) refuse('Auditors may not change a bank account.', FailureType.Forbidden);
  if (run.status === 'waiting_for_account_review') {
    refuse('A new bank account is already waiting for review.', FailureType.WrongState);
  }
  if (run.status !== 'waiting_for_bank_account') {
    refuse(
      `The scholarship is not waiting for a bank account (status: ${run.status}).`,
      FailureType.WrongState,
    );
  }
}
