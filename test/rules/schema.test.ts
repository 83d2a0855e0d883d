import { quoteRequestSchema, type QuoteRequest } from '../../rules/schema';
import { zodFieldProblems } from '../../rules/problem';
import { jkkCase } from './factories';

const fullRequest: QuoteRequest = jkkCase('partial_disability', {
  claimDate: '2024-04-01',
  actualMonthlyWage: 6_000_000,
  arrearsMonths: 2,
  disability: { items: [{ code: 'eye_one', functionLossPercent: 33.33 }], leftHanded: true },
  incapacity: { from: '2024-03-01', to: '2024-03-31' },
  transport: [{ mode: 'sea', amount: 100_000 }],
  children: [
    {
      name: 'Siti',
      dateOfBirth: '2015-02-28',
      registered: true,
      schooling: { level: 'SD', grade: 3 },
      married: false,
      working: false,
    },
  ],
});

/** The fields the schema refuses in `value`. */
const refused = (value: unknown): string[] => {
  const result = quoteRequestSchema.safeParse(value);
  return result.success ? [] : zodFieldProblems(result.error).map((problem) => problem.field);
};

describe('quote request schema', () => {
  it('accepts a request using every field', () => {
    expect(quoteRequestSchema.parse(fullRequest)).toEqual(fullRequest);
  });

  it.each([
    [{ extra: 1 }, 'extra'],
    [{ disability: { items: [{ code: 'eye_one', side: 'left' }] } }, 'disability.items.0.side'],
    [
      { children: [{ dateOfBirth: '2015-01-01', schooling: { level: 'SD', grade: 3, school: 'x' } }] },
      'children.0.schooling.school',
    ],
    [{ incapacity: { from: '2024-03-01', to: '2024-03-02', days: 2 } }, 'incapacity.days'],
    [{ transport: [{ mode: 'air', amount: 1, receipt: 'r' }] }, 'transport.0.receipt'],
  ])('rejects unknown fields at every level: %j', (extra, field) => {
    expect(refused({ ...fullRequest, ...extra })).toContain(field);
  });

  it.each([
    ['2023-02-30', false],
    ['2023-02-29', false],
    ['2024-02-29', true],
    ['2024-3-1', false],
    ['01-03-2024', false],
  ])('accepts only real calendar dates as YYYY-MM-DD: %s → %s', (eventDate, valid) => {
    expect(refused({ ...fullRequest, eventDate }).includes('eventDate')).toBe(!valid);
  });

  it.each([
    ['monthlyWage', -1],
    ['monthlyWage', 5_000_000.5],
    ['monthlyWage', '5000000'],
    ['actualMonthlyWage', -1],
    ['arrearsMonths', 1.5],
  ])('requires whole non-negative rupiah and months: %s = %j is refused', (field, value) => {
    expect(refused({ ...fullRequest, [field]: value })).toContain(field);
  });

  it('refuses a negative transport amount', () => {
    expect(refused({ ...fullRequest, transport: [{ mode: 'land', amount: -5 }] })).toContain(
      'transport.0.amount',
    );
  });

  it.each([
    ['TK', 3, false],
    ['SD', 7, false],
    ['SMP', 6, false],
    ['SMP', 7, true],
    ['SMA', 12, true],
    ['PT', 6, false],
  ] as const)('checks grades in national numbering: %s %i → %s', (level, grade, valid) => {
    const children = [{ dateOfBirth: '2010-01-01', schooling: { level, grade } }];
    expect(refused({ ...fullRequest, children }).includes('children.0.schooling.grade')).toBe(!valid);
  });

  it.each([
    [0, false],
    [101, false],
    [33.333, false],
    [33.33, true],
    [100, true],
  ])(
    'takes a function loss of more than 0 and at most 100%%, two decimals at most: %d → %s',
    (functionLossPercent, valid) => {
      const disability = { items: [{ code: 'eye_one', functionLossPercent }] };
      expect(refused({ ...fullRequest, disability }).includes('disability.items.0.functionLossPercent')).toBe(
        !valid,
      );
    },
  );

  it('refuses an incapacity that ends before it starts', () => {
    expect(refused({ ...fullRequest, incapacity: { from: '2024-03-10', to: '2024-03-09' } })).toEqual([
      'incapacity.to',
    ]);
  });

  it('requires the program, event, dates and wage', () => {
    expect(refused({})).toEqual(['program', 'event', 'eventDate', 'membershipStartDate', 'monthlyWage']);
  });
});
