// The quote request's constants and a zod-free check of it. rules/schema.ts builds the zod schema the API validates
// with from the same constants and predicates; quote() takes a request this check accepts as it is and loads the
// schema only for one it does not, so a workflow that prices a case does not load zod (rules/checks.ts says why).
import { isArrayOf, isIntIn, isOneOf, isRealDate, isRecordOf, optional } from './checks';
import { PROGRAMS } from './programs';
import { TRANSPORT_MODES } from './regulations/types';
import { isValidGrade, SCHOOL_LEVELS } from './school';
import { isText } from './text';

export const EVENTS = [
  'death',
  'permanent_total_disability',
  'partial_disability',
  'temporary_incapacity',
] as const;
export const COMPONENT_CODES = [
  'lump_sum',
  'periodic',
  'funeral',
  'death_compensation',
  'disability_compensation',
  'temporary_incapacity',
  'transport',
  'scholarship_lump_sum',
] as const;

/** A disability item's code is looked up in the regulation's table, never stored: the bound only caps the work. */
export const DISABILITY_CODE_MAX = 100;

/** Keeps every computed amount an exact integer in a JavaScript number. */
export const MAX_RUPIAH = 1_000_000_000_000;

/** A child's name: children.name is varchar(200). */
export const CHILD_NAME_MAX = 200;

/** The most months of arrears a request may state. */
export const ARREARS_MONTHS_MAX = 1200;

/** A share of function lost, in per cent, with at most two decimals. */
export function hasAtMostTwoDecimals(percent: number): boolean {
  return Math.abs(percent * 100 - Math.round(percent * 100)) < 1e-6;
}

const isRupiah = (value: unknown) => isIntIn(value, 0, MAX_RUPIAH);

function isSchooling(value: unknown): boolean {
  return (
    isRecordOf(value, SCHOOLING_KEYS) &&
    isOneOf(SCHOOL_LEVELS, value.level) &&
    isIntIn(value.grade, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER) &&
    isValidGrade(value.level, value.grade)
  );
}

const isBoolean = (value: unknown) => typeof value === 'boolean';

/** A child's fields, in the order of quoteChildSchema's shape (and so of what it returns). */
export const QUOTE_CHILD_KEYS = ['name', 'dateOfBirth', 'registered', 'schooling', 'married', 'working'];
export const SCHOOLING_KEYS = ['level', 'grade'];

/** What `quoteChildSchema` accepts (a child of the deceased). */
export function isQuoteChild(value: unknown): value is Record<string, unknown> {
  return (
    isRecordOf(value, QUOTE_CHILD_KEYS) &&
    optional(value.name, (name) => isText(name, CHILD_NAME_MAX)) &&
    isRealDate(value.dateOfBirth) &&
    optional(value.registered, isBoolean) &&
    optional(value.schooling, isSchooling) &&
    optional(value.married, isBoolean) &&
    optional(value.working, isBoolean)
  );
}

function isDisabilityItem(value: unknown): boolean {
  return (
    isRecordOf(value, ['code', 'functionLossPercent']) &&
    isText(value.code, DISABILITY_CODE_MAX) &&
    value.code.length >= 1 &&
    optional(
      value.functionLossPercent,
      (percent) =>
        typeof percent === 'number' &&
        Number.isFinite(percent) &&
        percent > 0 &&
        percent <= 100 &&
        hasAtMostTwoDecimals(percent),
    )
  );
}

function isDisability(value: unknown): boolean {
  return (
    isRecordOf(value, ['items', 'leftHanded']) &&
    isArrayOf(value.items, isDisabilityItem, 1) &&
    optional(value.leftHanded, isBoolean)
  );
}

function isIncapacity(value: unknown): boolean {
  return (
    isRecordOf(value, ['from', 'to']) &&
    isRealDate(value.from) &&
    isRealDate(value.to) &&
    value.to >= value.from
  );
}

const isTransport = (value: unknown) =>
  isRecordOf(value, ['mode', 'amount']) && isOneOf(TRANSPORT_MODES, value.mode) && isRupiah(value.amount);

const REQUEST_KEYS = [
  'program',
  'event',
  'eventDate',
  'membershipStartDate',
  'claimDate',
  'monthlyWage',
  'actualMonthlyWage',
  'arrearsMonths',
  'disability',
  'incapacity',
  'transport',
  'children',
];

/**
 * Whether `quoteRequestSchema` (rules/schema.ts) accepts the value. It changes nothing it accepts but the order of
 * the fields, which quote() reads by name, so quote() takes an accepted value as it is.
 */
export function isQuoteRequest(value: unknown): boolean {
  return (
    isRecordOf(value, REQUEST_KEYS) &&
    isOneOf(PROGRAMS, value.program) &&
    isOneOf(EVENTS, value.event) &&
    isRealDate(value.eventDate) &&
    isRealDate(value.membershipStartDate) &&
    optional(value.claimDate, isRealDate) &&
    isRupiah(value.monthlyWage) &&
    optional(value.actualMonthlyWage, isRupiah) &&
    optional(value.arrearsMonths, (months) => isIntIn(months, 0, ARREARS_MONTHS_MAX)) &&
    optional(value.disability, isDisability) &&
    optional(value.incapacity, isIncapacity) &&
    optional(value.transport, (lines) => isArrayOf(lines, isTransport)) &&
    optional(value.children, (children) => isArrayOf(children, isQuoteChild))
  );
}
