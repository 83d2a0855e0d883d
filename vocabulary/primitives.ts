// The small shapes everything else is made of, as zod schemas: dates, national IDs, rupiah, ids, free text.
import { z } from 'zod';
import { isoDate, MAX_RUPIAH, text } from '../rules/schema';
import { CLAIM_NUMBER, CLAIM_NUMBER_EXAMPLE, SCHOLARSHIP_ID, SCHOLARSHIP_ID_EXAMPLE } from './ids';
import { NIK } from './claim-check';
import { CLAIM_NUMBER_MAX, STAFF_ID_MAX } from './limits';

export { isoDate };

/**
 * Free text of at most `max` characters with no NUL, lone surrogate or control character but newline and tab:
 * what PostgreSQL's text, varchar and jsonb can all store. Every free-text field of every request is one.
 */
export { text };

/** NIK: Nomor Induk Kependudukan, the national ID: exactly 16 digits. */
export const nik = z.string().regex(NIK, 'must be exactly 16 digits');

/** Rupiah: a whole, non-negative number of rupiah, at most what the benefit rules take (MAX_RUPIAH). */
export const rupiah = z
  .number()
  .int('must be whole rupiah')
  .min(0, 'must not be negative')
  .max(MAX_RUPIAH, `must be at most ${MAX_RUPIAH}`);

export const claimNumber = z
  .string()
  .max(CLAIM_NUMBER_MAX)
  .regex(CLAIM_NUMBER, `must be a claim number such as ${CLAIM_NUMBER_EXAMPLE}`);

export const scholarshipId = z
  .string()
  .max(CLAIM_NUMBER_MAX + '-S1'.length)
  .regex(SCHOLARSHIP_ID, `must be a scholarship id such as ${SCHOLARSHIP_ID_EXAMPLE}`);

/** A staff member's id, the token's sub: recorded as who filed, verified or decided. */
export const staffId = text(STAFF_ID_MAX).min(1);
