// An employer-liable accident case (a late stage-I report, or JKK arrears beyond 3 months): the employer pays the
// worker (or the provider) first, and the agency reimburses it (Permenaker 5/2021 Pasal 8 as amended). A payment to
// the employer is a reimbursement and needs the employer's proof that it paid: given when the item (or the closing)
// is recorded, or added before it is approved; the second person's approval checks it.
import { z } from 'zod';
import { DOCUMENT_REFERENCE_MAX } from './limits';
import { isoDate, text } from './primitives';

const paymentRef = text(DOCUMENT_REFERENCE_MAX)
  .trim()
  .min(1, "must give the reference of the employer's transfer or receipt");

/** The fields, optional on a bill, a period or the closing: both or neither. */
export const employerProofFields = {
  employerPaymentRef: paymentRef
    .optional()
    .describe(
      "Employer liable: the reference of the employer's transfer or receipt to the worker or provider (it paid first)",
    ),
  employerPaidOn: isoDate.optional().describe('Employer liable: the day the employer paid'),
};

/** Both proof fields, or neither. */
export function employerProofPairCheck(
  b: { employerPaymentRef?: string | undefined; employerPaidOn?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (b.employerPaymentRef !== undefined && b.employerPaidOn === undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['employerPaidOn'],
      message: 'is required with employerPaymentRef',
    });
  if (b.employerPaidOn !== undefined && b.employerPaymentRef === undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['employerPaymentRef'],
      message: 'is required with employerPaidOn',
    });
}

/** POST /claims/{claimNumber}/employer-payment: the proof added later, for an item (itemNumber) or the closing. */
export const employerPaymentBody = z.strictObject({
  itemNumber: z
    .int('must be a whole number')
    .min(1, 'must be 1 or more')
    .max(100_000)
    .optional()
    .describe('The bill, transport claim or STMB period; without it, the closing'),
  employerPaymentRef: paymentRef,
  employerPaidOn: isoDate,
});
export type EmployerPaymentBody = z.output<typeof employerPaymentBody>;

// The proof as the case keeps it and the texts beside it: in ./employer-payment.ts, without zod (workflow code).
export {
  EMPLOYER_PROOF_MISSING,
  employerPaymentView,
  employerReimbursementText,
  type EmployerPayment,
} from './employer-payment';
