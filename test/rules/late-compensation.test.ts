import { addWorkingDays, lateCompensation, PUBLIC_HOLIDAYS, serviceLevelWorkingDays } from '../../rules';

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

  describe("counts only the agency's delay: the clock stops while the claim waits on the family", () => {
    // The file is complete on Friday 1 March 2024; the first transfer, on Monday 4 March, is refused by the bank.
    const completeFileDate = '2024-03-01';
    const refusedOn = '2024-03-04';
    const replacedOn = addWorkingDays(refusedOn, 100); // the family brings a new account 100 working days later
    const wait = { reason: 'new_bank_account', from: refusedOn, to: replacedOn } as const;

    it('owes nothing when a refused account is replaced after 100 working days and paid that day', () => {
      const result = lateCompensation({
        program: 'JKM',
        benefit: 42_000_000,
        completeFileDate,
        paidDate: replacedOn,
        familyWaits: [wait],
      });
      expect(result).toMatchObject({
        elapsedWorkingDays: 101,
        familyWaitWorkingDays: 100,
        workingDaysLate: 0,
        amount: 0,
        dueDate: addWorkingDays(completeFileDate, 103),
      });
      expect(result.explanation).toContain('waited 100 working days on the family (a new bank account)');
    });

    it("would have paid 98% of the benefit on top had the family's wait counted (the refused path)", () => {
      const result = lateCompensation({
        program: 'JKM',
        benefit: 42_000_000,
        completeFileDate,
        paidDate: replacedOn,
      });
      expect(result).toMatchObject({ workingDaysLate: 98, amount: 41_160_000, familyWaitWorkingDays: 0 });
    });

    it('counts the working days staff take after the family delivered', () => {
      const paidDate = addWorkingDays(replacedOn, 5); // five working days to review and pay the new account
      const result = lateCompensation({
        program: 'JKM',
        benefit: 42_000_000,
        completeFileDate,
        paidDate,
        familyWaits: [wait],
      });
      // 1 working day to the refusal + 5 after the new account = 6 of the agency's, 3 beyond the service level.
      expect(result).toMatchObject({
        elapsedWorkingDays: 106,
        familyWaitWorkingDays: 100,
        workingDaysLate: 3,
      });
      expect(result.amount).toBe(1_260_000);
    });

    it('counts a day in overlapping waits once, and no day outside the complete file and the payment', () => {
      const result = lateCompensation({
        program: 'JKM',
        benefit: 42_000_000,
        completeFileDate,
        paidDate: '2024-03-15',
        familyWaits: [
          { reason: 'new_bank_account', from: '2024-02-20', to: '2024-03-05' }, // 4 and 5 March are the family's
          { reason: 'missing_document', from: '2024-03-04', to: '2024-03-06' }, // 5 March again; 6 March
          { reason: 'missing_document', from: '2024-03-14', to: '2024-03-30' }, // 15 March only
        ],
      });
      // 1–15 March: 9 working days after the 1st (11 March was Nyepi); the family's: 4, 5, 6 and 15 March.
      expect(result).toMatchObject({ elapsedWorkingDays: 9, familyWaitWorkingDays: 4, workingDaysLate: 2 });
      expect(result.explanation).toContain('(a new bank account, a missing document)');
    });
  });
});
