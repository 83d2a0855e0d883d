// Calendar dates as ISO 'YYYY-MM-DD' strings. Pure arithmetic on UTC day numbers: no clock, no time zone.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export interface DateParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(utcMs(year, month + 1, 1) - MS_PER_DAY).getUTCDate();
}

/** The parts of a real calendar date, or undefined (2023-02-30 is not one). */
function parseIsoDate(iso: string): DateParts | undefined {
  const match = ISO_DATE.exec(iso);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function isIsoDate(iso: string): boolean {
  return parseIsoDate(iso) !== undefined;
}

export function toParts(iso: string): DateParts {
  const parts = parseIsoDate(iso);
  if (!parts) throw new RangeError(`Not a calendar date as YYYY-MM-DD: ${JSON.stringify(iso)}`);
  return parts;
}

/** Days since 1970-01-01. */
export function dayNumber(iso: string): number {
  const { year, month, day } = toParts(iso);
  return utcMs(year, month, day) / MS_PER_DAY;
}

export function fromDayNumber(days: number): string {
  return new Date(days * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return fromDayNumber(dayNumber(iso) + days);
}

/** `to - from` in days. */
export function daysBetween(fromIso: string, toIso: string): number {
  return dayNumber(toIso) - dayNumber(fromIso);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(iso: string): number {
  return new Date(dayNumber(iso) * MS_PER_DAY).getUTCDay();
}

/** Same day n months later; a day the target month lacks becomes its last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(iso: string, months: number): string {
  const { year, month, day } = toParts(iso);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return formatIso(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** Anniversaries follow addMonths: the anniversary of 29 Feb in a common year is 28 Feb. */
export function addYears(iso: string, years: number): string {
  return addMonths(iso, years * 12);
}

/**
 * Whole months from `fromIso` to `toIso`: the largest n with addMonths(from, n) ≤ to. A month started on
 * the 31st is complete on the last day of a shorter month. Counted backwards (≤ 0) when `toIso` is before `fromIso`.
 */
export function wholeMonthsBetween(fromIso: string, toIso: string): number {
  if (toIso < fromIso) return 0 - wholeMonthsBetween(toIso, fromIso);
  const from = toParts(fromIso);
  const to = toParts(toIso);
  const months = (to.year - from.year) * 12 + (to.month - from.month);
  return addMonths(fromIso, months) <= toIso ? months : months - 1;
}

export function formatIso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
function utcMs(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}
