// A staff token's claims, read without verifying (the API verifies every request): who, which role, until when.
// Pure, so the unit test reads the same code the page runs.
import { STAFF_ROLES, type StaffRole } from '../../../vocabulary/actors';

export interface Session {
  token: string;
  id: string;
  role: StaffRole;
  /** Seconds since the epoch, from the token's exp. */
  expires: number;
}

export type TokenProblem = 'malformed' | 'no-role' | 'expired';

function base64UrlJson(part: string): unknown {
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

/** The role in a claim that holds a string or a list (as the API's roleFromClaims reads it): exactly one. */
function roleOf(value: unknown): StaffRole | undefined {
  const values = Array.isArray(value) ? value : [value];
  const roles = STAFF_ROLES.filter((r) => values.includes(r));
  return roles.length === 1 ? roles[0] : undefined;
}

/** Where identity providers usually put roles: development tokens and OIDC_ROLE_CLAIM's default first. */
const ROLE_CLAIMS = ['role', 'roles', 'groups', 'realm_access.roles'];

function claimAt(claims: Record<string, unknown>, path: string): unknown {
  let value: unknown = claims;
  for (const part of path.split('.')) value = (value as Record<string, unknown> | null)?.[part];
  return value;
}

/**
 * Reads a token's claims, unverified (the API verifies): who, which role, until when. The role is looked for in the
 * claims identity providers usually use (ROLE_CLAIMS); the API reads the one OIDC_ROLE_CLAIM names.
 */
export function readToken(token: string, now = Date.now()): Session | TokenProblem {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return 'malformed';
  let claims: Record<string, unknown>;
  try {
    claims = base64UrlJson(parts[1]!) as Record<string, unknown>;
  } catch {
    return 'malformed';
  }
  if (typeof claims !== 'object' || claims === null || typeof claims.sub !== 'string') return 'malformed';
  const role = ROLE_CLAIMS.map((c) => roleOf(claimAt(claims, c))).find((r) => r !== undefined);
  if (!role) return 'no-role';
  const expires = typeof claims.exp === 'number' ? claims.exp : 0;
  if (expires * 1000 <= now) return 'expired';
  return { token: token.trim(), id: claims.sub, role, expires };
}
