// Service levels and late-payment compensation: 1% of the benefit per working day the agency takes beyond the
// service level. Only the agency's delay counts: the clock stops while the claim waits for something the family owes.
import { addWorkingDays, isWorkingDay, workingDaysBetween } from './calendar';
import { addDays, dayNumber, fromDayNumber } from './dates';
import { PUBLIC_HOLIDAYS } from './holidays';
import { mulDiv, rupiah } from './money';
import type { Program } from './schema';

const SERVICE_LEVEL_WORKING_DAYS: Readonly<Record<Program, number>> = { JKM: 3, JKK: 7 };
const PERCENT_PER_WORKING_DAY = 1;

/** Working days from a complete file to payment: 3 for JKM, 7 for JKK. */
export function serviceLevelWorkingDays(program: Program): number {
  return SERVICE_LEVEL_WORKING_DAYS[program];
}

/** What the family owes while the claim waits: a new bank account after a refusal, or a missing document. */
export type FamilyWaitReason = 'new_bank_account' | 'missing_document';

const WAITING_FOR: Readonly<Record<FamilyWaitReason, string>> = {
  new_bank_account: 'a new bank account',
  missing_document: 'a missing document',
};

/**
 * The claim waited on the family from `from` (the day it asked) to `to` (the day the family delivered): the working
 * days after `from` up to and including `to` are the family's. Staff's own steps (reviewing what the family sent, a
 * payout that failed at the bank's end) are the agency's and are never a family wait.
 */
export interface FamilyWait {
  reason: FamilyWaitReason;
  from: string;
  to: string;
}

export interface LateCompensationInput {
  program: Program;
  /** The benefit paid late, whole rupiah. */
  benefit: number;
  /** The date the file became complete: documents the family owed before then never count. */
  completeFileDate: string;
  paidDate: string;
  /** The waits on the family after the file was complete; they may overlap and run past either end. */
  familyWaits?: readonly FamilyWait[];
  holidays?: readonly string[];
}

export interface LateCompensation {
  /** The service level's last day, moved on by the working days the claim waited on the family. */
  dueDate: string;
  /** Working days from the complete file to payment, the family's waits included. */
  elapsedWorkingDays: number;
  /** Working days of those the claim waited on the family. */
  familyWaitWorkingDays: number;
  /** The agency's delay beyond the service level: elapsed − family waits − service level, never below 0. */
  workingDaysLate: number;
  amount: number;
  basis: string;
  explanation: string;
}

/** The working days in (completeFileDate, paidDate] that fall in any of the family's waits, each counted once. */
function familyWorkingDays(input: LateCompensationInput, holidays: readonly string[]): number {
  const waits = input.familyWaits ?? [];
  if (waits.length === 0) return 0;
  const first = dayNumber(addDays(input.completeFileDate, 1));
  const last = dayNumber(input.paidDate);
  let count = 0;
  for (let day = first; day <= last; day++) {
    const date = fromDayNumber(day);
    if (!isWorkingDay(date, holidays)) continue;
    if (waits.some((w) => w.from < date && date <= w.to)) count += 1;
  }
  return count;
}

export function lateCompensation(input: LateCompensationInput): LateCompensation {
  const holidays = input.holidays ?? PUBLIC_HOLIDAYS;
  const serviceLevel = serviceLevelWorkingDays(input.program);
  const elapsedWorkingDays = workingDaysBetween(input.completeFileDate, input.paidDate, holidays);
  const familyWaitWorkingDays = familyWorkingDays(input, holidays);
  const agencyWorkingDays = elapsedWorkingDays - familyWaitWorkingDays;
  const workingDaysLate = Math.max(0, agencyWorkingDays - serviceLevel);
  const dueDate = addWorkingDays(input.completeFileDate, serviceLevel + familyWaitWorkingDays, holidays);
  const amount = mulDiv(input.benefit, PERCENT_PER_WORKING_DAY * workingDaysLate, 100);
  const waited =
    familyWaitWorkingDays === 0
      ? ''
      : ` The claim waited ${familyWaitWorkingDays} working day${plural(familyWaitWorkingDays)} on the family (${familyReasons(input)}): the clock stopped, so the agency took ${agencyWorkingDays} of the ${elapsedWorkingDays} working days since the complete file.`;
  const explanation =
    workingDaysLate === 0
      ? `Paid on ${input.paidDate}, within ${serviceLevel} working days of the complete file (due ${dueDate}): no compensation.${waited}`
      : `Paid on ${input.paidDate}, ${workingDaysLate} working day${plural(workingDaysLate)} after the due date ${dueDate}: ${workingDaysLate} × ${PERCENT_PER_WORKING_DAY}% of ${rupiah(input.benefit)} = ${rupiah(amount)}.${waited}`;
  return {
    dueDate,
    elapsedWorkingDays,
    familyWaitWorkingDays,
    workingDaysLate,
    amount,
    basis: `PP 44/2015 as amended (${input.program} payment within ${serviceLevel} working days; 1% per day late)`,
    explanation,
  };
}

function plural(n: number): string {
  return n === 1 ? '' : 's';
}

function familyReasons(input: LateCompensationInput): string {
  return [...new Set((input.familyWaits ?? []).map((w) => WAITING_FOR[w.reason]))].join(', ');
}
