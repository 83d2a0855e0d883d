// How old a child is in each grade, by the national rules for new pupils (penerimaan peserta didik baru, PPDB:
// Permendikbud 1/2021, as Permendikbud 51/2018 before it), ages counted on 1 July of the school year as PPDB does.
// Pure data and arithmetic: the scholarship workflow checks a first proof of enrolment against it, and a deferred
// scholarship waits for the child's start with it.
import { toParts } from './dates';
import { GRADES, SCHOOL_STEPS, schoolYearFirstDay, type SchoolLevel, type SchoolStep } from './school';

interface EntryAge {
  /** The usual ages (whole years on 1 July) of a pupil entering the level's first grade. */
  from: number;
  to: number;
  /** The youngest the rules allow in the first grade, in months on 1 July, when they set a floor. */
  youngestMonths?: number;
  basis: string;
}

/** The age entering each level's first grade; each later grade of the level is one year older. */
export const SCHOOL_ENTRY_AGES: Readonly<Record<SchoolLevel, EntryAge>> = {
  TK: {
    from: 4,
    to: 5,
    youngestMonths: 48,
    basis: 'Permendikbud 1/2021 Pasal 3: TK group A (TK 1) from 4 to 5 years, group B (TK 2) from 5 to 6',
  },
  SD: {
    from: 6,
    to: 7,
    youngestMonths: 66,
    basis:
      'Permendikbud 1/2021 Pasal 4: SD grade 1 at 7, or at least 6 on 1 July; 5 years 6 months for a gifted child with a psychologist’s recommendation',
  },
  SMP: {
    from: 12,
    to: 13,
    basis: 'after six years of SD from 6 or 7; Permendikbud 1/2021 Pasal 5: grade 7 at most 15 on 1 July',
  },
  SMA: {
    from: 15,
    to: 16,
    basis:
      'after three years of SMP; Permendikbud 1/2021 Pasal 6: grade 10 (SMA or SMK) at most 21 on 1 July',
  },
  PT: { from: 18, to: 19, basis: 'after three years of SMA; no national age for higher education' },
};

/**
 * The tolerance around the usual ages: a pupil may be a year younger (never below a level's floor: TK at 4, SD
 * at 5 years 6 months) or three years older (a late start, repeated years) than usual for the grade.
 */
export const AGE_TOLERANCE = { youngerYears: 1, olderYears: 3 } as const;

/** A child's age in whole months on `date`. */
export function ageInMonths(dateOfBirth: string, date: string): number {
  const born = toParts(dateOfBirth);
  const on = toParts(date);
  return (on.year - born.year) * 12 + (on.month - born.month) - (on.day < born.day ? 1 : 0);
}

/** The age in months on 1 July of the school year starting in `startYear`. */
export function ageAtSchoolYear(dateOfBirth: string, startYear: number): number {
  return ageInMonths(dateOfBirth, schoolYearFirstDay(startYear));
}

/** The ages (in months on 1 July) a pupil of this level and grade may have: youngest and oldest, both included. */
export function gradeAgeRange(level: SchoolLevel, grade: number): { youngest: number; oldest: number } {
  const entry = SCHOOL_ENTRY_AGES[level];
  const k = grade - GRADES[level].first;
  const youngest = Math.max(entry.youngestMonths ?? 0, (entry.from + k - AGE_TOLERANCE.youngerYears) * 12);
  const oldest = (entry.to + k + AGE_TOLERANCE.olderYears) * 12 + 11;
  return { youngest, oldest };
}

function years(months: number): string {
  const y = Math.floor(months / 12);
  const m = months % 12;
  return m === 0 ? `${y}` : `${y} years ${m} months`;
}

/**
 * Why a child born on `dateOfBirth` cannot be at this level and grade in the school year starting in `startYear`,
 * or undefined when the age fits the national range (with the tolerance above).
 */
export function ageMisfit(dateOfBirth: string, startYear: number, step: SchoolStep): string | undefined {
  const age = ageAtSchoolYear(dateOfBirth, startYear);
  const { youngest, oldest } = gradeAgeRange(step.level, step.grade);
  if (age >= youngest && age <= oldest) return undefined;
  const range = `${years(youngest)} to ${Math.floor(oldest / 12)}`;
  return `${step.level} ${step.grade} does not fit the child's age: ${years(age)} on 1 July ${startYear}, where the national range is ${range} (${SCHOOL_ENTRY_AGES[step.level].basis}).`;
}

/** The grade a child usually attends at this age on 1 July (the youngest usual age for each grade); TK 1 below it. */
export function usualStep(dateOfBirth: string, startYear: number): SchoolStep {
  const age = Math.floor(ageAtSchoolYear(dateOfBirth, startYear) / 12);
  const usual = SCHOOL_STEPS.filter(
    (s) => SCHOOL_ENTRY_AGES[s.level].from + s.grade - GRADES[s.level].first <= age,
  ).at(-1);
  const step = usual ?? SCHOOL_STEPS[0]!;
  return { level: step.level, grade: step.grade };
}
