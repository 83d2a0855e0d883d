// Service levels and late-payment compensation: 1% of the benefit per working day beyond the service level.
import { addWorkingDays, workingDaysBetween } from './calendar';
import { PUBLIC_HOLIDAYS } from './holidays';
import { mulDiv, rupiah } from './money';
import type { Program } from './schema';

const SERVICE_LEVEL_WORKING_DAYS: Readonly<Record<Program, number>> = { JKM: 3, JKK: 7 };
const PERCENT_PER_WORKING_DAY = 1;

/** Working days from a complete file to payment: 3 for JKM, 7 for JKK. */
export function serviceLevelWorkingDays(program: Program): number {
  return SERVICE_LEVEL_WORKING_DAYS[program];
}

export interface LateCompensationInput {
  program: Program;
  /** The benefit paid late, whole rupiah. */
  benefit: number;
  /** The date the file became complete. */
  completeFileDate: string;
  paidDate: string;
  holidays?: readonly string[];
}

export interface LateCompensation {
  dueDate: string;
  workingDaysLate: number;
  amount: number;
  basis: string;
  explanation: string;
}

export function lateCompensation(input: LateCompensationInput): LateCompensation {
  const holidays = input.holidays ?? PUBLIC_HOLIDAYS;
  const serviceLevel = serviceLevelWorkingDays(input.program);
  const dueDate = addWorkingDays(input.completeFileDate, serviceLevel, holidays);
  const workingDaysLate = workingDaysBetween(dueDate, input.paidDate, holidays);
  const amount = mulDiv(input.benefit, PERCENT_PER_WORKING_DAY * workingDaysLate, 100);
  const explanation =
    workingDaysLate === 0
      ? `Paid on ${input.paidDate}, within ${serviceLevel} working days of the complete file (due ${dueDate}): no compensation.`
      : `Paid on ${input.paidDate}, ${workingDaysLate} working day${workingDaysLate === 1 ? '' : 's'} after the due date ${dueDate}: ${workingDaysLate} × ${PERCENT_PER_WORKING_DAY}% of ${rupiah(input.benefit)} = ${rupiah(amount)}.`;
  return {
    dueDate,
    workingDaysLate,
    amount,
    basis: `PP 44/2015 as amended (${input.program} payment within ${serviceLevel} working days; 1% per day late)`,
    explanation,
  };
}
