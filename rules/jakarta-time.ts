// Time in Asia/Jakarta (WIB, UTC+7 all year: Indonesia has no daylight saving time). The one place that knows
// the offset: calendar days of instants, and the instants a Jakarta day starts and ends.
import { addDays, toParts } from './dates';

const JAKARTA_OFFSET_MS = 7 * 3_600_000;

/** The calendar date in Asia/Jakarta at an instant. */
export function jakartaDate(epochMs: number): string {
  if (!Number.isFinite(epochMs)) throw new RangeError(`Not an instant: ${epochMs}`);
  return new Date(epochMs + JAKARTA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Jakarta calendar day begins. */
export function jakartaStartOfDay(isoDate: string): number {
  const { year, month, day } = toParts(isoDate);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime() - JAKARTA_OFFSET_MS;
}

/** The instant a Jakarta calendar day ends (the next day's midnight). */
export function jakartaEndOfDay(isoDate: string): number {
  return jakartaStartOfDay(addDays(isoDate, 1));
}
