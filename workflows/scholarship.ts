// ScholarshipWorkflow: one child's scholarship (beasiswa), one run per school year. Each run waits for 1 July,
// opens the enrolment window, waits for proof until the deadline, then pays the year, records it as lapsed or
// not payable, and continues as new with the carried state, so every run's history stays a few dozen events.
// Its state is a ScholarshipRun (scholarship-run.ts); its messages are in scholarship-handlers.ts; the year's
// outcome in scholarship-outcome.ts.
import { condition, patched, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { RECORDING } from './activity-options';
import { refuse } from './actors';
import { FailureType } from '../vocabulary/failures';
import type { ScholarshipInput, ScholarshipOutcome } from '../vocabulary/messages/scholarship';
import { registerScholarshipHandlers } from './scholarship-handlers';
import { decideYear, finish, lapse } from './scholarship-outcome';
import { noSchoolYear, ScholarshipRun, type Stop } from './scholarship-run';
import {
  ageLimitDate,
  DAY_MS,
  deadlineDate,
  initialCarried,
  schoolYearFirstDay,
  stagedRuleFor,
} from './scholarship-year';
import { jakartaDate, jakartaEndOfDay, jakartaStartOfDay } from '../rules/jakarta-time';

const records = proxyActivities<Activities>(RECORDING);

/** A proof of enrolment is paid only once a staff member other than its sender confirms it. */
const PROOF_REVIEWED = 'enrolment-proof-reviewed';

/** This year's enrolment window: when it opened, the instant it closes, and its last day. */
interface Window {
  opensAt: number;
  deadlineAt: number;
  deadline: string;
}

export async function scholarshipWorkflow(input: ScholarshipInput): Promise<ScholarshipOutcome> {
  const rule = stagedRuleFor(input.eventDate);
  if (!rule)
    refuse('This regulation pays the scholarship as a lump sum with the claim.', FailureType.InvalidInput);
  const initial = input.carried ?? initialCarried(input, rule);
  const run = new ScholarshipRun(input, rule, initial ?? noSchoolYear(input));
  run.proofsReviewed = patched(PROOF_REVIEWED);
  registerScholarshipHandlers(run);

  // No school year begins before the age limit: ends at once (the claim does not start such a scholarship).
  if (!initial) {
    return finish(run, {
      reason: 'no_school_year',
      message: `No school year begins before the child turns ${rule.ageLimit}.`,
    });
  }
  if (run.firstRun) await recordStart(run);

  // f. The age limit: a school year starting on or after the child's 23rd birthday is not paid.
  const limitDate = ageLimitDate(input.dateOfBirth, rule);
  if (schoolYearFirstDay(run.c.schoolYear) >= limitDate)
    return finish(run, await untilAgeLimit(run, limitDate));

  // a. A deferred start (a child not yet at school) or the time between school years: sleep until 1 July.
  const opensAt = await untilSchoolYear(run);
  if (run.stop) return finish(run, run.stop);

  // b. The window opens. One opened late (the claim was approved after 1 July) stays open a while.
  const window = await openWindow(run, opensAt);

  // c. Wait for proof, with reminders, until the deadline; then for a staff member's review of it.
  await waitForProof(run, window);
  if (run.proofsReviewed) await waitForReview(run);
  if (run.stop) return finish(run, run.stop);
  const deadlineAt = run.deadlineAt ?? window.deadlineAt;
  closeWindow(run);

  // d. No proof: the year lapses, recorded and not paid. Two in a row end the scholarship.
  if (!run.accepted) return lapse(run, jakartaDate(deadlineAt - 1));

  // e. Proof: pay the year for the level attended, or record it as beyond the level's cap.
  return decideYear(run, run.accepted);
}

function recordStart(run: ScholarshipRun): Promise<void> {
  return records.recordScholarship(
    run.ref,
    run.event('scholarship_started', undefined, {
      firstSchoolYear: run.schoolYear,
      level: run.c.expected.level,
      grade: run.c.expected.grade,
    }),
    run.projection(),
  );
}

/** Waits for the day the child reaches the age limit (or a life event that ends the scholarship first). */
async function untilAgeLimit(run: ScholarshipRun, limitDate: string): Promise<Stop> {
  const at = jakartaStartOfDay(limitDate);
  if (Date.now() < at) await condition(() => run.stop !== undefined, at - Date.now());
  return (
    run.stop ?? {
      reason: 'age_limit',
      message: `The child turns ${run.rule.ageLimit} on ${limitDate}, before the ${run.schoolYear} school year starts.`,
    }
  );
}

/** Sleeps until 1 July of this run's school year (or a life event that ends the scholarship); returns that instant. */
async function untilSchoolYear(run: ScholarshipRun): Promise<number> {
  const opensAt = jakartaStartOfDay(schoolYearFirstDay(run.c.schoolYear));
  if (Date.now() < opensAt) await condition(() => run.stop !== undefined, opensAt - Date.now());
  return opensAt;
}

/** Opens the window until the deadline (later, when it opens late), and tells the family what to send by when. */
async function openWindow(run: ScholarshipRun, opensAt: number): Promise<Window> {
  const windowOpensAt = Math.max(opensAt, Date.now());
  const regularDeadline = jakartaEndOfDay(deadlineDate(run.c.schoolYear, run.options.deadline));
  const lateDeadline = jakartaEndOfDay(jakartaDate(windowOpensAt + run.options.lateWindowDays * DAY_MS));
  const deadlineAt =
    windowOpensAt - opensAt > DAY_MS ? Math.max(regularDeadline, lateDeadline) : regularDeadline;
  const deadline = jakartaDate(deadlineAt - 1);
  run.windowOpensAt = windowOpensAt;
  run.deadlineAt = deadlineAt;
  run.status = 'waiting_for_proof';
  await records.recordScholarship(
    run.ref,
    run.event('enrollment_window_opened', undefined, { schoolYear: run.schoolYear, deadline }),
    run.projection(),
    {
      year: {
        schoolYear: run.schoolYear,
        status: 'window_open',
        level: run.c.expected.level,
        grade: run.c.expected.grade,
        windowOpensOn: jakartaDate(windowOpensAt),
        deadline,
      },
      notify: {
        kind: `window:${run.schoolYear}`,
        message: `The scholarship window for ${run.schoolYear} is open: please send proof of enrolment (school, level and grade) by ${deadline}.${run.reported() ? '' : ' If the child has not started school yet, nothing is lost: the scholarship starts with the school year the child starts, at TK or SD.'}`,
      },
    },
  );
  return { opensAt: windowOpensAt, deadlineAt, deadline };
}

/** Waits for proof (or a life event that ends the scholarship) until the deadline, reminding the family meanwhile. */
async function waitForProof(run: ScholarshipRun, window: Window): Promise<void> {
  const answered = () => run.answered();
  for (const days of run.options.reminderDays) {
    const at = window.opensAt + days * DAY_MS;
    if (at >= window.deadlineAt) break;
    if (Date.now() < at && (await condition(answered, at - Date.now()))) break;
    if (run.answered() || run.recording()) break;
    await remind(run, days, window.deadline);
  }
  if (!run.answered() && Date.now() < window.deadlineAt) {
    await condition(answered, window.deadlineAt - Date.now());
  }
  // A proof accepted just before the deadline is still being recorded: it counts, unless its recording fails.
  if (run.recording()) await condition(() => run.answered() || !run.recording());
}

/**
 * While a proof waits for review (even past the deadline: it came in time), waits for the review. A rejected proof
 * leaves the window open until its deadline, moved for the family to send another; that one is reviewed too.
 */
async function waitForReview(run: ScholarshipRun): Promise<void> {
  while (run.underReview && !run.stop) {
    await condition(() => (!run.underReview && !run.reviewing) || run.stop !== undefined);
    if (run.accepted || run.stop) return;
    const deadlineAt = run.deadlineAt ?? 0;
    if (Date.now() < deadlineAt) await condition(() => run.answered(), deadlineAt - Date.now());
    if (run.recording()) await condition(() => run.answered() || !run.recording());
  }
}

function remind(run: ScholarshipRun, days: number, deadline: string): Promise<void> {
  return records.recordScholarship(
    run.ref,
    run.event('enrollment_reminder', undefined, { days }),
    run.projection(),
    {
      notify: {
        kind: `reminder:${run.schoolYear}:${days}`,
        message: `Reminder: proof of enrolment for the scholarship year ${run.schoolYear} is due by ${deadline}.`,
      },
    },
  );
}

/** The window is closed: what is recorded from now on shows the school year's regular dates. */
function closeWindow(run: ScholarshipRun): void {
  run.windowOpensAt = undefined;
  run.deadlineAt = undefined;
}
