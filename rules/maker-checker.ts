// Maker-checker (four eyes) on a claim's decision: the officer who verified the documents may not decide the
// claim, and approving more than the threshold needs a supervisor. Pure, so the API (from its projections) and the
// workflow's update validator (from its state) apply the same rule with the same words.
import { rupiah } from './money';

/** Approvals of a total above this need a supervisor (maker-checker, four-eyes above the limit). */
export const SUPERVISOR_APPROVAL_THRESHOLD = 200_000_000;

export interface DecisionFacts {
  deciderId: string;
  deciderRole: 'officer' | 'supervisor' | 'auditor';
  /** Who verified the documents; none yet (or unknown) refuses no one. */
  verifiedBy?: string | null;
  decision: 'approve' | 'reject';
  /** The assessed total in whole rupiah; none yet (or unknown) needs no supervisor. */
  total?: number;
  /** What was checked before the decision, in the refusal's words (default: a claim's documents). */
  checked?: 'documents' | 'item' | 'closing';
}

/** The maker-checker refusal's words for what the decider checked before. */
const CHECKED_BEFORE = {
  documents: 'The officer who verified the documents may not also decide the claim.',
  item: 'The officer who verified the item may not also approve it.',
  closing: 'The officer who submitted the closing may not also decide it.',
} as const;

export interface DecisionRefusal {
  rule: 'maker-checker' | 'supervisor-required';
  message: string;
}

/** Whether the claim's total can refuse this decision: only an approval by someone who is not a supervisor. */
export function totalCanRefuse({
  decision,
  deciderRole,
}: Pick<DecisionFacts, 'decision' | 'deciderRole'>): boolean {
  return decision === 'approve' && deciderRole !== 'supervisor';
}

/** Why this person may not take this decision, or undefined when the four-eyes rules allow it. */
export function decisionRefusal(facts: DecisionFacts): DecisionRefusal | undefined {
  if (facts.deciderId === facts.verifiedBy) {
    return { rule: 'maker-checker', message: CHECKED_BEFORE[facts.checked ?? 'documents'] };
  }
  if (totalCanRefuse(facts) && (facts.total ?? 0) > SUPERVISOR_APPROVAL_THRESHOLD) {
    return {
      rule: 'supervisor-required',
      message: `Approving more than ${rupiah(SUPERVISOR_APPROVAL_THRESHOLD)} needs a supervisor.`,
    };
  }
  return undefined;
}

export interface ReimbursementDeciderFacts {
  deciderId: string;
  deciderRole: 'officer' | 'supervisor' | 'auditor';
  /** Who recorded the employer's settlement. */
  recordedBy: string;
}

/**
 * Reimbursing an employer that paid the heirs first redirects the benefit from the heirs' account to the employer's:
 * an officer or a supervisor records the settlement, and another person, a supervisor, approves or rejects it.
 */
export function reimbursementDeciderRefusal(facts: ReimbursementDeciderFacts): DecisionRefusal | undefined {
  if (facts.deciderId === facts.recordedBy) {
    return {
      rule: 'maker-checker',
      message: "The person who recorded the employer's settlement may not also decide its reimbursement.",
    };
  }
  if (facts.deciderRole !== 'supervisor') {
    return {
      rule: 'supervisor-required',
      message: 'Reimbursing an employer instead of paying the heirs needs a supervisor.',
    };
  }
  return undefined;
}

/** A proof of enrolment and who is to confirm it: the sender is "family" or a staff member's id. */
export interface ProofReviewFacts {
  reviewerId: string;
  submittedBy: string;
}

/**
 * Why this staff member may not confirm (or reject) this proof of enrolment, or undefined: a family's proof is checked
 * by any officer, a staff member's own proof by a second staff member (maker-checker on who is paid how much).
 */
export function proofReviewRefusal({
  reviewerId,
  submittedBy,
}: ProofReviewFacts): DecisionRefusal | undefined {
  if (reviewerId === submittedBy) {
    return {
      rule: 'maker-checker',
      message:
        'The staff member who sent a proof of enrolment may not also review it: a second staff member must.',
    };
  }
  return undefined;
}

export interface AccountReviewFacts {
  reviewerId: string;
  reviewerRole: DecisionFacts['deciderRole'];
  /** Who filed the claim, who verified its documents, and who proposed the account ("family" for the family). */
  filedBy?: string | null;
  verifiedBy?: string | null;
  proposedBy: string;
  decision: 'approve' | 'reject';
  /** What the account stands to receive, in whole rupiah; unknown needs no supervisor. */
  amount?: number;
  /** The holder's name matches an entitled heir (or, for a scholarship, the child or the guardian). */
  holderMatches: boolean;
  reason?: string;
}

/** Why this person may not review this change of payee, or undefined when the four-eyes rules allow it. */
export function accountReviewRefusal(facts: AccountReviewFacts): DecisionRefusal | undefined {
  const { reviewerId } = facts;
  if (reviewerId === facts.proposedBy) {
    return { rule: 'maker-checker', message: 'Whoever proposed the account may not also review it.' };
  }
  if (reviewerId === facts.filedBy || reviewerId === facts.verifiedBy) {
    return {
      rule: 'maker-checker',
      message: 'The officer who filed or verified the claim may not review a change of its account.',
    };
  }
  if (facts.decision === 'reject' || facts.reviewerRole === 'supervisor') {
    if (facts.decision === 'approve' && !facts.holderMatches && !facts.reason?.trim()) {
      return {
        rule: 'supervisor-required',
        message: "An account whose holder is not entitled needs the supervisor's reason.",
      };
    }
    return undefined;
  }
  if ((facts.amount ?? 0) > SUPERVISOR_APPROVAL_THRESHOLD) {
    return {
      rule: 'supervisor-required',
      message: `Approving an account for more than ${rupiah(SUPERVISOR_APPROVAL_THRESHOLD)} needs a supervisor.`,
    };
  }
  if (!facts.holderMatches) {
    return {
      rule: 'supervisor-required',
      message: "The holder's name matches no one entitled: only a supervisor may approve it, with a reason.",
    };
  }
  return undefined;
}
