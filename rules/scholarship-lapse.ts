// Whether a school year without proof of enrolment lapses. A child not yet at school when the parent died starts
// receiving the scholarship on entering school (PP 82/2019), whether at TK or straight at SD: no year lapses before
// the first school year reported (the schooling given at intake, or a proof accepted), nor while the child is under
// the age a child not at school is expected in TK. From then on every year without proof lapses.
import { ageAtSchoolYear } from './school-ages';

export interface YearWithoutProofFacts {
  /** A school year is reported: the child's schooling at intake, or a proof of enrolment accepted. */
  reported: boolean;
  dateOfBirth: string;
  /** The calendar year the school year starts in (1 July). */
  startYear: number;
  /** The age a child not at school is expected in TK (the regulation table's unschooledStartAge). */
  startAge: number;
  /** The last day proof was accepted. */
  deadline: string;
}

export interface YearWithoutProof {
  /** `lapsed` counts towards the two lapses in a row that end the scholarship; `not_yet_at_school` does not. */
  outcome: 'lapsed' | 'not_yet_at_school';
  reason: string;
}

export function yearWithoutProof(f: YearWithoutProofFacts): YearWithoutProof {
  const missing = `No proof of enrolment by ${f.deadline}.`;
  if (ageAtSchoolYear(f.dateOfBirth, f.startYear) < f.startAge * 12) {
    return {
      outcome: 'not_yet_at_school',
      reason: `${missing} The child was under ${f.startAge} on 1 July ${f.startYear}: the year does not lapse.`,
    };
  }
  if (!f.reported) {
    return {
      outcome: 'not_yet_at_school',
      reason: `${missing} The child has not started school yet: the year does not lapse, and the scholarship starts with the first school year reported.`,
    };
  }
  return { outcome: 'lapsed', reason: missing };
}
