// Near-valid inputs for holding a zod-free check to its zod schema: a valid value with a few fields deleted,
// replaced by awkward values, or joined by an unknown key, at any depth.
import fc from 'fast-check';

/** Values each field is tried with: wrong types, edges of every limit, dates that are not, texts PostgreSQL refuses. */
export const AWKWARD: readonly unknown[] = [
  undefined,
  null,
  true,
  0,
  -1,
  1.5,
  2 ** 53,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  1_000_000_000_000,
  1_000_000_000_001,
  '',
  ' ',
  '  padded  ',
  'x',
  'a\u0000b',
  'a\tb\nc',
  '\ud800',
  '😀',
  'x'.repeat(100),
  'x'.repeat(101),
  'x'.repeat(200),
  'x'.repeat(201),
  ` ${'x'.repeat(199)} `,
  'x'.repeat(2001),
  '2024-02-29',
  '2023-02-29',
  '0000-01-01',
  '0004-02-29',
  '1900-02-29',
  '2000-02-29',
  '2026-13-01',
  '2026-1-01',
  'JKM-20261124-ABCDEF',
  'JKK-20261124-' + 'A'.repeat(27),
  'JKK-20261124-' + 'A'.repeat(28),
  'JKM-20261124-abcdef',
  '3201234567890123',
  '320123456789012',
  'BRI',
  'br',
  '123456',
  '12345',
  'spouse',
  'child',
  'TK',
  'PT',
  'death',
  'partial_disability',
  'JKM',
  'land',
  2,
  7,
  12,
  13,
  100,
  100.5,
  0.5,
  33.333,
  12.34,
  1200,
  1201,
  [],
  {},
  [{}],
  { level: 'SD', grade: 7 },
  { level: 'SD', grade: 3 },
  { from: '2024-01-10', to: '2024-01-01' },
  // Each side of every length limit, in letters, digits and capitals (codes, account numbers, NIKs, hashes), and in
  // emoji: two UTF-16 units, one character as PostgreSQL and zod count them.
  ...[
    2, 3, 5, 6, 9, 10, 11, 15, 16, 17, 20, 21, 40, 41, 99, 100, 101, 199, 200, 201, 1999, 2000, 2001,
  ].flatMap((n) => ['x'.repeat(n), '1'.repeat(n), 'A'.repeat(n), '😀'.repeat(n)]),
  // A sparse array: JSON has none, but a check must not skip its holes.
  new Array(2),
];

type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'set'; at: number; value: unknown }
  | { kind: 'near'; at: number; pick: number }
  | { kind: 'extra'; at: number }
  | { kind: 'reorder'; at: number };

type Container = Record<string, unknown> | unknown[];

/** Every object and array in the value, the value itself first. */
function containers(value: unknown): Container[] {
  if (typeof value !== 'object' || value === null) return [];
  return [value as Container, ...Object.values(value as object).flatMap(containers)];
}

/** Every field at any depth, as its container and key. */
function fields(value: unknown): [Container, string][] {
  return containers(value).flatMap((container) =>
    Object.keys(container).map((key) => [container, key] as [Container, string]),
  );
}

/** Values next to this one: a character more or less, padded, with a NUL, in the other case; a unit more or less. */
function near(value: unknown, pick: number): unknown {
  const options: unknown[] =
    typeof value === 'string'
      ? [
          value.slice(0, -1),
          value + (value.slice(-1) || 'x'),
          ` ${value} `,
          `${value}\u0000`,
          value.toLowerCase(),
          value.repeat(2),
          '',
          // As many characters, each an emoji (twice the UTF-16 units); as many units, half the characters; one
          // character swapped for one.
          '😀'.repeat(value.length),
          '😀'.repeat(Math.ceil(value.length / 2)),
          `${value.slice(0, -1)}😀`,
        ]
      : typeof value === 'number'
        ? [value + 1, value - 1, -value, value + 0.5, value * 10, value / 10]
        : typeof value === 'boolean'
          ? [!value, String(value)]
          : // An array as long, all holes (a sparse array).
            Array.isArray(value)
            ? [new Array(value.length), undefined]
            : [undefined];
  return options[pick % options.length];
}

function apply(value: unknown, mutation: Mutation): void {
  if (mutation.kind === 'reorder') {
    // The same fields in the opposite order: what a check returns must still be in the schema's order.
    const objects = containers(value).filter((c): c is Record<string, unknown> => !Array.isArray(c));
    const target = objects[mutation.at % objects.length];
    if (!target) return;
    const entries = Object.entries(target).reverse();
    for (const [key] of entries) delete target[key];
    for (const [key, field] of entries) target[key] = field;
    return;
  }
  if (mutation.kind === 'extra') {
    const all = containers(value);
    const target = all[mutation.at % all.length]!;
    // An array gets one more of its own first item (past a length limit), or an awkward value.
    if (Array.isArray(target))
      target.push(
        target.length > 0 && mutation.at % 2 === 0
          ? structuredClone(target[0])
          : AWKWARD[mutation.at % AWKWARD.length],
      );
    else target.unexpected = 1;
    return;
  }
  const all = fields(value);
  if (all.length === 0) return;
  const [target, key] = all[mutation.at % all.length]!;
  if (mutation.kind === 'delete') {
    if (Array.isArray(target)) target.splice(Number(key), 1);
    else delete target[key];
    return;
  }
  const replacement =
    mutation.kind === 'near' ? near((target as Record<string, unknown>)[key], mutation.pick) : mutation.value;
  (target as Record<string, unknown>)[key] = structuredClone(replacement);
}

/** Any field or container alike (fast-check's integers lean towards small ones: not here). */
const position = fc.noBias(fc.nat({ max: 1_000_000 }));

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: position }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('set' as const),
      at: position,
      value: fc.oneof(fc.constantFrom(...AWKWARD), fc.string({ maxLength: 12 }), fc.double()),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('near' as const), at: position, pick: position }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('extra' as const), at: position }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reorder' as const), at: position }) },
);

/** The valid value with 0 to 3 mutations (a fresh copy each time; about one in eight unchanged). */
export function nearlyValid<T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.tuple(valid, fc.array(mutation, { maxLength: 3 })).map(([value, mutations]) => {
    const copy = structuredClone(value);
    for (const m of mutations) apply(copy, m);
    return copy;
  });
}
