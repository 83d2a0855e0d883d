// The small shapes everything else is made of, as zod schemas: dates, national IDs, rupiah, ids.
import { z } from 'zod';
import { isoDate } from '../rules/schema';
import { CLAIM_NUMBER, CLAIM_NUMBER_EXAMPLE, SCHOLARSHIP_ID, SCHOLARSHIP_ID_EXAMPLE } from './ids';

export { isoDate };

/** NIK: Nomor Induk Kependudukan, the national ID: exactly 16 digits. */
export const nik = z.string().regex(/^\d{16}$/, 'must be exactly 16 digits');

/** Rupiah: a whole, non-negative number of rupiah within JavaScript's safe integers. */
export const rupiah = z
  .number()
  .int('must be whole rupiah')
  .min(0, 'must not be negative')
  .max(Number.MAX_SAFE_INTEGER);

export const claimNumber = z
  .string()
  .regex(CLAIM_NUMBER, `must be a claim number such as ${CLAIM_NUMBER_EXAMPLE}`);

export const scholarshipId = z
  .string()
  .regex(SCHOLARSHIP_ID, `must be a scholarship id such as ${SCHOLARSHIP_ID_EXAMPLE}`);
