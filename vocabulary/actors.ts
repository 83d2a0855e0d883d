// Who acts on a claim: a staff member (from the bearer token) or the family (claim number + tracking code).

export const STAFF_ROLES = ['officer', 'supervisor', 'auditor'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
/** Staff who act on a claim (verify, decide, change an account, send proofs): officers and their supervisors. */
export const CASE_STAFF = ['officer', 'supervisor'] as const satisfies readonly StaffRole[];
export type CaseStaffRole = (typeof CASE_STAFF)[number];

export type Actor = { kind: 'staff'; id: string; role: StaffRole } | { kind: 'family' };

/** The id recorded for an actor: the staff member's token subject, or "family". */
export function actorId(actor: Actor): string {
  return actor.kind === 'staff' ? actor.id : 'family';
}
