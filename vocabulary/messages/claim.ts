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
  accountRevision: number;
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
export const claimStateQuery = defineQuery<ClaimState>('claimState');
