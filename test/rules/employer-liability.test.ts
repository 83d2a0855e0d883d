import { quote } from '../../rules';
import { jkkCase, jkmDeath } from './factories';

describe('employer liability', () => {
  it('makes the employer owe the difference when the reported wage was lower than the actual one', () => {
    const response = quote(jkkCase('death', { monthlyWage: 5_000_000, actualMonthlyWage: 6_000_000 }));
    expect(response.total).toBe(262_000_000);
    expect(response.employerLiability?.amount).toBe(48_000_000); // 48 × 6M − 48 × 5M
    expect(response.employerLiability?.reason).toContain('Rp 310,000,000 − Rp 262,000,000 = Rp 48,000,000');
  });

  it('counts every wage-based component in the difference', () => {
    const response = quote(
      jkkCase('temporary_incapacity', {
        actualMonthlyWage: 6_000_000,
        incapacity: { from: '2024-03-01', to: '2024-04-30' },
      }),
    );
    expect(response.employerLiability?.amount).toBe(2_000_000); // 2 months × 100% × (6M − 5M)
  });

  it('owes nothing when the higher wage changes no amount', () => {
    expect(
      quote(jkkCase('death', { monthlyWage: 300_000, actualMonthlyWage: 400_000 })).employerLiability,
    ).toBeUndefined();
    expect(quote(jkmDeath({ actualMonthlyWage: 9_000_000 })).employerLiability).toBeUndefined();
  });

  it('pays on the reported wage when the actual wage is lower', () => {
    const response = quote(jkkCase('death', { actualMonthlyWage: 4_000_000 }));
    expect(response.employerLiability).toBeUndefined();
    expect(response.total).toBe(262_000_000);
    expect(response.notes.some((note) => note.includes('benefits use the reported wage'))).toBe(true);
  });

  it.each([
    [3, undefined],
    [4, 262_000_000],
  ])(
    'makes the employer pay first when JKK arrears exceed 3 months (%i months → %s)',
    (arrearsMonths, amount) => {
      const response = quote(jkkCase('death', { arrearsMonths }));
      expect(response.employerLiability?.amount).toBe(amount);
      expect(response.total).toBe(262_000_000);
    },
  );

  it('adds the under-reported difference to the benefits the employer pays first', () => {
    const response = quote(jkkCase('death', { arrearsMonths: 6, actualMonthlyWage: 6_000_000 }));
    expect(response.employerLiability?.amount).toBe(310_000_000);
  });

  it('does not apply the JKK arrears rule to JKM', () => {
    const response = quote(jkmDeath({ arrearsMonths: 6 }));
    expect(response.employerLiability).toBeUndefined();
    expect(response.notes.some((note) => note.includes('JKK contributions only'))).toBe(true);
  });
});
