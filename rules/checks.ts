// Zod-free checks of values as the request schemas check them, for workflow code: a workflow that loads zod pays
// for it in every cached run (about 1 MB each; npm run bench: bench/scholarships). Each check that uses these is held
// to its zod schema by a property test (test/rules/quote-request-check.test.ts, test/vocabulary/claim-check.test.ts):
// whatever a check accepts, its schema accepts, with the same output.
import { isIsoDate } from './dates';
import { isText } from './text';

/** A plain object (what a JSON object parses to) holding no key but `keys`. */
export function isRecordOf(value: unknown, keys: readonly string[]): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  // A plain object of any realm (the workflow sandbox has its own Object.prototype): its prototype is an
  // Object.prototype, whose own prototype is null, or it has none.
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== null && Object.getPrototypeOf(prototype) !== null) return false;
  return Object.keys(value).every((key) => keys.includes(key));
}

/** A real calendar date written YYYY-MM-DD, not in year 0000: what the schemas' `isoDate` accepts. */
export function isRealDate(value: unknown): value is string {
  return typeof value === 'string' && isIsoDate(value) && !value.startsWith('0000');
}

/** A safe integer from min to max. */
export function isIntIn(value: unknown, min: number, max: number): value is number {
  return Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max;
}

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

/** An optional field: absent (or undefined), or passing `check`. */
export function optional(value: unknown, check: (value: unknown) => boolean): boolean {
  return value === undefined || check(value);
}

/** An array of `min` to `max` items, each passing `check`. */
export function isArrayOf(
  value: unknown,
  check: (item: unknown) => boolean,
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
): value is unknown[] {
  if (!Array.isArray(value) || value.length < min || value.length > max) return false;
  // Every index, holes included (every() would skip a sparse array's holes; the schemas read them as undefined).
  for (let i = 0; i < value.length; i++) if (!check(value[i])) return false;
  return true;
}

const hasOwn = (record: Record<string, unknown>, key: string) =>
  Object.prototype.hasOwnProperty.call(record, key);

/** A copy of the record with its fields in `keys` order, each present one through `map` (the schema's output). */
export function inOrder(
  record: Record<string, unknown>,
  keys: readonly string[],
  map: Partial<Record<string, (value: unknown) => unknown>> = {},
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    if (!hasOwn(record, key)) continue;
    const value = record[key];
    const through = map[key];
    out[key] = value !== undefined && through ? through(value) : value;
  }
  return out;
}

export const matches = (pattern: RegExp, value: unknown) => typeof value === 'string' && pattern.test(value);
/** text(max).trim().min(1): a storable text that is not blank; the output is trimmed. */
export const isName = (value: unknown, max: number) => isText(value, max) && value.trim().length >= 1;
export const trimmed = (value: unknown) => (value as string).trim();
