// GET /audit-log's filters and paging, and POST /claims/{claimNumber}/replay's body.
import { z } from 'zod';
import { claimNumber, isoDate, staffId } from '../../vocabulary/primitives';

// PostgreSQL reads years 1 to 9999 from the ISO text the query sends; `to` reads on to the end of its day.
const FIRST = Date.parse('0001-01-01T00:00:00Z');
const LAST = Date.parse('9999-12-31T00:00:00Z');

/** A date (YYYY-MM-DD, UTC) or a date-time with an offset, on a real calendar day. */
const instant = z
  .string()
  .max(40)
  .refine(
    (v) =>
      /^\d{4}-\d{2}-\d{2}(T.+)?$/.test(v) &&
      isoDate.safeParse(v.slice(0, 10)).success &&
      Date.parse(v) >= FIRST &&
      Date.parse(v) < LAST,
    'must be YYYY-MM-DD or an ISO date-time',
  );

export const AUDIT_OUTCOMES = ['success', 'denied', 'failed', 'error'] as const;

export const auditLogQuery = z.strictObject({
  actor: staffId.optional().describe('Staff id (the token sub)'),
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
