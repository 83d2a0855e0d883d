// How a scholarship's school year ends: lapsed, not payable or paid (waiting for a new account after a refusal),
// then the next school year as a new run, or the end of the scholarship with its reason.
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { ScholarshipYearWrite } from '../vocabulary/activities';
import { PAYING, RECORDING } from './activity-options';
import type { ScholarshipCarried, ScholarshipOutcome, SchoolStep } from '../vocabulary/messages/scholarship';
import type { scholarshipWorkflow } from './scholarship';
import type { AcceptedProof, ScholarshipRun, Stop } from './scholarship-run';
import { endAfterYear, laterStep, nextStep } from './scholarship-year';
import { yearWithoutProof } from '../rules/scholarship-lapse';
import { usualStep } from '../rules/school-ages';

/** A deferred scholarship starts with the first school year reported: a year before it does not lapse. */
const START_ON_FIRST_SCHOOL_YEAR = 'scholarship-start-on-first-school-year';

const records = proxyActivities<Activities>(RECORDING);
const payments = proxyActivities<Activities>(PAYING);

/** Ends the scholarship with its reason (and the year's record, when a year ends it), once every update is answered. */
export async function finish(
  run: ScholarshipRun,
  end: Stop,
  year?: ScholarshipYearWrite,
): Promise<ScholarshipOutcome> {
  run.status = 'ended';
  run.ended = end;
  await records.recordScholarship(
    run.ref,
    run.event('scholarship_ended', undefined, { reason: end.reason, message: end.message }),
    run.projection(),
    {
      ...(year ? { year } : {}),
      notify: {
        kind: 'ended',
        message: `The scholarship of child ${run.input.childNumber} on claim ${run.input.claimNumber} has ended: ${end.message}`,
      },
    },
  );
  await condition(allHandlersFinished);
  return {
    status: 'ended',
    reason: end.reason,
    message: end.message,
    totalPaid: run.c.totalPaid,
    years: run.c.years,
  };
}

/** The next school year is a new run; a life event still being recorded ends the scholarship instead. */
async function nextRun(run: ScholarshipRun): Promise<ScholarshipOutcome> {
  await condition(allHandlersFinished);
  if (run.stop) return finish(run, run.stop);
  return continueAsNew<typeof scholarshipWorkflow>({ ...run.input, carried: run.c });
}

/**
 * No proof by the deadline (its last day given): recorded, not paid. Two lapses in a row end the scholarship. Before
 * the first school year reported, or while the child is under the TK age, the year does not lapse.
 */
export async function lapse(run: ScholarshipRun, deadline: string): Promise<ScholarshipOutcome> {
  if (patched(START_ON_FIRST_SCHOOL_YEAR)) {
    const verdict = yearWithoutProof({
      reported: run.reported(),
      dateOfBirth: run.input.dateOfBirth,
      startYear: run.c.schoolYear,
      startAge: run.rule.unschooledStartAge,
      deadline,
    });
    if (verdict.outcome === 'not_yet_at_school') return notYetAtSchool(run, verdict.reason);
  }
  const schoolYear = run.schoolYear;
  const expected = run.c.expected;
  const reason = `No proof of enrolment by ${deadline}.`;
  run.c.consecutiveLapses += 1;
  run.c.years.push({
    schoolYear,
    outcome: 'lapsed',
    level: expected.level,
    grade: expected.grade,
    amount: 0,
    reason,
  });
  const year: ScholarshipYearWrite = { schoolYear, status: 'lapsed', amount: 0, reason };
  if (run.c.consecutiveLapses >= 2) {
    return finish(
      run,
      {
        reason: 'no_longer_enrolled',
        message: 'Two school years in a row lapsed without proof of enrolment.',
      },
      year,
    );
  }
  run.c.schoolYear += 1;
  run.c.expected = nextStep(expected);
  run.status = 'waiting_for_school_year';
  await records.recordScholarship(
    run.ref,
    run.event('school_year_lapsed', undefined, { schoolYear }),
    run.projection(),
    { year },
  );
  return nextRun(run);
}

/**
 * A year without proof before the child started school: recorded, not paid and not a lapse (an earlier one, recorded
 * before the patch, no longer counts either). The next year expects the grade usual at the child's age.
 */
