// The accident case's pure rules: stage-I lateness, STMB across periods, transport per mode, disability limits.
import {
  accidentEventDate,
  accidentRegulation,
  incapacityPeriodComponent,
  incapacityPeriodRefusal,
  PP44_2015,
  PP82_2019,
  quote,
  repeatedDisabilityItem,
  stageOneReport,
  transportPayable,
} from '../../rules';
import { partialDisabilityComponent, totalDisabilityComponents } from '../../rules/jkk-disability';

describe('accident rules', () => {
  it('takes the regulation and the expiry from the accident date, or the diagnosis of an occupational disease', () => {
    expect(accidentEventDate('work', '2019-11-30', '2020-01-10')).toBe('2019-11-30');
    expect(accidentEventDate('occupational_disease', '2019-11-30', '2020-01-10')).toBe('2020-01-10');
    const before = accidentRegulation('2019-06-01', '2021-06-02');
    expect([before.regulation.id, before.expiry.lastDay, before.expiry.expired]).toEqual([
      'PP44-2015',
      '2021-06-01',
      true,
    ]);
    const after = accidentRegulation('2020-01-10', '2024-06-02');
    expect([after.regulation.id, after.expiry.lastDay, after.expiry.expired]).toEqual([
      'PP82-2019',
      '2025-01-10',
      false,
    ]);
  });

  it('finds a stage-I report later than 2×24 hours late, and one within it on time', () => {
    expect(stageOneReport('2026-11-02', '2026-11-04T23:59:00+07:00').late).toBe(false);
    const late = stageOneReport('2026-11-02', '2026-11-05T00:01:00+07:00');
    expect(late.late).toBe(true);
    expect(late.reason).toContain('employer is liable');
  });

  it('pays 15 months off work on Rp 4,000,000 Rp 54,000,000 under PP 82/2019, however the periods are cut', () => {
    const periods = [
      { from: '2025-01-03', to: '2025-03-02' },
      { from: '2025-03-03', to: '2026-01-02' },
      { from: '2026-01-03', to: '2026-04-02' },
    ];
    const amounts = periods.map((_, i) => incapacityPeriodComponent(PP82_2019, 4_000_000, periods, i).amount);
    expect(amounts).toEqual([8_000_000, 40_000_000, 6_000_000]);
  });

  it('pays the PP 44/2015 tiers (6 months 100%, 6 at 75%, then 50%) across periods', () => {
    const periods = [
      { from: '2018-01-01', to: '2018-06-30' },
      { from: '2018-07-01', to: '2019-03-31' },
    ];
    const amounts = periods.map((_, i) => incapacityPeriodComponent(PP44_2015, 4_000_000, periods, i).amount);
    expect(amounts).toEqual([24_000_000, 6 * 3_000_000 + 3 * 2_000_000]);
  });

  it('refuses a period that overlaps, starts before the accident, or comes before the last one', () => {
    const earlier = [{ from: '2025-01-03', to: '2025-02-02' }];
    expect(
      incapacityPeriodRefusal('2025-01-02', earlier, { from: '2025-02-01', to: '2025-02-10' })?.field,
    ).toBe('from');
    expect(
      incapacityPeriodRefusal('2025-01-02', [], { from: '2025-01-01', to: '2025-01-10' })?.message,
    ).toContain('accident date');
    expect(
      incapacityPeriodRefusal('2025-01-02', earlier, { from: '2025-02-03', to: '2025-02-10' }),
    ).toBeUndefined();
  });

  it('caps transport per mode across the case', () => {
    expect(transportPayable(PP82_2019, 'sea', 0, 1_500_000).amount).toBe(1_500_000);
    expect(transportPayable(PP82_2019, 'sea', 1_500_000, 1_500_000).amount).toBe(500_000);
    expect(transportPayable(PP82_2019, 'air', 10_000_000, 1).amount).toBe(0);
  });

  it('never pays a partial disability more than total disability, and refuses a repeated item', () => {
    const total = totalDisabilityComponents(PP82_2019, 5_000_000)[0]!.amount;
    const partial = partialDisabilityComponent(PP82_2019, 5_000_000, {
      items: [{ code: 'eyes_both' }, { code: 'hearing_both' }],
    });
    expect(partial.amount).toBe(total);
    expect(partial.explanation).toContain('more than permanent total disability pays');
    expect(repeatedDisabilityItem(['eye_one', 'hearing_one', 'eye_one'])?.field).toBe(
      'disability.items.2.code',
    );
    expect(repeatedDisabilityItem(['eye_one', 'hearing_one'])).toBeUndefined();
  });
});

describe('quote and case parity', () => {
  it('pays transport claimed over several receipts what one quote for the same receipts pays', () => {
    const receipts = [
      { mode: 'land' as const, amount: 3_000_000 },
      { mode: 'sea' as const, amount: 1_500_000 },
      { mode: 'land' as const, amount: 2_500_000 },
      { mode: 'sea' as const, amount: 900_000 },
      { mode: 'air' as const, amount: 4_000_000 },
    ];
    const paid = { land: 0, sea: 0, air: 0 };
    let total = 0;
    for (const r of receipts) {
      const { amount } = transportPayable(PP82_2019, r.mode, paid[r.mode], r.amount);
      paid[r.mode] += amount;
      total += amount;
    }
    const quoted = quote({
      program: 'JKK',
      event: 'temporary_incapacity',
      eventDate: '2025-01-02',
      membershipStartDate: '2020-01-01',
      monthlyWage: 4_000_000,
      incapacity: { from: '2025-01-03', to: '2025-01-03' },
      transport: receipts,
    });
    expect(total).toBe(quoted.components.find((c) => c.code === 'transport')!.amount);
    expect(total).toBe(5_000_000 + 2_000_000 + 4_000_000);
  });

  it('pays STMB periods of a PP 44/2015 case what one quote for the whole time off pays', () => {
    const periods = [
      { from: '2018-03-05', to: '2018-05-20' },
      { from: '2018-05-21', to: '2018-12-31' },
      { from: '2019-01-01', to: '2019-04-10' },
    ];
    const paid = periods.reduce(
      (s, _, i) => s + incapacityPeriodComponent(PP44_2015, 3_300_000, periods, i).amount,
      0,
    );
    const quoted = quote({
      program: 'JKK',
      event: 'temporary_incapacity',
      eventDate: '2018-03-05',
      membershipStartDate: '2015-01-01',
      monthlyWage: 3_300_000,
      incapacity: { from: '2018-03-05', to: '2019-04-10' },
    });
    expect(paid).toBe(quoted.components.find((c) => c.code === 'temporary_incapacity')!.amount);
  });
});
