// An accident case (JKK, the worker lives) as it is filed and worked: the intake, the workflow's input, and each
// request body of its routes. The API validates with these and the workflow checks its own input with them.
import { z } from 'zod';
import { TRANSPORT_MODES } from '../rules/regulations/types';
import { quoteChildSchema } from '../rules/schema';
import { ACCIDENT_KINDS, PLACE_MAX } from './accident-check';
import { bankAccountSchema, heirSchema } from './claim';
import { employerProofFields, employerProofPairCheck } from './employer-proof';
import {
  CHILDREN_MAX,
  CLAIM_NUMBER_MAX,
  DOCUMENT_REFERENCE_MAX,
  HEIRS_MAX,
  NOTE_MAX,
  TRACKING_CODE_HASH_MAX,
  TRACKING_CODE_HASH_MIN,
} from './limits';
import { DECISIONS } from './messages/claim';
import { claimNumber, isoDate, nik, rupiah, staffId, text } from './primitives';

export { ACCIDENT_KINDS };
export type AccidentKind = (typeof ACCIDENT_KINDS)[number];
/** Who receives a treatment's or transport's payment: the partner trauma centre, the worker, or the employer. */
export const PAYEES = ['provider', 'participant', 'employer'] as const;
export type Payee = (typeof PAYEES)[number];
export const FINDINGS = ['work_accident', 'not_work_accident'] as const;
export type Finding = (typeof FINDINGS)[number];
/** Stage II (laporan tahap II): how the case ends. */
export const CLOSING_OUTCOMES = ['recovered', 'partial_disability', 'total_disability', 'died'] as const;
export type ClosingOutcome = (typeof CLOSING_OUTCOMES)[number];
export const ITEM_KINDS = ['treatment', 'transport', 'incapacity'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
/** Return to work (program kembali bekerja): the steps an officer records. */
export const RETURN_TO_WORK_STEPS = ['enrolled', 'plan', 'training', 'outcome'] as const;
export const RETURN_TO_WORK_OUTCOMES = ['same_job', 'other_job', 'not_returned'] as const;

const PROVIDER_MAX = 200;
const place = text(PLACE_MAX).trim().min(1);
const documentRef = text(DOCUMENT_REFERENCE_MAX).trim().min(1, 'must give the document reference');
const note = text(NOTE_MAX).trim().min(1, 'must give a reason');
const amount = rupiah.min(1, 'must be more than 0');
/** An instant with its offset, e.g. 2026-11-30T08:00:00+07:00. */
const instant = z.iso.datetime({ offset: true, error: 'must be an ISO date-time with an offset' });

const accidentFields = {
  participantNik: nik.describe("The injured worker's national ID (NIK)"),
  accidentDate: isoDate.describe('Date of the accident'),
  accidentKind: z.enum(ACCIDENT_KINDS),
  diagnosisDate: isoDate
    .optional()
    .describe('Only for an occupational disease: sets the regulation and expiry'),
  accidentPlace: place,
  reportedAt: instant.describe(
    "When the employer's stage-I report arrived (later than 2×24 hours: employer liable)",
  ),
  bankAccount: bankAccountSchema.describe("The worker's account"),
  employerBankAccount: bankAccountSchema
    .optional()
    .describe(
      "The employer's account: STMB of a wage worker, reimbursements; required when the employer is liable",
    ),
};

type DiagnosisFields = { accidentKind: string; diagnosisDate?: string | undefined };
const diagnosisCheck = (body: DiagnosisFields, ctx: z.RefinementCtx) => {
  if (body.accidentKind === 'occupational_disease' && body.diagnosisDate === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['diagnosisDate'],
      message: 'is required for an occupational disease',
    });
  }
  if (body.accidentKind !== 'occupational_disease' && body.diagnosisDate !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['diagnosisDate'], message: 'is only for an occupational disease' });
  }
};

/** POST /claims with program JKK and event accident. */
export const accidentIntakeBody = z
  .strictObject({ program: z.literal('JKK'), event: z.literal('accident'), ...accidentFields })
  .superRefine(diagnosisCheck);
export type AccidentIntakeBody = z.output<typeof accidentIntakeBody>;

/** What starts an accidentWorkflow. */
export const accidentInputSchema = z
  .strictObject({
    // One character short of the longest claim number: a death continues as the claim <claimNumber>D.
    claimNumber: claimNumber.max(CLAIM_NUMBER_MAX - 1),
    ...accidentFields,
    /** The day the case reached the system (Asia/Jakarta). */
    claimDate: isoDate,
    trackingCodeHash: z.string().min(TRACKING_CODE_HASH_MIN).max(TRACKING_CODE_HASH_MAX),
    createdBy: staffId,
  })
  .superRefine(diagnosisCheck);
