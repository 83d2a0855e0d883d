// One strict schema per request part. The OpenAPI document is generated from these same schemas.
import { z } from 'zod';
import { PROGRAMS } from '../../rules/programs';
import { DOCUMENT_CODES } from '../../vocabulary/documents';
import {
  backdatingReason,
  bankAccountSchema,
  childSchema,
  CLAIM_EVENTS,
  employerSettlementSchema,
  heirSchema,
} from '../../vocabulary/claim';
import { BACKDATING_DECISIONS, DECISIONS } from '../../vocabulary/messages/claim';
import { CHILDREN_MAX, HEIRS_MAX, IDEMPOTENCY_KEY_MAX, NOTE_MAX } from '../../vocabulary/limits';
import { claimNumber, isoDate, nik, rupiah, text } from '../../vocabulary/primitives';
import { CLAIM_STATUSES } from '../../vocabulary/status';
import { accidentIntakeBody } from '../../vocabulary/accident';
import { fieldErrors, problems, type HttpProblem } from '../middleware/problem';

export const claimNumberParam = z.strictObject({ claimNumber });

export const createClaimBody = z.strictObject({
  program: z.enum(PROGRAMS).describe('JKM: death not caused by work; JKK: death from a work accident'),
  event: z.enum(CLAIM_EVENTS).default('death'),
  participantNik: nik.describe("The deceased participant's national ID (NIK)"),
  eventDate: isoDate.describe('Date of death'),
  claimDate: isoDate
    .optional()
    .describe(
      'Date the claim was filed; today (Asia/Jakarta) when omitted. An earlier date needs backdating and a supervisor',
    ),
  backdating: z
    .strictObject({
      reason: backdatingReason.describe('Why the claim date is earlier, e.g. a paper file received that day'),
    })
    .optional()
    .describe("Only with a claimDate before today: the claim waits for a supervisor's approval of that date"),
  heirs: z
    .array(heirSchema)
    .min(1)
    .max(HEIRS_MAX)
    .describe('Heirs (ahli waris), any legal category; the highest rank present receives'),
  children: z.array(childSchema).max(CHILDREN_MAX).default([]),
  bankAccount: bankAccountSchema,
  actualMonthlyWage: rupiah.optional().describe('The wage really paid, when the employer reported less'),
});
export type CreateClaimBody = z.output<typeof createClaimBody>;

export const idempotencyKeyHeader = z
  .string()
  .regex(
    new RegExp(`^[A-Za-z0-9._:-]{8,${IDEMPOTENCY_KEY_MAX}}$`),
    `must be 8 to ${IDEMPOTENCY_KEY_MAX} characters of letters, digits, ".", "_", ":" or "-"`,
  );

export const verificationBody = z.strictObject({
  checklist: z
    .partialRecord(z.enum(DOCUMENT_CODES), z.boolean())
    .describe('Each document: true when received and in order'),
  note: text(NOTE_MAX).optional(),
});

export const decisionBody = z.strictObject({
  decision: z.enum(DECISIONS),
  reason: text(NOTE_MAX).trim().min(1, 'must give a reason'),
});

export const bankAccountBody = bankAccountSchema;

export const backdatingDecisionBody = z.strictObject({
  decision: z
    .enum(BACKDATING_DECISIONS)
    .describe('approve: the claim date stands; refuse: it becomes the day the claim reached the system'),
  reason: text(NOTE_MAX).trim().min(1, 'must give a reason'),
});

export const trackingCodeBody = z.strictObject({
  identityCheck: text(NOTE_MAX)
    .trim()
    .min(1, "must say how the family's identity was checked")
    .describe(
      "How the family's identity was checked, e.g. the heir's KTP seen against the claim's heir list",
    ),
});

export const issuedTrackingCodeResponse = z.object({
  claimNumber: z.string(),
  trackingCode: z.string().describe('The new tracking code: shown only now; the old one no longer works'),
});
export const employerSettlementBody = employerSettlementSchema;

/** A change of payee's review: by a staff member who is neither the filer, the verifier nor the proposer. */
export const accountReviewBody = z.strictObject({
  decision: z.enum(DECISIONS),
  identityCheck: text(NOTE_MAX)
    .trim()
    .min(1, "must say how the holder's identity was checked")
    .describe("How the holder's identity was checked (a call to the number on file, the ID card seen, …)"),
  reason: text(NOTE_MAX).trim().min(1, 'must give a reason'),
});

/** The cursor carries PostgreSQL's own text for created_at: microseconds survive, unlike a JS Date. */
export function encodeCursor(createdAt: string, claimNumber: string): string {
  return Buffer.from(JSON.stringify([createdAt, claimNumber])).toString('base64url');
}

/** created_at as the work queue writes it (UTC, microseconds), on a real calendar day. */
const cursorInstant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{6}Z$/)
  .refine((instant) => isoDate.safeParse(instant.slice(0, 10)).success);
const cursorValue = z.tuple([cursorInstant, claimNumber]);

/** The keyset position a cursor holds, or undefined unless it is one this API wrote (nothing else reaches SQL). */
export function decodeCursor(cursor: string): [string, string] | undefined {
  try {
    const parsed = cursorValue.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined; // not base64url JSON
  }
}

export const listClaimsQuery = z.strictObject({
  status: z.enum(CLAIM_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z
    .string()
    .max(200)
    .refine((cursor) => decodeCursor(cursor) !== undefined, 'is not a cursor from this API')
    .optional(),
});

export const trackingCodeHeader = z
  .string()
  .regex(/^[A-Z0-9]{10,32}$/, 'must be the tracking code given at intake');

// Responses (documented; not validated at run time).
export const createdClaimResponse = z.object({
  claimNumber: z.string(),
  trackingCode: z.string().optional().describe('Shown once, at creation'),
  status: z.enum(CLAIM_STATUSES),
  employerLiable: z
    .string()
    .optional()
    .describe('An accident case whose stage-I report came later than 2×24 hours: why the employer is liable'),
});

/**
 * POST /claims takes a death claim or an accident case (`event: accident`). An invalid body is reported against
 * the kind it names (its `event`), not as a union nobody can read.
 */
export const claimOrAccidentBody = z.union([createClaimBody, accidentIntakeBody]);

export function claimOrAccidentProblem(error: z.ZodError): HttpProblem {
  const union = error.issues.find((issue) => issue.code === 'invalid_union');
  if (!union || !('errors' in union)) return problems.validation(fieldErrors(error));
  const branches = union.errors as z.core.$ZodIssue[][];
  const names = (issues: z.core.$ZodIssue[]) =>
    issues.some((i) => i.path[0] === 'event' || (i.code === 'unrecognized_keys' && i.keys.includes('event')));
  const chosen = branches.find((issues) => !names(issues)) ?? branches[0] ?? [];
  return problems.validation(fieldErrors(new z.ZodError(chosen)));
}

export const problemResponse = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});
