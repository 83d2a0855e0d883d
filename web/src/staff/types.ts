// The shapes the pages read from the API's JSON answers. The contract types these responses only as "object"
// (api/views/*.ts builds them), so the fields the pages use are named here; requests are typed by the client.
import type { DocumentCode } from '../../../vocabulary/documents';
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
