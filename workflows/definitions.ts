// Every message a claim's workflow understands, its payload types, the task queue and workflow ids.
// Shared by the workflows and the API; no workflow id or message name is written anywhere else.
import { defineQuery, defineUpdate } from '@temporalio/workflow';

export const TASK_QUEUE = 'claims';

/** Approvals of a total above this need a supervisor (maker-checker, four-eyes above the limit). */
export const SUPERVISOR_APPROVAL_THRESHOLD = 200_000_000;

export function claimWorkflowId(claimNumber: string): string {
  return claimNumber;
}

export function scholarshipWorkflowId(claimNumber: string, childNumber: number): string {
  return `${claimNumber}-S${childNumber}`;
}

export type Program = 'JKM' | 'JKK';
export type StaffRole = 'officer' | 'supervisor' | 'auditor';

/** Who acts: a staff member from the JWT, or the family (claim number + tracking code). */
export type Actor = { kind: 'staff'; id: string; role: StaffRole } | { kind: 'family' };

export interface BankAccount {
  bankCode: string;
  accountNumber: string;
  accountName: string;
}

/** Ahli waris: a family member named on the claim. */
export interface Heir {
  name: string;
  relationship: 'spouse' | 'child' | 'parent' | 'grandparent' | 'grandchild' | 'sibling' | 'parent_in_law' | 'other';
  nik?: string;
  dateOfBirth?: string;
}

export interface Child {
  name?: string;
  dateOfBirth: string;
  registered?: boolean;
  schooling?: { level: 'TK' | 'SD' | 'SMP' | 'SMA' | 'PT'; grade: number };
  married?: boolean;
  working?: boolean;
}

export interface ClaimInput {
  claimNumber: string;
  program: Program;
  event: 'death';
  participantNik: string;
  eventDate: string; // date of death, YYYY-MM-DD
  claimDate: string; // date the claim was filed, YYYY-MM-DD (Asia/Jakarta)
  heirs: Heir[];
  children: Child[];
  bankAccount: BankAccount;
  /** Wage the family shows was really paid, when higher than the reported one (employer liability). */
  actualMonthlyWage?: number;
  trackingCodeHash: string;
  createdBy: string;
}

/** Documents an officer checks (berkas). Which ones a claim needs depends on the programme. */
export const DOCUMENTS = {
  participant_card: 'Participant card (KPJ)',
  id_card_deceased: 'ID card (KTP) of the deceased',
  id_card_heirs: 'ID cards (KTP) of the heirs',
  death_certificate: 'Death certificate',
  family_card: 'Family card (KK)',
  heir_statement: 'Heir statement (surat keterangan ahli waris)',
  savings_book: 'Savings book of the recipient',
  accident_report: 'Employer accident report, stages I and II',
  doctor_statement: "Doctor's statement",
} as const;
export type DocumentCode = keyof typeof DOCUMENTS;

export function requiredDocuments(program: Program): DocumentCode[] {
  const common: DocumentCode[] = [
    'participant_card',
    'id_card_deceased',
    'id_card_heirs',
    'death_certificate',
    'family_card',
    'heir_statement',
    'savings_book',
  ];
  return program === 'JKK' ? [...common, 'accident_report', 'doctor_statement'] : common;
}

export type ClaimStatus =
  | 'received'
  | 'ineligible'
  | 'waiting_for_documents'
  | 'waiting_for_decision'
  | 'rejected'
  | 'paying'
  | 'waiting_for_bank_account'
  | 'paid';

export const CLOSED_STATUSES: readonly ClaimStatus[] = ['ineligible', 'rejected', 'paid'];

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
  decision: 'approve' | 'reject';
  reason: string;
}
export interface DecideResult {
  decision: 'approve' | 'reject';
  total: number;
}

export interface UpdateBankAccountRequest {
  actor: Actor;
  bankAccount: BankAccount;
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
}

// verify and decide are updates, not signals: the officer must learn at once if they may not act.
export const verifyUpdate = defineUpdate<VerifyResult, [VerifyRequest]>('verify');
export const decideUpdate = defineUpdate<DecideResult, [DecideRequest]>('decide');
// An update, so the family or officer learns at once whether the claim was waiting for a new account.
export const updateBankAccountUpdate = defineUpdate<{ accountRevision: number }, [UpdateBankAccountRequest]>(
  'updateBankAccount',
);
export const claimStateQuery = defineQuery<ClaimState>('claimState');

/** Failure types shared by workflows, activities and the API (which maps them to HTTP statuses). */
export enum FailureType {
  InvalidInput = 'InvalidInput',
  WrongState = 'WrongState',
  Forbidden = 'Forbidden',
  MakerChecker = 'MakerChecker',
  SupervisorRequired = 'SupervisorRequired',
  GatewayRejected = 'GatewayRejected',
}
