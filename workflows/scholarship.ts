// ScholarshipWorkflow: one child's scholarship (beasiswa), one run per school year. Each run waits for 1 July,
// opens the enrolment window, waits for proof until the deadline, then pays the year, records it as lapsed or
// not payable, and continues as new with the carried state, so every run's history stays a few dozen events.
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import { PAYING, RECORDING } from './activity-options';
import type { ScholarshipProjection, ScholarshipRef, ScholarshipYearWrite } from '../vocabulary/activities';
import { FailureType } from '../vocabulary/failures';
import {
  reportLifeEventUpdate,
  scholarshipStateQuery,
  submitEnrollmentUpdate,
  type EnrollmentRequest,
  type EnrollmentResult,
  type ScholarshipCarried,
  type ScholarshipInput,
  type ScholarshipOutcome,
} from '../vocabulary/messages/scholarship';
import { updateBankAccountUpdate } from '../vocabulary/messages/claim';
import type { Actor } from '../vocabulary/actors';
import type { ScholarshipEndReason, ScholarshipStatus } from '../vocabulary/status';
import {
  ageLimitDate,
  DAY_MS,
  deadlineDate,
  endAfterYear,
  impossibleStep,
  initialCarried,
  jakartaDate,
  jakartaEndOfDay,
  jakartaStartOfDay,
  nextStep,
  projectedYears,
  schoolYearFirstDay,
  schoolYearName,
  stagedRuleFor,
  withDefaults,
  yearAmount,
} from './scholarship-year';
import { lifeEventDecision } from '../rules/scholarship-life-events';

const records = proxyActivities<Activities>(RECORDING);
const payments = proxyActivities<Activities>(PAYING);

interface Stop {
  reason: ScholarshipEndReason;
  message: string;
}

function refuse(message: string, type: FailureType): never {
  throw ApplicationFailure.create({ message, type, nonRetryable: true });
}

function actorId(actor: Actor): string {
  return actor.kind === 'staff' ? actor.id : 'family';
}

