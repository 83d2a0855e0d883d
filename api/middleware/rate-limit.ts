// Family access (claim number + tracking code) is rate-limited twice: per client address, every attempt; and per
// claim number, wrong codes only: a lock-out that holds however many addresses the guesses come from. An unknown
// claim number counts like a wrong code, so the lock-out says nothing about which claims exist. The counts live in
// PostgreSQL (rate-limit-store.ts), so every API instance behind a load balancer enforces the same limits.
import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit, type Options } from 'express-rate-limit';
import type { Logger } from 'pino';
import type { RateLimitStore } from '../../db/stores';
import { HttpProblem, sendProblem } from './problem';
import { PostgresRateLimitStore } from './rate-limit-store';
import { parseScholarshipId } from '../../vocabulary/ids';

export interface TrackingLimits {
  windowMs: number;
  /** Requests with a tracking code from one client address per window. */
  perAddress: number;
  /** Wrong tracking codes (404s) for one claim number per window, from any address. */
  perClaim: number;
}

const DEFAULT_TRACKING_LIMITS: TrackingLimits = {
  windowMs: 15 * 60_000,
  perAddress: 100,
  perClaim: 10,
};

export interface SecurityEvent {
  type: 'tracking_rate_limited' | 'tracking_lockout';
  /** The client address (IPv6 reduced to its /56 network, as the limiter counts it). */
  address: string;
  claimNumber?: string;
  limit: number;
  windowSeconds: number;
  method: string;
  path: string;
}

export type SecurityEventSink = (event: SecurityEvent) => void;

/** A structured warning per lock-out (the audit trail has a row per refused request too); no codes, no personal data. */
export function logSecurityEvents(logger: Logger): SecurityEventSink {
  return (event) => logger.warn({ audit: true, security: event }, `security event: ${event.type}`);
}

const clientAddress = (req: Request) => ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown');
const claimNumberOf = (req: Request) =>
  req.params.claimNumber !== undefined
    ? String(req.params.claimNumber)
    : (parseScholarshipId(String(req.params.id ?? ''))?.claimNumber ?? String(req.params.id ?? ''));

/**
 * One limiter for every route a family reaches with X-Tracking-Code (the routes declared with family access), so a
 * claim's lock-out holds on all of them (a scholarship counts as its claim); staff requests (a token, no tracking
 * code) are not counted.
 */
export function createFamilyRateLimit(options: {
  limits?: Partial<TrackingLimits>;
  onEvent: SecurityEventSink;
  /** Where the counts live: PostgreSQL, shared by every API instance (without it, this process's memory). */
  counters?: RateLimitStore;
}): RequestHandler[] {
  const limits = { ...DEFAULT_TRACKING_LIMITS, ...options.limits };
  const windowSeconds = Math.ceil(limits.windowMs / 1000);

  const refuse =
    (type: SecurityEvent['type'], limit: number): Options['handler'] =>
    (req, res) => {
      // One event per lock-out, not one per refused request: the first refusal of the window.
      if ((req as Request & { rateLimit?: { used: number } }).rateLimit?.used === limit + 1) {
        options.onEvent({
          type,
          address: clientAddress(req),
          ...(type === 'tracking_lockout' ? { claimNumber: claimNumberOf(req) } : {}),
          limit,
          windowSeconds,
          method: req.method,
          path: req.originalUrl.split('?')[0]!,
        });
      }
      // The audit trail records the 429 with its problem type: rate-limited (address) or tracking-locked (claim).
      sendProblem(
        res,
        type === 'tracking_lockout'
          ? new HttpProblem(
              429,
              'tracking-locked',
              'Too many wrong tracking codes',
              'Too many wrong tracking codes for this claim number. Try again after the seconds in Retry-After.',
            )
          : new HttpProblem(
              429,
              'rate-limited',
              'Too many attempts',
              'Too many tracking-code attempts from this address. Try again after the seconds in Retry-After.',
            ),
      );
    };

  const common: Partial<Options> = {
    windowMs: limits.windowMs,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    // Staff (a token, no tracking code) are not counted; a token sent beside a tracking code does not exempt it.
    skip: (req) => req.get('authorization') !== undefined && req.get('x-tracking-code') === undefined,
  };
  return [
    rateLimit({
      ...common,
      limit: limits.perAddress,
      keyGenerator: (req) => `address:${clientAddress(req)}`,
      ...(options.counters ? { store: new PostgresRateLimitStore(options.counters, 'family:') } : {}),
      handler: refuse('tracking_rate_limited', limits.perAddress),
    }),
    rateLimit({
      ...common,
      limit: limits.perClaim,
      keyGenerator: (req) => `claim:${claimNumberOf(req)}`,
      ...(options.counters ? { store: new PostgresRateLimitStore(options.counters, 'family:') } : {}),
      skipSuccessfulRequests: true,
      // Wrong codes (404) count, and so do attempts refused while locked (429): only a right code is free.
      requestWasSuccessful: (_req, res) => res.statusCode !== 404 && res.statusCode !== 429,
      handler: refuse('tracking_lockout', limits.perClaim),
    }),
  ];
}
