// Read models for the API, from the projections the activities write.
import type { FamilyViewRows } from '../../db/stores/claim-views';
import type {
  AccountChangeRow,
  AssessmentRow,
  ClaimCursor,
  ClaimQueueRow,
  ClaimRow,
  EmployerReimbursementRow,
  PayoutRow,
  StaffViewRows,
  Stores,
} from '../../db/stores';
import { maskDigits } from '../../vocabulary/masking';
import { claimStatusText, type ClaimStatus } from '../../vocabulary/status';
import { scholarshipChoiceView, scholarshipViews } from './scholarships';
import { encodeCursor } from '../schemas/claims';
import type { FamilyClaimResponse } from '../schemas/track';

type ViewStores = Pick<Stores, 'claimViews'>;

/** The employer's settlement on record (JKK arrears beyond 3 months): what the approving supervisor checks. */
function employerReimbursementView(r: EmployerReimbursementRow | undefined) {
  if (!r) return null;
  return {
    employerId: r.employer_id,
    status: r.status,
    arrearsSettlementReference: r.arrears_settlement_reference,
    proofOfPaymentReference: r.proof_of_payment_reference,
    amountPaidToHeirs: r.amount_paid_to_heirs,
    paidToHeirsOn: r.paid_to_heirs_on,
    employerAccount: { bankCode: r.bank_code, accountNumber: r.account_number, accountName: r.account_name },
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    decisionReason: r.decision_reason,
  };
}

/** A change of payee for staff: who proposed it, who reviewed it, how the holder's identity was checked. */
function accountChangeView(c: AccountChangeRow) {
  return {
    workflowId: c.workflow_id,
    revision: c.revision,
    bankCode: c.bank_code,
    accountNumber: c.account_number,
    accountName: c.account_name,
    holderMatches: c.holder_matches,
    proposedBy: c.proposed_by,
    proposedAt: c.proposed_at,
    status: c.status,
    reviewedBy: c.reviewed_by,
    reviewerRole: c.reviewer_role,
    identityCheck: c.identity_check,
    reason: c.review_reason,
    reviewedAt: c.reviewed_at,
  };
}

function payoutView(p: PayoutRow, masked: boolean) {
  return {
    component: p.component,
    amount: p.amount,
    status: p.status,
    idempotencyKey: p.idempotency_key,
    gatewayReference: p.gateway_reference,
    accountNumber: masked ? maskDigits(p.account_number) : p.account_number,
    paidAt: p.paid_at,
  };
}

function assessmentView(a: AssessmentRow | undefined) {
  if (!a) return null;
  return {
    regulation: a.regulation,
    components: a.components,
    total: a.total,
    employerLiability: a.employer_liability,
    scholarship: a.scholarship ?? null,
    notes: a.notes,
    recipients: a.recipients ?? null,
  };
}

