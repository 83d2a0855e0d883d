import { contributionMonths, RuleError } from '../../rules';
import {
  addMonths,
  dayNumber,
  fromDayNumber,
  isIsoDate,
  weekday,
  wholeMonthsBetween,
} from '../../rules/dates';
import { thrown } from './factories';

describe('calendar dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2023-02-30', false],
    ['2024-04-31', false],
    ['2024-13-01', false],
    ['2024-3-1', false],
    ['2024-12-31', true],
  ])('accepts only real calendar dates: %s → %s', (iso, valid) => {
    expect(isIsoDate(iso)).toBe(valid);
  });

  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-11-15', 3, '2025-02-15'],
    ['2024-03-31', -1, '2024-02-29'],
  ])('adds months, ending on the last day of a shorter month: %s + %i → %s', (from, months, expected) => {
    expect(addMonths(from, months)).toBe(expected);
  });

  it('knows the weekday of a date (2024-03-01 was a Friday)', () => {
    expect(weekday('2024-03-01')).toBe(5);
  });

  it('keeps years below 100 as they are', () => {
    expect(fromDayNumber(dayNumber('0050-06-15'))).toBe('0050-06-15');
  });
});

describe('contribution period (masa iur) in whole months', () => {
  it.each([
    ['2020-01-15', '2023-01-14', 35],
    ['2020-01-15', '2023-01-15', 36],
    ['2021-03-02', '2024-03-01', 35],
    ['2021-03-01', '2024-03-01', 36],
    ['2020-01-31', '2020-02-29', 1],
    ['2020-03-31', '2020-04-29', 0],
    ['2020-03-31', '2020-04-30', 1],
    ['2020-02-29', '2023-02-28', 36],
    ['2024-03-01', '2024-03-01', 0],
  ])('counts whole months from %s to %s as %i', (start, event, months) => {
    expect(contributionMonths(start, event)).toBe(months);
    expect(wholeMonthsBetween(start, event)).toBe(months);
  });

  it('refuses a membership that starts after the event, naming membershipStartDate', () => {
    const err = thrown(() => contributionMonths('2024-03-02', '2024-03-01'));
    expect(err).toBeInstanceOf(RuleError);
    expect((err as RuleError).field).toBe('membershipStartDate');
  });
});