export async function scholarshipWorkflow(input: ScholarshipInput): Promise<ScholarshipOutcome> {
  const rule = stagedRuleFor(input.eventDate);
  if (!rule)
    refuse('This regulation pays the scholarship as a lump sum with the claim.', FailureType.InvalidInput);
  const options = withDefaults(input.options);
  const { workflowId } = workflowInfo();
  const ref: ScholarshipRef = {
    workflowId,
    claimNumber: input.claimNumber,
    childNumber: input.childNumber,
    childPosition: input.childPosition,
  };
  const firstRun = input.carried === undefined;
  const initial = input.carried ?? initialCarried(input, rule);
  // No school year begins before the age limit: ends at once (the claim does not start such a scholarship).
  const c: ScholarshipCarried = initial ?? {
    schoolYear: Number(input.eventDate.slice(0, 4)),
    expected: { level: 'TK' as const, grade: 1 },
    yearsPaid: {},
    totalPaid: 0,
    consecutiveLapses: 0,
    years: [],
    seq: 0,
    account: input.account,
    accountRevision: 0,
  };
  const name = () => schoolYearName(c.schoolYear);

  let status: ScholarshipStatus =
    firstRun && !input.schooling ? 'waiting_for_school_start' : 'waiting_for_school_year';
  let windowOpensAt: number | undefined;
  let deadlineAt: number | undefined;
  let proofPending = false; // set before the proof is recorded: a second submission is a duplicate
  let accepted: { request: EnrollmentRequest; result: EnrollmentResult } | undefined;
  let stopping = false; // a life event that ends the scholarship is being recorded
  let stop: Stop | undefined;
  let ended: Stop | undefined;

  const event = (type: string, actor?: string, data?: Record<string, unknown>) => ({
    seq: ++c.seq,
    type,
    actor,
    data,
  });
  const projectionOf = (s: ScholarshipCarried, st: ScholarshipStatus, end?: Stop): ScholarshipProjection => ({
    status: st,
    schoolYear: schoolYearName(s.schoolYear),
    expected: s.expected,
    totalPaid: s.totalPaid,
    yearsPaid: s.yearsPaid,
    windowOpensOn:
      s === c && windowOpensAt !== undefined ? jakartaDate(windowOpensAt) : schoolYearFirstDay(s.schoolYear),
    deadline:
      s === c && deadlineAt !== undefined
        ? jakartaDate(deadlineAt - 1)
        : deadlineDate(s.schoolYear, options.deadline),
    projected: end ? [] : projectedYears(s, input.dateOfBirth, rule),
    ...(end ? { endReason: end.reason, endMessage: end.message } : {}),
  });
  const projection = () => projectionOf(c, status, ended);

  setHandler(scholarshipStateQuery, () => ({
    workflowId,
    claimNumber: input.claimNumber,
    childNumber: input.childNumber,
    status,
    schoolYear: name(),
    expected: c.expected,
    ...(windowOpensAt !== undefined ? { windowOpensAt: jakartaDate(windowOpensAt) } : {}),
    ...(deadlineAt !== undefined ? { deadline: jakartaDate(deadlineAt - 1) } : {}),
    proofAccepted: accepted !== undefined,
    yearsPaid: { ...c.yearsPaid },
    totalPaid: c.totalPaid,
    consecutiveLapses: c.consecutiveLapses,
    years: [...c.years],
    ...(ended ? { endReason: ended.reason } : {}),
  }));

  // An update: the family learns at once whether the proof was accepted and what the year pays.
  setHandler(
    submitEnrollmentUpdate,
    async (request) => {
      proofPending = true;
      const amount = yearAmount(c, rule, request.level);
      const result: EnrollmentResult = {
        schoolYear: request.schoolYear,
        level: request.level,
        grade: request.grade,
        payable: amount.payable,
        amount: amount.amount,
        reason: amount.reason,
      };
      await records.recordScholarship(
        ref,
        event('enrollment_submitted', actorId(request.actor), {
          schoolYear: request.schoolYear,
          level: request.level,
          grade: request.grade,
          graduated: request.graduated ?? false,
        }),
        projection(),
        {
          year: {
            schoolYear: request.schoolYear,
            status: 'proof_received',
            level: request.level,
            grade: request.grade,
            institution: request.institution,
            documentReference: request.documentReference,
            graduated: request.graduated ?? false,
            submittedBy: actorId(request.actor),
          },
        },
      );
      accepted = { request, result };
      return result;
    },
    {
      validator: ({ actor, schoolYear, level, grade }) => {
        if (actor.kind === 'staff' && actor.role === 'auditor') {
          refuse('Auditors may not submit proof of enrolment.', FailureType.Forbidden);
        }
        if (stopping || ended) refuse('The scholarship has ended.', FailureType.WrongState);
        if (schoolYear !== name()) {
          const decided = c.years.find((y) => y.schoolYear === schoolYear);
          refuse(
            decided
              ? `The school year ${schoolYear} is already decided (${decided.outcome}).`
              : `This scholarship is waiting for proof for the school year ${name()}, not ${schoolYear}.`,
            FailureType.WrongState,
          );
        }
        if (proofPending || accepted) {
          refuse(`Proof of enrolment for ${schoolYear} was already submitted.`, FailureType.WrongState);
        }
        if (status !== 'waiting_for_proof' || deadlineAt === undefined || Date.now() >= deadlineAt) {
          refuse(
            windowOpensAt === undefined
              ? `The enrolment window for ${schoolYear} opens on ${schoolYearFirstDay(c.schoolYear)}.`
              : `The enrolment window for ${schoolYear} is closed.`,
            FailureType.WrongState,
          );
        }
        const impossible = impossibleStep(c, level, grade);
        if (impossible) refuse(impossible, FailureType.WrongState);
      },
    },
  );

  // An update: the officer learns at once whether the event ends the scholarship (the 2025 work exception).
  setHandler(
    reportLifeEventUpdate,
    async (request) => {
      const decision = lifeEventDecision(rule, request);
      if (decision.stops) stopping = true;
      await records.recordScholarship(
        ref,
        event('life_event_reported', actorId(request.actor), {
          kind: request.kind,
          date: request.date,
          work: request.work,
          stops: decision.stops,
          reason: decision.reason,
        }),
        projection(),
      );
      if (decision.stops) stop = { reason: decision.endReason ?? request.kind, message: decision.reason };
      return { stops: decision.stops, reason: decision.reason };
    },
    {
      validator: ({ actor, kind, work }) => {
        if (actor.kind !== 'staff' || (actor.role !== 'officer' && actor.role !== 'supervisor')) {
          refuse('Only an officer or a supervisor may report a life event.', FailureType.Forbidden);
        }
        if (stopping || ended) refuse('The scholarship has ended.', FailureType.WrongState);
        if (kind === 'working' && !work)
          refuse('A report of work needs the kind of work.', FailureType.InvalidInput);
        if (work?.type === 'wage' && work.consecutiveMonths === undefined) {
          refuse('A report of wage work needs the number of consecutive months.', FailureType.InvalidInput);
        }
      },
    },
  );

  // An update: the family or officer learns at once whether the scholarship was waiting for a new account.
  setHandler(
    updateBankAccountUpdate,
    async ({ actor, bankAccount }) => {
      const revision = c.accountRevision + 1;
      status = 'paying';
      await records.recordScholarship(
        ref,
        event('bank_account_replaced', actorId(actor), { revision }),
        projection(),
      );
      c.account = bankAccount;
      c.accountRevision = revision;
      return { accountRevision: revision };
    },
    {
      validator: ({ actor }) => {
        if (actor.kind === 'staff' && actor.role === 'auditor') {
          refuse('Auditors may not change a bank account.', FailureType.Forbidden);
        }
        if (status !== 'waiting_for_bank_account') {
          refuse(
            `The scholarship is not waiting for a bank account (status: ${status}).`,
            FailureType.WrongState,
          );
        }
      },
    },
  );

  const finish = async (end: Stop, year?: ScholarshipYearWrite): Promise<ScholarshipOutcome> => {
    status = 'ended';
    ended = end;
    await records.recordScholarship(
      ref,
      event('scholarship_ended', undefined, { reason: end.reason, message: end.message }),
      projection(),
      {
        ...(year ? { year } : {}),
        notify: {
          kind: 'ended',
          message: `The scholarship of child ${input.childNumber} on claim ${input.claimNumber} has ended: ${end.message}`,
        },
      },
    );
    await condition(allHandlersFinished);
    return {
      status: 'ended',
      reason: end.reason,
      message: end.message,
      totalPaid: c.totalPaid,
      years: c.years,
    };
  };

  // The next school year is a new run; a life event still being recorded ends the scholarship instead.
  const nextRun = async (): Promise<ScholarshipOutcome> => {
    await condition(allHandlersFinished);
    if (stop) return finish(stop);
    return continueAsNew<typeof scholarshipWorkflow>({ ...input, carried: c });
  };

  if (!initial) {
    return finish({
      reason: 'no_school_year',
      message: `No school year begins before the child turns ${rule.ageLimit}.`,
    });
  }
  if (firstRun) {
    await records.recordScholarship(
      ref,
      event('scholarship_started', undefined, {
        firstSchoolYear: name(),
        level: c.expected.level,
        grade: c.expected.grade,
      }),
      projection(),
    );
  }

  // f. The age limit: a school year starting on or after the child's 23rd birthday is not paid.
  const limitDate = ageLimitDate(input.dateOfBirth, rule);
  if (schoolYearFirstDay(c.schoolYear) >= limitDate) {
    const at = jakartaStartOfDay(limitDate);
    if (Date.now() < at) await condition(() => stop !== undefined, at - Date.now());
    return finish(
      stop ?? {
        reason: 'age_limit',
        message: `The child turns ${rule.ageLimit} on ${limitDate}, before the ${name()} school year starts.`,
      },
    );
  }

  // a. A deferred start (a child not yet at school) or the time between school years: sleep until 1 July.
  const opensAt = jakartaStartOfDay(schoolYearFirstDay(c.schoolYear));
  if (Date.now() < opensAt) await condition(() => stop !== undefined, opensAt - Date.now());
  if (stop) return finish(stop);

  // b. The window opens. One opened late (the claim was approved after 1 July) stays open a while.
  windowOpensAt = Math.max(opensAt, Date.now());
  const regularDeadline = jakartaEndOfDay(deadlineDate(c.schoolYear, options.deadline));
  const lateDeadline = jakartaEndOfDay(jakartaDate(windowOpensAt + options.lateWindowDays * DAY_MS));
  deadlineAt = windowOpensAt - opensAt > DAY_MS ? Math.max(regularDeadline, lateDeadline) : regularDeadline;
  const deadline = jakartaDate(deadlineAt - 1);
  status = 'waiting_for_proof';
  await records.recordScholarship(
    ref,
    event('enrollment_window_opened', undefined, { schoolYear: name(), deadline }),
    projection(),
    {
      year: {
        schoolYear: name(),
        status: 'window_open',
        level: c.expected.level,
        grade: c.expected.grade,
        windowOpensOn: jakartaDate(windowOpensAt),
        deadline,
      },
      notify: {
        kind: `window:${name()}`,
        message: `The scholarship window for ${name()} is open: please send proof of enrolment (school, level and grade) by ${deadline}.`,
      },
    },
  );

  // c. Wait for proof, with reminders, until the deadline.
  const answered = () => accepted !== undefined || stop !== undefined;
  for (const days of options.reminderDays) {
    const at = windowOpensAt + days * DAY_MS;
    if (at >= deadlineAt) break;
    if (Date.now() < at && (await condition(answered, at - Date.now()))) break;
    if (answered() || proofPending || stopping) break;
    await records.recordScholarship(ref, event('enrollment_reminder', undefined, { days }), projection(), {
      notify: {
        kind: `reminder:${name()}:${days}`,
        message: `Reminder: proof of enrolment for the scholarship year ${name()} is due by ${deadline}.`,
      },
    });
  }
  if (!answered() && Date.now() < deadlineAt) await condition(answered, deadlineAt - Date.now());
  // A proof accepted just before the deadline is still being recorded: it counts.
  if (proofPending || stopping) await condition(answered);
  if (stop) return finish(stop);

  const schoolYear = name();
  const closing = { windowOpensAt, deadlineAt };
  windowOpensAt = undefined;
  deadlineAt = undefined;

  // d. No proof: the year lapses, recorded and not paid. Two in a row end the scholarship.
  if (!accepted) {
    const expected = c.expected;
    c.consecutiveLapses += 1;
    c.years.push({
      schoolYear,
      outcome: 'lapsed',
      level: expected.level,
      grade: expected.grade,
      amount: 0,
      reason: `No proof of enrolment by ${jakartaDate(closing.deadlineAt - 1)}.`,
    });
    const year: ScholarshipYearWrite = {
      schoolYear,
      status: 'lapsed',
      amount: 0,
      reason: `No proof of enrolment by ${jakartaDate(closing.deadlineAt - 1)}.`,
    };
    if (c.consecutiveLapses >= 2) {
      return finish(
        {
          reason: 'no_longer_enrolled',
          message: 'Two school years in a row lapsed without proof of enrolment.',
        },
        year,
      );
    }
    c.schoolYear += 1;
    c.expected = nextStep(expected);
    status = 'waiting_for_school_year';
    await records.recordScholarship(
      ref,
      event('school_year_lapsed', undefined, { schoolYear }),
      projection(),
      { year },
    );
    return nextRun();
  }

  // e. Proof: pay the year for the level attended, or record it as beyond the level's cap.
  const { request, result } = accepted;
  const graduated = request.graduated ?? false;
  const attended = { level: request.level, grade: request.grade };
  const advance = {
    schoolYear: c.schoolYear + 1,
    expected: nextStep(attended, graduated && request.level !== 'PT'),
    last: { ...attended, schoolYear: c.schoolYear },
    consecutiveLapses: 0,
    yearsPaid: result.payable
      ? { ...c.yearsPaid, [request.level]: (c.yearsPaid[request.level] ?? 0) + 1 }
      : c.yearsPaid,
    totalPaid: c.totalPaid + (result.payable ? result.amount : 0),
  };
  const end = endAfterYear({ ...c, ...advance }, rule, request.level, graduated);
  const after = () => projectionOf({ ...c, ...advance }, end ? 'ended' : 'waiting_for_school_year', end);

  if (!result.payable) {
    const year: ScholarshipYearWrite = {
      schoolYear,
      status: 'not_payable',
      ...attended,
      amount: 0,
      reason: result.reason,
    };
    Object.assign(c, advance);
    c.years.push({ schoolYear, outcome: 'not_payable', ...attended, amount: 0, reason: result.reason });
    if (end) return finish(end, year);
    if (stop) return finish(stop, year);
    status = 'waiting_for_school_year';
    await records.recordScholarship(
      ref,
      event('school_year_not_payable', undefined, { schoolYear }),
      after(),
      { year },
    );
    return nextRun();
  }

  status = 'paying';
  for (;;) {
    const paid = await payments.payScholarshipYear(
      ref,
      event('school_year_paid', undefined, { schoolYear }),
      after(),
      {
        schoolYear,
        ...attended,
        amount: result.amount,
        account: c.account,
        accountRevision: c.accountRevision,
      },
    );
    if (paid.status === 'paid') {
      Object.assign(c, advance);
      c.years.push({
        schoolYear,
        outcome: 'paid',
        ...attended,
        amount: result.amount,
        idempotencyKey: paid.idempotencyKey,
        gatewayReference: paid.gatewayReference,
      });
      break;
    }
    // The bank refused the account: wait for a new one, then pay this year again, once.
    const revision = c.accountRevision;
    status = 'waiting_for_bank_account';
    await records.recordScholarship(
      ref,
      event('payout_refused', undefined, { schoolYear, failureCode: paid.failureCode }),
      projection(),
      {
        year: { schoolYear, status: 'payment_refused' },
        notify: {
          kind: `account_refused:${schoolYear}:r${revision}`,
          message: `The bank refused the account for the scholarship year ${schoolYear}. Please give the officer another account.`,
        },
      },
    );
    await condition(() => c.accountRevision > revision || stop !== undefined);
    if (stop) return finish(stop);
  }
  if (end) return finish(end);
  if (stop) return finish(stop);
  status = 'waiting_for_school_year';
  return nextRun();
}
