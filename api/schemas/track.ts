// What the family reads at GET /track/:claimNumber, as a schema: the OpenAPI document carries it, so the web page's
// typed client (web/src/api) knows every field, and familyClaimView (views/claims.ts) is type-checked against it.
// Dates are ISO 8601 strings: `YYYY-MM-DD` for days, full timestamps for moments. Strict objects: the document says
// no other field is sent (the fuzzer checks real answers against it), and test/web/family.test.ts parses each answer.
import { z } from 'zod';
import { PROGRAMS } from '../../rules/programs';
import { SCHOOL_LEVELS } from '../../rules/school';
import {
  ACCIDENT_KINDS,
  CLOSING_OUTCOMES,
  FINDINGS,
  ITEM_KINDS,
  ITEM_STATUSES,
  PAYEES,
  type ItemStatus,
} from '../../vocabulary/accident';
import { PROOF_REVIEW_DECISIONS } from '../../vocabulary/messages/scholarship';
import {
  CLAIM_STATUSES,
  PAYOUT_STATUSES,
  SCHOLARSHIP_END_REASONS,
  SCHOLARSHIP_STATUSES,
  SCHOLARSHIP_YEAR_STATUSES,
} from '../../vocabulary/status';

const day = z.string().describe('A date, YYYY-MM-DD (Asia/Jakarta)');
const moment = z.string().describe('A timestamp, ISO 8601');
const level = z.enum(SCHOOL_LEVELS);

const familyPayout = z.strictObject({
  component: z.string(),
  amount: z.number(),
  status: z.enum(PAYOUT_STATUSES),
  idempotencyKey: z.string(),
  gatewayReference: z.string().nullable().describe("The bank transfer's reference, once paid"),
  accountNumber: z.string().describe('Masked: the last 4 digits only'),
  paidAt: moment.nullable(),
});

const pastYear = z.strictObject({
  schoolYear: z.string(),
  status: z.enum(SCHOLARSHIP_YEAR_STATUSES),
  level: level.nullable(),
  grade: z.number().nullable(),
  amount: z.number(),
  reference: z.string().nullable(),
  idempotencyKey: z.string().nullable(),
  reason: z.string().nullable(),
  institution: z.string().nullable(),
});

const familyScholarship = z.strictObject({
  id: z.string(),
  childNumber: z.number(),
  childPosition: z.number(),
  status: z.enum(SCHOLARSHIP_STATUSES),
  statusText: z.string(),
  endReason: z.enum(SCHOLARSHIP_END_REASONS).nullable(),
  endMessage: z.string().nullable(),
  totalPaid: z.number(),
  yearsPaid: z.partialRecord(level, z.number()),
  pastYears: z.array(pastYear),
  currentYear: z
    .object({
      schoolYear: z.string(),
      status: z.enum([...SCHOLARSHIP_YEAR_STATUSES, 'not_started', 'not_open']),
      windowOpensOn: day.nullable(),
      deadline: day.nullable(),
      expected: z.strictObject({ level, grade: z.number() }),
      expectedAmount: z.number().nullable(),
      submitted: z
        .object({ level: level.nullable(), grade: z.number().nullable(), institution: z.string().nullable() })
        .optional(),
      review: z
        .object({ decision: z.enum(PROOF_REVIEW_DECISIONS), reason: z.string().nullable() })
        .optional(),
    })
    .nullable(),
  projectedYears: z.array(
    z.strictObject({ schoolYear: z.string(), level, grade: z.number(), amount: z.number() }),
  ),
});

export const familyClaimResponse = z.strictObject({
  claimNumber: z.string(),
  program: z.enum(PROGRAMS),
  status: z.enum(CLAIM_STATUSES),
  statusText: z.string().describe('In English; the web page has its own texts per status'),
  statusReason: z.string().nullable(),
  participantNik: z.string().describe('Masked'),
  claimDate: day,
  verificationDue: day
    .nullable()
    .describe('The service level: the day by which the documents are to be verified (null until set)'),
  bankAccount: z.strictObject({ bankCode: z.string(), accountNumber: z.string().describe('Masked') }),
  missingDocuments: z.array(z.string()),
  assessment: z
    .object({
      regulation: z.string(),
      total: z.number(),
      components: z.array(z.strictObject({ code: z.string(), amount: z.number(), explanation: z.string() })),
      scholarship: z.unknown(),
      recipients: z.strictObject({ rank: z.number(), explanation: z.string() }).nullable(),
    })
    .nullable(),
  payouts: z.array(familyPayout),
  timeline: z.array(z.strictObject({ step: z.string(), at: moment })),
  scholarships: z.array(familyScholarship),
});

export type FamilyClaimResponse = z.input<typeof familyClaimResponse>;

/** Employer liable: the employer's proof it paid first; the payment is its reimbursement. */
const employerPaymentShown = z.strictObject({
  reference: z.string(),
  paidOn: day,
  text: z.string().describe('Reimbursement to your employer, which paid you on <date>'),
});

const accidentItem = z.strictObject({
  itemNumber: z.number(),
  kind: z.enum(ITEM_KINDS),
  what: z.string(),
  claimed: z.number(),
  amount: z.number(),
  explanation: z.string().nullable(),
  paidTo: z.enum(PAYEES),
  status: z.enum(ITEM_STATUSES as [ItemStatus, ...ItemStatus[]]),
  statusText: z.string(),
  reason: z.string().nullable().optional(),
  employerPayment: employerPaymentShown.optional(),
});

/** An accident case (JKK, the worker lives) as the worker reads it: api/views/accidents.ts. */
export const familyAccidentResponse = z.strictObject({
  claimNumber: z.string(),
  program: z.enum(PROGRAMS),
  event: z.literal('accident'),
  status: z.enum(CLAIM_STATUSES),
  statusText: z.string().describe('In English'),
  statusReason: z.string().nullable(),
  accident: z.strictObject({
    date: day,
    kind: z.enum(ACCIDENT_KINDS),
    diagnosisDate: day.optional(),
    place: z.string(),
    reportedAt: moment,
    regulation: z.string(),
    expiresAfter: day.nullable(),
    employerLiable: z
      .string()
      .nullable()
      .describe('Why the employer pays (a late stage-I report, arrears), or null'),
  }),
  finding: z.strictObject({
    finding: z.enum(FINDINGS).nullable(),
    reasons: z.string().nullable().optional(),
    confirmed: z.boolean().optional(),
    due: day.nullable(),
  }),
  items: z.array(accidentItem),
  totalPaid: z.number(),
  closing: z
    .strictObject({
      outcome: z.enum(CLOSING_OUTCOMES),
      text: z.string(),
      closedOn: day,
      total: z.number(),
      components: z.array(
        z.strictObject({
          code: z.string(),
          amount: z.number(),
          basis: z.string().optional().describe('The regulation the component rests on'),
          explanation: z.string(),
        }),
      ),
      decided: z.boolean(),
      employerPayment: employerPaymentShown.optional(),
    })
    .nullable(),
  deathClaimNumber: z.string().optional(),
  returnToWork: z.array(z.unknown()),
  next: z.array(z.string()),
  participantNik: z.string().describe('Masked'),
  bankAccount: z.strictObject({ bankCode: z.string(), accountNumber: z.string().describe('Masked') }),
});
