// Who pays a decided benefit when the employer was in contribution arrears (tunggakan iuran). JKK more than the
// regulation's limit (3 months) in arrears at the accident: the employer pays the family first (dibayar terlebih
// dahulu oleh pemberi kerja) and the agency reimburses the employer once the arrears and fines are settled.
// JKM: the arrears rule covers JKK contributions only; an active membership at death is paid by the agency as usual.
import { rupiah } from './money';
import type { Regulation } from './regulations/types';
import type { Program } from './schema';

export interface ArrearsPayout {
  /** true: the payout is held; the agency pays only a reimbursement to the employer. */
  employerPaysFirst: boolean;
  basis: string;
  explanation: string;
}

/** Who pays the benefit, given the employer's whole months of arrears at the event; undefined with no arrears. */
export function arrearsPayout(
  regulation: Regulation,
  program: Program,
  arrearsMonths: number,
): ArrearsPayout | undefined {
  if (arrearsMonths <= 0) return undefined;
  const limit = regulation.jkk.arrearsAgencyPaysUpToMonths;
  if (program === 'JKM') {
    return {
      employerPaysFirst: false,
      basis: regulation.basis.jkm_arrears,
      explanation: `The employer was ${arrearsMonths} months in arrears, but the arrears rule covers JKK contributions only: the membership was active at death, so the agency pays the heirs and the employer still owes its arrears.`,
    };
  }
  if (arrearsMonths <= limit) {
    return {
      employerPaysFirst: false,
      basis: regulation.basis.jkk_arrears,
      explanation: `The employer was ${arrearsMonths} months in arrears at the accident, not more than ${limit}: the agency pays the heirs and the employer must settle its arrears.`,
    };
  }
  return {
    employerPaysFirst: true,
    basis: regulation.basis.jkk_arrears,
    explanation: `The employer was ${arrearsMonths} months in arrears at the accident, more than ${limit}: the employer pays the heirs first, and the agency reimburses the employer once the arrears and fines are settled and the employer proves it paid the heirs.`,
  };
}

/** Why the agency may not yet reimburse the employer, or undefined when it may. */
export function reimbursementRefusal(benefit: number, paidToHeirs: number): string | undefined {
  if (paidToHeirs < benefit) {
    return `The employer's proof shows ${rupiah(paidToHeirs)} paid to the heirs, less than the benefit of ${rupiah(benefit)}: the agency reimburses only once the heirs have the whole benefit.`;
  }
  return undefined;
}
