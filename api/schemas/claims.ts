// One strict schema per request part. The OpenAPI document is generated from these same schemas.
import { z } from 'zod';
import { PROGRAMS } from '../../rules/programs';
import { DOCUMENT_CODES } from '../../vocabulary/documents';
import { bankAccountSchema, childSchema, CLAIM_EVENTS, heirSchema } from '../../vocabulary/claim';
import { DECISIONS } from '../../vocabulary/messages/claim';
import { claimNumber, isoDate, nik, rupiah } from '../../vocabulary/primitives';
import { CLAIM_STATUSES } from '../../vocabulary/status';

export const claimNumberParam = z.strictObject({ claimNumber });

export const createClaimBody = z.strictObject({
  program: z.enum(PROGRAMS).describe('JKM: death not caused by work; JKK: death from a work accident'),
  event: z.enum(CLAIM_EVENTS).default('death'),
  participantNik: nik.describe("The deceased participant's national ID (NIK)"),
  eventDate: isoDate.describe('Date of death'),
  claimDate: isoDate.optional().describe('Date the claim was filed; today (Asia/Jakarta) when omitted'),
  heirs: z
    .array(heirSchema)
    .min(1)
    .max(20)
    .describe('Heirs (ahli waris), any legal category; the highest rank present receives'),
  children: z.array(childSchema).max(20).default([]),
  bankAccount: bankAccountSchema,
  actualMonthlyWage: rupiah.optional().describe('The wage really paid, when the employer reported less'),
});
export type CreateClaimBody = z.output<typeof createClaimBody>;

export const idempotencyKeyHeader = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{8,200}$/, 'must be 8 to 200 characters of letters, digits, ".", "_", ":" or "-"');

export const verificationBody = z.strictObject({
  checklist: z
    .partialRecord(z.enum(DOCUMENT_CODES), z.boolean())
    .describe('Each document: true when received and in order'),
  note: z.string().max(2000).optional(),
});

export const decisionBody = z.strictObject({
  decision: z.enum(DECISIONS),
  reason: z.string().trim().min(1, 'must give a reason').max(2000),
});

export const bankAccountBody = bankAccountSchema;

export const listClaimsQuery = z.strictObject({
  status: z.enum(CLAIM_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});

export const trackingCodeHeader = z
  .string()
  .regex(/^[A-Z0-9]{10,32}$/, 'must be the tracking code given at intake');

// Responses (documented; not validated at run time).
export const createdClaimResponse = z.object({
  claimNumber: z.string(),
  trackingCode: z.string().optional().describe('Shown once, at creation'),
  status: z.enum(CLAIM_STATUSES),
});

export const problemResponse = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});
