// The shapes a claim is made of, as strict schemas: the API validates requests with them, and the
// workflow checks its own input with them, so a claim started around the API fails fast, not in a loop.
import { ApplicationFailure } from '@temporalio/workflow';
import { z } from 'zod';
import { quoteChildSchema } from '../rules';
import { FailureType, type ClaimInput } from './definitions';

function isCalendarDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine(isCalendarDate, 'must be a real calendar date');

/** NIK: Nomor Induk Kependudukan, the national ID: exactly 16 digits. */
export const nik = z.string().regex(/^\d{16}$/, 'must be exactly 16 digits');

export const bankAccountSchema = z.strictObject({
  bankCode: z.string().regex(/^[A-Z0-9]{3,10}$/, 'must be a bank code such as BRI, BNI or 008'),
  accountNumber: z.string().regex(/^\d{6,20}$/, 'must be 6 to 20 digits'),
  accountName: z.string().trim().min(1).max(200),
});

export const heirSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  relationship: z.enum([
    'spouse',
    'child',
    'parent',
    'grandparent',
    'grandchild',
    'sibling',
    'parent_in_law',
    'other',
  ]),
  nik: nik.optional(),
  dateOfBirth: isoDate.optional(),
});

/** A child of the deceased, as the benefit rules validate it (grades in national numbering per level). */
export const childSchema = quoteChildSchema;

/** Rupiah: a whole, non-negative number of rupiah within JavaScript's safe integers. */
export const rupiah = z
  .number()
  .int('must be whole rupiah')
  .min(0, 'must not be negative')
  .max(Number.MAX_SAFE_INTEGER);

export const claimInputSchema = z.strictObject({
  claimNumber: z.string().regex(/^(JKM|JKK)-\d{8}-[A-Z0-9]{6,}$/),
  program: z.enum(['JKM', 'JKK']),
  event: z.literal('death'),
  participantNik: nik,
  eventDate: isoDate,
  claimDate: isoDate,
  heirs: z.array(heirSchema).min(1).max(20),
  children: z.array(childSchema).max(20),
  bankAccount: bankAccountSchema,
  actualMonthlyWage: rupiah.optional(),
  trackingCodeHash: z.string().min(10),
  createdBy: z.string().min(1).max(100),
});

/** Fails the workflow at once (not retried) when started with input the API would have refused. */
export function validateClaimInput(input: unknown): ClaimInput {
  const parsed = claimInputSchema.safeParse(input);
  if (!parsed.success) {
    // Field paths only: the values may be personal data.
    const fields = parsed.error.issues.map((i) => i.path.join('.') || '(root)').join(', ');
    throw ApplicationFailure.create({
      message: `Invalid claim input: ${fields}`,
      type: FailureType.InvalidInput,
      nonRetryable: true,
    });
  }
  if (parsed.data.eventDate > parsed.data.claimDate) {
    throw ApplicationFailure.create({
      message: 'Invalid claim input: eventDate is after claimDate',
      type: FailureType.InvalidInput,
      nonRetryable: true,
    });
  }
  return parsed.data;
}
