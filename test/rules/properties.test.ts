import fc from 'fast-check';
import {
  addWorkingDays,
  GRADES,
  isWorkingDay,
  PARTIAL_DISABILITY_TABLE,
  quote,
  regulationFor,
  SCHOOL_LEVELS,
  scholarshipPlan,
  transportLines,
  workingDaysBetween,
  type QuoteRequest,
  type StagedScholarship,
} from '../../rules';
import { addDays, addYears, dayNumber, fromDayNumber } from '../../rules/dates';
import { quoteResponseSchema } from '../../rules/schema';

const dateBetween = (from: string, to: string) =>
  fc.integer({ min: dayNumber(from), max: dayNumber(to) }).map(fromDayNumber);
const wage = fc.integer({ min: 0, max: 200_000_000 });

const schooling = fc
  .constantFrom(...SCHOOL_LEVELS)
  .chain((level) =>
    fc.integer({ min: GRADES[level].first, max: GRADES[level].last }).map((grade) => ({ level, grade })),
  );

const child = (eventDate: string) =>
  fc.record(
    {
      dateOfBirth: fc.integer({ min: -30 * 366, max: 300 }).map((days) => addDays(eventDate, days)),
      registered: fc.boolean(),
      schooling,
      married: fc.boolean(),
      working: fc.boolean(),
    },
    { requiredKeys: ['dateOfBirth'] },
  );

const CASES = [
  ['JKM', 'death'],
  ['JKK', 'death'],
  ['JKK', 'permanent_total_disability'],
  ['JKK', 'partial_disability'],
  ['JKK', 'temporary_incapacity'],
] as const;

const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

const incapacity = (eventDate: string) =>
  fc
    .tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 900 }))
    .map(([start, length]) => ({ from: addDays(eventDate, start), to: addDays(eventDate, start + length) }));

const transport = fc.array(
  fc.record({
    mode: fc.constantFrom('land' as const, 'sea' as const, 'air' as const),
    amount: fc.integer({ min: 0, max: 30_000_000 }),
  }),
  { maxLength: 5 },
);

const disability = fc.record(
  {
    items: fc.array(
      fc.record(
        {
          code: fc.constantFrom(...PARTIAL_DISABILITY_TABLE.map((entry) => entry.code)),
          functionLossPercent: fc.integer({ min: 1, max: 10_000 }).map((hundredths) => hundredths / 100),
        },
        { requiredKeys: ['code'] },
      ),
      { minLength: 1, maxLength: 3 },
    ),
    leftHanded: fc.boolean(),
  },
  { requiredKeys: ['items'] },
);

/** Any request the rules accept, over both regulation versions. */
const request: fc.Arbitrary<QuoteRequest> = fc
  .tuple(fc.constantFrom(...CASES), dateBetween('2015-07-01', '2030-12-31'))
  .chain(([[program, event], eventDate]) => {
    const jkk = program === 'JKK';
    return fc
      .record({
        membershipStartDate: fc.integer({ min: 0, max: 400 * 31 }).map((days) => addDays(eventDate, -days)),
        claimDate: optional(fc.integer({ min: 0, max: 3000 }).map((days) => addDays(eventDate, days))),
        monthlyWage: wage,
        actualMonthlyWage: optional(wage),
        arrearsMonths: optional(fc.integer({ min: 0, max: 12 })),
        incapacity: !jkk
          ? fc.constant(undefined)
          : event === 'temporary_incapacity'
            ? incapacity(eventDate)
            : optional(incapacity(eventDate)),
        transport: jkk ? optional(transport) : fc.constant(undefined),
        disability: event === 'partial_disability' ? disability : fc.constant(undefined),
        children: optional(fc.array(child(eventDate), { maxLength: 4 })),
      })
      .map(
        // JSON round trip: drop the undefined fields, as a request over the wire would.
        (fields) => JSON.parse(JSON.stringify({ program, event, eventDate, ...fields })) as QuoteRequest,
      );
  });

const sumOf = (amounts: number[]) => amounts.reduce((a, b) => a + b, 0);

