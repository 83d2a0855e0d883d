// GET /audit-log's filters and paging, and POST /claims/{claimNumber}/replay's body.
import { z } from 'zod';
import { claimNumber } from '../../vocabulary/primitives';

/** A date (YYYY-MM-DD, UTC) or a date-time with an offset. */
const instant = z
  .string()
  .refine(
    (v) => /^\d{4}-\d{2}-\d{2}(T.+)?$/.test(v) && !Number.isNaN(Date.parse(v)),
    'must be YYYY-MM-DD or an ISO date-time',
  );

export const AUDIT_OUTCOMES = ['success', 'denied', 'failed', 'error'] as const;

export const auditLogQuery = z.strictObject({
  actor: z.string().min(1).max(100).optional().describe('Staff id (the token sub)'),
  claimNumber: claimNumber.optional(),
  from: instant.optional().describe('From this instant (a date means its start, UTC)'),
  to: instant.optional().describe('Up to this instant (a date means up to its end, UTC)'),
  outcome: z
    .enum(AUDIT_OUTCOMES)
    .optional()
    .describe('success: below 400; denied: 401 or 403; failed: other 4xx; error: 5xx'),
  status: z.coerce.number().int().min(100).max(599).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(40).optional(),
});
export type AuditLogQuery = z.output<typeof auditLogQuery>;

/** The replay request takes no options yet: an empty body (or none). */
export const replayBody = z.strictObject({}).optional();
