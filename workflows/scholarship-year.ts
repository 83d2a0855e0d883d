// The pure decisions of a scholarship year: dates, the first year, proof checks, payable amounts, life events
// and the projected plan. Deterministic (no clock, no I/O), so the workflow and its replays agree; the amounts,
// caps and plan come from rules/, never restated here.
// Module by module, not from the rules/ index: each workflow evaluates the modules it imports, and a parked
// scholarship should not carry the quote schemas and disability tables it never uses (npm run bench).
import { regulationFor } from '../rules/regulations';
import type { StagedScholarship } from '../rules/regulations/types';
import type { PlanYear } from '../rules/schema';
import { scholarshipPlan } from '../rules/scholarship-plan';
import { rupiah } from '../rules/money';
import { addYears, daysInMonth, formatIso } from '../rules/dates';
import {
  GRADES,
  isValidGrade,
  SCHOOL_LEVELS,
  SCHOOL_STEPS,
  schoolYearFirstDay,
  schoolYearName,
} from '../rules/school';
import type {
  ScholarshipCarried,
  ScholarshipInput,
  ScholarshipOptions,
  SchoolLevel,
  SchoolStep,
} from '../vocabulary/messages/scholarship';
import type { ScholarshipEndReason } from '../vocabulary/status';

export const DAY_MS = 86_400_000;

const DEFAULT_OPTIONS: Required<ScholarshipOptions> = {
  deadline: { month: 12, day: 31 },
  reminderDays: [30, 60],
  lateWindowDays: 90,
  resubmitDays: 30,
};

export function withDefaults(options: ScholarshipOptions = {}): Required<ScholarshipOptions> {
  return { ...DEFAULT_OPTIONS, ...options };
}

/** The staged rule in force on the event date, or undefined under PP 44/2015 (a lump sum paid with the claim). */
export function stagedRuleFor(eventDate: string): StagedScholarship | undefined {
  const rule = regulationFor(eventDate).scholarship;
  return rule.kind === 'staged' ? rule : undefined;
}

/** The last day for proof in the school year starting in `startYear` (a July–December day falls in that year). */
export function deadlineDate(startYear: number, deadline: { month: number; day: number }): string {
  const year = deadline.month >= 7 ? startYear : startYear + 1;
  return formatIso(year, deadline.month, Math.min(deadline.day, daysInMonth(year, deadline.month)));
}

function schoolYearOf(name: string): number {
  return Number(name.slice(0, 4));
}

export { schoolYearFirstDay, schoolYearName };

/** The first run's state: the first school year and grade of the child's projected plan (rules/), or none. */
export function initialCarried(
  input: ScholarshipInput,
  rule: StagedScholarship,
): ScholarshipCarried | undefined {
  const first = scholarshipPlan(
    { dateOfBirth: input.dateOfBirth, ...(input.schooling ? { schooling: input.schooling } : {}) },
    input.eventDate,
    rule,
  ).plan[0];
  if (!first) return undefined;
  return freshCarried(input, schoolYearOf(first.schoolYear), { level: first.level, grade: first.grade });
}

/** Nothing paid, lapsed or recorded yet: the state a scholarship starts from, expecting `expected` in `schoolYear`. */
export function freshCarried(
  input: ScholarshipInput,
  schoolYear: number,
  expected: ScholarshipCarried['expected'],
): ScholarshipCarried {
  return {
    schoolYear,
    expected,
    yearsPaid: {},
    totalPaid: 0,
    consecutiveLapses: 0,
    years: [],
    seq: 0,
    account: input.account,
    accountRevision: 0,
  };
}

function stepIndex(step: SchoolStep): number {
  return SCHOOL_STEPS.findIndex((s) => s.level === step.level && s.grade === step.grade);
}

/** The grade expected the year after `step`: one grade up, or the next level's first grade after graduating. */
export function nextStep(step: SchoolStep, graduated = false): SchoolStep {
  if (graduated) {
    const level = SCHOOL_LEVELS[SCHOOL_LEVELS.indexOf(step.level) + 1];
    if (level) return { level, grade: GRADES[level].first };
  }
  const next = SCHOOL_STEPS[stepIndex(step) + 1];
  return next ? { level: next.level, grade: next.grade } : step;
}

/** The later of two grades in the order a child moves through them. */
export function laterStep(a: SchoolStep, b: SchoolStep): SchoolStep {
  return stepIndex(b) > stepIndex(a) ? b : a;
}

/**
 * Why proof for this level and grade cannot be right, or undefined. Levels never go back and never skip one:
 * the same level as the last proven one (or, the first time, as expected) or the next. Within a level, grades
 * never go back and rise at most one a school year. A child whose schooling was never reported (not at school at
 * intake, no proof accepted yet) may start at TK or straight at SD.
 */
