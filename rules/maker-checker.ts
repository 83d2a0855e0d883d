/** Approvals of a total above this need a supervisor (maker-checker, four-eyes above the limit). */
export const SUPERVISOR_APPROVAL_THRESHOLD = 200_000_000;
