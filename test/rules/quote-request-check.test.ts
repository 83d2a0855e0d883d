// The zod-free check quote() uses against the schema the API validates quotes with: on valid requests and on
// requests with a few fields broken, isQuoteRequest accepts exactly what quoteRequestSchema accepts, and the schema
// returns an accepted request with the same fields and values (in its own order; quote() reads fields by name), so
// quote() may take it as it is without loading zod.
import fc from 'fast-check';
import { isQuoteRequest } from '../../rules/quote-request';
import { quoteRequestSchema } from '../../rules/schema';
import { nearlyValid } from '../helpers/mutate';

const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const json = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const date = fc.constantFrom('2024-03-01', '2020-01-01', '2024-02-29', '2015-06-30');

const request = fc
  .record({
    program: fc.constantFrom('JKM', 'JKK'),
    event: fc.constantFrom(
      'death',
      'permanent_total_disability',
      'partial_disability',
      'temporary_incapacity',
    ),
    eventDate: date,
    membershipStartDate: date,
    claimDate: maybe(date),
    monthlyWage: fc.constantFrom(0, 5_000_000, 1_000_000_000_000),
    actualMonthlyWage: maybe(fc.constantFrom(0, 7_000_000)),
    arrearsMonths: maybe(fc.constantFrom(0, 4, 1200)),
    disability: maybe(
      fc.record({
        items: fc.array(
          fc
            .record({
              code: fc.constantFrom('arm', 'x'.repeat(100)),
              functionLossPercent: maybe(fc.constantFrom(10, 12.5, 100)),
            })
            .map(json),
          { minLength: 1, maxLength: 2 },
        ),
        leftHanded: maybe(fc.boolean()),
      }),
    ),
    incapacity: maybe(
      fc.constantFrom({ from: '2024-03-01', to: '2024-04-01' }, { from: '2024-03-01', to: '2024-03-01' }),
    ),
    transport: maybe(
      fc.array(
        fc.record({ mode: fc.constantFrom('land', 'sea', 'air'), amount: fc.constantFrom(0, 1_000_000) }),
        { maxLength: 2 },
      ),
    ),
    children: maybe(
      fc.array(
        fc
          .record({
            name: maybe(fc.constantFrom('Ayu', 'x'.repeat(200))),
            dateOfBirth: date,
            registered: maybe(fc.boolean()),
            schooling: maybe(
              fc.constantFrom(
                { level: 'TK', grade: 1 },
                { level: 'SMA', grade: 12 },
                { level: 'PT', grade: 5 },
              ),
            ),
            married: maybe(fc.boolean()),
            working: maybe(fc.boolean()),
          })
          .map(json),
        { maxLength: 3 },
      ),
    ),
  })
  .map(json);

function agrees(value: unknown): void {
  const parsed = quoteRequestSchema.safeParse(value);
  expect(isQuoteRequest(value) ? 'accepted' : 'refused').toBe(parsed.success ? 'accepted' : 'refused');
  if (parsed.success) expect(parsed.data).toStrictEqual(value);
}

describe('isQuoteRequest against quoteRequestSchema', () => {
  it('accepts every valid request, which the schema returns unchanged', () => {
    fc.assert(
      fc.property(request, (value) => {
        expect(isQuoteRequest(value)).toBe(true);
        agrees(value);
      }),
      { numRuns: 500 },
    );
  });

  it('answers as the schema does for requests with a few fields deleted, broken or added', () => {
    // An incapacity that ends before it starts is one no single mutation of a valid one makes.
    const ending = request.map((value) => ({
      ...value,
      incapacity: { from: '2024-03-02', to: '2024-03-01' },
    }));
    fc.assert(fc.property(nearlyValid(fc.oneof(request, ending)), agrees), { numRuns: 15_000 });
  });
});
