// The messages a ClaimWorkflow understands: its updates, its query and what it returns. The API and the
// workflow both import these definitions; no message name is written anywhere else.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../actors';
import type { BankAccount, EmployerSettlement } from '../claim';
import type { DocumentCode } from '../documents';
import type { ClaimStatus } from '../status';

export const DECISIONS = ['approve', 'reject'] as const;
export type Decision = (typeof DECISIONS)[number];

export interface VerifyRequest {
  actor: Actor;
  /** Each required document: received and in order (true) or missing (false). */
  checklist: Partial<Record<DocumentCode, boolean>>;
  note?: string;
}
export interface VerifyResult {
  complete: boolean;
  missing: DocumentCode[];
}

export interface DecideRequest {
  actor: Actor;
  decision: Decision;
  reason: string;
}
export interface DecideResult {
  decision: Decision;
  total: number;
}

export interface UpdateBankAccountRequest {
  actor: Actor;
  bankAccount: BankAccount;
}
export interface UpdateBankAccountResult {
  /** The account revision paid to now: a proposed account becomes revision + 1 once a second person approves it. */
  accountRevision: number;
  /** A new account waits for review (patch 'account-change-reviewed'); absent on runs started before it. */
  status?: 'waiting_for_account_review';
}

/** A change of payee takes two people: a staff member other than the filer, verifier and proposer reviews it. */
export interface ReviewAccountChangeRequest {
  actor: Actor;
  decision: Decision;
  /** How the holder's identity was checked (a call to the number on file, the ID card seen at the branch, …). */
  identityCheck: string;
  reason: string;
}
export interface ReviewAccountChangeResult {
  decision: Decision;
  /** The account revision paid to from now on. */
  accountRevision: number;
}

/** A proposed account waiting for its review. */
export interface AccountReviewState {
  proposedBy: string;
  /** ISO instant (workflow time) the account was proposed: the waiting period can be read from it. */
  proposedAt: string;
  holderMatches: boolean;
}

export const BACKDATING_DECISIONS = ['approve', 'refuse'] as const;
export type BackdatingDecision = (typeof BACKDATING_DECISIONS)[number];

export interface DecideBackdatingRequest {
  actor: Actor;
  /** approve: the claim date stands; refuse: it becomes the day the claim reached the system. */
  decision: BackdatingDecision;
  reason: string;
}
export interface DecideBackdatingResult {
  decision: BackdatingDecision;
  /** The claim date the claim goes on with. */
  claimDate: string;
}

/** An officer records that an employer in arrears settled them and paid the heirs (employer pays first). */
export interface RecordEmployerSettlementRequest extends EmployerSettlement {
  actor: Actor;
}
export interface RecordEmployerSettlementResult {
  status: ClaimStatus;
  /** What the agency will reimburse once a supervisor approves. */
  reimbursement: number;
}

/** A supervisor, not the one who recorded the settlement, approves or rejects reimbursing the employer. */
export interface DecideReimbursementRequest {
  actor: Actor;
  decision: Decision;
  reason: string;
}
export interface DecideReimbursementResult {
  decision: Decision;
  reimbursement: number;
}

export interface ClaimState {
  claimNumber: string;
  status: ClaimStatus;
  verifiedBy?: string;
  total?: number;
  escalated: boolean;
  pendingComponents: string[];
  accountReview?: AccountReviewState;
}

export interface ClaimOutcome {
  status: 'paid' | 'rejected' | 'ineligible';
  reason?: string;
  total: number;
  /** Included in total: 1% of the benefit per working day paid after the service level. */
  lateCompensation?: number;
  /** The employer paid the heirs first (JKK arrears beyond 3 months): the agency reimbursed it this much. */
  reimbursedToEmployer?: number;
}

// verify and decide are updates, not signals: the officer must learn at once if they may not act.
export const verifyUpdate = defineUpdate<VerifyResult, [VerifyRequest]>('verify');
export const decideUpdate = defineUpdate<DecideResult, [DecideRequest]>('decide');
// An update, so the family or officer learns at once whether the claim was waiting for a new account.
export const updateBankAccountUpdate = defineUpdate<UpdateBankAccountResult, [UpdateBankAccountRequest]>(
  'updateBankAccount',
);
// An update: the supervisor learns at once whether they may decide (never the filer), and the date decided.
export const decideBackdatingUpdate = defineUpdate<DecideBackdatingResult, [DecideBackdatingRequest]>(
  'decideBackdating',
);
// Updates: the officer must learn at once whether the claim waits for the employer, and the supervisor that they may
// not approve a settlement they recorded themselves.
export const recordEmployerSettlementUpdate = defineUpdate<
  RecordEmployerSettlementResult,
  [RecordEmployerSettlementRequest]
>('recordEmployerSettlement');
export const decideReimbursementUpdate = defineUpdate<
  DecideReimbursementResult,
  [DecideReimbursementRequest]
>('decideReimbursement');
// An update: the reviewer learns at once whether they may review (maker-checker) and what is paid to from now on.
export const reviewAccountChangeUpdate = defineUpdate<
  ReviewAccountChangeResult,
  [ReviewAccountChangeRequest]
>('reviewAccountChange');
export const claimStateQuery = defineQuery<ClaimState>('claimState');
