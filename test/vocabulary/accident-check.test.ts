// The zod-free check of an accident case's input against the schema the API validates it with: it accepts what the
// schema accepts, returning the same (fields, order, trimmed texts), and refuses what the schema refuses, so an
// accident case as the API opens it loads no zod, and one started around the API is refused by the schema as before.
import fc from 'fast-check';
import { accidentInputSchema } from '../../vocabulary/accident';
import { accidentInputOf } from '../../vocabulary/accident-check';
import { nearlyValid } from '../helpers/mutate';

const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const json = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const account = fc.record({
  bankCode: fc.constantFrom('BRI', '008'),
  accountNumber: fc.constantFrom('1234567890', '123456'),
  accountName: fc.constantFrom('Budi', ' PT Maju '),
});
const instant = fc.constantFrom(
  '2026-11-30T08:00:00+07:00',
  '2026-11-30T01:00:00Z',
  '2024-02-29T23:59:59.123-03:30',
  '2026-11-30T08:00:00.5+14:00',
);

const input = fc
  .tuple(
    fc.constantFrom('work', 'commuting', 'occupational_disease'),
    fc.constantFrom('2026-11-01', '2024-02-29'),
  )
  .chain(([accidentKind, accidentDate]) =>
    fc.record({
      claimNumber: fc.constantFrom('JKK-20261124-7KQ2MZXA', 'JKK-20261124-' + 'A'.repeat(26)),
      participantNik: fc.constant('3201234567890123'),
      accidentDate: fc.constant(accidentDate),
      accidentKind: fc.constant(accidentKind),
      diagnosisDate:
        accidentKind === 'occupational_disease' ? fc.constant('2026-11-10') : fc.constant(undefined),
      accidentPlace: fc.constantFrom('Pabrik, Bekasi', '  Jalan Sudirman  ', 'x'.repeat(200)),
      reportedAt: instant,
      bankAccount: account,
      employerBankAccount: maybe(account),
      claimDate: fc.constant('2026-11-20'),
      trackingCodeHash: fc.constantFrom('0123456789', 'h'.repeat(64)),
      createdBy: fc.constantFrom('officer-intake'),
    }),
  )
  .map(json);

/** The check accepts what the schema accepts, returning the same, and refuses what it refuses. */
function agrees(value: unknown): void {
  const checked = accidentInputOf(value);
  const parsed = accidentInputSchema.safeParse(value);
  expect(checked === undefined ? 'refused' : 'accepted').toBe(parsed.success ? 'accepted' : 'refused');
  if (checked === undefined) return;
  expect(checked).toStrictEqual(parsed.data);
  expect(JSON.stringify(checked)).toBe(JSON.stringify(parsed.data));
}

describe('accidentInputOf against accidentInputSchema', () => {
  it('accepts every valid input as the schema returns it', () => {
    fc.assert(
      fc.property(input, (value) => {
        expect(accidentInputOf(value)).toBeDefined();
        agrees(value);
      }),
      { numRuns: 500 },
    );
  });

  it('answers as the schema does for inputs with a few fields deleted, broken or added', () => {
    let refused = 0;
    fc.assert(
      fc.property(nearlyValid(input), (value) => {
        agrees(value);
        if (accidentInputOf(value) === undefined) refused += 1;
      }),
      { numRuns: 10_000 },
    );
    // The broken inputs do reach the refusals.
    expect(refused).toBeGreaterThan(1000);
  });

  it('reads instants as the schema does', () => {
    const instants = [
      '2026-11-30T08:00:00+07:00',
      '2026-11-30T08:00:00.123456Z',
      '2026-11-30T08:00+07:00',
      '2026-11-30T24:00:00Z',
      '2026-11-30T08:60:00Z',
      '2026-11-30T08:00:00+24:00',
      '2026-11-30T08:00:00+0700',
      '2026-02-30T08:00:00Z',
      '2024-02-29T08:00:00Z',
      '1900-02-29T08:00:00Z',
      '2026-11-30 08:00:00Z',
      '2026-11-30T08:00:00',
    ];
    const base = fc.sample(input, 1)[0]!;
    for (const reportedAt of instants) {
      const value = { ...base, reportedAt };
      expect([reportedAt, accidentInputOf(value) !== undefined]).toEqual([
        reportedAt,
        accidentInputSchema.safeParse(value).success,
      ]);
    }
  });
});
