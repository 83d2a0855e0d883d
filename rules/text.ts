// Free text as PostgreSQL and JSON can keep it. Here, the lowest layer, so the quote contract (rules/schema.ts) and
// the vocabulary (vocabulary/primitives.ts re-exports it) share one rule.
import { z } from 'zod';

// NUL and the other C0/C1 controls but tab and newline; in a u-mode class, a surrogate range matches a lone one only.
const UNSTORABLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uD800-\uDFFF]/u;

export const TEXT_MESSAGE =
  'must not contain NUL, control characters other than newline and tab, or unpaired surrogates';

/** Whether PostgreSQL (text, varchar and jsonb alike) can store the value as it is. */
function isStorableText(value: string): boolean {
  return !UNSTORABLE.test(value);
}

/** A free-text field of at most `max` characters that PostgreSQL can store. */
export function text(max: number) {
  return z.string().max(max).refine(isStorableText, TEXT_MESSAGE);
}
