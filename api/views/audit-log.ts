// The audit log as auditors read it: newest first, filtered, keyset-paged on the row id.
import type { Db } from '../../db/config';
import { AUDIT_OUTCOMES, type AuditLogQuery } from '../schemas/audit-log';

export function encodeAuditCursor(id: number): string {
  return Buffer.from(`a:${id}`).toString('base64url');
}

export function decodeAuditCursor(cursor: string): number | undefined {
  const match = /^a:(\d{1,18})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : undefined;
}

function endOf(value: string): { op: '<' | '<='; at: string } {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const next = new Date(`${value}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    return { op: '<', at: next.toISOString() };
  }
  return { op: '<=', at: new Date(value).toISOString() };
}

function outcomeOf(status: number): (typeof AUDIT_OUTCOMES)[number] {
  if (status < 400) return 'success';
  if (status === 401 || status === 403) return 'denied';
  return status < 500 ? 'failed' : 'error';
}

/** Newest first; `after` is the id of the last row of the previous page. */
export async function listAuditLog(db: Db, q: AuditLogQuery & { after?: number }) {
  const query = db('audit_log')
    .orderBy('id', 'desc')
    .limit(q.limit + 1);
  if (q.actor !== undefined) query.where('actor_id', q.actor);
  if (q.claimNumber !== undefined) query.where('claim_number', q.claimNumber);
  if (q.from !== undefined) query.where('at', '>=', new Date(q.from).toISOString());
  if (q.to !== undefined) {
    const end = endOf(q.to);
    query.where('at', end.op, end.at);
  }
  if (q.status !== undefined) query.where('status', q.status);
  if (q.outcome === 'success') query.where('status', '<', 400);
  if (q.outcome === 'denied') query.whereIn('status', [401, 403]);
  if (q.outcome === 'failed') query.whereBetween('status', [400, 499]).whereNotIn('status', [401, 403]);
  if (q.outcome === 'error') query.where('status', '>=', 500);
  if (q.after !== undefined) query.where('id', '<', q.after);
  const rows: Record<string, unknown>[] = await query;
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: Number(r.id),
      at: (r.at as Date).toISOString(),
      actor: { kind: r.actor_kind, id: r.actor_id, role: r.actor_role },
      method: r.method,
      route: r.route,
      path: r.path,
      claimNumber: r.claim_number,
      status: r.status,
      outcome: outcomeOf(r.status as number),
      problemType: r.problem_type,
      clientAddress: r.client_address,
    })),
    nextCursor: rows.length > q.limit && last ? encodeAuditCursor(Number(last.id)) : null,
  };
}
