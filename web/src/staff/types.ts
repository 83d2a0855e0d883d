// The shapes the pages read from the API's JSON answers. The contract types these responses only as "object"
// (api/views/*.ts builds them), so the fields the pages use are named here; requests are typed by the client.
import type { DocumentCode } from '../../../vocabulary/documents';
import type { ItemStatus } from '../../../vocabulary/accident-texts';
import type { ClaimStatus } from '../../../vocabulary/status';

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}

export interface QueueItem {
  claimNumber: string;
  program: string;
  status: ClaimStatus;
  eventDate: string;
  claimDate: string;
  escalated: boolean;
  verificationDue: string | null;
  createdAt: string;
}

export interface QueuePage {
  items: QueueItem[];
  nextCursor: string | null;
}

export interface AssessmentComponent {
  code: string;
  amount: number;
  basis: string;
  explanation: string;
}

export interface AccountChange {
  workflowId: string;
  revision: number;
  bankCode: string;
  accountNumber: string;
  accountName: string;
  holderMatches: boolean;
  proposedBy: string;
  proposedAt: string;
  status: string;
  reviewedBy: string | null;
  identityCheck: string | null;
  reason: string | null;
  reviewedAt: string | null;
}

export interface ScholarshipYear {
  schoolYear: string;
  status: string;
  level: string | null;
  grade: number | null;
  amount: number | null;
  reference: string | null;
  reason: string | null;
  institution: string | null;
}

export interface Scholarship {
  id: string;
  childPosition: number;
  status: string;
  statusText: string;
  totalPaid: number;
  pastYears: ScholarshipYear[];
  currentYear: {
    schoolYear: string;
    status: string;
    deadline: string | null;
    expectedAmount: number | null;
    submitted?: { level: string; grade: number; institution: string; submittedBy?: string };
    review?: { decision: string; reason: string; reviewedBy?: string };
  } | null;
}

export interface StaffClaim {
  claimNumber: string;
  program: 'JKM' | 'JKK';
  event: string;
  eventDate: string;
  claimDate: string;
  status: ClaimStatus;
  statusReason: string | null;
  escalated: boolean;
  verificationDue: string | null;
  createdBy: string;
  verifiedBy: string | null;
  decision: { decision: string; decidedBy: string; reason: string; at: string } | null;
  bankAccount: { bankCode: string; accountNumber: string; accountName: string };
  accountChanges: AccountChange[];
  heirs: { name: string; relationship: string; recipient?: boolean }[];
  children: { name: string; dateOfBirth: string }[];
  documents: { code: DocumentCode; received: boolean; checkedBy: string }[];
  assessment: {
    regulation: string;
    components: AssessmentComponent[];
    total: number;
    notes: string[];
    recipients: { rank: number; explanation: string } | null;
  } | null;
  employerReimbursement: {
    employerId: string;
    status: string;
    arrearsSettlementReference: string;
    proofOfPaymentReference: string;
    amountPaidToHeirs: number;
    paidToHeirsOn: string;
    employerAccount: { bankCode: string; accountNumber: string; accountName: string };
    recordedBy: string;
    recordedAt: string;
  } | null;
  payouts: {
    component: string;
    amount: number;
    status: string;
    gatewayReference: string | null;
    accountNumber: string;
    paidAt: string | null;
  }[];
  events: { seq: number; type: string; actor: string | null; data?: Record<string, unknown>; at: string }[];
  scholarships: Scholarship[];
  /** Only for an accident case (event 'accident'). */
  accident?: StaffAccident;
}

export interface ReconciliationItem {
  transferKey: string;
  outcome: string;
  claimNumber: string | null;
  component: string | null;
  ledgerAmount: number | null;
  gatewayAmount: number | null;
  gatewayReference: string | null;
}

export interface ReconciliationReport {
  date: string;
  status: 'balanced' | 'mismatched';
  ledgerTotal: number;
  gatewayTotal: number;
  matched: number;
  mismatched: number;
  reconciledAt: string;
}

export interface ReconciliationDay extends ReconciliationReport {
  items: ReconciliationItem[];
  tasks: { kind: string; status: string; message: string; createdAt: string }[];
}

/** An accident case's part of GET /claims/{n} (api/views/accidents.ts, staffAccidentView): who did each step. */
export interface StaffAccidentItem {
  itemNumber: number;
  kind: 'treatment' | 'transport' | 'incapacity';
  what: string;
  claimed: number;
  amount: number;
  explanation: string | null;
  paidTo: 'provider' | 'participant' | 'employer';
  status: ItemStatus;
  reason?: string | null;
  recordedBy: string;
  verifiedBy: string | null;
  decidedBy: string | null;
}

export interface StaffAccident {
  accident: { date: string; kind: string; place: string; reportedAt: string; employerLiable: string | null };
  finding: {
    finding: 'work_accident' | 'not_work_accident' | null;
    reasons?: string | null;
    confirmed?: boolean;
    due: string | null;
    by: string | null;
    confirmedBy: string | null;
  };
  items: StaffAccidentItem[];
  totalPaid: number;
  closing: {
    outcome: string;
    closedOn: string;
    total: number;
    components: { code: string; amount: number; explanation: string }[];
    decided: boolean;
    decidedBy: string | null;
    record: { submittedBy?: string } & Record<string, unknown>;
  } | null;
  deathClaimNumber?: string;
}
