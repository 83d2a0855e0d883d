// Employer liability. An under-reported wage: the agency pays on the reported wage and the employer owes
// the difference in benefits. JKK arrears beyond the limit at the accident: the employer pays the
// benefits first and is reimbursed once the arrears and fines are settled.
import { rupiah } from './money';
import type { Regulation } from './regulations/types';
import type { Program } from './schema';

export interface EmployerLiabilityInput {
  program: Program;
  reportedWage: number;
  actualWage?: number;
  /** The cash benefit computed on the reported wage. */
  benefitOnReportedWage: number;
  /** The same benefit computed on the actual wage (needed when the actual wage is higher). */
  benefitOnActualWage?: number;
  arrearsMonths?: number;
}

export interface EmployerLiability {
  amount: number;
  reason: string;
}

export function employerLiability(
  regulation: Regulation,
  input: EmployerLiabilityInput,
): EmployerLiability | undefined {
  const parts: EmployerLiability[] = [];
  const { actualWage, benefitOnActualWage } = input;
  // A higher wage that changes no amount (JKM fixed sums, a death compensation still at its minimum) owes nothing.
  if (actualWage !== undefined && actualWage > input.reportedWage && benefitOnActualWage !== undefined) {
    const difference = benefitOnActualWage - input.benefitOnReportedWage;
    if (difference > 0) {
      parts.push({
        amount: difference,
        reason: `The employer reported a wage of ${rupiah(input.reportedWage)} but the actual wage is ${rupiah(actualWage)}: the employer owes the difference in benefits, ${rupiah(benefitOnActualWage)} − ${rupiah(input.benefitOnReportedWage)} = ${rupiah(difference)}.`,
      });
    }
  }
  const limit = regulation.jkk.arrearsAgencyPaysUpToMonths;
  if (input.program === 'JKK' && (input.arrearsMonths ?? 0) > limit) {
    parts.push({
      amount: input.benefitOnReportedWage,
      reason: `The employer was ${input.arrearsMonths} months in arrears at the accident, more than ${limit}: the employer pays the benefits of ${rupiah(input.benefitOnReportedWage)} first and is reimbursed after settling the arrears and fines.`,
    });
  }
  if (parts.length === 0) return undefined;
  return {
    amount: parts.reduce((total, part) => total + part.amount, 0),
    reason: parts.map((part) => part.reason).join(' '),
  };
}