export function impossibleStep(
  carried: ScholarshipCarried,
  level: SchoolLevel,
  grade: number,
  reported = true,
): string | undefined {
  if (!isValidGrade(level, grade)) {
    return `${level} ${grade} is not a grade: ${level} runs from ${GRADES[level].first} to ${GRADES[level].last}.`;
  }
  const from = carried.last ?? (reported ? carried.expected : SCHOOL_STEPS[0]!);
  const what = carried.last
    ? `${from.level} ${from.grade}, proven for ${schoolYearName(carried.last.schoolYear)}`
    : reported
      ? `${from.level} ${from.grade}, expected`
      : `${from.level} ${from.grade}, where a child not yet at school starts`;
  const gap = SCHOOL_LEVELS.indexOf(level) - SCHOOL_LEVELS.indexOf(from.level);
  if (gap < 0) return `${level} comes before ${what}.`;
  if (gap > 1) return `${level} skips a level after ${what}.`;
  if (!carried.last) return undefined;
  const years = carried.schoolYear - carried.last.schoolYear;
  if (gap === 0 && grade < from.grade) return `${level} ${grade} is below ${what}.`;
  if (gap === 0 && grade > from.grade + years)
    return `${level} ${grade} is more than ${years} grade(s) above ${what}.`;
  if (gap === 1 && grade > GRADES[level].first + years - 1)
    return `${level} ${grade} is too far into ${level} after ${what}.`;
  return undefined;
}

export interface YearAmount {
  payable: boolean;
  amount: number;
  reason: string;
}

/** What the year pays for the level attended: the level's amount, within the level's cap of years and the child's total. */
export function yearAmount(
  carried: ScholarshipCarried,
  rule: StagedScholarship,
  level: SchoolLevel,
): YearAmount {
  const levelRule = rule.levels.find((l) => l.level === level);
  const paid = carried.yearsPaid[level] ?? 0;
  if (!levelRule || paid >= levelRule.maxYears) {
    return {
      payable: false,
      amount: 0,
      reason: `not payable: level cap (${level} is paid for at most ${levelRule?.maxYears ?? 0} school years; ${paid} paid already).`,
    };
  }
  const amount = Math.min(levelRule.amountPerYear, rule.perChildCap - carried.totalPaid);
  if (amount <= 0) {
    return {
      payable: false,
      amount: 0,
      reason: `not payable: the child's total of ${rupiah(rule.perChildCap)} is reached.`,
    };
  }
  return { payable: true, amount, reason: `${rupiah(amount)} for a school year at ${level}.` };
}

/** After a paid (or not payable) year: whether the scholarship ends, and why. */
export function endAfterYear(
  carried: ScholarshipCarried,
  rule: StagedScholarship,
  level: SchoolLevel,
  graduated: boolean,
): { reason: ScholarshipEndReason; message: string } | undefined {
  if (level === 'PT' && graduated) {
    return { reason: 'graduated', message: 'Higher education is completed: the child graduated.' };
  }
  if (carried.totalPaid >= rule.perChildCap) {
    return {
      reason: 'total_cap',
      message: `The child's total of ${rupiah(rule.perChildCap)} has been paid.`,
    };
  }
  const pt = rule.levels.find((l) => l.level === 'PT');
  if (level === 'PT' && pt && (carried.yearsPaid.PT ?? 0) >= pt.maxYears) {
    return {
      reason: 'higher_education_cap',
      message: `Higher education is paid for at most ${pt.maxYears} school years, and all have been paid.`,
    };
  }
  return undefined;
}

/** The day the child reaches the age limit: no school year starting on or after it is paid. */
export function ageLimitDate(dateOfBirth: string, rule: StagedScholarship): string {
  return addYears(dateOfBirth, rule.ageLimit);
}

/**
 * The years still to come, from this run's school year at the expected grade: the plan of rules/ from here,
 * within the caps the years already paid leave open.
 */
export function projectedYears(
  carried: ScholarshipCarried,
  dateOfBirth: string,
  rule: StagedScholarship,
): PlanYear[] {
  const { plan } = scholarshipPlan(
    { dateOfBirth, schooling: carried.expected },
    schoolYearFirstDay(carried.schoolYear),
    rule,
  );
  const paid = { ...carried.yearsPaid };
  let total = carried.totalPaid;
  const rows: PlanYear[] = [];
  for (const row of plan) {
    const levelRule = rule.levels.find((l) => l.level === row.level);
    const n = paid[row.level] ?? 0;
    if (!levelRule || n >= levelRule.maxYears) continue;
    const amount = Math.min(row.amount, rule.perChildCap - total);
    if (amount <= 0) break;
    paid[row.level] = n + 1;
    total += amount;
    rows.push({ ...row, amount });
  }
  return rows;
}
