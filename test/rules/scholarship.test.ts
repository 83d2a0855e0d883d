import { childEligibility, quote, selectChildren } from '../../rules';
import { jkkCase, jkmDeath } from './factories';

describe('scholarship eligibility and the choice of children', () => {
  it.each([
    [{ dateOfBirth: '2010-01-01', married: true }, false, 'married'],
    [{ dateOfBirth: '2010-01-01', working: true }, false, 'working'],
    [{ dateOfBirth: '2001-03-01' }, false, '23 or older'],
    [{ dateOfBirth: '2001-03-02' }, true, 'Eligible'],
  ])('admits only children under 23, unmarried and not working: %j → %s', (child, eligible, reason) => {
    const result = childEligibility(child, '2024-03-01', 23);
    expect(result.eligible).toBe(eligible);
    expect(result.reason).toContain(reason);
  });

  it.each([
    ['two candidates', [{ index: 0 }, { index: 1 }], [0, 1], false],
    [
      'registered ones settle it',
      [{ index: 0 }, { index: 1, registered: true }, { index: 2, registered: true }],
      [1, 2],
      false,
    ],
    ['none registered: input order', [{ index: 0 }, { index: 1 }, { index: 2 }], [0, 1], true],
    [
      'one registered: it, then input order',
      [{ index: 0 }, { index: 1 }, { index: 2, registered: true }],
      [2, 0],
      true,
    ],
    [
      'three registered: the first two',
      [
        { index: 0, registered: true },
        { index: 1, registered: true },
        { index: 2, registered: true },
      ],
      [0, 1],
      true,
    ],
  ])(
    'takes at most two children, registered first (%s)',
    (_name, candidates, selected, officerMustConfirm) => {
      expect(selectChildren(candidates, 2)).toEqual({ selected, officerMustConfirm });
    },
  );

  it('asks an officer to confirm when the registrations do not settle which children', () => {
    const response = quote(
      jkmDeath({
        children: [
          { dateOfBirth: '2012-01-01' },
          { dateOfBirth: '2014-01-01' },
          { dateOfBirth: '2016-01-01' },
        ],
      }),
    );
    expect(response.notes.some((note) => note.includes('an officer must confirm'))).toBe(true);
    expect(response.scholarship.children.map((c) => c.eligible)).toEqual([true, true, false]);
    expect(response.scholarship.children[2]?.reason).toContain('at most 2');
  });

  it('skips ineligible children when choosing the two', () => {
    const response = quote(
      jkmDeath({
        children: [
          { dateOfBirth: '2000-01-01' },
          { dateOfBirth: '2010-01-01', married: true },
          { dateOfBirth: '2012-01-01' },
        ],
      }),
    );
    expect(response.scholarship.children.map((c) => c.eligible)).toEqual([false, false, true]);
    expect(response.notes.join(' ')).not.toContain('officer must confirm');
  });

  it('pays at most 174,000,000 for two children', () => {
    const response = quote(
      jkmDeath({ children: [{ dateOfBirth: '2022-03-01' }, { dateOfBirth: '2023-01-01' }] }),
    );
    expect(response.scholarship.children.map((c) => c.total)).toEqual([87_000_000, 87_000_000]);
    expect(response.scholarship.total).toBe(174_000_000);
  });

  it('explains a plan in its reason', () => {
    const response = quote(jkmDeath({ children: [{ dateOfBirth: '2022-03-01' }] }));
    expect(response.scholarship.children[0]?.reason).toBe(
      '19 school years from 2026/2027 (TK 1) to 2044/2045 (PT 5), Rp 87,000,000 in all.',
    );
  });

  it.each(['partial_disability', 'temporary_incapacity'] as const)(
    'gives no scholarship for a JKK %s',
    (event) => {
      const response = quote(
        jkkCase(event, {
          ...(event === 'partial_disability'
            ? { disability: { items: [{ code: 'eye_one' }] } }
            : { incapacity: { from: '2024-03-01', to: '2024-03-02' } }),
          children: [{ dateOfBirth: '2015-01-01' }],
        }),
      );
      expect(response.scholarship.eligible).toBe(false);
      expect(response.scholarship.children[0]?.eligible).toBe(false);
    },
  );
});