export type AccidentInput = z.output<typeof accidentInputSchema>;

export const findingBody = z.strictObject({
  finding: z.enum(FINDINGS),
  reasons: note.describe('Why, in words the worker can read'),
});
export const decisionOnBody = z.strictObject({ decision: z.enum(DECISIONS), reason: note });

const periodRefine = (p: { from: string; to: string }, ctx: z.RefinementCtx) => {
  if (p.to < p.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
};

/** A bill or receipt (with `mode`: a transport claim, capped per mode). */
export const treatmentBody = z
  .strictObject({
    provider: text(PROVIDER_MAX).trim().min(1),
    from: isoDate,
    to: isoDate,
    amount,
    documentRef,
    payTo: z.enum(PAYEES),
    mode: z.enum(TRANSPORT_MODES).optional().describe('Transport: land, sea or air'),
    bankAccount: bankAccountSchema
      .optional()
      .describe("The provider's (or employer's) account; the worker's account on the case for participant"),
    ...employerProofFields,
  })
  .superRefine(periodRefine)
  .superRefine(employerProofPairCheck)
  .superRefine((b, ctx) => {
    if (b.payTo === 'provider' && b.bankAccount === undefined) {
      ctx.addIssue({ code: 'custom', path: ['bankAccount'], message: 'is required to pay the provider' });
    }
  });
export type TreatmentBody = z.output<typeof treatmentBody>;

/** A period the doctor certifies the worker unable to work (STMB). */
export const incapacityBody = z
  .strictObject({ from: isoDate, to: isoDate, documentRef, ...employerProofFields })
  .superRefine(periodRefine)
  .superRefine(employerProofPairCheck);
export type IncapacityBody = z.output<typeof incapacityBody>;

const itemNumber = z.int('must be a whole number').min(1, 'must be 1 or more').max(100_000);
export const itemVerificationBody = z.strictObject({ itemNumber, note: text(NOTE_MAX).optional() });
export const itemAccountBody = z.strictObject({ itemNumber, bankAccount: bankAccountSchema });
export const itemDecisionBody = z.strictObject({ itemNumber, decision: z.enum(DECISIONS), reason: note });

/** Stage II: the doctor's statement and the outcome. */
export const closingBody = z
  .strictObject({
    outcome: z.enum(CLOSING_OUTCOMES),
    doctorStatementRef: documentRef,
    /** The date of recovery, of the disability's assessment, or of death. */
    closedOn: isoDate,
    disability: z
      .strictObject({
        items: z
          .array(
            z.strictObject({
              code: text(100).min(1),
              functionLossPercent: z.number().gt(0).max(100).optional(),
            }),
          )
          .min(1),
        leftHanded: z.boolean().optional(),
      })
      .optional(),
    children: z.array(quoteChildSchema).max(CHILDREN_MAX).optional(),
    heirs: z.array(heirSchema).min(1).max(HEIRS_MAX).optional(),
    heirBankAccount: bankAccountSchema.optional(),
    ...employerProofFields,
  })
  .superRefine(employerProofPairCheck)
  .superRefine((b, ctx) => {
    const need = (field: string, when: boolean, message: string) => {
      if (when) ctx.addIssue({ code: 'custom', path: [field], message });
    };
    need(
      'disability',
      b.outcome === 'partial_disability' && !b.disability,
      'is required for a partial disability',
    );
    need(
      'disability',
      b.outcome !== 'partial_disability' && !!b.disability,
      'is only for a partial disability',
    );
    need('heirs', b.outcome === 'died' && !b.heirs, 'are required when the worker died');
    need('heirBankAccount', b.outcome === 'died' && !b.heirBankAccount, 'is required when the worker died');
    need('heirs', b.outcome !== 'died' && !!b.heirs, 'are only for a death');
  });
export type ClosingBody = z.output<typeof closingBody>;

export const returnToWorkBody = z
  .strictObject({
    step: z.enum(RETURN_TO_WORK_STEPS),
    note: text(NOTE_MAX).trim().min(1, 'must describe the step'),
    outcome: z.enum(RETURN_TO_WORK_OUTCOMES).optional(),
  })
  .superRefine((b, ctx) => {
    if ((b.step === 'outcome') !== (b.outcome !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['outcome'],
        message: 'is given with the outcome step, and only then',
      });
    }
  });
export type ReturnToWorkBody = z.output<typeof returnToWorkBody>;

// The worker's texts (item statuses and kinds, closing outcomes, next steps) in both languages: ./accident-texts.ts.
export { ITEM_STATUSES, itemStatusText, type ItemStatus } from './accident-texts';
