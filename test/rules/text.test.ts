// The workflows check notes with isText (no zod in a parked scholarship); the API with the zod schema text(). Both
// must accept exactly the same values, or a note the API took could be refused by the workflow, or the reverse.
import fc from 'fast-check';
import { text } from '../../rules/schema';
import { isText } from '../../rules/text';

const MAX = 12;
/** Short strings from every kind of code unit: tab, newline, controls, lone surrogates, pairs, plain letters. */
const anyText = fc.string({
  unit: fc.oneof(
    fc.constantFrom('\t', '\n', '\u0000', '\u001f', '\u007f', '\u009f', '\ud800', '\udfff', '😀', 'é', ' '),
    // Emoji, often: one character in two UTF-16 units, so a limit counted in units would differ.
    fc.constant('😀'),
    fc.constant('😀'),
    fc.string({ minLength: 1, maxLength: 1 }),
    fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)),
  ),
  maxLength: 2 * MAX + 3,
});

describe('isText and text()', () => {
  it('accept exactly the same values', () => {
    const schema = text(MAX);
    fc.assert(
      fc.property(fc.oneof(anyText, fc.anything()), (value) => {
        expect(isText(value, MAX)).toBe(schema.safeParse(value).success);
      }),
      { numRuns: 5000 },
    );
  });

  it('refuse what PostgreSQL cannot store and what is too long, and take tab, newline and pairs', () => {
    expect(isText('a\tb\nc 😀', MAX)).toBe(true);
    expect(isText('a\u0000b', MAX)).toBe(false);
    expect(isText('\ud800', MAX)).toBe(false);
    expect(isText('x'.repeat(MAX + 1), MAX)).toBe(false);
    expect(isText(42, MAX)).toBe(false);
    // Characters as PostgreSQL's varchar counts them: an emoji is one.
    expect(isText('😀'.repeat(MAX), MAX)).toBe(true);
    expect(isText('😀'.repeat(MAX + 1), MAX)).toBe(false);
  });
});
