// What the workflows hand to their activities and get back: every activity's input and result, once. The
// activities implement them, the workflows call them, the stores write them and replay/ reads them from histories.
import type { BenefitRecipients } from '../rules/recipients';
import type { PlanYear } from '../rules/schema';
import type { SchoolLevel } from '../rules/school';
import type { BankAccount, EmployerSettlement } from './claim';
import type { Decision } from './messages/claim';
import type { ProofReviewDecision, SchoolStep } from './messages/scholarship';
import type { DocumentCode } from './documents';
import type { ClaimStatus, ScholarshipEndReason, ScholarshipStatus, ScholarshipYearStatus } from './status';

/** One step of a claim (or a scholarship), as the workflow numbers it: `seq` makes a retried append a no-op. */
export interface StepEvent {
  seq: number;
  type: string;
  actor?: string;
  data?: Record<string, unknown>;
}

/** recordClaim's answer: whether the row is new, and the claim already holding the participant's death, if any. */
export interface ClaimRecorded {
  created: boolean;
  /** One death, one claim: another claim, open or paid, holds this participant's death; this one pays nothing. */
  duplicateOf?: string;
}

/** The participant registry's facts on the date of the event. */
export interface MembershipFacts {
  membershipStartDate: string;
  monthlyWage: number;
  employerId: string;
  employerName: string;
  /** Whole months of unpaid contributions at the event date (0 when current). */
  arrearsMonths: number;
}

export type MembershipCheck =
  { eligible: true; facts: MembershipFacts } | { eligible: false; reason: string };

/** The officer's documents checklist, as recordVerification writes it. */
export interface VerificationRecord {
  verifiedBy: string;
  checklist: Partial<Record<DocumentCode, boolean>>;
  complete: boolean;
}

export interface AssessmentComponent {
  code: string;
  amount: number;
  basis: string;
  explanation: string;
}

/** The benefit as assessed, written once per claim. */
export interface AssessmentRecord {
  regulation: string;
  inputs: Record<string, unknown>;
  components: AssessmentComponent[];
  total: number;
  employerLiability?: { amount: number; reason: string };
  scholarship?: unknown;
  notes: string[];
  /** Who receives what, by legal rank; absent from claims started before heirs were ranked. */
  recipients?: BenefitRecipients;
}

/** The employer's settlement as recordEmployerSettlement writes it: who recorded it, and the ledger's account revision. */
export interface EmployerSettlementRecord extends EmployerSettlement {
  employerId: string;
  recordedBy: string;
  accountRevision: number;
}

/** A supervisor's decision on reimbursing the employer. */
export interface ReimbursementDecisionRecord {
  decision: Decision;
  decidedBy: string;
  reason: string;
}

export interface DecisionRecord {
  decision: Decision;
  decidedBy: string;
  reason: string;
}

/** A new account proposed after a refusal, waiting for a second person's review (a change of payee). */
export interface AccountProposalRecord {
  /** The proposing step's seq in the workflow (claim or scholarship): the change's natural key. */
  proposal: number;
  /** The revision the account becomes once approved. */
  revision: number;
  account: BankAccount;
  proposedBy: string;
  /** The holder of the account paid to until now (the original recipient), told of the proposal. */
  previousHolder: string;
}

export interface AccountReviewRecord {
  proposal: number;
  decision: Decision;
  reviewedBy: string;
  reviewerRole: string;
  identityCheck: string;
  reason: string;
  /** On approval: the account paid to from now on. */
  approved?: AccountRevision;
  previousHolder: string;
}

/** A replacement account after a refusal: revision n > 0. */
export type AccountRevision = BankAccount & { revision: number };

/** How a claim closes (recordClosing): its status, the reason, and the family's notice, written together. */
export interface ClosingRecord {
  status: ClaimStatus;
  reason?: string;
  notice: { kind: string; message: string };
}

/** What notifyFamily and recordClosing answer: the notice's kind, kept in the history for the decision trail. */
export interface NoticeRecorded {
  kind: string;
}

export interface PayoutRequest {
  claimNumber: string;
  component: string;
  amount: number;
  account: BankAccount;
  /** 0 for the account on the claim; +1 for each replacement after a refusal. */
  accountRevision: number;
  /** The ledger key when it is not `<claimNumber>:<component>`: a scholarship year's is `<workflowId>:<schoolYear>`. */
  idempotencyKey?: string;
  /**
   * The claim's payout_paid event, recorded by the payout once paid, with the key and the gateway's reference added
   * to its data (patch claim-shape-fewer-round-trips: the step folded into the transfer, one round trip fewer).
   */
  paidEvent?: StepEvent;
}

export type PayoutResult =
  | { status: 'paid'; idempotencyKey: string; gatewayReference: string }
  | { status: 'refused'; idempotencyKey: string; failureCode: string };

/** A claim component's payout that failed for good (not a refused account): what staff are told. */
export interface PayoutFailure {
  component: string;
  amount: number;
  accountRevision: number;
  /** The failure's type, e.g. GatewayRejected: never an account number. */
  failureType: string;
  message: string;
  /** What staff do next, for the supervisor's task; a new bank account for the claim when absent. */
  remedy?: string;
}

/** Which scholarship: its workflow id (`<claimNumber>-S<n>`) and the claim and child it belongs to. */
export interface ScholarshipRef {
  workflowId: string;
  claimNumber: string;
  childNumber: number;
  childPosition: number;
}

/** What the family and staff read about the scholarship, as the workflow sees it after this step. */
export interface ScholarshipProjection {
  status: ScholarshipStatus;
  schoolYear: string;
  expected: SchoolStep;
  totalPaid: number;
  yearsPaid: Partial<Record<SchoolLevel, number>>;
  windowOpensOn: string | null;
  deadline: string | null;
  projected: PlanYear[];
  endReason?: ScholarshipEndReason;
  endMessage?: string;
}

/** A school year's fields to record; those left out keep their value. */
export interface ScholarshipYearWrite {
  schoolYear: string;
  status: ScholarshipYearStatus;
  level?: SchoolLevel;
  grade?: number;
  institution?: string;
  documentReference?: string;
  graduated?: boolean;
  submittedBy?: string;
  /** A staff member's review of the proof (patch enrolment-proof-reviewed). */
  review?: { reviewedBy: string; decision: ProofReviewDecision; reason: string };
  amount?: number;
  reason?: string;
  windowOpensOn?: string;
  deadline?: string;
}

/** A message for the family about a scholarship (dedup key: the workflow id and the kind). */
export interface Notice {
  kind: string;
  message: string;
}

export interface ScholarshipPayment {
  schoolYear: string;
  level: SchoolLevel;
  grade: number;
  amount: number;
  account: BankAccount;
  accountRevision: number;
}

/** The officer's choice of children for the scholarships. */
export interface ScholarshipChoiceRecord {
  children: number[];
  chosenBy: string;
  reason?: string;
}

/** One sweep of the history archiver: closed runs listed from Temporal's visibility, and what became of each. */
export interface ArchiveSweep {
  listed: number;
  archived: number;
  alreadyArchived: number;
  /** Runs Temporal no longer had when their turn came: lost to the archive (alert on it). */
  gone: string[];
  /** Runs that could not be archived this time: the next sweep starts from the earliest of them. */
  failed: string[];
  /** Runs whose workflow id names no claim: not archived. */
  skipped: string[];
}