async function notYetAtSchool(run: ScholarshipRun, reason: string): Promise<ScholarshipOutcome> {
  const schoolYear = run.schoolYear;
  const expected = run.c.expected;
  run.c.consecutiveLapses = 0;
  run.c.years.push({ schoolYear, outcome: 'not_yet_at_school', amount: 0, reason });
  const year: ScholarshipYearWrite = { schoolYear, status: 'not_yet_at_school', amount: 0, reason };
  run.c.schoolYear += 1;
  const usual = usualStep(run.input.dateOfBirth, run.c.schoolYear);
  run.c.expected = run.reported() ? nextStep(expected) : laterStep(expected, usual);
  run.status = run.reported() ? 'waiting_for_school_year' : 'waiting_for_school_start';
  await records.recordScholarship(
    run.ref,
    run.event('school_year_not_yet_at_school', undefined, { schoolYear }),
    run.projection(),
    { year },
  );
  return nextRun(run);
}

/** The year decided by an accepted proof: what it advances the scholarship to, and whether that ends it. */
interface DecidedYear {
  schoolYear: string;
  attended: SchoolStep;
  advance: Pick<
    ScholarshipCarried,
    'schoolYear' | 'expected' | 'last' | 'consecutiveLapses' | 'yearsPaid' | 'totalPaid'
  >;
  end: Stop | undefined;
}

function decided(run: ScholarshipRun, { request, result }: AcceptedProof): DecidedYear {
  const c = run.c;
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
  const end = endAfterYear({ ...c, ...advance }, run.rule, request.level, graduated);
  return { schoolYear: run.schoolYear, attended, advance, end };
}

/** The projection once the year is decided: the next school year, or the end. */
function projectionAfter(run: ScholarshipRun, year: DecidedYear) {
  return run.projectionOf(
    { ...run.c, ...year.advance },
    year.end ? 'ended' : 'waiting_for_school_year',
    year.end,
  );
}

/** Proof accepted: pays the year for the level attended, or records it as beyond the level's cap. */
export async function decideYear(run: ScholarshipRun, proof: AcceptedProof): Promise<ScholarshipOutcome> {
  const year = decided(run, proof);
  if (!proof.result.payable) return notPayable(run, year, proof.result.reason);
  const stopped = await payYear(run, year, proof.result.amount);
  if (stopped) return finish(run, stopped);
  if (year.end) return finish(run, year.end);
  if (run.stop) return finish(run, run.stop);
  run.status = 'waiting_for_school_year';
  return nextRun(run);
}

async function notPayable(
  run: ScholarshipRun,
  year: DecidedYear,
  reason: string,
): Promise<ScholarshipOutcome> {
  const { schoolYear, attended } = year;
  const write: ScholarshipYearWrite = { schoolYear, status: 'not_payable', ...attended, amount: 0, reason };
  Object.assign(run.c, year.advance);
  run.c.years.push({ schoolYear, outcome: 'not_payable', ...attended, amount: 0, reason });
  if (year.end) return finish(run, year.end, write);
  if (run.stop) return finish(run, run.stop, write);
  run.status = 'waiting_for_school_year';
  await records.recordScholarship(
    run.ref,
    run.event('school_year_not_payable', undefined, { schoolYear }),
    projectionAfter(run, year),
    { year: write },
  );
  return nextRun(run);
}

/**
 * Pays the year once, through the claim's payout ledger (key <workflowId>:<schoolYear>). After the bank refuses the
 * account, waits for a new one and pays again. Returns the life event that ended the scholarship meanwhile, if one did.
 */
async function payYear(run: ScholarshipRun, year: DecidedYear, amount: number): Promise<Stop | undefined> {
  const { schoolYear, attended } = year;
  run.status = 'paying';
  for (;;) {
    const paid = await payments.payScholarshipYear(
      run.ref,
      run.event('school_year_paid', undefined, { schoolYear }),
      projectionAfter(run, year),
      {
        schoolYear,
        ...attended,
        amount,
        account: run.c.account,
        accountRevision: run.c.accountRevision,
      },
    );
    if (paid.status === 'paid') {
      Object.assign(run.c, year.advance);
      run.c.years.push({
        schoolYear,
        outcome: 'paid',
        ...attended,
        amount,
        idempotencyKey: paid.idempotencyKey,
        gatewayReference: paid.gatewayReference,
      });
      return undefined;
    }
    const revision = run.c.accountRevision;
    run.status = 'waiting_for_bank_account';
    await records.recordScholarship(
      run.ref,
      run.event('payout_refused', undefined, { schoolYear, failureCode: paid.failureCode }),
      run.projection(),
      {
        year: { schoolYear, status: 'payment_refused' },
        notify: {
          kind: `account_refused:${schoolYear}:r${revision}`,
          message: `The bank refused the account for the scholarship year ${schoolYear}. Please give the officer another account.`,
        },
      },
    );
    await condition(() => run.c.accountRevision > revision || run.stop !== undefined);
    if (run.stop) return run.stop;
  }
}
