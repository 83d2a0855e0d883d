import {
  ageInMonths,
  ageMisfit,
  AGE_TOLERANCE,
  gradeAgeRange,
  SCHOOL_ENTRY_AGES,
  usualStep,
} from '../../rules/school-ages';
import { PP82_2019, type StagedScholarship } from '../../rules';

const years = (n: number) => n * 12;

describe('national school ages (PPDB, Permendikbud 1/2021), on 1 July of the school year', () => {
  it('counts whole months of age', () => {
    expect(ageInMonths('2020-07-01', '2024-07-01')).toBe(48);
    expect(ageInMonths('2020-07-02', '2024-07-01')).toBe(47);
    expect(ageInMonths('2019-01-31', '2024-07-01')).toBe(65);
  });

  it('takes TK from 4 (never younger), SD 1 from 5 years 6 months (the gifted exception) to 10, and one year more per grade', () => {
    expect(gradeAgeRange('TK', 1)).toEqual({ youngest: years(4), oldest: years(8) + 11 });
    expect(gradeAgeRange('TK', 2)).toEqual({ youngest: years(4), oldest: years(9) + 11 });
    expect(gradeAgeRange('SD', 1)).toEqual({ youngest: 66, oldest: years(10) + 11 });
    expect(gradeAgeRange('SD', 6)).toEqual({ youngest: years(10), oldest: years(15) + 11 });
    expect(gradeAgeRange('SMP', 7)).toEqual({ youngest: years(11), oldest: years(16) + 11 });
    expect(gradeAgeRange('SMA', 10)).toEqual({ youngest: years(14), oldest: years(19) + 11 });
    expect(gradeAgeRange('PT', 1)).toEqual({ youngest: years(17), oldest: years(22) + 11 });
    expect(AGE_TOLERANCE).toEqual({ youngerYears: 1, olderYears: 3 });
  });

  it('accepts grades that fit the age and refuses those that do not, naming the range and its source', () => {
    const born = '2019-03-10'; // 7 years 3 months on 1 July 2026
    expect(ageMisfit(born, 2026, { level: 'SD', grade: 1 })).toBeUndefined();
    expect(ageMisfit(born, 2026, { level: 'TK', grade: 2 })).toBeUndefined();
    expect(ageMisfit(born, 2026, { level: 'SD', grade: 3 })).toBeUndefined();
    const tooHigh = ageMisfit(born, 2026, { level: 'SMP', grade: 7 });
    expect(tooHigh).toMatch(/^SMP 7 does not fit the child's age: 7 years 3 months on 1 July 2026/);
    expect(tooHigh).toContain('Permendikbud 1/2021');
    expect(ageMisfit(born, 2026, { level: 'PT', grade: 1 })).toBeDefined();
    expect(ageMisfit('2023-01-01', 2026, { level: 'TK', grade: 1 })).toMatch(/3 years 6 months/); // under 4
    expect(ageMisfit('2021-01-01', 2026, { level: 'SD', grade: 1 })).toBeUndefined(); // exactly 5y6m fits
    expect(ageMisfit('2021-01-02', 2026, { level: 'SD', grade: 1 })).toMatch(/5 years 6 months to 10 /); // a day short
    expect(ageMisfit('2012-06-30', 2026, { level: 'SD', grade: 1 })).toBeDefined(); // 14: too old for SD 1
  });

  it('expects a child not at school in TK 1 at 4, TK 2 at 5, SD 1 at 6, and caps at PT 5', () => {
    expect(usualStep('2020-07-01', 2024)).toEqual({ level: 'TK', grade: 1 });
    expect(usualStep('2020-07-01', 2025)).toEqual({ level: 'TK', grade: 2 });
    expect(usualStep('2020-07-01', 2026)).toEqual({ level: 'SD', grade: 1 });
    expect(usualStep('2020-07-01', 2032)).toEqual({ level: 'SMP', grade: 7 });
    expect(usualStep('2020-07-01', 2023)).toEqual({ level: 'TK', grade: 1 });
    expect(usualStep('2000-07-01', 2026)).toEqual({ level: 'PT', grade: 5 });
  });

  it('is where the regulation table takes the age a child not at school starts TK', () => {
    expect((PP82_2019.scholarship as StagedScholarship).unschooledStartAge).toBe(SCHOOL_ENTRY_AGES.TK.from);
    expect(SCHOOL_ENTRY_AGES.TK.from).toBe(4);
  });
});
