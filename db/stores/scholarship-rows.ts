// The rows of the scholarship tables, as PostgreSQL returns them.
import type { ScholarshipEndReason, ScholarshipStatus, ScholarshipYearStatus } from '../../vocabulary/status';
import type { ProofReviewDecision, SchoolLevel } from '../../vocabulary/messages/scholarship';
import type { PlanYear } from '../../rules/schema';

export interface ScholarshipRow {
  workflow_id: string;
  claim_number: string;
  child_number: number;
  child_position: number;
  status: ScholarshipStatus;
  school_year: string;
  expected_level: SchoolLevel;
  expected_grade: number;
  window_opens_on: string | null;
  deadline: string | null;
  total_paid: number;
  years_paid: Partial<Record<SchoolLevel, number>>;
  projected: PlanYear[];
  end_reason: ScholarshipEndReason | null;
  end_message: string | null;
  /** The step that wrote this row: only a later one overwrites it. */
  last_seq: number;
  ended_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface ScholarshipYearRow {
  id: number;
  workflow_id: string;
  claim_number: string;
  school_year: string;
  status: ScholarshipYearStatus;
  level: SchoolLevel | null;
  grade: number | null;
  institution: string | null;
  document_reference: string | null;
  graduated: boolean | null;
  submitted_by: string | null;
  submitted_at: Date | null;
  /** The review of the proof (patch enrolment-proof-reviewed): who, when, confirm or reject, and why. */
  reviewed_by: string | null;
  reviewed_at: Date | null;
  review_decision: ProofReviewDecision | null;
  review_reason: string | null;
  amount: number;
  reason: string | null;
  /** The payout ledger key, `<workflowId>:<schoolYear>`, once paid. */
  idempotency_key: string | null;
  gateway_reference: string | null;
  window_opens_on: string | null;
  deadline: string | null;
  decided_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface ScholarshipEventRow {
  id: number;
  workflow_id: string;
  claim_number: string;
  seq: number;
  type: string;
  actor: string | null;
  data: Record<string, unknown>;
  created_at: Date;
}

export interface ScholarshipChoiceRow {
  claim_number: string;
  /** Positions on the claim, 1-based. */
  children: number[];
  chosen_by: string;
  reason: string | null;
  created_at: Date;
}
