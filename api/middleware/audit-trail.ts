// The audit log: one append-only row per API request (staff, family or anonymous), refused ones included.
// Records who, what (method, route, claim), the answer (status, problem type), when, and the client address;
// never a body, a query string, a header value, a national ID, an account number or a token.
import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import type { Db } from '../../db/config';
import { AuditLogStore, type ActorKind, type AuditEntry as AuditLogEntry } from '../../db/stores';
import { CLAIM_NUMBER_IN_TEXT } from '../../vocabulary/ids';
import type { Staff } from './auth';

/** One request's row, before the writer stamps it with the request's time. */
export type AuditEntry = Omit<AuditLogEntry, 'at'>;

/** Long digit runs (a national ID or an account number, should a path ever carry one) are masked. */
function safePath(path: string): string {
  return path.replace(/\d{10,}/g, (digits) => '*'.repeat(digits.length)).slice(0, 300);
}

function identify(req: Request): { kind: ActorKind; staff?: Staff } {
  // Set by identifyStaff() for a valid token; a malformed, forged or expired one leaves no identity to record.
  if (req.staff) return { kind: 'staff', staff: req.staff };
  if (req.get('authorization') !== undefined) return { kind: 'anonymous' };
  return req.get('x-tracking-code') !== undefined ? { kind: 'family' } : { kind: 'anonymous' };
}

/** PostgreSQL refused the row itself (data exception, integrity violation): writing it again cannot succeed. */
function rowRefused(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && /^(22|23)/.test(code);
}

/** The most entries written in one insert. */
const BATCH = 500;

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
  private readonly queue: AuditLogEntry[] = [];
  private readonly log: AuditLogStore;
  private readonly capacity: number;
  private readonly retryMs: number;
  private readonly maxRetryMs: number;
  private delay: number;
  private dropped = 0;
  private writing: Promise<void> | undefined;
  private retry: NodeJS.Timeout | undefined;

  /** From the database, not the app's stores: bin/ builds the writer before the app and flushes it after. */
  constructor(
    db: Db,
    private readonly logger: Logger,
    options: AuditWriterOptions = {},
  ) {
    this.log = new AuditLogStore(db);
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
      // Everything waiting goes in one insert (one commit): under load the log keeps up with the requests.
      const batch = this.queue.slice(0, BATCH);
      try {
        await this.log.appendMany(batch);
      } catch (err) {
        if (rowRefused(err)) {
          await this.writeOneByOne(batch.length);
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
      // A full buffer may have dropped some of the batch from the head meanwhile: remove what is still there.
      const written = new Set(batch);
      let n = 0;
      while (n < this.queue.length && written.has(this.queue[n]!)) n++;
      this.queue.splice(0, n);
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

  /** A batch PostgreSQL refused: its entries one by one, so that only the refused one is left out (and logged). */
  private async writeOneByOne(count: number): Promise<void> {
    for (let i = 0; i < count && this.queue.length > 0; i++) {
      const entry = this.queue[0]!;
      try {
        await this.log.append(entry);
      } catch (err) {
        if (!rowRefused(err)) return; // unreachable again: drain() retries what is left
        this.logger.error(
          { err: { message: (err as Error).message }, path: entry.route ?? 'unmatched' },
          'audit log entry refused by the database',
        );
      }
      this.queue.shift();
    }
  }
}

/**
 * Middleware for the /api/v1 mount: records each request once its answer is sent (or the client gave up).
 * Mounted before body parsing, so requests refused for a bad body are recorded too.
 */
export function auditTrail(deps: {
  writer: AuditWriter;
  /** `GET /healthz` and the like, from the route declarations: service routes with no actor and no claim. */
  unaudited: ReadonlySet<string>;
}): RequestHandler {
  return (req: Request, res: Response, next) => {
    const path = req.path;
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    if (deps.unaudited.has(`${method} ${path}`)) return next();
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
      const who = identify(req);
      const routePath = (req.route as { path?: unknown } | undefined)?.path;
      const entry: AuditEntry = {
        actorKind: who.kind,
        actorId: who.staff?.id ?? null,
        actorRole: who.staff?.role ?? null,
        method: req.method,
        route: typeof routePath === 'string' ? routePath : null,
        path: safePath(`${mount}${path}`),
        // Bounded like the column: a longer run in the path is no claim number.
        claimNumber: CLAIM_NUMBER_IN_TEXT.exec(path)?.[0] ?? null,
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
