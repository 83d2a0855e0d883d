// The zod-free checks a claim workflow uses against the schemas the API validates with: on valid claims and on
// claims with a few fields broken, each check returns exactly what its schema returns (fields, order, trimmed
// names), and returns nothing where the schema refuses. If they drifted apart, a claim could be checked one way by
// the API and another by its workflow, or an old history could replay differently.
import fc from 'fast-check';
import { bankAccountSchema, claimInputSchema } from '../../vocabulary/claim';
import { bankAccountOf, claimInputOf } from '../../vocabulary/claim-check';
import { nearlyValid } from '../helpers/mutate';

const text = (...values: string[]) => fc.constantFrom(...values);
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
/** Drops the keys whose value is undefined, as JSON would. */
const json = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** A few items, or up to the limit of 20 (one more is a mutation away). */
const upTo20 = <T>(item: fc.Arbitrary<T>, minLength: number) =>
  fc.oneof(fc.array(item, { minLength, maxLength: 3 }), fc.array(item, { minLength: 19, maxLength: 20 }));

const bankAccount = fc.record({
  bankCode: text('BRI', 'BNI', '008', 'MANDIRI123'),
  accountNumber: text('1234567890', '123456', '12345678901234567890'),
  accountName: text('Sri Wahyuni', '  Sri Wahyuni ', 'x'.repeat(100)),
});

const child = fc
  .record({
    name: maybe(text('Ayu', ' Budi ', 'x'.repeat(200))),
    dateOfBirth: text('2015-06-01', '2020-02-29', '2008-12-31'),
    registered: maybe(fc.boolean()),
    schooling: maybe(
      fc.constantFrom({ level: 'TK', grade: 2 }, { level: 'SD', grade: 3 }, { level: 'SMP', grade: 8 }),
    ),
    married: maybe(fc.boolean()),
    working: maybe(fc.boolean()),
  })
  .map(json);

const claim = fc
  .record({
    claimNumber: text('JKM-20261124-7KQ2MZXA', 'JKK-20261124-ABCDEF'),
    program: text('JKM', 'JKK'),
    event: fc.constant('death'),
    participantNik: fc.constant('3201234567890123'),
    eventDate: text('2026-11-01', '2024-02-29'),
    claimDate: text('2026-11-20', '2026-11-01'),
    heirs: upTo20(
      fc
        .record({
          name: text('Sri Wahyuni', ' Ayu ', 'x'.repeat(200)),
          relationship: text('spouse', 'child', 'parent'),
          nik: maybe(fc.constant('3201234567890124')),
          dateOfBirth: maybe(text('1980-01-31')),
        })
        .map(json),
      1,
    ),
    children: upTo20(child, 0),
    bankAccount,
    actualMonthlyWage: maybe(fc.constantFrom(0, 5_000_000, 1_000_000_000_000)),
    trackingCodeHash: text('0123456789', 'h'.repeat(64)),
    createdBy: text('officer-intake', 'x'.repeat(100)),
    backdating: maybe(
      fc.record({ reason: text('paper file', ' late post '), receivedDate: text('2026-12-01') }),
    ),
  })
  .map(json);

/** The check returns what the schema returns, and nothing where the schema refuses. */
function agrees(
  check: (value: unknown) => unknown,
  schema: typeof claimInputSchema | typeof bankAccountSchema,
) {
  return (value: unknown) => {
    const parsed = schema.safeParse(value);
    const checked = check(value);
    expect(checked === undefined ? 'refused' : 'accepted').toBe(parsed.success ? 'accepted' : 'refused');
    if (checked !== undefined) {
      expect(checked).toStrictEqual(parsed.data);
      expect(JSON.stringify(checked)).toBe(JSON.stringify(parsed.data));
    }
  };
}

describe('claimInputOf and bankAccountOf, against claimInputSchema and bankAccountSchema', () => {
  it('take every valid claim as the schema returns it (names trimmed, fields in the same order)', () => {
    fc.assert(fc.property(claim, agrees(claimInputOf, claimInputSchema)), { numRuns: 500 });
    expect(
      claimInputOf(json({ ...fc.sample(claim, 1)[0]!, heirs: [{ name: ' Ayu ', relationship: 'child' }] })),
    ).toMatchObject({ heirs: [{ name: 'Ayu' }] });
  });

  it('answer as the schema does for claims with a few fields deleted, broken or added', () => {
    fc.assert(fc.property(nearlyValid(claim), agrees(claimInputOf, claimInputSchema)), { numRuns: 5000 });
  });

  it('answer as the schema does for bank accounts, valid and broken', () => {
    fc.assert(fc.property(nearlyValid(bankAccount), agrees(bankAccountOf, bankAccountSchema)), {
      numRuns: 5000,
    });
  });
});
