import { quote, RuleError } from '../../rules';
import { amounts, jkmDeath, thrown } from './factories';

describe('JKM death', () => {
  it.each([
    [
      'PP82-2019',
      '2024-03-01',
      { lump_sum: 20_000_000, periodic: 12_000_000, funeral: 10_000_000 },
      42_000_000,
    ],
    [
      'PP44-2015',
      '2018-05-10',
      { lump_sum: 16_200_000, periodic: 4_800_000, funeral: 3_000_000 },
      24_000_000,
    ],
  ])(
    'pays the fixed lump sum, periodic benefit and funeral cost of %s',
    (_id, eventDate, expected, total) => {
      const response = quote(jkmDeath({ eventDate, membershipStartDate: '2016-01-01' }));
      expect(amounts(response)).toEqual(expected);
      expect(response.total).toBe(total);
    },
  );

  it('pays the same whatever the wage', () => {
    expect(quote(jkmDeath({ monthlyWage: 0 })).total).toBe(42_000_000);
    expect(quote(jkmDeath({ monthlyWage: 100_000_000 })).total).toBe(42_000_000);
  });

  it('explains each amount with its numbers and cites the regulation', () => {
    const response = quote(jkmDeath());
    const periodic = response.components.find((c) => c.code === 'periodic');
    expect(periodic?.explanation).toBe('24 monthly payments of Rp 500,000, paid at once = Rp 12,000,000.');
    expect(periodic?.basis).toContain('PP 82/2019');
    expect(response.components.find((c) => c.code === 'lump_sum')?.explanation).toContain('Rp 20,000,000');
  });

  it('gives no scholarship under PP82-2019 when the contribution period is under 36 months', () => {
    const response = quote(
      jkmDeath({ membershipStartDate: '2021-03-02', children: [{ dateOfBirth: '2015-01-01' }] }),
    );
    expect(response.scholarship.eligible).toBe(false);
    expect(response.scholarship.reason).toContain('35 months');
    expect(response.scholarship.reason).toContain('36 months');
    expect(response.scholarship.children[0]).toMatchObject({ eligible: false, total: 0, plan: [] });
  });

  it('gives the staged scholarship under PP82-2019 from 36 months, outside the total', () => {
    const response = quote(
      jkmDeath({ membershipStartDate: '2021-03-01', children: [{ dateOfBirth: '2022-03-01' }] }),
    );
    expect(response.scholarship.eligible).toBe(true);
    expect(response.scholarship.total).toBe(87_000_000);
    expect(response.total).toBe(42_000_000);
    expect(response.components.map((c) => c.code)).not.toContain('scholarship_lump_sum');
  });

  it.each([
    ['2013-06-10', 59, undefined, 24_000_000],
    ['2013-05-10', 60, 12_000_000, 36_000_000],
  ])(
    'pays the PP44-2015 scholarship lump sum of 12,000,000 only from 5 years of contributions (start %s: %i months)',
    (membershipStartDate, _months, lumpSum, total) => {
      const response = quote(
        jkmDeath({ eventDate: '2018-05-10', membershipStartDate, children: [{ dateOfBirth: '2010-01-01' }] }),
      );
      expect(amounts(response).scholarship_lump_sum).toBe(lumpSum);
      expect(response.total).toBe(total);
      expect(response.scholarship.total).toBe(0);
    },
  );

  it('pays no PP44-2015 scholarship lump sum without an eligible child', () => {
    const request = jkmDeath({ eventDate: '2018-05-10', membershipStartDate: '2010-01-01' });
    expect(amounts(quote(request)).scholarship_lump_sum).toBeUndefined();
    const married = quote({ ...request, children: [{ dateOfBirth: '2000-01-01', married: true }] });
    expect(amounts(married).scholarship_lump_sum).toBeUndefined();
    expect(married.scholarship.eligible).toBe(false);
  });

  it.each(['permanent_total_disability', 'partial_disability', 'temporary_incapacity'] as const)(
    'refuses a JKM %s, naming the event',
    (event) => {
      const err = thrown(() => quote(jkmDeath({ event })));
      expect(err).toBeInstanceOf(RuleError);
      expect((err as RuleError).field).toBe('event');
    },
  );

  it.each([
    ['transport', { transport: [{ mode: 'land' as const, amount: 100_000 }] }],
    ['incapacity', { incapacity: { from: '2024-03-01', to: '2024-03-10' } }],
  ])('refuses the JKK-only field %s on a JKM death', (field, extra) => {
    expect((thrown(() => quote(jkmDeath(extra))) as RuleError).field).toBe(field);
  });
});
