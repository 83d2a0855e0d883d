// Who did something in a history: a staff member (id and role from the token) or the family.
import type { Actor } from '../vocabulary/actors';

export interface ActedBy {
  /** Staff id from the token, or "family" (claim number + tracking code). */
  by: string;
  role?: string;
  at: string;
}

export function actedBy(actor: Actor | undefined): { by: string; role?: string } {
  if (!actor || actor.kind === 'family') return { by: 'family' };
  return { by: actor.id, role: actor.role };
}
