// The staff member's sign-in: a bearer token kept in this tab's sessionStorage only (gone when the tab closes, never
// in a URL or localStorage). The page reads the token's claims for display; the API verifies the token and decides
// every request (api/middleware/auth.ts). In development the token comes from `npm run token`; in production from
// the agency's identity provider (README, "Signing in").
import { useEffect, useState } from 'preact/hooks';
import { STAFF_ROLES, type StaffRole } from '../../../vocabulary/actors';

const STORAGE_KEY = 'santunan.staffToken';

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

/**
 * Reads a token's claims, unverified (the API verifies): who, which role, until when. The role is the `role` claim
 * of development tokens, or of an identity provider configured with that claim name; `roles` and `groups` are read
 * too, so a provider's usual claim shows the role as well.
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
  const role = roleOf(claims.role) ?? roleOf(claims.roles) ?? roleOf(claims.groups);
  if (!role) return 'no-role';
  const expires = typeof claims.exp === 'number' ? claims.exp : 0;
  if (expires * 1000 <= now) return 'expired';
  return { token: token.trim(), id: claims.sub, role, expires };
}

const listeners = new Set<() => void>();

export function currentSession(): Session | undefined {
  let token: string | null = null;
  try {
    token = sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return undefined;
  }
  if (!token) return undefined;
  const read = readToken(token);
  return typeof read === 'string' ? undefined : read;
}

/** Keeps the token for this tab; false when storage is refused (the sign-in then lasts until a reload). */
export function signIn(session: Session): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, session.token);
  } catch {
    memory = session;
  }
  listeners.forEach((l) => l());
}

export function signOut(): void {
  memory = undefined;
  try {
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // nothing stored
  }
  listeners.forEach((l) => l());
}

// Private browsing that refuses sessionStorage: the token lives in memory, until the page is reloaded.
let memory: Session | undefined;

export function useSession(): Session | undefined {
  const [session, setSession] = useState(() => currentSession() ?? memory);
  useEffect(() => {
    const changed = () => setSession(currentSession() ?? memory);
    listeners.add(changed);
    return () => void listeners.delete(changed);
  }, []);
  return session;
}

/** The Authorization header for the typed client's calls. */
export function bearer(session: Session): { Authorization: string } {
  return { Authorization: `Bearer ${session.token}` };
}
