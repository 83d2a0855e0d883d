// Free text as PostgreSQL and JSON can keep it. Here, the lowest layer and free of zod, so the quote contract
// (rules/schema.ts builds its `text()` schema on it), the vocabulary and the workflows share one rule; a workflow
// checks its notes with `isText`, so a parked scholarship does not evaluate zod (npm run bench: bench/scholarships).

// NUL and the other C0/C1 controls but tab and newline; in a u-mode class, a surrogate range matches a lone one only.
const UNSTORABLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uD800-\uDFFF]/u;

export const TEXT_MESSAGE =
  'must not contain NUL, control characters other than newline and tab, or unpaired surrogates';

/** Whether PostgreSQL (text, varchar and jsonb alike) can store the value as it is. */
export function isStorableText(value: string): boolean {
  return !UNSTORABLE.test(value);
}

/**
 * The characters of a text as PostgreSQL's varchar(n) and zod's string limits count them: code points, a surrogate
 * pair (an emoji) one, a lone surrogate one.
 */
export function textLength(value: string): number {
  let length = value.length;
  for (let i = 0; i < value.length - 1; i++) {
    if ((value.charCodeAt(i) & 0xfc00) === 0xd800 && (value.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      length--;
      i++;
    }
  }
  return length;
}

/** Whether the value is a free text of at most `max` characters that PostgreSQL can store: what `text(max)` accepts. */
export function isText(value: unknown, max: number): value is string {
  return typeof value === 'string' && textLength(value) <= max && isStorableText(value);
}
