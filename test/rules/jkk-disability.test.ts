import {
  PARTIAL_DISABILITY_TABLE,
  partialDisabilityComponent,
  PP82_2019,
  quote,
  RuleError,
} from '../../rules';
import type { Regulation } from '../../rules';
import { amounts, jkkCase, thrown } from './factories';

describe('JKK permanent total disability', () => {
  it.each([
    ['PP82-2019', '2024-03-01', { disability_compensation: 280_000_000, periodic: 12_000_000 }, 292_000_000],
    ['PP44-2015', '2018-05-10', { disability_compensation: 280_000_000, periodic: 4_800_000 }, 284_800_000],
  ])('pays 70% × 80 × wage (56 × wage) plus the periodic benefit (%s)', (_id, eventDate, expected, total) => {
    const response = quote(
      jkkCase('permanent_total_disability', { eventDate, membershipStartDate: '2018-01-01' }),
    );
    expect(amounts(response)).toEqual(expected);
    expect(response.total).toBe(total);
  });

  it('gives the scholarship to the children of a worker totally disabled', () => {
    const response = quote(
      jkkCase('permanent_total_disability', {
        children: [{ dateOfBirth: '2010-05-01', schooling: { level: 'SMP', grade: 8 } }],
      }),
    );
    expect(response.scholarship.eligible).toBe(true);
    expect(response.scholarship.total).toBe(73_000_000);
  });
});

describe('JKK partial disability', () => {
  const partial = (
    items: { code: string; functionLossPercent?: number }[],
    leftHanded?: boolean,
    monthlyWage = 5_000_000,
  ) =>
    quote(
      jkkCase('partial_disability', {
        monthlyWage,
        disability: { items, ...(leftHanded === undefined ? {} : { leftHanded }) },
      }),
    );

  it.each([
    ['eyes_both', 280_000_000],
    ['eye_one', 140_000_000],
    ['hearing_both', 160_000_000],
    ['hearing_one', 80_000_000],
    ['arm_right_shoulder', 160_000_000],
    ['arm_left_shoulder', 140_000_000],
    ['earlobe_one', 20_000_000],
  ])('pays table % × 80 × wage for an anatomical loss: %s → %i', (code, expected) => {
    expect(amounts(partial([{ code }]))).toEqual({ disability_compensation: expected });
  });

  it.each([
    ['arm_right_shoulder', 140_000_000],
    ['arm_left_shoulder', 160_000_000],
    ['eye_one', 140_000_000],
  ])('swaps the right and left arm percentages for a left-handed worker: %s → %i', (code, expected) => {
    const response = partial([{ code }], true);
    expect(amounts(response).disability_compensation).toBe(expected);
  });

  it('pays % of function lost × table % × 80 × wage for a functional loss', () => {
    expect(amounts(partial([{ code: 'eye_one', functionLossPercent: 50 }])).disability_compensation).toBe(
      70_000_000,
    );
    expect(
      amounts(partial([{ code: 'earlobe_one', functionLossPercent: 33.33 }], false, 1_000_001))
        .disability_compensation,
    ).toBe(1_333_201); // 1,000,001 × 80 × 5% × 33.33% = 1,333,201.33
  });

  it('rounds each item half up to the rupiah', () => {
    // 3 × 80 × 5% × 12.5% = 1.5
    expect(
      amounts(partial([{ code: 'earlobe_one', functionLossPercent: 12.5 }], false, 3))
        .disability_compensation,
    ).toBe(2);
  });

  it('adds several items and explains each', () => {
    const response = partial([{ code: 'eye_one' }, { code: 'hearing_one' }]);
    const component = response.components[0];
    expect(component?.amount).toBe(220_000_000);
    expect(component?.explanation).toContain('35% × 80 × Rp 5,000,000 = Rp 140,000,000');
    expect(component?.explanation).toContain('Rp 220,000,000');
    expect(component?.basis).toContain('annex III');
  });

  it('refuses a code missing from the table, naming the item', () => {
    const err = thrown(() => partial([{ code: 'eye_one' }, { code: 'tail' }]));
    expect(err).toBeInstanceOf(RuleError);
    expect((err as RuleError).field).toBe('disability.items.1.code');
  });

  it('requires disability items for a partial disability and refuses them otherwise', () => {
    expect((thrown(() => quote(jkkCase('partial_disability'))) as RuleError).field).toBe('disability');
    const onDeath = thrown(() => quote(jkkCase('death', { disability: { items: [{ code: 'eye_one' }] } })));
    expect((onDeath as RuleError).field).toBe('disability');
  });

  it('gives no scholarship for a partial disability', () => {
    const response = quote(
      jkkCase('partial_disability', {
        disability: { items: [{ code: 'eye_one' }] },
        children: [{ dateOfBirth: '2015-01-01' }],
      }),
    );
    expect(response.scholarship).toMatchObject({ eligible: false, total: 0 });
    expect(response.scholarship.reason).toContain('partial disability');
  });

  it('extends the table as data: a new entry is paid by the same formula', () => {
    const extended: Regulation = {
      ...PP82_2019,
      jkk: {
        ...PP82_2019.jkk,
        partialDisabilityTable: [
          ...PARTIAL_DISABILITY_TABLE,
          { code: 'thumb_right', label: 'right thumb', percent: 15 },
        ],
      },
    };
    const component = partialDisabilityComponent(extended, 5_000_000, { items: [{ code: 'thumb_right' }] });
    expect(component.amount).toBe(60_000_000);
  });
});
