import { incapacitySegments, PP44_2015, PP82_2019, quote, RuleError } from '../../rules';
import { amounts, jkkCase, thrown } from './factories';

const stmb = (from: string, to: string, eventDate = from, monthlyWage = 5_000_000) =>
  amounts(
    quote(
      jkkCase('temporary_incapacity', {
        eventDate,
        membershipStartDate: '2015-01-01',
        monthlyWage,
        incapacity: { from, to },
      }),
    ),
  ).temporary_incapacity;

describe('JKK temporary incapacity (STMB)', () => {
  it.each([
    ['2024-01-01', '2024-03-31', 15_000_000], // 3 months at 100%
    ['2024-01-01', '2024-12-31', 60_000_000], // 12 months at 100%
    ['2024-01-15', '2025-03-31', 66_370_968], // 12 × 100% + 2 × 50% + 17/31 × 50% (2,500,000 × 17/31 = 1,370,967.7)
    ['2024-01-15', '2024-03-03', 8_103_448], // 1 month + 18/29 of a month at 100% (5,000,000 × 18/29 = 3,103,448.3)
    ['2024-02-10', '2024-02-10', 172_414], // 1/29 of a month (10 Feb – 9 Mar has 29 days)
    ['2023-01-31', '2023-02-27', 5_000_000], // a month from the 31st ends the day before 28 Feb
  ])(
    'pays 100% for the first 12 months, then 50%, pro-rating the last month under PP82-2019 (%s to %s)',
    (from, to, expected) => {
      expect(stmb(from, to)).toBe(expected);
    },
  );

  it.each([
    ['2018-01-01', '2019-06-30', 67_500_000], // 6 × 100% + 6 × 75% + 6 × 50%
    ['2018-01-01', '2018-07-16', 31_935_484], // 6 × 100% + 16/31 × 75% (3,750,000 × 16/31 = 1,935,483.9)
  ])('pays 6 months at 100%, 6 at 75%, then 50% under PP44-2015 (%s to %s)', (from, to, expected) => {
    expect(stmb(from, to)).toBe(expected);
  });

  it('splits the period into tiers and a pro-rated final month', () => {
    expect(
      incapacitySegments(PP82_2019.jkk.incapacityTiers, 5_000_000, { from: '2024-01-15', to: '2025-03-31' }),
    ).toEqual([
      { percent: 100, months: 12, amount: 60_000_000 },
      { percent: 50, months: 2, amount: 5_000_000 },
      { percent: 50, months: 0, days: { of: 31, count: 17 }, amount: 1_370_968 },
    ]);
    expect(
      incapacitySegments(PP44_2015.jkk.incapacityTiers, 5_000_000, { from: '2018-01-01', to: '2018-07-16' }),
    ).toEqual([
      { percent: 100, months: 6, amount: 30_000_000 },
      { percent: 75, months: 0, days: { of: 31, count: 16 }, amount: 1_935_484 },
    ]);
  });

  it('explains the months, rates and wage', () => {
    const response = quote(
      jkkCase('temporary_incapacity', {
        eventDate: '2024-01-15',
        incapacity: { from: '2024-01-15', to: '2024-03-03' },
      }),
    );
    expect(response.components[0]?.explanation).toBe(
      'From 2024-01-15 to 2024-03-03: 1 month at 100% (Rp 5,000,000) + 18/29 of a month at 100% (Rp 3,103,448) of the reported monthly wage of Rp 5,000,000 = Rp 8,103,448.',
    );
  });

  it('requires the incapacity period for a temporary incapacity', () => {
    expect((thrown(() => quote(jkkCase('temporary_incapacity'))) as RuleError).field).toBe('incapacity');
  });

  it('refuses an incapacity that starts before the accident', () => {
    const err = thrown(() =>
      quote(jkkCase('temporary_incapacity', { incapacity: { from: '2024-02-28', to: '2024-03-10' } })),
    );
    expect((err as RuleError).field).toBe('incapacity.from');
  });

  it('pays STMB alongside a death when the worker was first off work', () => {
    const response = quote(jkkCase('death', { incapacity: { from: '2024-03-01', to: '2024-03-31' } }));
    expect(amounts(response).temporary_incapacity).toBe(5_000_000);
    expect(response.total).toBe(267_000_000);
  });
});
