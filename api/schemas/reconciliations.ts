// GET /reconciliations' filters and GET /reconciliations/{date}'s day.
import { z } from 'zod';
import { isoDate } from '../../vocabulary/primitives';

export const listReconciliationsQuery = z.strictObject({
  from: isoDate.optional().describe('First day (Asia/Jakarta), inclusive'),
  to: isoDate.optional().describe('Last day (Asia/Jakarta), inclusive'),
  status: z.enum(['balanced', 'mismatched']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type ListReconciliationsQuery = z.output<typeof listReconciliationsQuery>;

export const reconciliationDateParam = z.strictObject({ date: isoDate });
