// The decision trail, rebuilt from the histories alone: who verified and decided, under which regulation,
// what was paid with which keys. No national ID and no full account number ever enters it.
import type { LoadedDataConverter } from '@temporalio/common';
import type { AssessmentRecord } from '../vocabulary/activities';
import type { ClaimInput } from '../vocabulary/claim';
import { maskDigits } from '../vocabulary/masking';
import {
  decideBackdatingUpdate,
  decideReimbursementUpdate,
  decideUpdate,
  recordEmployerSettlementUpdate,
  verifyUpdate,
  type ClaimOutcome,
} from '../vocabulary/messages/claim';
import { chooseScholarshipChildrenUpdate } from '../vocabulary/messages/scholarship';
import { accidentTrail, type AccidentTrail } from './accident-trail';
import { accountChangeFrom, type AccountChangeTrail } from './account-trail';
import { actedBy, type ActedBy } from './acted-by';
import { activityOf, readRun, updateOf, type ActivityCall, type RunCalls } from './events';
import type { RunHistory } from './fetch';
import { scholarshipTrail, type ScholarshipTrail } from './scholarship-trail';

export type { ActedBy } from './acted-by';

export interface DecisionTrail {
  claimNumber?: string;
  program?: string;
  filed?: ActedBy & {
    eventDate: string;
    claimDate: string;
    heirs: number;
    children: number;
    /** A claim date before the day the claim reached the system, and why. */
    backdating?: { reason: string; receivedDate: string };
  };
  /** A supervisor's decision on a backdated claim date, and the claim date the claim went on with. */
  backdatingDecision?: ActedBy & { decision: 'approve' | 'refuse'; reason: string; claimDate?: string };
  membership?: {
    at: string;
    eligible: boolean;
    reason?: string;
    membershipStartDate?: string;
    monthlyWage?: number;
    employerId?: string;
    employerName?: string;
    arrearsMonths?: number;
  };
  verifications: (ActedBy & {
    checklist: Record<string, boolean>;
    note?: string;
    complete?: boolean;
    missing?: string[];
  })[];
  escalation?: { at: string; due?: string };
  assessment?: { at: string } & Pick<
    AssessmentRecord,
    'regulation' | 'inputs' | 'components' | 'total' | 'employerLiability' | 'notes' | 'recipients'
  >;
  decision?: ActedBy & { decision: 'approve' | 'reject'; reason: string; total?: number };
  /** Which children the officer chose for a scholarship (positions on the claim). */
  scholarshipChoice?: ActedBy & { children: number[]; reason?: string };
  /** Each new account: who proposed it and, since patch 'account-change-reviewed', who reviewed it. */
  bankAccountChanges: AccountChangeTrail[];
  /** JKK, the employer more than 3 months in arrears: each settlement recorded (the employer's account masked). */
  employerSettlements: (ActedBy & {
    arrearsSettlementReference: string;
    proofOfPaymentReference: string;
    amountPaidToHeirs: number;
    paidToHeirsOn: string;
    bankCode: string;
    accountNumber: string;
  })[];
  /** Each decision on reimbursing the employer, by someone other than who recorded the settlement. */
  reimbursementDecisions: (ActedBy & {
    decision: 'approve' | 'reject';
    reason: string;
    reimbursement?: number;
  })[];
  payouts: {
    component: string;
    amount: number;
    accountRevision: number;
    requestedAt: string;
    settledAt?: string;
    status: 'paid' | 'refused' | 'failed' | 'pending';
    idempotencyKey?: string;
    gatewayReference?: string;
    failureCode?: string;
    failure?: string;
  }[];
  notifications: { kind: string; at: string }[];
  outcome?: { status: string; at: string; reason?: string; total?: number };
  /** Versioning markers (patched()) the claim's run recorded. */
  patches: string[];
  scholarships: ScholarshipTrail[];
  /** An accident case (accidentWorkflow): its own steps; a death it became follows as the claim's trail. */
  accident?: AccidentTrail;
}

function payout(call: ActivityCall): DecisionTrail['payouts'][number] {
  const { args, result: res } = activityOf(call, 'payout')!;
  const [req] = args;
  const base = {
    component: req.component,
    amount: req.amount,
    accountRevision: req.accountRevision,
    requestedAt: call.scheduledAt,
    ...(call.closedAt ? { settledAt: call.closedAt } : {}),
  };
  if (call.status === 'completed' && res?.status === 'paid') {
    return {
      ...base,
      status: 'paid',
      idempotencyKey: res.idempotencyKey,
      gatewayReference: res.gatewayReference,
    };
  }
  if (call.status === 'completed' && res?.status === 'refused') {
    return { ...base, status: 'refused', idempotencyKey: res.idempotencyKey, failureCode: res.failureCode };
  }
  if (call.status === 'pending') return { ...base, status: 'pending' };
  return { ...base, status: 'failed', failure: call.failure ?? call.status };
}

