// Every message a claim's workflow understands, its payload types, the task queue and workflow ids.
// Shared by the workflows and the API; no workflow id or message name is written anywhere else.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { LifeEvent } from '../rules/scholarship-life-events';

export const TASK_QUEUE = 'claims';

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
  relationship:
    'spouse' | 'child' | 'parent' | 'grandparent' | 'grandchild' | 'sibling' | 'parent_in_law' | 'other';
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
  | 'waiting_for_scholarship_choice'
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
  /** Included in total: 1% of the benefit per working day paid after the service level. */
  lateCompensation?: number;
}

// verify and decide are updates, not signals: the officer must learn at once if they may not act.
export const verifyUpdate = defineUpdate<VerifyResult, [VerifyRequest]>('verify');
export const decideUpdate = defineUpdate<DecideResult, [DecideRequest]>('decide');
// An update, so the family or officer learns at once whether the claim was waiting for a new account.
export const updateBankAccountUpdate = defineUpdate<{ accountRevision: number }, [UpdateBankAccountRequest]>(
  'updateBankAccount',
);
export const claimStateQuery = defineQuery<ClaimState>('claimState');

// ---- Scholarships (beasiswa): one ScholarshipWorkflow per child, one run per school year. ----

export type SchoolLevel = 'TK' | 'SD' | 'SMP' | 'SMA' | 'PT';
export interface SchoolStep {
  level: SchoolLevel;
  grade: number;
}

/** Per-scholarship settings, fixed at start and carried from run to run (workflows never read config). */
export interface ScholarshipOptions {
  /** The last day for proof of enrolment, as a day of the school year (July to June). Default 31 December. */
  deadline?: { month: number; day: number };
  /** Reminders to the family this many days after the window opens, while no proof has come. Default 30, 60. */
  reminderDays?: number[];
  /** A window that opens late (the claim was approved after 1 July) stays open at least this long. Default 90. */
  lateWindowDays?: number;
}

export type ScholarshipStatus =
  | 'waiting_for_school_start'
  | 'waiting_for_school_year'
  | 'waiting_for_proof'
  | 'paying'
  | 'waiting_for_bank_account'
  | 'ended';

export type ScholarshipEndReason =
  | 'age_limit'
  | 'married'
  | 'working'
  | 'died'
  | 'no_longer_enrolled'
  | 'graduated'
  | 'higher_education_cap'
  | 'total_cap'
  | 'no_school_year';

/** One school year already decided: paid (with the ledger reference), lapsed, or not payable. */
export interface ScholarshipYearRecord {
  schoolYear: string;
  outcome: 'paid' | 'lapsed' | 'not_payable';
  level?: SchoolLevel;
  grade?: number;
  amount: number;
  idempotencyKey?: string;
  gatewayReference?: string;
  reason?: string;
}

/** What one school year's run hands to the next through continueAsNew. */
export interface ScholarshipCarried {
  /** The calendar year in which this run's school year starts (1 July). */
  schoolYear: number;
  /** The grade the child is expected to attend this school year. */
  expected: SchoolStep;
  /** The last grade proven by an enrolment, and in which school year. */
  last?: SchoolStep & { schoolYear: number };
  yearsPaid: Partial<Record<SchoolLevel, number>>;
  totalPaid: number;
  consecutiveLapses: number;
  years: ScholarshipYearRecord[];
  /** Last scholarship event number: makes the activities' appends idempotent across runs. */
  seq: number;
  account: BankAccount;
  /** 0 for the claim's account; +1 for each replacement after a refusal. */
  accountRevision: number;
}

export interface ScholarshipInput {
  claimNumber: string;
  /** n in the workflow id <claimNumber>-S<n>. */
  childNumber: number;
  /** The child's position on the claim (1-based), as in the children table. */
  childPosition: number;
  dateOfBirth: string;
  /** The child's schooling when the claim was filed; absent for a child not yet at school. */
  schooling?: SchoolStep;
  eventDate: string;
  account: BankAccount;
  options?: ScholarshipOptions;
  /** Absent on the first run. */
  carried?: ScholarshipCarried;
}

