// The staff member's sign-in: a bearer token kept in this tab's sessionStorage only (gone when the tab closes, never
// in a URL or localStorage). The page reads the token's claims for display; the API verifies the token and decides
// every request (api/middleware/auth.ts). In development the token comes from `npm run token`; in production from
// the agency's identity provider (README, "Signing in").
import { useEffect, useState } from 'preact/hooks';
import { readToken, type Session } from './token';

export { readToken, type Session, type TokenProblem } from './token';

const STORAGE_KEY = 'santunan.staffToken';

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

/** Keeps the token for this tab (in memory when storage is refused: the sign-in then lasts until a reload). */
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
