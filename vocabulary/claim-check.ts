// The claim input and its bank account, checked without zod for workflow code (rules/checks.ts says why): each
// function returns what its schema in vocabulary/claim.ts would return (the same fields in the same order, names
// trimmed), or undefined where it is not sure, and the caller then asks the schema. test/vocabulary/claim-check.test.ts
// holds each to its schema: whatever a check returns, the schema returns too.
import {
  inOrder,
  isArrayOf,
  isIntIn,
  isName,
  isOneOf,
  isRealDate,
  isRecordOf,
  matches,
  optional,
  trimmed,
} from '../rules/checks';
import { HEIR_RELATIONSHIPS } from '../rules/heirs';
import { PROGRAMS } from '../rules/programs';
import { isQuoteChild, MAX_RUPIAH, QUOTE_CHILD_KEYS, SCHOOLING_KEYS } from '../rules/quote-request';
import { isText, textLength } from '../rules/text';
import type { BankAccount, ClaimInput, Heir } from './claim';
import { CLAIM_NUMBER } from './ids';
import {
  ACCOUNT_NAME_MAX,
  CLAIM_NUMBER_MAX,
  HEIR_NAME_MAX,
  NOTE_MAX,
  STAFF_ID_MAX,
  TRACKING_CODE_HASH_MAX,
  TRACKING_CODE_HASH_MIN,
  HEIRS_MAX,
  CHILDREN_MAX,
} from './limits';

export const BANK_CODE = /^[A-Z0-9]{3,10}$/;
export const ACCOUNT_NUMBER = /^\d{6,20}$/;
export const NIK = /^\d{16}$/;
/** What a claim is about: today a death (JKM, or JKK for a death from a work accident). */
export const CLAIM_EVENTS = ['death'] as const;

const isRupiah = (value: unknown) => isIntIn(value, 0, MAX_RUPIAH);

const BANK_ACCOUNT_KEYS = ['bankCode', 'accountNumber', 'accountName'];

/** What bankAccountSchema returns for the value, or undefined when it may refuse it. */
export function bankAccountOf(value: unknown): BankAccount | undefined {
  if (
    !isRecordOf(value, BANK_ACCOUNT_KEYS) ||
    !matches(BANK_CODE, value.bankCode) ||
    !matches(ACCOUNT_NUMBER, value.accountNumber) ||
    !isName(value.accountName, ACCOUNT_NAME_MAX)
  )
    return undefined;
  return inOrder(value, BANK_ACCOUNT_KEYS, { accountName: trimmed }) as BankAccount;
}

const HEIR_KEYS = ['name', 'relationship', 'nik', 'dateOfBirth'];

function heirOf(value: unknown): Heir | undefined {
  if (
    !isRecordOf(value, HEIR_KEYS) ||
    !isName(value.name, HEIR_NAME_MAX) ||
    !isOneOf(HEIR_RELATIONSHIPS, value.relationship) ||
    !optional(value.nik, (nik) => matches(NIK, nik)) ||
    !optional(value.dateOfBirth, isRealDate)
  )
    return undefined;
  return inOrder(value, HEIR_KEYS, { name: trimmed }) as Heir;
}

const BACKDATING_KEYS = ['reason', 'receivedDate'];

function isBackdating(value: unknown): boolean {
  return (
    isRecordOf(value, BACKDATING_KEYS) && isName(value.reason, NOTE_MAX) && isRealDate(value.receivedDate)
  );
}

const CLAIM_INPUT_KEYS = [
  'claimNumber',
  'program',
  'event',
  'participantNik',
  'eventDate',
  'claimDate',
  'heirs',
  'children',
  'bankAccount',
  'actualMonthlyWage',
  'trackingCodeHash',
  'createdBy',
  'backdating',
];

/** A claim number of at most `max` characters (the `claimNumber` schema, with its `.max`). */
export const isClaimNumberOf = (value: unknown, max: number) =>
  matches(CLAIM_NUMBER, value) && (value as string).length <= max;
/** The tracking code's hash as a workflow's input carries it. */
export const isTrackingCodeHash = (value: unknown) =>
  typeof value === 'string' &&
  textLength(value) >= TRACKING_CODE_HASH_MIN &&
  textLength(value) <= TRACKING_CODE_HASH_MAX;
/** Who started the case (`staffId`). */
export const isStaffId = (value: unknown) => isText(value, STAFF_ID_MAX) && value.length >= 1;

/** What claimInputSchema returns for the value, or undefined when it may refuse it. */
export function claimInputOf(value: unknown): ClaimInput | undefined {
  if (
    !isRecordOf(value, CLAIM_INPUT_KEYS) ||
    !isClaimNumberOf(value.claimNumber, CLAIM_NUMBER_MAX) ||
    !isOneOf(PROGRAMS, value.program) ||
    !isOneOf(CLAIM_EVENTS, value.event) ||
    !matches(NIK, value.participantNik) ||
    !isRealDate(value.eventDate) ||
    !isRealDate(value.claimDate) ||
    !isArrayOf(value.heirs, (heir) => heirOf(heir) !== undefined, 1, HEIRS_MAX) ||
    !isArrayOf(value.children, isQuoteChild, 0, CHILDREN_MAX) ||
    bankAccountOf(value.bankAccount) === undefined ||
    !optional(value.actualMonthlyWage, isRupiah) ||
    !isTrackingCodeHash(value.trackingCodeHash) ||
    !isStaffId(value.createdBy) ||
    !optional(value.backdating, isBackdating)
  )
    return undefined;
  return inOrder(value, CLAIM_INPUT_KEYS, {
    heirs: (heirs) => (heirs as unknown[]).map(heirOf),
    children: (children) =>
      (children as Record<string, unknown>[]).map((child) =>
        inOrder(child, QUOTE_CHILD_KEYS, {
          schooling: (s) => inOrder(s as Record<string, unknown>, SCHOOLING_KEYS),
        }),
      ),
    bankAccount: bankAccountOf,
    backdating: (backdating) =>
      inOrder(backdating as Record<string, unknown>, BACKDATING_KEYS, { reason: trimmed }),
  }) as ClaimInput;
}
