// The projected staged scholarship plan for one child: one row per school year, at the level the child
// is expected to attend, moving up one grade a year.
import { addYears } from './dates';
import { RuleError } from './errors';
import { rupiah } from './money';
import { regulationFor } from './regulations';
import type { StagedScholarship } from './regulations/types';
import {
  SCHOOL_STEPS,
  schoolYearFirstDay,
  schoolYearName,
  schoolYearStart,
  type SchoolLevel,
  type SchoolStep,
} from './school';
import type { PlanYear } from './schema';

export interface PlanChild {
  dateOfBirth: string;
  schooling?: SchoolStep;
}

export interface ChildPlan {
  plan: PlanYear[];
  total: number;
  notes: string[];
}

/**
 * Starts in the school year containing the event, at the child's level and grade then; a child not at
 * school starts TK 1 in the first school year beginning on or after the start age (never before the
 * event's school year). Only years beginning before the age limit are paid, each level at most its cap
 * of years, the child at most the per-child cap.
 */
export function scholarshipPlan(child: PlanChild, eventDate: string, rule?: StagedScholarship): ChildPlan {
  const staged = rule ?? stagedRuleFor(eventDate);
  const eventYear = schoolYearStart(eventDate);
  const notes: string[] = [];
  let startYear = eventYear;
  let stepIndex = 0;
  if (child.schooling) {
    const { level, grade } = child.schooling;
    stepIndex = SCHOOL_STEPS.findIndex((step) => step.level === level && step.grade === grade);
    if (stepIndex < 0)
      throw new RuleError('schooling.grade', `${level} ${grade} is not a grade in the school system`);
  } else {
    const startBirthday = addYears(child.dateOfBirth, staged.unschooledStartAge);
    const byAge =
      schoolYearStart(startBirthday) +
      (startBirthday > schoolYearFirstDay(schoolYearStart(startBirthday)) ? 1 : 0);
    if (byAge < eventYear) {
      notes.push(
        `no schooling is recorded though the child could have started TK in ${schoolYearName(byAge)}; the plan assumes TK 1 from ${schoolYearName(eventYear)} and an officer should confirm.`,
      );
    }
    startYear = Math.max(byAge, eventYear);
  }

  const limitDate = addYears(child.dateOfBirth, staged.ageLimit);
  const yearsPaid = new Map<SchoolLevel, number>();
  const plan: PlanYear[] = [];
  let total = 0;
  for (let year = startYear; stepIndex < SCHOOL_STEPS.length; stepIndex++, year++) {
    if (schoolYearFirstDay(year) >= limitDate) break;
    const step = SCHOOL_STEPS[stepIndex] as SchoolStep;
    const level = staged.levels.find((candidate) => candidate.level === step.level);
    const paid = yearsPaid.get(step.level) ?? 0;
    if (!level || paid >= level.maxYears) continue;
    const amount = Math.min(level.amountPerYear, staged.perChildCap - total);
    if (amount <= 0) break;
    yearsPaid.set(step.level, paid + 1);
    total += amount;
    plan.push({ schoolYear: schoolYearName(year), level: step.level, grade: step.grade, amount });
  }
  return { plan, total, notes };
}

/** One sentence describing a plan, for a child's reason. */
export function describePlan(plan: ChildPlan, ageLimit: number): string {
  const first = plan.plan[0];
  const last = plan.plan.at(-1);
  if (!first || !last) return `No school year begins before the child turns ${ageLimit}.`;
  return `${plan.plan.length} school years from ${first.schoolYear} (${first.level} ${first.grade}) to ${last.schoolYear} (${last.level} ${last.grade}), ${rupiah(plan.total)} in all.`;
}

function stagedRuleFor(eventDate: string): StagedScholarship {
  const regulation = regulationFor(eventDate);
  if (regulation.scholarship.kind !== 'staged') {
    throw new RuleError('eventDate', `${regulation.citation} has no staged scholarship plan`);
  }
  return regulation.scholarship;
}
