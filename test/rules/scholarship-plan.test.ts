import { PP82_2019, quote, RuleError, scholarshipPlan, type StagedScholarship } from '../../rules';
import { jkmDeath, thrown } from './factories';

const rule = PP82_2019.scholarship as StagedScholarship;
const levelTotals = (plan: { level: string; amount: number }[]) =>
  plan.reduce<Record<string, number>>(
    (totals, row) => ({ ...totals, [row.level]: (totals[row.level] ?? 0) + row.amount }),
    {},
  );

describe('scholarship plan per child (PP82-2019)', () => {
  it('plans 19 school years, 87,000,000 in all, for a child aged 2 with no schooling', () => {
    const { plan, total } = scholarshipPlan({ dateOfBirth: '2022-03-01' }, '2024-03-01');
    expect(plan).toHaveLength(19);
    expect(plan[0]).toEqual({ schoolYear: '2026/2027', level: 'TK', grade: 1, amount: 1_500_000 });
    expect(plan.at(-1)).toEqual({ schoolYear: '2044/2045', level: 'PT', grade: 5, amount: 12_000_000 });
    expect(levelTotals(plan)).toEqual({
      TK: 3_000_000,
      SD: 9_000_000,
      SMP: 6_000_000,
      SMA: 9_000_000,
      PT: 60_000_000,
    });
    expect(total).toBe(87_000_000);
  });

  it.each([
    ['2020-07-01', '2024/2025'],
    ['2020-07-02', '2025/2026'],
    ['2018-01-01', '2023/2024'],
  ])(
    'starts a child with no schooling (born %s) at TK 1 in the first school year from their 4th birthday: %s',
    (dateOfBirth, first) => {
      expect(scholarshipPlan({ dateOfBirth }, '2024-03-01').plan[0]).toMatchObject({
        schoolYear: first,
        level: 'TK',
        grade: 1,
      });
    },
  );

  it('starts in the school year containing the event, at the grade then, moving up a grade a year', () => {
    const { plan, total } = scholarshipPlan(
      { dateOfBirth: '2015-01-01', schooling: { level: 'SD', grade: 4 } },
      '2024-03-01',
    );
    expect(plan.slice(0, 4)).toEqual([
      { schoolYear: '2023/2024', level: 'SD', grade: 4, amount: 1_500_000 },
      { schoolYear: '2024/2025', level: 'SD', grade: 5, amount: 1_500_000 },
      { schoolYear: '2025/2026', level: 'SD', grade: 6, amount: 1_500_000 },
      { schoolYear: '2026/2027', level: 'SMP', grade: 7, amount: 2_000_000 },
    ]);
    expect(total).toBe(79_500_000); // SD 3 × 1.5M + SMP 6M + SMA 9M + PT 60M
  });

  it.each([
    ['2024-06-30', '2023/2024'],
    ['2024-07-01', '2024/2025'],
  ])(
    'names the school year running 1 July to 30 June: an event on %s falls in %s',
    (eventDate, schoolYear) => {
      const { plan } = scholarshipPlan(
        { dateOfBirth: '2010-01-01', schooling: { level: 'SMP', grade: 9 } },
        eventDate,
      );
      expect(plan[0]?.schoolYear).toBe(schoolYear);
    },
  );

  it.each([
    ['2003-09-01', 'PT', 3, 3, 36_000_000], // PT 3, 4, 5: 2025/2026 begins before the 23rd birthday 2026-09-01
    ['2004-06-30', 'PT', 1, 4, 48_000_000], // 2027/2028 begins 2027-07-01, after the 23rd birthday 2027-06-30
    ['2004-07-01', 'PT', 1, 4, 48_000_000], // 2027/2028 begins on the 23rd birthday: not paid
    ['2004-07-02', 'PT', 1, 5, 60_000_000],
  ] as const)(
    'pays no school year that begins at age 23 or later (born %s, %s %i)',
    (dateOfBirth, level, grade, years, total) => {
      const result = scholarshipPlan({ dateOfBirth, schooling: { level, grade } }, '2024-03-01');
      expect(result.plan).toHaveLength(years);
      expect(result.total).toBe(total);
    },
  );

  it('never pays a level beyond its cap of years, even when the level has more grades', () => {
    const oneYearOfTk: StagedScholarship = {
      ...rule,
      levels: rule.levels.map((l) => (l.level === 'TK' ? { ...l, maxYears: 1 } : l)),
    };
    const { plan } = scholarshipPlan({ dateOfBirth: '2022-03-01' }, '2024-03-01', oneYearOfTk);
    expect(plan.slice(0, 2)).toEqual([
      { schoolYear: '2026/2027', level: 'TK', grade: 1, amount: 1_500_000 },
      { schoolYear: '2028/2029', level: 'SD', grade: 1, amount: 1_500_000 },
    ]);
  });

  it('never pays a child more than the per-child cap', () => {
    const capped: StagedScholarship = { ...rule, perChildCap: 10_000_000 };
    const { plan, total } = scholarshipPlan({ dateOfBirth: '2022-03-01' }, '2024-03-01', capped);
    expect(total).toBe(10_000_000);
    expect(plan.at(-1)?.amount).toBe(1_000_000); // the 7th year pays only what is left of the cap
  });

  it('notes a child past school age with no schooling recorded', () => {
    const { plan, notes } = scholarshipPlan({ dateOfBirth: '2015-01-01' }, '2024-03-01');
    expect(plan[0]).toMatchObject({ schoolYear: '2023/2024', level: 'TK', grade: 1 });
    expect(notes[0]).toContain('officer should confirm');
  });

  it('has no staged plan under PP44-2015', () => {
    const err = thrown(() => scholarshipPlan({ dateOfBirth: '2015-01-01' }, '2018-05-10'));
    expect(err).toBeInstanceOf(RuleError);
    expect((err as RuleError).field).toBe('eventDate');
  });

  it('notes that staged payments began on 1 April 2021 for an earlier event', () => {
    const response = quote(
      jkmDeath({
        eventDate: '2020-06-01',
        membershipStartDate: '2015-01-01',
        children: [{ dateOfBirth: '2015-01-01' }],
      }),
    );
    expect(response.notes.some((note) => note.includes('2021-04-01'))).toBe(true);
    expect(quote(jkmDeath({ children: [{ dateOfBirth: '2015-01-01' }] })).notes.join(' ')).not.toContain(
      '2021-04-01',
    );
  });
});
