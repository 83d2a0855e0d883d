// The accident case's input checked without zod for workflow code (rules/checks.ts says why): accidentInputOf
// returns what accidentInputSchema (vocabulary/accident.ts) returns, or undefined where it is not sure, and the
// workflow then asks the schema. test/vocabulary/accident-check.test.ts holds it to the schema.
import {
  inOrder,
  isName,
  isOneOf,
  isRealDate,
  isRecordOf,
  matches,
  optional,
  trimmed,
} from '../rules/checks';
import { isIsoDate } from '../rules/dates';
import type { AccidentInput } from './accident';
import { bankAccountOf, isClaimNumberOf, isStaffId, isTrackingCodeHash, NIK } from './claim-check';
import { CLAIM_NUMBER_MAX } from './limits';

export const ACCIDENT_KINDS = ['work', 'commuting', 'occupational_disease'] as const;
/** Where the accident happened: free text. */
export const PLACE_MAX = 200;

/**
 * An instant with its offset, e.g. 2026-11-30T08:00:00+07:00: seconds required, a fraction allowed, Z or ±hh:mm (the
 * pattern of zod's `iso.datetime({ offset: true })`, the date checked by the calendar).
 */
const INSTANT =
  /^(\d{4}-\d{2}-\d{2})T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

function isInstant(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = INSTANT.exec(value);
  return match !== null && isIsoDate(match[1]!);
}

const KEYS = [
  'claimNumber',
  'participantNik',
  'accidentDate',
  'accidentKind',
  'diagnosisDate',
  'accidentPlace',
  'reportedAt',
  'bankAccount',
  'employerBankAccount',
  'claimDate',
  'trackingCodeHash',
  'createdBy',
];

/** What accidentInputSchema returns for the value, or undefined when it may refuse it. */
export function accidentInputOf(value: unknown): AccidentInput | undefined {
  if (
    !isRecordOf(value, KEYS) ||
    // One character short of the longest claim number: a death continues as the claim <claimNumber>D.
    !isClaimNumberOf(value.claimNumber, CLAIM_NUMBER_MAX - 1) ||
    !matches(NIK, value.participantNik) ||
    !isRealDate(value.accidentDate) ||
    !isOneOf(ACCIDENT_KINDS, value.accidentKind) ||
    !optional(value.diagnosisDate, isRealDate) ||
    // An occupational disease has its diagnosis date, and only it.
    (value.accidentKind === 'occupational_disease') !== (value.diagnosisDate !== undefined) ||
    !isName(value.accidentPlace, PLACE_MAX) ||
    !isInstant(value.reportedAt) ||
    bankAccountOf(value.bankAccount) === undefined ||
    !optional(value.employerBankAccount, (account) => bankAccountOf(account) !== undefined) ||
    !isRealDate(value.claimDate) ||
    !isTrackingCodeHash(value.trackingCodeHash) ||
    !isStaffId(value.createdBy)
  )
    return undefined;
  return inOrder(value, KEYS, {
    accidentPlace: trimmed,
    bankAccount: bankAccountOf,
    employerBankAccount: bankAccountOf,
  }) as AccidentInput;
}
