// A death claim as it is filed: the heirs, the children, the account, and the claim input that starts its
// workflow. The API validates requests with these schemas and the workflow checks its own input with them.
import { z } from 'zod';
import { HEIR_RELATIONSHIPS } from '../rules/heirs';
import { PROGRAMS } from '../rules/programs';
import { quoteChildSchema } from '../rules/schema';
import {
  ACCOUNT_NAME_MAX,
  DOCUMENT_REFERENCE_MAX,
  HEIR_NAME_MAX,
  NOTE_MAX,
  TRACKING_CODE_HASH_MAX,
  TRACKING_CODE_HASH_MIN,
  HEIRS_MAX,
  CHILDREN_MAX,
} from './limits';
import { ACCOUNT_NUMBER, BANK_CODE, CLAIM_EVENTS } from './claim-check';
import { claimNumber, isoDate, nik, rupiah, staffId, text } from './primitives';

export const bankAccountSchema = z.strictObject({
  bankCode: z.string().regex(BANK_CODE, 'must be a bank code such as BRI, BNI or 008'),
  accountNumber: z.string().regex(ACCOUNT_NUMBER, 'must be 6 to 20 digits'),
  accountName: text(ACCOUNT_NAME_MAX).trim().min(1),
});
export type BankAccount = z.output<typeof bankAccountSchema>;

/**
 * JKK with the employer more than 3 months in arrears: what an officer records before the agency reimburses the
 * employer. The employer settled its arrears and fines, and proves it paid the heirs the benefit; the reimbursement
 * goes to the employer's account.
 */
export const employerSettlementSchema = z.strictObject({
  arrearsSettlementReference: text(DOCUMENT_REFERENCE_MAX)
    .trim()
    .min(1, 'must give the reference of the settlement of the arrears and fines'),
  proofOfPaymentReference: text(DOCUMENT_REFERENCE_MAX)
    .trim()
    .min(1, "must give the reference of the employer's proof that it paid the heirs"),
  amountPaidToHeirs: rupiah.min(1, 'must be more than 0'),
  paidToHeirsOn: isoDate,
  employerAccount: bankAccountSchema,
});
export type EmployerSettlement = z.output<typeof employerSettlementSchema>;

/** Ahli waris: a family member named on the claim, in one of the legal categories of rules/heirs.ts. */
export const heirSchema = z.strictObject({
  name: text(HEIR_NAME_MAX).trim().min(1),
  relationship: z.enum(HEIR_RELATIONSHIPS),
  nik: nik.optional(),
  dateOfBirth: isoDate.optional(),
});
export type Heir = z.output<typeof heirSchema>;

/** A child of the deceased, as the benefit rules validate it (grades in national numbering per level). */
export const childSchema = quoteChildSchema;
export type Child = z.output<typeof childSchema>;

/** Why the claim date is earlier than the day the claim reached the system (a paper file received earlier). */
export const backdatingReason = text(NOTE_MAX).trim().min(1, 'must give a reason');

export { CLAIM_EVENTS };

export const claimInputSchema = z.strictObject({
  claimNumber,
  program: z.enum(PROGRAMS),
  event: z.enum(CLAIM_EVENTS),
  participantNik: nik,
  /** Date of death. */
  eventDate: isoDate,
  /** Date the claim was filed (Asia/Jakarta). */
  claimDate: isoDate,
  heirs: z.array(heirSchema).min(1).max(HEIRS_MAX),
  children: z.array(childSchema).max(CHILDREN_MAX),
  bankAccount: bankAccountSchema,
  /** Wage the family shows was really paid, when higher than the reported one (employer liability). */
  actualMonthlyWage: rupiah.optional(),
  trackingCodeHash: z.string().min(TRACKING_CODE_HASH_MIN).max(TRACKING_CODE_HASH_MAX),
  createdBy: staffId,
  /** A claim date before the day the claim reached the system: it waits for a supervisor's approval. */
  backdating: z.strictObject({ reason: backdatingReason, receivedDate: isoDate }).optional(),
});
/** What starts a ClaimWorkflow. */
export type ClaimInput = z.output<typeof claimInputSchema>;
