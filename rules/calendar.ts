// Working days: Monday to Friday in Asia/Jakarta, minus public holidays (given as data).
import { addDays, dayNumber, fromDayNumber, isIsoDate, weekday } from './dates';
import { PUBLIC_HOLIDAYS } from './holidays';

export function isWorkingDay(isoDate: string, holidays: readonly string[] = PUBLIC_HOLIDAYS): boolean {
  const day = weekday(isoDate);
  return day !== 0 && day !== 6 && !holidays.includes(isoDate);
}

/** The date of the `days`-th working day after `isoDate` (0 gives `isoDate` itself). */
export function addWorkingDays(
  isoDate: string,
  days: number,
  holidays: readonly string[] = PUBLIC_HOLIDAYS,
): string {
  assertDate(isoDate);
  if (!Number.isSafeInteger(days) || days < 0)
    throw new RangeError(`Expected a whole number of days ≥ 0: ${days}`);
  const holidaySet = new Set(holidays);
  let date = isoDate;
  for (let remaining = days; remaining > 0;) {
    date = addDays(date, 1);
    if (isWorkingDay(date, []) && !holidaySet.has(date)) remaining -= 1;
  }
  return date;
}

/**
 * The working days after `fromIso` up to and including `toIso`, so that
 * workingDaysBetween(d, addWorkingDays(d, n)) = n. 0 when `toIso` is not after `fromIso`.
 */
export function workingDaysBetween(
  fromIso: string,
  toIso: string,
  holidays: readonly string[] = PUBLIC_HOLIDAYS,
): number {
  assertDate(fromIso);
  assertDate(toIso);
  const holidaySet = new Set(holidays);
  let count = 0;
  for (let day = dayNumber(fromIso) + 1, last = dayNumber(toIso); day <= last; day++) {
    const date = fromDayNumber(day);
    if (isWorkingDay(date, []) && !holidaySet.has(date)) count += 1;
  }
  return count;
}

function assertDate(isoDate: string): void {
  if (!isIsoDate(isoDate))
    throw new RangeError(`Not a calendar date as YYYY-MM-DD: ${JSON.stringify(isoDate)}`);
}
