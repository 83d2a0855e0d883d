// The messages an accidentWorkflow understands: its updates (each answers at once: the officer must learn whether
// they may act, e.g. not confirm their own finding), its query, and what it returns.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../actors';
import type {
  ClosingBody,
  Finding,
  IncapacityBody,
  ItemStatus,
  ReturnToWorkBody,
  TreatmentBody,
} from '../accident';
import type { Decision } from './claim';
import type { BankAccount } from '../claim';
import type { ClaimStatus } from '../status';

export interface RecordFindingRequest {
  actor: Actor;
  finding: Finding;
  reasons: string;
}
export interface ConfirmFindingRequest {
  actor: Actor;
  decision: Decision;
  reason: string;
}
export type RecordItemRequest =
  | { actor: Actor; kind: 'treatment'; treatment: TreatmentBody }
  | { actor: Actor; kind: 'incapacity'; incapacity: IncapacityBody };
export interface ItemResult {
  itemNumber: number;
  status: ItemStatus;
  amount: number;
  explanation: string;
}
export interface VerifyItemRequest {
  actor: Actor;
  itemNumber: number;
  note?: string;
}
export interface DecideItemRequest {
  actor: Actor;
  itemNumber: number;
  decision: Decision;
  reason: string;
}
/** A new account for an item whose payment the bank refused; a second person's approval pays it again. */
export interface ReplaceItemAccountRequest {
  actor: Actor;
  itemNumber: number;
  bankAccount: BankAccount;
}
/** Employer liable: the employer's proof it paid first, added to an item (itemNumber) or the closing before approval. */
export interface RecordEmployerPaymentRequest {
  actor: Actor;
  itemNumber?: number;
  employerPaymentRef: string;
  employerPaidOn: string;
}
export interface EmployerPaymentResult {
  itemNumber?: number;
  employerPaymentRef: string;
  employerPaidOn: string;
}
export interface SubmitClosingRequest {
  actor: Actor;
  closing: ClosingBody;
}
export interface ClosingResult {
  outcome: ClosingBody['outcome'];
  total: number;
  status: ClaimStatus;
}
export interface DecideClosingRequest {
  actor: Actor;
  decision: Decision;
  reason: string;
}
export interface ReturnToWorkRequest {
  actor: Actor;
  step: ReturnToWorkBody;
}

export interface AccidentState {
  claimNumber: string;
  status: ClaimStatus;
  finding?: Finding;
  items: { itemNumber: number; kind: string; status: ItemStatus; amount: number }[];
  closingTotal?: number;
  deathClaimNumber?: string;
}

export interface AccidentOutcome {
  status: 'closed' | 'not_work_accident' | 'ineligible' | 'became_death_claim';
  reason?: string;
  /** Everything the case paid (items and the closing's components). */
  paid: number;
  deathClaimNumber?: string;
}

export const recordFindingUpdate = defineUpdate<{ status: ClaimStatus }, [RecordFindingRequest]>(
  'recordFinding',
);
export const confirmFindingUpdate = defineUpdate<{ status: ClaimStatus }, [ConfirmFindingRequest]>(
  'confirmFinding',
);
export const recordItemUpdate = defineUpdate<ItemResult, [RecordItemRequest]>('recordAccidentItem');
export const verifyItemUpdate = defineUpdate<ItemResult, [VerifyItemRequest]>('verifyAccidentItem');
export const decideItemUpdate = defineUpdate<ItemResult, [DecideItemRequest]>('decideAccidentItem');
export const replaceItemAccountUpdate = defineUpdate<ItemResult, [ReplaceItemAccountRequest]>(
  'replaceAccidentItemAccount',
);
export const recordEmployerPaymentUpdate = defineUpdate<
  EmployerPaymentResult,
  [RecordEmployerPaymentRequest]
>('recordEmployerPayment');
export const submitClosingUpdate = defineUpdate<ClosingResult, [SubmitClosingRequest]>('submitClosing');
export const decideClosingUpdate = defineUpdate<ClosingResult, [DecideClosingRequest]>('decideClosing');
export const returnToWorkUpdate = defineUpdate<{ steps: number }, [ReturnToWorkRequest]>('returnToWork');
export const accidentStateQuery = defineQuery<AccidentState>('accidentState');
