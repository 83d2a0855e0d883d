// Who acts on a claim: a staff member (from the bearer token) or the family (claim number + tracking code).

export const STAFF_ROLES = ['officer', 'supervisor', 'auditor'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export type Actor = { kind: 'staff'; id: string; role: StaffRole } | { kind: 'family' };

/** The id recorded for an actor: the staff member's token subject, or "family". */
export function actorId(actor: Actor): string {
  return actor.kind === 'staff' ? actor.id : 'family';
}
