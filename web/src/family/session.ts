// The claim number and tracking code, kept in this tab's sessionStorage only (gone when the tab closes; never in
// localStorage, a cookie or the URL), so a reload does not ask for them again.
import type { Credentials } from './track';

const KEY = 'santunan.family';

export function savedCredentials(): Credentials | undefined {
  try {
    const saved = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Credentials | null;
    return saved?.claimNumber && saved.trackingCode ? saved : undefined;
  } catch {
    return undefined;
  }
}

export function saveCredentials(c: Credentials | undefined): void {
  try {
    if (c) sessionStorage.setItem(KEY, JSON.stringify(c));
    else sessionStorage.removeItem(KEY);
  } catch {
    // storage refused: the code lasts as long as the page
  }
}