export interface ScholarshipOutcome {
  status: 'ended';
  reason: ScholarshipEndReason;
  message: string;
  totalPaid: number;
  years: ScholarshipYearRecord[];
}

export interface EnrollmentRequest {
  actor: Actor;
  /** "2027/2028" */
  schoolYear: string;
  level: SchoolLevel;
  grade: number;
  institution: string;
  documentReference: string;
  /** The final year of higher education: the scholarship ends once it is paid. */
  graduated?: boolean;
}
export interface EnrollmentResult {
  schoolYear: string;
  level: SchoolLevel;
  grade: number;
  payable: boolean;
  amount: number;
  reason: string;
}

export type { LifeEventKind } from '../rules/scholarship-life-events';
/** A life event reported by an officer (rules/scholarship-life-events.ts decides whether it ends the scholarship). */
export interface LifeEventRequest extends LifeEvent {
  actor: Actor;
}
export interface LifeEventResult {
  stops: boolean;
  reason: string;
}

export interface ScholarshipChoiceRequest {
  actor: Actor;
  /** The children's positions on the claim (1-based). */
  children: number[];
  reason?: string;
}
export interface ScholarshipChoiceResult {
  children: number[];
}

export interface ScholarshipState {
  workflowId: string;
  claimNumber: string;
  childNumber: number;
  status: ScholarshipStatus;
  schoolYear: string;
  expected: SchoolStep;
  windowOpensAt?: string;
  /** The last day for proof this school year, YYYY-MM-DD (Asia/Jakarta). */
  deadline?: string;
  proofAccepted: boolean;
  yearsPaid: Partial<Record<SchoolLevel, number>>;
  totalPaid: number;
  consecutiveLapses: number;
  years: ScholarshipYearRecord[];
  endReason?: ScholarshipEndReason;
}

// Updates, not signals: the family or officer must learn at once whether the proof (or report) was accepted,
// and a wrong school year, an impossible level jump or a duplicate is refused before anything is recorded.
export const submitEnrollmentUpdate = defineUpdate<EnrollmentResult, [EnrollmentRequest]>('submitEnrollment');
export const reportLifeEventUpdate = defineUpdate<LifeEventResult, [LifeEventRequest]>('reportLifeEvent');
// An update: the officer learns at once whether the children chosen may receive a scholarship.
export const chooseScholarshipChildrenUpdate = defineUpdate<
  ScholarshipChoiceResult,
  [ScholarshipChoiceRequest]
>('chooseScholarshipChildren');
export const scholarshipStateQuery = defineQuery<ScholarshipState>('scholarshipState');

/** Failure types shared by workflows, activities and the API (which maps them to HTTP statuses). */
export enum FailureType {
  InvalidInput = 'InvalidInput',
  WrongState = 'WrongState',
  Forbidden = 'Forbidden',
  MakerChecker = 'MakerChecker',
  SupervisorRequired = 'SupervisorRequired',
  GatewayRejected = 'GatewayRejected',
}

/** The daily reconciliation of the payout ledger with the gateway's statement (a Temporal Schedule starts it). */
export const RECONCILIATION_SCHEDULE_ID = 'reconciliation-daily';

export function reconciliationWorkflowId(date: string): string {
  return `reconciliation-${date}`;
}

export interface ReconciliationInput {
  /** The Jakarta day to reconcile, YYYY-MM-DD; the day before the (scheduled) start when omitted. */
  date?: string;
}

export type ReconciliationOutcome =
  'matched' | 'missing_at_gateway' | 'unknown_to_ledger' | 'amount_mismatch';

export interface ReconciliationSummary {
  date: string;
  status: 'balanced' | 'mismatched';
  ledgerTotal: number;
  gatewayTotal: number;
  matched: number;
  mismatched: number;
}
