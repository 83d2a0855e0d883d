// An employer's proof that it paid first, as an employer-liable accident case keeps it, and the texts beside it.
// No zod here: workflow code imports this module (the request schemas are in ./employer-proof.ts).

/** The proof as the case keeps it, with who recorded it (the approver must be someone else). */
export interface EmployerPayment {
  ref: string;
  paidOn: string;
  recordedBy: string;
}

/** The refusal when a payment to a liable employer has no proof: the API's 422 names the field. */
export const EMPLOYER_PROOF_MISSING = {
  field: 'employerPaymentRef',
  message:
    'the employer pays first: record its proof of payment (employerPaymentRef, employerPaidOn) before this is approved',
} as const;

/** What the worker reads beside a reimbursement. */
export function employerReimbursementText(
  paidOn: string,
  kind: 'treatment' | 'transport' | 'incapacity' | 'closing',
): string {
  const whom = kind === 'treatment' ? 'paid the bill' : 'paid you';
  return `Reimbursement to your employer, which ${whom} on ${paidOn}.`;
}

/** The proof as staff and the worker read it beside an item or the closing. */
export function employerPaymentView(
  ref: string,
  paidOn: string,
  kind: 'treatment' | 'transport' | 'incapacity' | 'closing',
) {
  return { reference: ref, paidOn, text: employerReimbursementText(paidOn, kind) };
}
