// Every id the system makes, each with its pattern and its parser side by side: claim numbers, the workflow ids
// built from them (one helper per workflow kind), scholarship ids, reconciliation ids. No zod here: workflow code
// imports this module (vocabulary/primitives.ts turns the patterns into request schemas).
import { PROGRAMS, type Program } from '../rules/programs';
import { CLAIM_NUMBER_MAX } from './limits';

/** The task queue every worker polls. */
export const TASK_QUEUE = 'claims';

/** The random part's longest: what leaves room for the programme and the date in CLAIM_NUMBER_MAX characters. */
const RANDOM_MAX = CLAIM_NUMBER_MAX - Math.max(...PROGRAMS.map((p) => p.length)) - '-20261124-'.length;
const CLAIM_NUMBER_SOURCE = `(?:${PROGRAMS.join('|')})-\\d{8}-[A-Z0-9]{6,${RANDOM_MAX}}`;
/** A claim number: the programme, the filing date and a random part, e.g. JKM-20261124-7KQ2MZXA. */
export const CLAIM_NUMBER = new RegExp(`^${CLAIM_NUMBER_SOURCE}$`);
/** A claim number somewhere in a text, such as a request path: never the first characters of a longer run. */
export const CLAIM_NUMBER_IN_TEXT = new RegExp(`(?<![A-Z0-9])${CLAIM_NUMBER_SOURCE}(?![A-Z0-9])`);
export const CLAIM_NUMBER_EXAMPLE = 'JKM-20261124-7KQ2MZ';

export function isClaimNumber(value: string): boolean {
  return CLAIM_NUMBER.test(value);
}

/** A new claim number; `random` is the random part (at least 6 of A-Z and 0-9). */
export function formatClaimNumber(program: Program, claimDate: string, random: string): string {
  return `${program}-${claimDate.replaceAll('-', '')}-${random}`;
}

/** A claim's workflow is named by its claim number. */
export function claimWorkflowId(claimNumber: string): string {
  return claimNumber;
}

/** A scholarship (one child of a claim) and its workflow: `<claimNumber>-S<n>`, n from 1 to 9. */
export const SCHOLARSHIP_ID = new RegExp(`^(${CLAIM_NUMBER_SOURCE})-S([1-9])$`);
export const SCHOLARSHIP_ID_EXAMPLE = `${CLAIM_NUMBER_EXAMPLE}-S1`;

export function scholarshipWorkflowId(claimNumber: string, childNumber: number): string {
  return `${claimNumber}-S${childNumber}`;
}

/** The claim and child of a scholarship id, or undefined when it is not one. */
export function parseScholarshipId(id: string): { claimNumber: string; childNumber: number } | undefined {
  const match = SCHOLARSHIP_ID.exec(id);
  return match ? { claimNumber: match[1]!, childNumber: Number(match[2]) } : undefined;
}

/** The claim a claim or scholarship workflow belongs to (its histories are archived under it), or undefined. */
export function claimNumberOfWorkflowId(workflowId: string): string | undefined {
  return isClaimNumber(workflowId) ? workflowId : parseScholarshipId(workflowId)?.claimNumber;
}

/** A claim component's ledger key (its idempotency key): the same on every retry and every worker. */
export function payoutKey(claimNumber: string, component: string): string {
  return `${claimNumber}:${component}`;
}

/** The ledger key of a scholarship year: `<workflowId>:<schoolYear>`. */
export function scholarshipPayoutKey(workflowId: string, schoolYear: string): string {
  return `${workflowId}:${schoolYear}`;
}

/**
 * The key the gateway sees. A refused transfer is final at the gateway, so a replacement account needs its
 * own transfer: revision n > 0 appends `:r<n>`. The ledger row keeps one key per component either way.
 */
export function gatewayKey(key: string, accountRevision: number): string {
  return accountRevision === 0 ? key : `${key}:r${accountRevision}`;
}

/** The daily reconciliation of the payout ledger with the gateway's statement (a Temporal Schedule starts it). */
export const RECONCILIATION_SCHEDULE_ID = 'reconciliation-daily';

/** The supervisor's task opened for a ledger row stuck pending (once per transfer key, however many days report it). */
export function pendingOverdueTaskKey(transferKey: string): string {
  return `reconciliation:pending_overdue:${transferKey}`;
}

/** The archiver of closed runs' histories (a Temporal Schedule starts it; its runs are its workflow id's runs). */
export const HISTORY_ARCHIVE_SCHEDULE_ID = 'history-archive';

export function reconciliationWorkflowId(date: string): string {
  return `reconciliation-${date}`;
}
