// The audit log: one append-only row per API request (a trigger refuses updates and deletes).
import type { Knex } from 'knex';

export type ActorKind = 'staff' | 'family' | 'anonymous';

/** success: below 400; denied: 401 or 403; failed: other 4xx; error: 5xx. */
type AuditOutcome = 'success' | 'denied' | 'failed' | 'error';

export interface AuditLogRow {
  id: number;
  at: Date;
  actor_kind: ActorKind;
  actor_id: string | null;
  actor_role: string | null;
  method: string;
  route: string | null;
  path: string;
  claim_number: string | null;
  status: number;
  problem_type: string | null;
  client_address: string | null;
}

export interface AuditEntry {
  at: Date;
  actorKind: ActorKind;
  actorId: string | null;
  actorRole: string | null;
  method: string;
  route: string | null;
  path: string;
  claimNumber: string | null;
  status: number;
  problemType: string | null;
  clientAddress: string | null;
}

export interface AuditLogFilter {
  actorId?: string;
  claimNumber?: string;
  /** An ISO instant: rows at or after it. */
  from?: string;
  /** An ISO instant: rows before it, or at it too when inclusive. */
  to?: { at: string; inclusive: boolean };
  status?: number;
  outcome?: AuditOutcome;
  /** The id of the last row of the previous page. */
  afterId?: number;
  limit: number;
}

export class AuditLogStore {
  constructor(private readonly db: Knex) {}

  /** Free-text fields are cut to their column's width: an entry is never refused for a long value. */
  async append(e: AuditEntry): Promise<void> {
    await this.appendMany([e]);
  }

  /** Several entries in one insert, in order (ids follow the order given). */
  async appendMany(entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.db<AuditLogRow>('audit_log').insert(
      entries.map((e) => ({
        at: e.at,
        actor_kind: e.actorKind,
        actor_id: e.actorId?.slice(0, 100) ?? null,
        actor_role: e.actorRole?.slice(0, 20) ?? null,
        method: e.method.slice(0, 10),
        route: e.route?.slice(0, 200) ?? null,
        path: e.path,
        claim_number: e.claimNumber,
        status: e.status,
        problem_type: e.problemType,
        client_address: e.clientAddress?.slice(0, 100) ?? null,
      })),
    );
  }

  /** Newest first, keyset-paged on id; `nextAfter` is null on the last page. */
  async listPage(f: AuditLogFilter): Promise<{ rows: AuditLogRow[]; nextAfter: number | null }> {
    const q = this.db<AuditLogRow>('audit_log')
      .orderBy('id', 'desc')
      .limit(f.limit + 1);
    if (f.actorId !== undefined) q.where('actor_id', f.actorId);
    if (f.claimNumber !== undefined) q.where('claim_number', f.claimNumber);
    if (f.from !== undefined) q.where('at', '>=', f.from);
    if (f.to !== undefined) q.where('at', f.to.inclusive ? '<=' : '<', f.to.at);
    if (f.status !== undefined) q.where('status', f.status);
    if (f.outcome === 'success') q.where('status', '<', 400);
    if (f.outcome === 'denied') q.whereIn('status', [401, 403]);
    if (f.outcome === 'failed') q.whereBetween('status', [400, 499]).whereNotIn('status', [401, 403]);
    if (f.outcome === 'error') q.where('status', '>=', 500);
    if (f.afterId !== undefined) q.where('id', '<', f.afterId);
    const found = await q;
    const rows = found.slice(0, f.limit);
    const last = rows[rows.length - 1];
    return { rows, nextAfter: found.length > f.limit && last ? last.id : null };
  }
}
