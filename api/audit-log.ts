// The audit log: one append-only row per API request (staff, family or anonymous), refused ones included.
// Records who, what (method, route, claim), the answer (status, problem type), when, and the client address;
// never a body, a query string, a header value, a national ID, an account number or a token.
import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Db } from '../db/config';
import { staffFromRequest, type Staff } from './auth';

const CLAIM_NUMBER = /(?:JKM|JKK)-\d{8}-[A-Z0-9]{6,}/;
/** Service routes with no actor and no claim: not audited. */
const UNAUDITED = new Set(['/healthz', '/readyz', '/openapi.json', '/metrics']);

export type ActorKind = 'staff' | 'family' | 'anonymous';

export interface AuditEntry {
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

/** Long digit runs (a national ID or an account number, should a path ever carry one) are masked. */
function safePath(path: string): string {
  return path.replace(/\d{10,}/g, (digits) => '*'.repeat(digits.length)).slice(0, 300);
}

function identify(req: Request, secret: string): { kind: ActorKind; staff?: Staff } {
  if (req.staff) return { kind: 'staff', staff: req.staff };
  try {
    const staff = staffFromRequest(req, secret);
    if (staff) return { kind: 'staff', staff };
  } catch {
    return { kind: 'anonymous' }; // a malformed, forged or expired token: no identity to record
  }
  return req.get('x-tracking-code') !== undefined ? { kind: 'family' } : { kind: 'anonymous' };
}

function auditRow(entry: AuditEntry & { at: Date }) {
  return {
    at: entry.at,
    actor_kind: entry.actorKind,
    actor_id: entry.actorId?.slice(0, 100) ?? null,
    actor_role: entry.actorRole?.slice(0, 20) ?? null,
    method: entry.method.slice(0, 10),
    route: entry.route?.slice(0, 200) ?? null,
    path: entry.path,
    claim_number: entry.claimNumber,
    status: entry.status,
    problem_type: entry.problemType,
    client_address: entry.clientAddress?.slice(0, 100) ?? null,
  };
}

/** PostgreSQL refused the row itself (data exception, integrity violation): writing it again cannot succeed. */
function rowRefused(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && /^(22|23)/.test(code);
}

export interface AuditWriterOptions {
  /** Entries held in memory while PostgreSQL is unreachable; beyond it the oldest are dropped (and logged). */
  capacity?: number;
  /** The first wait before writing again after a failure; it doubles up to maxRetryMs. */
  retryMs?: number;
  maxRetryMs?: number;
}

/**
 * Writes audit entries in order, each stamped with the time of its request. While PostgreSQL is unreachable the
 * entries wait in memory and are written when it is back (requests answered 503 during an outage are recorded
 * too); only a full buffer, or a process that stops during an outage, loses entries, and either is logged.
 */
export class AuditWriter {
  private readonly queue: (AuditEntry & { at: Date })[] = [];
  private readonly capacity: number;
  private readonly retryMs: number;
  private readonly maxRetryMs: number;
  private delay: number;
  private dropped = 0;
  private writing: Promise<void> | undefined;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
    options: AuditWriterOptions = {},
  ) {
    this.capacity = options.capacity ?? 10_000;
    this.retryMs = options.retryMs ?? 1000;
    this.maxRetryMs = options.maxRetryMs ?? 30_000;
    this.delay = this.retryMs;
  }

  /** Entries not yet written. */
  get pending(): number {
    return this.queue.length;
  }

  add(entry: AuditEntry, at = new Date()): void {
    if (this.queue.length >= this.capacity) {
      this.queue.shift();
      this.dropped += 1;
    }
    this.queue.push({ ...entry, at });
    if (this.retry === undefined) void this.flush();
  }

  /** Writes what is waiting; resolves when the queue is empty or a write failed (a retry is then scheduled). */
  flush(): Promise<void> {
    this.writing ??= this.drain().finally(() => {
      this.writing = undefined;
    });
    return this.writing;
  }

  /** Stops retrying and makes one last attempt; what cannot be written is logged as lost. */
  async close(): Promise<void> {
    clearTimeout(this.retry);
    this.retry = undefined;
    await this.flush();
    clearTimeout(this.retry);
    this.retry = undefined;
    if (this.queue.length > 0) {
      this.logger.error(
        { lost: this.queue.length },
        'audit log entries lost: PostgreSQL unreachable at shutdown',
      );
    }
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const entry = this.queue[0]!;
      try {
        await this.db('audit_log').insert(auditRow(entry));
      } catch (err) {
        if (rowRefused(err)) {
          this.queue.shift();
          this.logger.error(
            { err: { message: (err as Error).message }, path: entry.route ?? 'unmatched' },
            'audit log entry refused by the database',
          );
          continue;
        }
        this.logger.warn(
          { err: { message: (err as Error).message }, pending: this.queue.length, retryInMs: this.delay },
          'audit log write failed; entries kept in memory',
        );
        this.retry = setTimeout(() => {
          this.retry = undefined;
          void this.flush();
        }, this.delay);
        this.retry.unref();
        this.delay = Math.min(this.delay * 2, this.maxRetryMs);
        return;
      }
      this.queue.shift();
      this.delay = this.retryMs;
    }
    if (this.dropped > 0) {
      this.logger.error(
        { dropped: this.dropped },
        'audit log entries dropped: the in-memory buffer was full',
      );
      this.dropped = 0;
    }
  }
}

/**
 * Middleware for the /api/v1 mount: records each request once its answer is sent (or the client gave up).
 * Mounted before body parsing, so requests refused for a bad body are recorded too.
 */
export function auditTrail(deps: { authSecret: string; writer: AuditWriter }): RequestHandler {
  return (req: Request, res: Response, next) => {
    const path = req.path;
    if ((req.method === 'GET' || req.method === 'HEAD') && UNAUDITED.has(path)) return next();
    const mount = req.baseUrl;
    let problemType: string | null = null;
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      const type = (body as { type?: unknown } | null)?.type;
      if (res.statusCode >= 400 && typeof type === 'string')
        problemType = type.split('/').pop()!.slice(0, 60);
      return json(body);
    };
    res.once('close', () => {
      const who = identify(req, deps.authSecret);
      const routePath = (req.route as { path?: unknown } | undefined)?.path;
      const entry: AuditEntry = {
        actorKind: who.kind,
        actorId: who.staff?.id ?? null,
        actorRole: who.staff?.role ?? null,
        method: req.method,
        route: typeof routePath === 'string' ? routePath : null,
        path: safePath(`${mount}${path}`),
        claimNumber: CLAIM_NUMBER.exec(path)?.[0] ?? null,
        // 499 (nginx's "client closed request") when the client hung up before an answer was sent.
        status: res.writableFinished ? res.statusCode : 499,
        problemType,
        clientAddress: req.ip ?? req.socket.remoteAddress ?? null,
      };
      deps.writer.add(entry);
    });
    next();
  };
}

// GET /audit-log: filters and paging.

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
  claimNumber: z
    .string()
    .regex(/^(JKM|JKK)-\d{8}-[A-Z0-9]{6,}$/, 'must be a claim number')
    .optional(),
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
