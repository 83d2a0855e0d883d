import { addWorkingDays, isWorkingDay, jakartaDate, PUBLIC_HOLIDAYS, workingDaysBetween } from '../../rules';
import { isIsoDate } from '../../rules/dates';

describe('Asia/Jakarta calendar date', () => {
  it.each([
    [Date.UTC(2024, 0, 1, 16, 59, 59), '2024-01-01'],
    [Date.UTC(2024, 0, 1, 17, 0, 0), '2024-01-02'],
    [Date.UTC(2024, 11, 31, 17, 0, 0), '2025-01-01'],
    [Date.UTC(2024, 5, 30, 23, 0, 0), '2024-07-01'],
  ])('gives the WIB (UTC+7) date of an instant: %i → %s', (epochMs, expected) => {
    expect(jakartaDate(epochMs)).toBe(expected);
  });
});

describe('working days: Monday to Friday, minus public holidays', () => {
  it.each([
    ['2024-03-01', 3, [], '2024-03-06'], // Friday + 3 skips the weekend
    ['2024-03-08', 1, PUBLIC_HOLIDAYS, '2024-03-12'], // Monday 11 March 2024 was Nyepi
    ['2024-03-08', 1, [], '2024-03-11'], // the holiday list is data: without it Monday counts
    ['2025-03-28', 3, PUBLIC_HOLIDAYS, '2025-04-04'], // Idul Fitri 31 Mar and 1 Apr 2025
    ['2024-12-20', 7, PUBLIC_HOLIDAYS, '2025-01-02'], // Christmas and New Year's Day
    ['2024-03-02', 0, PUBLIC_HOLIDAYS, '2024-03-02'],
  ] as const)('counts %s + %i working days as %s', (from, days, holidays, expected) => {
    expect(addWorkingDays(from, days, holidays)).toBe(expected);
  });

  it('uses the public holidays by default', () => {
    expect(addWorkingDays('2024-03-08', 1)).toBe('2024-03-12');
    expect(workingDaysBetween('2024-03-08', '2024-03-12')).toBe(1);
  });

  it.each([
    ['2024-12-20', '2025-01-02', 7],
    ['2024-03-01', '2024-03-01', 0],
    ['2024-03-06', '2024-03-01', 0],
    ['2024-03-01', '2024-03-04', 1],
  ])('counts the working days after %s up to and including %s as %i', (from, to, expected) => {
    expect(workingDaysBetween(from, to, PUBLIC_HOLIDAYS)).toBe(expected);
  });

  it.each([
    ['2024-03-09', false],
    ['2024-03-10', false],
    ['2024-08-17', false],
    ['2024-03-12', true],
  ])('treats %s as a working day: %s', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  it('refuses a negative number of working days', () => {
    expect(() => addWorkingDays('2024-03-01', -1)).toThrow(RangeError);
  });
});

describe('public holidays as data', () => {
  it.each([2024, 2025, 2026, 2027])('lists the national holidays of %i', (year) => {
    const dates = PUBLIC_HOLIDAYS.filter((date) => date.startsWith(`${year}-`));
    expect(dates.length).toBeGreaterThanOrEqual(14);
    expect(dates).toEqual(expect.arrayContaining([`${year}-01-01`, `${year}-08-17`, `${year}-12-25`]));
  });

  it('holds only real dates, each once, in order', () => {
    expect(PUBLIC_HOLIDAYS.every(isIsoDate)).toBe(true);
    expect(new Set(PUBLIC_HOLIDAYS).size).toBe(PUBLIC_HOLIDAYS.length);
    expect([...PUBLIC_HOLIDAYS].sort()).toEqual(PUBLIC_HOLIDAYS);
  });
});
