// The messages a ScholarshipWorkflow (beasiswa: one per child, one run per school year) understands, what it
// takes, carries from run to run, and returns. Scholarship choice is an update on the claim's workflow.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { LifeEvent } from '../../rules/scholarship-life-events';
import type { SchoolLevel } from '../../rules/school';
import type { Actor } from '../actors';
import type { BankAccount } from '../claim';
import type { AccountReviewState } from './claim';
import type { ScholarshipEndReason, ScholarshipStatus, ScholarshipYearOutcome } from '../status';

export type { SchoolLevel };
export type { LifeEventKind } from '../../rules/scholarship-life-events';

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
  /** After a proof is rejected, the window stays open at least this many days for another. Default 30. */
  resubmitDays?: number;
}

/** One school year already decided: paid (with the ledger reference), lapsed, or not payable. */
export interface ScholarshipYearRecord {
  schoolYear: string;
  outcome: ScholarshipYearOutcome;
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
  /** Since patch enrolment-proof-reviewed: the proof waits for a staff member other than its sender to confirm it. */
  review?: 'pending';
}

/** What a reviewer decides about a proof of enrolment. */
export const PROOF_REVIEW_DECISIONS = ['confirm', 'reject'] as const;
export type ProofReviewDecision = (typeof PROOF_REVIEW_DECISIONS)[number];

/** A staff member's review of the proof waiting for this school year (never by the staff member who sent it). */
export interface ProofReviewRequest {
  actor: Actor;
  /** "2027/2028" */
  schoolYear: string;
  decision: ProofReviewDecision;
  reason: string;
}
export interface ProofReviewResult {
  schoolYear: string;
  decision: ProofReviewDecision;
  /** Confirmed: whether the year is payable, and the amount paid next. */
  payable: boolean;
  amount: number;
  /** Rejected: the last day for another proof. */
  deadline?: string;
}

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
  /** A proof waiting for review: who sent it (staff id or "family"), for which level and grade. */
  proofUnderReview?: { submittedBy: string; level: SchoolLevel; grade: number };
  yearsPaid: Partial<Record<SchoolLevel, number>>;
  totalPaid: number;
  consecutiveLapses: number;
  years: ScholarshipYearRecord[];
  endReason?: ScholarshipEndReason;
  accountReview?: AccountReviewState;
}

// Updates, not signals: the family or officer must learn at once whether the proof (or report) was accepted,
// and a wrong school year, an impossible level jump or a duplicate is refused before anything is recorded.
export const submitEnrollmentUpdate = defineUpdate<EnrollmentResult, [EnrollmentRequest]>('submitEnrollment');
// An update: the reviewer learns at once whether they may confirm (never their own proof) and what is paid.
export const reviewEnrollmentUpdate = defineUpdate<ProofReviewResult, [ProofReviewRequest]>(
  'reviewEnrollment',
);
export const reportLifeEventUpdate = defineUpdate<LifeEventResult, [LifeEventRequest]>('reportLifeEvent');
// An update: the officer learns at once whether the children chosen may receive a scholarship.
export const chooseScholarshipChildrenUpdate = defineUpdate<
  ScholarshipChoiceResult,
  [ScholarshipChoiceRequest]
>('chooseScholarshipChildren');
export const scholarshipStateQuery = defineQuery<ScholarshipState>('scholarshipState');
