// Staff: a bearer token, verified once per request by identifyStaff(); families: claim number + tracking code.
// Two kinds of staff token:
// - the agency's identity provider (OIDC): an access token signed by the issuer (RS256, ES256, PS256...), checked
//   against its JWKS with jose for signature, algorithm, `iss`, `aud` and expiry; the role from a configurable claim;
// - development tokens (HS256 with AUTH_SECRET, minted by `npm run token`), accepted only where the process was given
//   a development secret, which config gives only when NODE_ENV is development or test.
import { createSecretKey } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import jwt from 'jsonwebtoken';
import { z } from 'zod';
import type { OidcSettings } from '../../config';
import { STAFF_ROLES, type StaffRole } from '../../vocabulary/actors';
import { staffId } from '../../vocabulary/primitives';
import { HttpProblem, problems } from './problem';

export interface Staff {
  id: string;
  role: StaffRole;
}

export interface StaffAuthenticator {
  /** The staff member a token names; throws a 401 problem for a bad, forged, expired or role-less token. */
  verify(token: string): Promise<Staff>;
}

const devClaims = z.object({
  sub: staffId,
  role: z.enum(STAFF_ROLES),
  // A token without an expiry would be valid for ever: refused like an expired one.
  exp: z.number(),
});

export function signStaffToken(
  secret: string,
  staff: Staff,
  expiresIn: jwt.SignOptions['expiresIn'] = '8h',
): string {
  return jwt.sign({ role: staff.role }, secret, { algorithm: 'HS256', subject: staff.id, expiresIn });
}

function headerAlgorithm(token: string): string | undefined {
  try {
    const header = JSON.parse(
      Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8'),
    ) as unknown;
    const alg = (header as { alg?: unknown } | null)?.alg;
    return typeof alg === 'string' ? alg : undefined;
  } catch {
    return undefined;
  }
}

/** The one staff role a claim holds (a string or a list); none, or more than one, is no role. */
export function roleFromClaims(payload: JWTPayload, roleClaim: string): StaffRole | undefined {
  let value: unknown = payload;
  for (const part of roleClaim.split('.')) value = (value as Record<string, unknown> | null)?.[part];
  const values = Array.isArray(value) ? value : [value];
  const roles = STAFF_ROLES.filter((role) => values.includes(role));
  return roles.length === 1 ? roles[0] : undefined;
}

async function discoverJwksUri(issuer: string): Promise<string> {
  const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  const jwksUri = ((await res.json()) as { jwks_uri?: unknown }).jwks_uri;
  if (typeof jwksUri !== 'string') throw new Error(`${url} names no jwks_uri`);
  return jwksUri;
}

/** Verifies the identity provider's tokens; the key set is fetched on first use and cached (jose refreshes it). */
function oidcVerifier(settings: OidcSettings): (token: string) => Promise<Staff> {
  let keys: Promise<JWTVerifyGetKey> | undefined;
  const keySet = () => {
    keys ??= (settings.jwksUri ? Promise.resolve(settings.jwksUri) : discoverJwksUri(settings.issuer)).then(
      (uri) => createRemoteJWKSet(new URL(uri)),
    );
    // A provider that was down at the first request is asked again at the next one.
    keys.catch(() => (keys = undefined));
    return keys;
  };
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, await keySet(), {
        issuer: settings.issuer,
        audience: settings.audience,
        algorithms: [...settings.algorithms],
        requiredClaims: ['sub', 'exp'],
      }));
    } catch {
      throw problems.unauthorized('The token is invalid or expired.');
    }
    const id = staffId.safeParse(payload.sub);
    const role = roleFromClaims(payload, settings.roleClaim);
    if (!id.success || !role)
      throw problems.unauthorized(
        `The token has no valid sub, or not exactly one staff role in "${settings.roleClaim}".`,
      );
    return { id: id.data, role };
  };
}

function devVerifier(secret: string): (token: string) => Promise<Staff> {
  // A KeyObject, made once: given a string, jsonwebtoken first tries it as a PEM public key, which throws, on every
  // verify (bench/status: a third of the staff view's CPU time).
  const key = createSecretKey(Buffer.from(secret, 'utf8'));
  return (token) => {
    let payload: unknown;
    try {
      payload = jwt.verify(token, key, { algorithms: ['HS256'] });
    } catch {
      return Promise.reject(problems.unauthorized('The token is invalid or expired.'));
    }
    const parsed = devClaims.safeParse(payload);
    if (!parsed.success)
      return Promise.reject(problems.unauthorized('The token has no valid sub, role and expiry.'));
    return Promise.resolve({ id: parsed.data.sub, role: parsed.data.role });
  };
}

/** Staff tokens from the identity provider and, in development and tests only, HS256 development tokens. */
export function createStaffAuthenticator(options: {
  oidc?: OidcSettings;
  developmentSecret?: string;
}): StaffAuthenticator {
  const oidc = options.oidc ? oidcVerifier(options.oidc) : undefined;
  const dev = options.developmentSecret ? devVerifier(options.developmentSecret) : undefined;
  return {
    verify(token) {
      const verify = headerAlgorithm(token) === 'HS256' ? dev : oidc;
      if (!verify) return Promise.reject(problems.unauthorized('The token is invalid or expired.'));
      return verify(token);
    },
  };
}

declare module 'express-serve-static-core' {
  interface Request {
    /** The staff member the bearer token names, set by identifyStaff(). */
    staff?: Staff;
    /** Why the bearer token sent was refused, set by identifyStaff(). */
    staffRefusal?: HttpProblem;
  }
}

/**
 * Middleware: reads a bearer token, when one is sent, and sets `req.staff` or `req.staffRefusal`. It never answers
 * by itself: a route that takes staff refuses with the refusal (authorizeStaff), and the audit trail records who.
 */
export function identifyStaff(authenticator: StaffAuthenticator): RequestHandler {
  return (req, _res, next) => {
    const header = req.get('authorization');
    if (header === undefined) return next();
    const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header);
    if (!match) {
      req.staffRefusal = problems.unauthorized('The Authorization header must be "Bearer <token>".');
      return next();
    }
    authenticator.verify(match[1]!).then(
      (staff) => {
        req.staff = staff;
        next();
      },
      (err: unknown) => {
        req.staffRefusal =
          err instanceof HttpProblem ? err : problems.unauthorized('The token is invalid or expired.');
        next();
      },
    );
  };
}

/** The staff member, if the token carries one of the roles: 401 without a valid token, 403 for another role. */
export function authorizeStaff(req: Request, roles: readonly StaffRole[]): Staff {
  if (req.staffRefusal) throw req.staffRefusal;
  const staff = req.staff;
  if (!staff) throw problems.unauthorized('A staff bearer token is required.');
  if (!roles.includes(staff.role)) throw problems.forbidden(`This needs the role ${roles.join(' or ')}.`);
  return staff;
}
