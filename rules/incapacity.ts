// JKK temporary incapacity (STMB): paid per calendar month from the first day off work, at the
// regulation's tiers; a final partial month is pro-rated by its days out of that month's days.
import { component } from './components';
import { addDays, addMonths, daysBetween, wholeMonthsBetween } from './dates';
import { mulDiv, rupiah, sum } from './money';
import type { IncapacityTier, Regulation } from './regulations/types';
import type { BenefitComponent, Incapacity } from './schema';

export interface IncapacitySegment {
  percent: number;
  /** Whole months in this segment; 0 for the pro-rated final month. */
  months: number;
  /** For the pro-rated final month: days off work out of the days of that month. */
  days?: { of: number; count: number };
  amount: number;
}

/** The period [from, to] (inclusive) split into whole months per tier and a final partial month. */
export function incapacitySegments(
  tiers: readonly IncapacityTier[],
  monthlyWage: number,
  period: Incapacity,
): IncapacitySegment[] {
  const dayAfter = addDays(period.to, 1);
  const wholeMonths = wholeMonthsBetween(period.from, dayAfter);
  const segments: IncapacitySegment[] = [];
  let monthIndex = 0;
  for (const tier of tiers) {
    const months = Math.min(wholeMonths - monthIndex, tier.months ?? Infinity);
    if (months > 0)
      segments.push({
        percent: tier.percent,
        months,
        amount: mulDiv(monthlyWage, tier.percent * months, 100),
      });
    monthIndex += Math.max(months, 0);
  }
  const partialStart = addMonths(period.from, wholeMonths);
  const count = daysBetween(partialStart, dayAfter);
  if (count > 0) {
    const of = daysBetween(partialStart, addMonths(period.from, wholeMonths + 1));
    const percent = tierFor(tiers, wholeMonths).percent;
    segments.push({
      percent,
      months: 0,
      days: { of, count },
      amount: mulDiv(monthlyWage, percent * count, 100 * of),
    });
  }
  return segments;
}

export function temporaryIncapacityComponent(
  regulation: Regulation,
  monthlyWage: number,
  period: Incapacity,
): BenefitComponent {
  const segments = incapacitySegments(regulation.jkk.incapacityTiers, monthlyWage, period);
  const amount = sum(segments.map((segment) => segment.amount));
  const parts = segments.map((segment) => {
    const length = segment.days
      ? `${segment.days.count}/${segment.days.of} of a month`
      : `${segment.months} month${segment.months === 1 ? '' : 's'}`;
    return `${length} at ${segment.percent}% (${rupiah(segment.amount)})`;
  });
  return component(
    'temporary_incapacity',
    amount,
    regulation.basis.temporary_incapacity,
    `From ${period.from} to ${period.to}: ${parts.join(' + ')} of the reported monthly wage of ${rupiah(monthlyWage)} = ${rupiah(amount)}.`,
  );
}

function tierFor(tiers: readonly IncapacityTier[], monthIndex: number): IncapacityTier {
  let end = 0;
  for (const tier of tiers) {
    end += tier.months ?? Infinity;
    if (monthIndex < end) return tier;
  }
  const last = tiers.at(-1);
  if (!last) throw new RangeError('A regulation needs at least one incapacity tier');
  return last;
}