/** Everything staff see about one claim, from the rows read in one statement (ClaimViewStore.staff). */
export function staffClaimView(read: StaffViewRows) {
  const {
    claim,
    heirs,
    children,
    documents,
    assessment,
    payouts,
    events,
    reissues,
    reimbursement,
    accountChanges,
  } = read;
  const claimNumber = claim.claim_number;
  return {
    claimNumber,
    program: claim.program,
    event: claim.event,
    participantNik: claim.participant_nik,
    eventDate: claim.event_date,
    claimDate: claim.claim_date,
    status: claim.status,
    statusReason: claim.status_reason,
    escalated: claim.escalated,
    verificationDue: claim.verification_due,
    createdBy: claim.created_by,
    verifiedBy: claim.verified_by,
    decision: claim.decision
      ? {
          decision: claim.decision,
          decidedBy: claim.decided_by,
          reason: claim.decision_reason,
          at: claim.decided_at,
        }
      : null,
    bankAccount: {
      bankCode: claim.bank_code,
      accountNumber: claim.account_number,
      accountName: claim.account_name,
    },
    accountChanges: accountChanges.map(accountChangeView),
    heirs: heirs.map((h) => ({
      name: h.name,
      relationship: h.relationship,
      nik: h.nik,
      dateOfBirth: h.date_of_birth,
      recipient: h.recipient,
    })),
    children: children.map((c) => ({
      name: c.name,
      dateOfBirth: c.date_of_birth,
      registered: c.registered,
      schooling: c.school_level ? { level: c.school_level, grade: c.school_grade } : null,
    })),
    documents: documents.map((d) => ({ code: d.code, received: d.received, checkedBy: d.checked_by })),
    assessment: assessmentView(assessment),
    payouts: payouts.map((p) => payoutView(p, false)),
    employerReimbursement: employerReimbursementView(reimbursement),
    events: events.map((e) => ({ seq: e.seq, type: e.type, actor: e.actor, data: e.data, at: e.created_at })),
    trackingCodeReissues: reissues.map((r) => ({
      issuedBy: r.issued_by,
      issuedAt: r.issued_at,
      identityCheck: r.identity_check,
    })),
    scholarships: scholarshipViews(read, 'staff'),
    scholarshipChoice: scholarshipChoiceView(read.choice),
  };
}

/** What the family sees: no staff names, national ID and account masked (its shape: schemas/track.ts). */
export async function familyClaimView(
  stores: ViewStores,
  claim: ClaimRow,
  /** The view's rows when the family's access statement already read them (GET /track). */
  prefetched?: FamilyViewRows,
): Promise<FamilyClaimResponse> {
  const claimNumber = claim.claim_number;
  const read = prefetched ?? (await stores.claimViews.family(claimNumber));
  const { assessment, payouts, timeline: events, missingDocuments } = read;
  return {
    claimNumber,
    program: claim.program,
    status: claim.status,
    statusText: claimStatusText(claim.status),
    statusReason: claim.status_reason,
    participantNik: maskDigits(claim.participant_nik),
    claimDate: claim.claim_date,
    // The service level (3 working days for JKM, 7 for JKK) as the day it falls on.
    verificationDue: claim.verification_due,
    bankAccount: { bankCode: claim.bank_code, accountNumber: maskDigits(claim.account_number) },
    missingDocuments,
    assessment: assessment
      ? {
          regulation: assessment.regulation,
          total: assessment.total,
          components: assessment.components.map((c) => ({
            code: c.code,
            amount: c.amount,
            explanation: c.explanation,
          })),
          scholarship: assessment.scholarship ?? null,
          // The rank and its rule only: which heirs receive stays with staff.
          recipients: assessment.recipients
            ? { rank: assessment.recipients.rank, explanation: assessment.recipients.explanation }
            : null,
        }
      : null,
    payouts: payouts.map((p) => {
      const view = payoutView(p, true);
      return { ...view, paidAt: view.paidAt?.toISOString() ?? null };
    }),
    timeline: events.map((e) => ({ step: e.type, at: e.created_at.toISOString() })),
    scholarships: scholarshipViews(read, 'family'),
  };
}

function queueItem(r: ClaimQueueRow) {
  return {
    claimNumber: r.claim_number,
    program: r.program,
    status: r.status,
    eventDate: r.event_date,
    claimDate: r.claim_date,
    escalated: r.escalated,
    verificationDue: r.verification_due,
    createdAt: r.created_at,
  };
}

export interface ClaimPage {
  items: ReturnType<typeof queueItem>[];
  nextCursor: string | null;
}

/** The work queue: newest first, keyset-paged on (created_at, claim_number). */
export async function listClaims(
  stores: Pick<Stores, 'claims'>,
  query: { status?: ClaimStatus; limit: number; after?: ClaimCursor },
): Promise<ClaimPage> {
  const page = await stores.claims.listPage(query);
  return { items: page.rows.map(queueItem), nextCursor: page.next ? encodeCursor(...page.next) : null };
}
