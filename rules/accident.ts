// The accident case's rules (JKK, the worker lives): which date sets the regulation, the stage-I report's deadline,
// STMB priced period by period so that the periods together pay what one quote for the whole time off pays, and
// transport capped per mode across the case. Pure: the accident workflow and the tests call these.
import { RuleError } from './errors';
import { addDays, daysBetween } from './dates';
import { claimExpiry, type ClaimExpiry } from './expiry';
import { temporaryIncapacityComponent } from './incapacity';
import { jakartaEndOfDay } from './jakarta-time';
import { rupiah } from './money';
import { regulationFor } from './regulations';
import type { Regulation, TransportMode } from './regulations/types';
import type { BenefitComponent, Incapacity } from './schema';

/** Hours the employer has to send the stage-I report (laporan tahap I): 2 × 24. */
export const STAGE_ONE_REPORT_HOURS = 48;
/** Days the agency has to decide whether it was a work accident, counted from the stage-I report. */
export const FINDING_SERVICE_LEVEL_DAYS = 30;

export type AccidentKind = 'work' | 'commuting' | 'occupational_disease';

/** The date that sets the regulation and the expiry: the diagnosis for an occupational disease, else the accident. */
export function accidentEventDate(kind: AccidentKind, accidentDate: string, diagnosisDate?: string): string {
  return kind === 'occupational_disease' && diagnosisDate !== undefined ? diagnosisDate : accidentDate;
}

export interface StageOneReport {
  /** ISO instant: the end of the accident day (Asia/Jakarta) plus 2 × 24 hours. */
  deadline: string;
  late: boolean;
  reason?: string;
}

/**
 * Whether the stage-I report came later than 2 × 24 hours. The hour of the accident is not on the report, so the
 * hours count from the end of the accident day, in the employer's favour.
 */
export function stageOneReport(accidentDate: string, reportedAt: string): StageOneReport {
  const deadlineMs = jakartaEndOfDay(accidentDate) + STAGE_ONE_REPORT_HOURS * 3_600_000;
  const deadline = new Date(deadlineMs).toISOString();
  if (Date.parse(reportedAt) <= deadlineMs) return { deadline, late: false };
  return {
    deadline,
    late: true,
    reason: `The employer's stage-I report arrived at ${reportedAt}, later than 2×24 hours after the accident of ${accidentDate} (deadline ${deadline}): the employer is liable for the benefits and pays them first; the agency reimburses the employer (Permenaker 5/2021 Pasal 8 as amended).`,
  };
}

/** The regulation and the last day a claim may be made, from the accident (or diagnosis) date. */
export function accidentRegulation(
  eventDate: string,
  claimDate: string,
): { regulation: Regulation; expiry: ClaimExpiry } {
  const regulation = regulationFor(eventDate);
  return { regulation, expiry: claimExpiry(regulation, 'JKK', eventDate, claimDate) };
}

/** Why a new STMB period cannot be recorded (field and message), or undefined. Periods come in date order. */
export function incapacityPeriodRefusal(
  accidentDate: string,
  earlier: readonly Incapacity[],
  period: Incapacity,
): RuleError | undefined {
  if (period.to < period.from) return new RuleError('to', 'must not be before from');
  if (period.from < accidentDate) {
    return new RuleError('from', `must not be before the accident date ${accidentDate}`);
  }
  const overlapping = earlier.find((p) => p.from <= period.to && period.from <= p.to);
  if (overlapping) {
    return new RuleError(
      'from',
      `overlaps the period ${overlapping.from} to ${overlapping.to} already recorded`,
    );
  }
  const last = earlier.reduce<string | undefined>(
    (max, p) => (max === undefined || p.to > max ? p.to : max),
    undefined,
  );
  if (last !== undefined && period.from < last) {
    return new RuleError('from', `must be after the last period recorded, which ends ${last}`);
  }
  return undefined;
}

/** Days in a period, both ends counted. */
function periodDays(period: Incapacity): number {
  return daysBetween(period.from, addDays(period.to, 1));
}

/**
 * The STMB for period `index` of `periods` (date order). The months off work count on across periods: the tiers
 * apply to the days off so far, as if the periods were one, so the periods together pay what one quote for all the
 * days off pays, and a period on the 13th month is paid at the later tier.
 */
export function incapacityPeriodComponent(
  regulation: Regulation,
  monthlyWage: number,
  periods: readonly Incapacity[],
  index: number,
): BenefitComponent {
  const period = periods[index];
  if (!period) throw new RangeError(`no period ${index}`);
  const start = periods[0]!.from;
  const before = periods.slice(0, index).reduce((days, p) => days + periodDays(p), 0);
  const upTo = (days: number) =>
    days === 0
      ? 0
      : temporaryIncapacityComponent(regulation, monthlyWage, { from: start, to: addDays(start, days - 1) })
          .amount;
  const amount = upTo(before + periodDays(period)) - upTo(before);
  const own = temporaryIncapacityComponent(regulation, monthlyWage, period);
  const explanation =
    index === 0
      ? own.explanation
      : `From ${period.from} to ${period.to}, days ${before + 1} to ${before + periodDays(period)} off work since the first period: ${rupiah(amount)} at ${regulation.citation}'s tiers on the reported monthly wage of ${rupiah(monthlyWage)}.`;
  return { ...own, amount, explanation };
}

/** What a transport claim pays: the mode's cap less what the case already pays for that mode. */
export function transportPayable(
  regulation: Regulation,
  mode: TransportMode,
  alreadyPaidForMode: number,
  claimed: number,
): { amount: number; cap: number; explanation: string } {
  const cap = regulation.jkk.transportCaps[mode];
  const left = Math.max(0, cap - alreadyPaidForMode);
  const amount = Math.min(claimed, left);
  const explanation =
    amount === claimed
      ? `Transport by ${mode}: ${rupiah(claimed)} claimed, within the cap of ${rupiah(cap)} (${rupiah(alreadyPaidForMode)} already for ${mode}).`
      : `Transport by ${mode}: ${rupiah(claimed)} claimed; the cap of ${rupiah(cap)} leaves ${rupiah(left)} (${rupiah(alreadyPaidForMode)} already for ${mode}).`;
  return { amount, cap, explanation };
}

/**
 * A repeated item on a closing statement is refused: each part of the body is compensated once. (The quote, a
 * what-if calculator, still prices what it is given.)
 */
export function repeatedDisabilityItem(codes: readonly string[]): RuleError | undefined {
  const seen = new Set<string>();
  for (const [index, code] of codes.entries()) {
    if (seen.has(code)) {
      return new RuleError(
        `disability.items.${index}.code`,
        `repeats ${code}: each item is compensated once`,
      );
    }
    seen.add(code);
  }
  return undefined;
}
