import { lateCompensation, PUBLIC_HOLIDAYS, serviceLevelWorkingDays } from '../../rules';

describe('service level and late-payment compensation', () => {
  it.each([
    ['JKM', 3],
    ['JKK', 7],
  ] as const)('gives %s a service level of %i working days', (program, days) => {
    expect(serviceLevelWorkingDays(program)).toBe(days);
  });

  it.each([
    ['JKM', 42_000_000, '2024-03-01', '2024-03-06', '2024-03-06', 0, 0],
    ['JKM', 42_000_000, '2024-03-01', '2024-03-07', '2024-03-06', 1, 420_000],
    ['JKM', 42_000_000, '2024-03-01', '2024-03-12', '2024-03-06', 3, 1_260_000], // 11 March 2024 was Nyepi
    ['JKK', 262_000_000, '2024-12-20', '2025-01-06', '2025-01-02', 2, 5_240_000],
    ['JKM', 1_234_567, '2024-03-01', '2024-03-07', '2024-03-06', 1, 12_346], // 12,345.67 rounded
  ] as const)(
    'owes 1%% of the benefit per working day beyond the service level (%s, file %s, paid %s)',
    (program, benefit, completeFileDate, paidDate, dueDate, workingDaysLate, amount) => {
      const result = lateCompensation({ program, benefit, completeFileDate, paidDate });
      expect(result).toMatchObject({ dueDate, workingDaysLate, amount });
    },
  );

  it('reads the holidays given instead of the default list', () => {
    const withoutHolidays = lateCompensation({
      program: 'JKM',
      benefit: 42_000_000,
      completeFileDate: '2024-03-01',
      paidDate: '2024-03-12',
      holidays: [],
    });
    expect(withoutHolidays.workingDaysLate).toBe(4);
    expect(PUBLIC_HOLIDAYS).toContain('2024-03-11');
  });

  it('explains the days late and the amount', () => {
    const result = lateCompensation({
      program: 'JKM',
      benefit: 42_000_000,
      completeFileDate: '2024-03-01',
      paidDate: '2024-03-07',
    });
    expect(result.explanation).toBe(
      'Paid on 2024-03-07, 1 working day after the due date 2024-03-06: 1 × 1% of Rp 42,000,000 = Rp 420,000.',
    );
  });
});
