// The Indonesian school system: levels, national grade numbering, and school years (1 July – 30 June).
import { toParts } from './dates';

export const SCHOOL_LEVELS = ['TK', 'SD', 'SMP', 'SMA', 'PT'] as const;
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];

/** National numbering: TK 1–2, SD 1–6, SMP 7–9, SMA/SMK 10–12, PT (higher education) year of study 1–5. */
export const GRADES: Readonly<Record<SchoolLevel, { first: number; last: number }>> = {
  TK: { first: 1, last: 2 },
  SD: { first: 1, last: 6 },
  SMP: { first: 7, last: 9 },
  SMA: { first: 10, last: 12 },
  PT: { first: 1, last: 5 },
};

export interface SchoolStep {
  level: SchoolLevel;
  grade: number;
}

/** Every grade from TK 1 to PT 5, in the order a child moves through them, one a year. */
export const SCHOOL_STEPS: readonly SchoolStep[] = SCHOOL_LEVELS.flatMap((level) =>
  Array.from({ length: GRADES[level].last - GRADES[level].first + 1 }, (_, i) => ({
    level,
    grade: GRADES[level].first + i,
  })),
);

export function isValidGrade(level: SchoolLevel, grade: number): boolean {
  return Number.isInteger(grade) && grade >= GRADES[level].first && grade <= GRADES[level].last;
}

/** The calendar year in which the school year containing `isoDate` starts (1 July). */
export function schoolYearStart(isoDate: string): number {
  const { year, month } = toParts(isoDate);
  return month >= 7 ? year : year - 1;
}

/** "2024/2025" */
export function schoolYearName(startYear: number): string {
  return `${startYear}/${startYear + 1}`;
}

export function schoolYearFirstDay(startYear: number): string {
  return `${String(startYear).padStart(4, '0')}-07-01`;
}
