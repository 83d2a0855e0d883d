import { arrearsPayout, PP44_2015, PP82_2019, reimbursementRefusal } from '../../rules';

describe('who pays when the employer is in contribution arrears', () => {
  it.each([
    [PP82_2019, 4],
    [PP82_2019, 12],
    [PP44_2015, 4],
  ])(
    'holds a JKK payout as "the employer pays first" beyond 3 months (%s, %i months)',
    (regulation, months) => {
      const result = arrearsPayout(regulation, 'JKK', months);
      expect(result?.employerPaysFirst).toBe(true);
      expect(result?.basis).toBe(regulation.basis.jkk_arrears);
      expect(result?.basis).toContain('PP 44/2015');
      expect(result?.explanation).toContain(`${months} months in arrears at the accident, more than 3`);
    },
  );

  it.each([1, 2, 3])('lets the agency pay a JKK claim at %i months of arrears', (months) => {
    const result = arrearsPayout(PP82_2019, 'JKK', months);
    expect(result?.employerPaysFirst).toBe(false);
    expect(result?.explanation).toContain('the agency pays the heirs and the employer must settle');
  });

  it.each([1, 4, 24])(
    'lets the agency pay a JKM claim whatever the arrears (%i months): the rule is JKK only',
    (months) => {
      const result = arrearsPayout(PP82_2019, 'JKM', months);
      expect(result).toMatchObject({ employerPaysFirst: false, basis: PP82_2019.basis.jkm_arrears });
      expect(result?.explanation).toContain('covers JKK contributions only');
    },
  );

  it('says nothing when contributions are current', () => {
    expect(arrearsPayout(PP82_2019, 'JKK', 0)).toBeUndefined();
    expect(arrearsPayout(PP82_2019, 'JKM', 0)).toBeUndefined();
  });

  it('reimburses the employer only once the heirs have the whole benefit', () => {
    expect(reimbursementRefusal(190_000_000, 190_000_000)).toBeUndefined();
    expect(reimbursementRefusal(190_000_000, 200_000_000)).toBeUndefined();
    expect(reimbursementRefusal(190_000_000, 189_999_999)).toBe(
      "The employer's proof shows Rp 189,999,999 paid to the heirs, less than the benefit of Rp 190,000,000: the agency reimburses only once the heirs have the whole benefit.",
    );
  });
});
