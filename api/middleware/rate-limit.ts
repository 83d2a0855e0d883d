// Family access (claim number + tracking code) is rate-limited twice: per client address, every attempt; and per
// claim number, wrong codes only: a lock-out that holds however many addresses the guesses come from. An unknown
// claim number counts like a wrong code, so the lock-out says nothing about which claims exist. The counts live in
// PostgreSQL, so every API instance behind a load balancer enforces the same limits, and both are counted in one
// statement (RateLimitStore.attempt): one round trip per attempt, whatever its outcome.
import type { Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import type { Logger } from 'pino';
import type { ClaimRow, RateLimitStore } from '../../db/stores';
import type { FamilyViewRows } from '../../db/stores/claim-views';
import { HttpProblem, sendProblem } from './problem';
import { hashTrackingCode } from './tracking-code';
import { trackingCodeHeader } from '../schemas/claims';
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

/** The counter of wrong codes for one claim number (every family route of the claim and its scholarships). */
export const familyClaimKey = (claimNumber: string) => `family:claim:${claimNumber}`;
const familyAddressKey = (address: string) => `family:address:${address}`;

const retryAfter = (res: Response, ms: number) =>
  res.setHeader('Retry-After', String(Math.max(1, Math.ceil(ms / 1000))));

/**
 * One limiter for every route a family reaches with X-Tracking-Code (the routes declared with family access), so a
 * claim's lock-out holds on all of them (a scholarship counts as its claim); staff requests (a token, no tracking
 * code) are not counted. A request without a well-formed code counts on its address only (its route answers 401 or
 * 400). The code's hash is compared with the claim's in the counting statement, so a right code is never counted
 * and a wrong one needs no second write after the answer.
 */
export function createFamilyRateLimit(options: {
  limits?: Partial<TrackingLimits>;
  onEvent: SecurityEventSink;
  /** Where the counts live: PostgreSQL, shared by every API instance. */
  counters: RateLimitStore;
  /** The tracking-code secret, to hash the code sent as intake hashed the claim's. */
  trackingCodeSecret: string;
  /** A status page's path: a GET's statement also reads the family view of the claim its code opens. */
  readsFamilyView?: boolean;
}): RequestHandler {
  const limits = { ...DEFAULT_TRACKING_LIMITS, ...options.limits };
  const windowSeconds = Math.ceil(limits.windowMs / 1000);
  const policy = `${limits.perAddress};w=${windowSeconds}`;

  const report = (type: SecurityEvent['type'], limit: number, req: Request) =>
    options.onEvent({
      type,
      address: clientAddress(req),
      ...(type === 'tracking_lockout' ? { claimNumber: claimNumberOf(req) } : {}),
      limit,
      windowSeconds,
      method: req.method,
      path: req.originalUrl.split('?')[0]!,
    });

  return async (req, res, next) => {
    // Staff (a token, no tracking code) are not counted; a token sent beside a tracking code does not exempt it.
    const code = req.get('x-tracking-code');
    if (req.get('authorization') !== undefined && code === undefined) return next();
    try {
      const wellFormed = code !== undefined && trackingCodeHeader.safeParse(code).success;
      const claimNumber = claimNumberOf(req);
      const counted = await options.counters.attempt(
        familyAddressKey(clientAddress(req)),
        limits.windowMs,
        wellFormed
          ? {
              key: familyClaimKey(claimNumber),
              claimNumber,
              codeHash: hashTrackingCode(code, options.trackingCodeSecret),
              limit: limits.perClaim,
              withFamilyView: options.readsFamilyView === true && req.method === 'GET',
            }
          : undefined,
      );
      res.setHeader('RateLimit-Policy', policy);
      res.setHeader(
        'RateLimit',
        `limit=${limits.perAddress}, remaining=${Math.max(0, limits.perAddress - counted.address.hits)}, reset=${Math.ceil(counted.address.resetInMs / 1000)}`,
      );
      if (counted.address.hits > limits.perAddress) {
        // One event per lock-out, not one per refused request: the first refusal of the window.
        if (counted.address.hits === limits.perAddress + 1)
          report('tracking_rate_limited', limits.perAddress, req);
        retryAfter(res, counted.address.resetInMs);
        // The audit trail records the 429 with its problem type: rate-limited (address) or tracking-locked (claim).
        return sendProblem(
          res,
          new HttpProblem(
            429,
            'rate-limited',
            'Too many attempts',
            'Too many tracking-code attempts from this address. Try again after the seconds in Retry-After.',
          ),
        );
      }
      // For the family check (family-access.ts), which still compares the code itself, in constant time.
      if (counted.opened) req.familyClaimRead = counted.opened;
      if (counted.familyView) req.familyViewRead = counted.familyView;
      if (counted.claim && counted.claim.hits > limits.perClaim) {
        if (counted.claim.hits === limits.perClaim + 1) report('tracking_lockout', limits.perClaim, req);
        retryAfter(res, counted.claim.resetInMs);
        return sendProblem(
          res,
          new HttpProblem(
            429,
            'tracking-locked',
            'Too many wrong tracking codes',
            'Too many wrong tracking codes for this claim number. Try again after the seconds in Retry-After.',
          ),
        );
      }
      next();
    } catch (err) {
      next(err);
    }
  };
}

declare module 'express-serve-static-core' {
  interface Request {
    /** The claim the limiter's statement read, because the hash of the code sent is its hash. */
    familyClaimRead?: ClaimRow;
    /** The claim's family view, read by the same statement (status pages only: familyViewRead in family-access.ts). */
    familyViewRead?: FamilyViewRows;
  }
}