describe('properties of every quote', () => {
  it('has a total equal to the sum of its components, in whole rupiah, matching the response schema', () => {
    fc.assert(
      fc.property(request, (req) => {
        const response = quote(req);
        expect(quoteResponseSchema.parse(response)).toEqual(response);
        expect(response.total).toBe(sumOf(response.components.map((c) => c.amount)));
        for (const component of response.components)
          expect(Number.isSafeInteger(component.amount)).toBe(true);
      }),
    );
  });

  it('pays amounts monotone in the wage', () => {
    fc.assert(
      fc.property(request, wage, wage, (req, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const lower = quote({ ...req, monthlyWage: low });
        const higher = quote({ ...req, monthlyWage: high });
        expect(lower.total).toBeLessThanOrEqual(higher.total);
        for (const [i, component] of lower.components.entries()) {
          expect(higher.components[i]?.code).toBe(component.code);
          expect(component.amount).toBeLessThanOrEqual(higher.components[i]?.amount ?? -1);
        }
      }),
    );
  });

  it('never pays a capped item above its cap', () => {
    fc.assert(
      fc.property(request, (req) => {
        const response = quote(req);
        const regulation = regulationFor(req.eventDate);
        const lines = transportLines(regulation, req.transport ?? []);
        for (const line of lines) expect(line.paid).toBeLessThanOrEqual(line.cap);
        const transport = response.components.find((c) => c.code === 'transport');
        if (transport) expect(transport.amount).toBeLessThanOrEqual(sumOf(lines.map((line) => line.cap)));
        const scholarship = regulation.scholarship;
        if (scholarship.kind !== 'staged') return;
        for (const planned of response.scholarship.children) {
          for (const row of planned.plan) {
            const level = scholarship.levels.find((l) => l.level === row.level);
            expect(row.amount).toBeLessThanOrEqual(level?.amountPerYear ?? 0);
          }
        }
      }),
    );
  });

  it('pays each child at most 87,000,000 and all children at most 174,000,000 in scholarships', () => {
    fc.assert(
      fc.property(request, (req) => {
        const { scholarship } = quote(req);
        for (const planned of scholarship.children) {
          expect(planned.total).toBeLessThanOrEqual(87_000_000);
          expect(planned.total).toBe(sumOf(planned.plan.map((row) => row.amount)));
        }
        expect(scholarship.children.filter((c) => c.plan.length > 0).length).toBeLessThanOrEqual(2);
        expect(scholarship.total).toBeLessThanOrEqual(174_000_000);
        expect(scholarship.total).toBe(sumOf(scholarship.children.map((c) => c.total)));
      }),
    );
  });
});

describe('properties of a scholarship plan', () => {
  const rule = regulationFor('2024-01-01').scholarship as StagedScholarship;

  it('never pays a level beyond its cap of years, nor a year that starts at age 23 or later', () => {
    fc.assert(
      fc.property(
        dateBetween('2019-12-02', '2035-12-31'),
        fc.integer({ min: -23 * 366, max: 300 }),
        fc.option(schooling, { nil: undefined }),
        (eventDate, birthOffset, school) => {
          const dateOfBirth = addDays(eventDate, birthOffset);
          const { plan, total } = scholarshipPlan(
            { dateOfBirth, ...(school ? { schooling: school } : {}) },
            eventDate,
          );
          const limit = addYears(dateOfBirth, 23);
          for (const level of rule.levels) {
            expect(plan.filter((row) => row.level === level.level).length).toBeLessThanOrEqual(
              level.maxYears,
            );
          }
          for (const row of plan) expect(`${row.schoolYear.slice(0, 4)}-07-01` < limit).toBe(true);
          const years = plan.map((row) => Number(row.schoolYear.slice(0, 4)));
          expect(years).toEqual([...new Set(years)].sort((a, b) => a - b));
          expect(total).toBeLessThanOrEqual(87_000_000);
        },
      ),
    );
  });
});

describe('properties of the working-day calendar', () => {
  it('lands on a working day and counts back the same number of days', () => {
    fc.assert(
      fc.property(dateBetween('2023-06-01', '2027-12-31'), fc.integer({ min: 1, max: 40 }), (from, days) => {
        const to = addWorkingDays(from, days);
        expect(isWorkingDay(to)).toBe(true);
        expect(workingDaysBetween(from, to)).toBe(days);
      }),
    );
  });
});
