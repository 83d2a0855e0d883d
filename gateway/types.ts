// The sandbox gateway's wire format, shared by the sandbox (which validates requests) and the client
// (which validates responses), so the two cannot drift.
import { z } from 'zod';
import { ACCOUNT_NAME_MAX } from '../vocabulary/limits';

export const idempotencyKeySchema = z.string().min(1).max(255);

export const disbursementRequestSchema = z.strictObject({
  /** Whole rupiah. */
  amount: z.int().positive(),
  currency: z.literal('IDR').default('IDR'),
  bankCode: z.string().min(1).max(20),
  accountNumber: z.string().regex(/^\d{6,20}$/, 'must be 6 to 20 digits'),
  accountName: z.string().min(1).max(ACCOUNT_NAME_MAX),
  reference: z.string().min(1).max(100),
  description: z.string().max(255).optional(),
});

const disbursementStatuses = ['completed', 'failed'] as const;
const failureCodes = ['ACCOUNT_REFUSED'] as const;

export const disbursementSchema = z.object({
  id: z.string(),
  idempotencyKey: z.string(),
  status: z.enum(disbursementStatuses),
  amount: z.number().int(),
  currency: z.literal('IDR'),
  bankCode: z.string(),
  /** Masked: only the last 4 digits are shown. */
  accountNumber: z.string(),
  accountName: z.string(),
  reference: z.string(),
  description: z.string().optional(),
  createdAt: z.string(),
  completedAt: z.string().optional(),
  failureCode: z.enum(failureCodes).optional(),
});

export const statementSchema = z.object({
  /** The day in Asia/Jakarta (UTC+7). */
  date: z.string(),
  disbursements: z.array(disbursementSchema),
  /** Whole rupiah, completed disbursements only. */
  total: z.number().int(),
});

export const statementQuerySchema = z.strictObject({ date: z.iso.date() });

const faultKinds = [
  'http_500',
  'timeout',
  'lost_response',
  'refuse_account',
  // The request itself refused (422): no retry of it can succeed.
  'reject_request',
] as const;

export const faultSchema = z.strictObject({
  kind: z.enum(faultKinds),
  times: z.int().positive().default(1),
  match: z
    .strictObject({
      accountNumber: z.string().min(1).optional(),
      idempotencyKeyPrefix: z.string().min(1).optional(),
    })
    .optional(),
});

export type DisbursementRequest = z.input<typeof disbursementRequestSchema>;
export type ValidDisbursementRequest = z.output<typeof disbursementRequestSchema>;
export type Disbursement = z.infer<typeof disbursementSchema>;
export type Statement = z.infer<typeof statementSchema>;
export type FaultKind = (typeof faultKinds)[number];
export type FaultInput = z.input<typeof faultSchema>;
export type Fault = z.output<typeof faultSchema>;
