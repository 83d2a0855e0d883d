// The zod side of a workflow's input checks, loaded only when the zod-free check (vocabulary/claim-check.ts,
// workflows/reconciliation.ts) did not accept an input: a workflow started with input the API would take never loads
// zod (rules/checks.ts says why).
import { z } from 'zod';
import { bankAccountSchema, childSchema, claimInputSchema, heirSchema } from '../vocabulary/claim';
import { isoDate } from '../vocabulary/primitives';

export { claimInputSchema };

/** What starts a reconciliation: the day, or none for the day before. */
export const reconciliationInputSchema = z.strictObject({ date: isoDate.optional() });

const loose = (max: number) => z.string().trim().min(1).max(max);
const date = z.iso.date();
/** The input as it was checked before STORABLE_INPUT_PATCH: the histories of claims started then replay with it. */
export const inputBeforePatch = claimInputSchema.extend({
  claimNumber: z.string().regex(/^(?:JKM|JKK)-\d{8}-[A-Z0-9]{6,}$/),
  eventDate: date,
  claimDate: date,
  heirs: z
    .array(heirSchema.extend({ name: loose(200), dateOfBirth: date.optional() }))
    .min(1)
    .max(20),
  children: z.array(childSchema.extend({ name: z.string().max(200).optional(), dateOfBirth: date })).max(20),
  bankAccount: bankAccountSchema.extend({ accountName: loose(200) }),
  actualMonthlyWage: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  trackingCodeHash: z.string().min(10),
  createdBy: z.string().min(1).max(100),
});
