// The rows of a claim's tables, as PostgreSQL returns them (db/config.ts): bigint as number, DATE as 'YYYY-MM-DD',
// timestamptz as Date, jsonb parsed.
import type { ClaimStatus } from '../../vocabulary/status';
import type { Heir } from '../../vocabulary/claim';
import type { Program } from '../../rules/programs';
import type { SchoolLevel } from '../../vocabulary/messages/scholarship';
import type { AssessmentComponent } from '../../vocabulary/activities';
import type { BenefitRecipients } from '../../rules/recipients';

export interface ClaimRow {
  claim_number: string;
  program: Program;
  event: string;
  participant_nik: string;
  event_date: string;
  claim_date: string;
  status: ClaimStatus;
  status_reason: string | null;
  tracking_code_hash: string;
  created_by: string;
  escalated: boolean;
  escalated_at: Date | null;
  verification_due: string | null;
  verified_by: string | null;
  verified_at: Date | null;
  decision: 'approve' | 'reject' | null;
  decided_by: string | null;
  decision_reason: string | null;
  decided_at: Date | null;
  bank_code: string;
  account_number: string;
  account_name: string;
  account_revision: number;
  closed_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** A tracking code issued again: by whom, when, and how the family's identity was checked. */
export interface TrackingCodeReissueRow {
  id: number;
  claim_number: string;
  issued_by: string;
  identity_check: string;
  issued_at: Date;
}

export interface HeirRow {
  id: number;
  claim_number: string;
  position: number;
  name: string;
  relationship: Heir['relationship'];
  nik: string | null;
  date_of_birth: string | null;
  /** Receives the benefit, or part of it, by legal rank (rules/recipients.ts). */
  recipient: boolean;
}

export interface ChildRow {
  id: number;
  claim_number: string;
  position: number;
  name: string | null;
  date_of_birth: string;
  registered: boolean;
  school_level: SchoolLevel | null;
  school_grade: number | null;
  married: boolean;
  working: boolean;
}

export interface DocumentRow {
  id: number;
  claim_number: string;
  code: string;
  received: boolean;
  checked_by: string;
  checked_at: Date;
}

export interface AssessmentRow {
  claim_number: string;
  regulation: string;
  inputs: Record<string, unknown>;
  components: AssessmentComponent[];
  total: number;
  employer_liability: { amount: number; reason: string } | null;
  /** null when the claim carries no scholarship. */
  scholarship: unknown;
  notes: string[];
  /** null for assessments made before heirs were ranked. */
  recipients: BenefitRecipients | null;
  created_at: Date;
}

export interface ClaimEventRow {
  id: number;
  claim_number: string;
  seq: number;
  type: string;
  actor: string | null;
  data: Record<string, unknown>;
  created_at: Date;
}

/** What a step changes on the claim row besides its status; each field maps to the columns it names. */
export interface ClaimChange {
  status?: ClaimStatus;
  /** null clears the reason. */
  statusReason?: string | null;
  decision?: { decision: 'approve' | 'reject'; decidedBy: string; reason: string; at: Date };
  verified?: { by: string; at: Date };
  escalatedAt?: Date;
  /** The claim date a supervisor decided for a backdated claim. */
  claimDate?: string;
  /** The last day to verify the documents (the service level), set with membership_confirmed. */
  verificationDue?: string;
  bankAccount?: { bankCode: string; accountNumber: string; accountName: string; revision: number };
  /** Stamps closed_at with the database's clock. */
  closed?: boolean;
}

/** A row of the work queue (GET /claims). */
export type ClaimQueueRow = Pick<
  ClaimRow,
  | 'claim_number'
  | 'program'
  | 'status'
  | 'event_date'
  | 'claim_date'
  | 'escalated'
  | 'verification_due'
  | 'created_at'
>;

/** Keyset position in the work queue: created_at (PostgreSQL's text) and claim number of the last row seen. */
export type ClaimCursor = [createdAt: string, claimNumber: string];

export interface ClaimDetail {
  claim: ClaimRow;
  heirs: HeirRow[];
  children: ChildRow[];
  documents: DocumentRow[];
  assessment: AssessmentRow | undefined;
  events: ClaimEventRow[];
}