function claimTrail(trail: DecisionTrail, run: RunCalls): void {
  const input = run.input[0] as ClaimInput | undefined;
  if (input) {
    trail.claimNumber = input.claimNumber;
    trail.program = input.program;
    trail.filed ??= {
      by: input.createdBy,
      at: run.startedAt,
      eventDate: input.eventDate,
      claimDate: input.claimDate,
      heirs: input.heirs?.length ?? 0,
      children: input.children?.length ?? 0,
      ...(input.backdating ? { backdating: input.backdating } : {}),
    };
  }
  trail.patches.push(...run.patches.filter((p) => !trail.patches.includes(p)));

  for (const update of run.updates) {
    if (update.status === 'failed') continue; // refused by the handler: nothing was decided
    const verification = updateOf(update, verifyUpdate);
    const decision = updateOf(update, decideUpdate);
    const choice = updateOf(update, chooseScholarshipChildrenUpdate);
    const backdating = updateOf(update, decideBackdatingUpdate);
    if (backdating) {
      const { request, result } = backdating;
      trail.backdatingDecision = {
        ...actedBy(request.actor),
        at: update.acceptedAt,
        decision: request.decision,
        reason: request.reason,
        ...(result ? { claimDate: result.claimDate } : {}),
      };
    }
    const settlement = updateOf(update, recordEmployerSettlementUpdate);
    const reimbursement = updateOf(update, decideReimbursementUpdate);
    if (settlement) {
      const { request } = settlement;
      trail.employerSettlements.push({
        ...actedBy(request.actor),
        at: update.acceptedAt,
        arrearsSettlementReference: request.arrearsSettlementReference,
        proofOfPaymentReference: request.proofOfPaymentReference,
        amountPaidToHeirs: request.amountPaidToHeirs,
        paidToHeirsOn: request.paidToHeirsOn,
        bankCode: request.employerAccount.bankCode,
        accountNumber: maskDigits(request.employerAccount.accountNumber),
      });
    } else if (reimbursement) {
      const { request, result } = reimbursement;
      trail.reimbursementDecisions.push({
        ...actedBy(request.actor),
        at: update.acceptedAt,
        decision: request.decision,
        reason: request.reason,
        ...(result ? { reimbursement: result.reimbursement } : {}),
      });
    }
    if (verification) {
      const { request, result } = verification;
      trail.verifications.push({
        ...actedBy(request.actor),
        at: update.acceptedAt,
        checklist: request.checklist as Record<string, boolean>,
        ...(request.note ? { note: request.note } : {}),
        ...(result ? { complete: result.complete, missing: result.missing } : {}),
      });
    } else if (decision) {
      const { request, result } = decision;
      trail.decision = {
        ...actedBy(request.actor),
        at: update.acceptedAt,
        decision: request.decision,
        reason: request.reason,
        ...(result ? { total: result.total } : {}),
      };
    } else if (choice) {
      const { request, result } = choice;
      trail.scholarshipChoice = {
        ...actedBy(request.actor),
        at: update.acceptedAt,
        children: result?.children ?? request.children,
        ...(request.reason ? { reason: request.reason } : {}),
      };
    } else {
      accountChangeFrom(trail.bankAccountChanges, update);
    }
  }

  for (const call of run.activities) {
    const membership = activityOf(call, 'checkMembership');
    const escalation = activityOf(call, 'escalate');
    const assessment = activityOf(call, 'recordAssessment');
    const notification = activityOf(call, 'notifyFamily');
    const closing = activityOf(call, 'recordClosing');
    if (membership?.result && call.status === 'completed') {
      const check = membership.result;
      trail.membership = check.eligible
        ? { at: call.scheduledAt, eligible: true, ...check.facts }
        : { at: call.scheduledAt, eligible: false, reason: check.reason };
    } else if (escalation) {
      const [, , due] = escalation.args;
      trail.escalation = { at: call.scheduledAt, ...(typeof due === 'string' ? { due } : {}) };
    } else if (assessment) {
      // A local call's marker has no arguments: the activity answers with the assessment it recorded.
      const a = call.local ? assessment.result : assessment.args[2];
      if (!a) continue;
      trail.assessment = {
        at: call.scheduledAt,
        regulation: a.regulation,
        inputs: a.inputs,
        components: a.components,
        total: a.total,
        ...(a.employerLiability ? { employerLiability: a.employerLiability } : {}),
        notes: a.notes,
        ...(a.recipients ? { recipients: a.recipients } : {}),
      };
    } else if (activityOf(call, 'payout')) {
      trail.payouts.push(payout(call));
    } else if (notification) {
      const kind = call.local ? notification.result?.kind : notification.args[1];
      trail.notifications.push({ kind: String(kind), at: call.scheduledAt });
    } else if (closing?.result) {
      trail.notifications.push({ kind: closing.result.kind, at: call.scheduledAt });
    }
  }

  if (run.close) {
    const outcome = run.close.result as ClaimOutcome | undefined;
    trail.outcome =
      run.close.status === 'completed' && outcome
        ? {
            status: outcome.status,
            at: run.close.at,
            ...(outcome.reason ? { reason: outcome.reason } : {}),
            total: outcome.total,
          }
        : {
            status: run.close.status,
            at: run.close.at,
            ...(run.close.failure ? { reason: run.close.failure } : {}),
          };
  }
}

/** Rebuilds the trail from the claim's runs, then its scholarship runs (as fetchClaimHistories orders them). */
export async function buildDecisionTrail(
  runs: readonly RunHistory[],
  converter: LoadedDataConverter,
): Promise<DecisionTrail> {
  const trail: DecisionTrail = {
    verifications: [],
    bankAccountChanges: [],
    employerSettlements: [],
    reimbursementDecisions: [],
    payouts: [],
    notifications: [],
    patches: [],
    scholarships: [],
  };
  for (const run of runs) {
    const calls = await readRun(run, converter);
    if (run.workflowType === 'claimWorkflow') claimTrail(trail, calls);
    else if (run.workflowType === 'accidentWorkflow') trail.accident = accidentTrail(calls);
    else scholarshipTrail(trail.scholarships, calls);
  }
  return trail;
}
