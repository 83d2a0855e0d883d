// The audit log as auditors read it: newest first, filtered, keyset-paged on the row id.
import type { Stores } from '../../db/stores';
import { AUDIT_OUTCOMES, type AuditLogQuery } from '../schemas/audit-log';

function encodeAuditCursor(id: number): string {
  return Buffer.from(`a:${id}`).toString('base64url');
}

export function decodeAuditCursor(cursor: string): number | undefined {
  const match = /^a:(\d{1,18})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : undefined;
}

/** A date means up to its end (before the next day, UTC); a date-time means up to and including it. */
function endOf(value: string): { at: string; inclusive: boolean } {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const next = new Date(`${value}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    return { at: next.toISOString(), inclusive: false };
  }
  return { at: new Date(value).toISOString(), inclusive: true };
}

function outcomeOf(status: number): (typeof AUDIT_OUTCOMES)[number] {
  if (status < 400) return 'success';
  if (status === 401 || status === 403) return 'denied';
  return status < 500 ? 'failed' : 'error';
}

/** Newest first; `after` is the id of the last row of the previous page. */
export async function listAuditLog(stores: Pick<Stores, 'auditLog'>, q: AuditLogQuery & { after?: number }) {
  const page = await stores.auditLog.listPage({
    actorId: q.actor,
    claimNumber: q.claimNumber,
    from: q.from !== undefined ? new Date(q.from).toISOString() : undefined,
    to: q.to !== undefined ? endOf(q.to) : undefined,
    status: q.status,
    outcome: q.outcome,
    afterId: q.after,
    limit: q.limit,
  });
  return {
    items: page.rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actor: { kind: r.actor_kind, id: r.actor_id, role: r.actor_role },
      method: r.method,
      route: r.route,
      path: r.path,
      claimNumber: r.claim_number,
      status: r.status,
      outcome: outcomeOf(r.status),
      problemType: r.problem_type,
      clientAddress: r.client_address,
    })),
    nextCursor: page.nextAfter !== null ? encodeAuditCursor(page.nextAfter) : null,
  };
}
