import { PP44_2015, PP82_2019, quote } from '../../rules';
import { jkkDeathCompensation } from '../../rules/jkk-death';
import { amounts, jkkCase } from './factories';

describe('JKK death', () => {
  it.each([
    ['PP82-2019', '2024-03-01', 5_000_000, 240_000_000],
    ['PP82-2019', '2024-03-01', 300_000, 20_000_000],
    ['PP82-2019', '2024-03-01', 416_667, 20_000_016],
    ['PP82-2019', '2024-03-01', 416_666, 20_000_000],
    ['PP44-2015', '2018-05-10', 5_000_000, 240_000_000],
    ['PP44-2015', '2018-05-10', 300_000, 16_200_000],
    ['PP44-2015', '2018-05-10', 337_500, 16_200_000],
    ['PP44-2015', '2018-05-10', 337_501, 16_200_048],
  ])(
    'pays 48 × wage for a JKK death, floored at the JKM lump sum (%s, wage %i → %i)',
    (_id, eventDate, wage, expected) => {
      const response = quote(
        jkkCase('death', { eventDate, membershipStartDate: '2018-01-01', monthlyWage: wage }),
      );
      expect(amounts(response).death_compensation).toBe(expected);
    },
  );

  it.each([
    [
      'PP82-2019',
      '2024-03-01',
      { death_compensation: 240_000_000, periodic: 12_000_000, funeral: 10_000_000 },
      262_000_000,
    ],
    [
      'PP44-2015',
      '2018-05-10',
      { death_compensation: 240_000_000, periodic: 4_800_000, funeral: 3_000_000 },
      247_800_000,
    ],
  ])('adds the funeral cost and periodic benefit of %s', (_id, eventDate, expected, total) => {
    const response = quote(jkkCase('death', { eventDate, membershipStartDate: '2018-01-01' }));
    expect(amounts(response)).toEqual(expected);
    expect(response.total).toBe(total);
  });

  it('explains whether the formula or the minimum was paid', () => {
    expect(jkkDeathCompensation(PP82_2019, 5_000_000).explanation).toBe(
      '60% × 80 (= 48) × the reported monthly wage of Rp 5,000,000 = Rp 240,000,000, not below the minimum of Rp 20,000,000.',
    );
    expect(jkkDeathCompensation(PP44_2015, 300_000).explanation).toBe(
      '60% × 80 (= 48) × the reported monthly wage of Rp 300,000 = Rp 14,400,000, below the minimum, so the minimum of Rp 16,200,000 is paid.',
    );
  });

  it('gives the staged scholarship under PP82-2019 with no minimum contribution period', () => {
    const response = quote(
      jkkCase('death', { membershipStartDate: '2024-02-01', children: [{ dateOfBirth: '2022-03-01' }] }),
    );
    expect(response.scholarship.eligible).toBe(true);
    expect(response.scholarship.total).toBe(87_000_000);
    expect(response.total).toBe(262_000_000);
  });

  it('pays the PP44-2015 scholarship lump sum after one month of contributions', () => {
    const response = quote(
      jkkCase('death', {
        eventDate: '2018-05-10',
        membershipStartDate: '2018-04-10',
        monthlyWage: 300_000,
        children: [{ dateOfBirth: '2012-01-01' }],
      }),
    );
    expect(amounts(response)).toEqual({
      death_compensation: 16_200_000,
      periodic: 4_800_000,
      funeral: 3_000_000,
      scholarship_lump_sum: 12_000_000,
    });
    expect(response.total).toBe(36_000_000);
  });
});
