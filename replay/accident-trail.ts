// The decision trail of an accident case, from its history alone: who recorded and confirmed the finding, who
// recorded, verified and decided each item, who submitted and decided the closing, the return-to-work steps, and
// each payment with its key. No national ID and no full account number enters it (bills' accounts are not copied).
import type { AccidentInput } from '../vocabulary/accident';
import {
  confirmFindingUpdate,
  decideClosingUpdate,
  decideItemUpdate,
  recordEmployerPaymentUpdate,
  recordFindingUpdate,
  recordItemUpdate,
  returnToWorkUpdate,
  submitClosingUpdate,
  verifyItemUpdate,
  type AccidentOutcome,
} from '../vocabulary/messages/accident';
import { actedBy, type ActedBy } from './acted-by';
import { activityOf, updateOf, type RunCalls, type UpdateCall } from './events';

export type AccidentStep = ActedBy & { step: string; detail: Record<string, unknown> };

export interface AccidentTrail {
  claimNumber: string;
  filed: ActedBy & { accidentDate: string; accidentKind: string; reportedAt: string };
  /** Each officer's or supervisor's step, in the order the case accepted them. */
  steps: AccidentStep[];
  payouts: { component: string; amount: number; status: string; idempotencyKey?: string; at: string }[];
  outcome?: { status: string; at: string; reason?: string; paid?: number; deathClaimNumber?: string };
}

/** The step an accepted update recorded, or undefined for an update that is not the accident's. */
function stepOf(
  update: UpdateCall,
): { step: string; actor: unknown; detail: Record<string, unknown> } | undefined {
  const finding = updateOf(update, recordFindingUpdate);
  if (finding)
    return {
      step: 'finding_recorded',
      actor: finding.request.actor,
      detail: { finding: finding.request.finding, reasons: finding.request.reasons },
    };
  const confirm = updateOf(update, confirmFindingUpdate);
  if (confirm)
    return {
      step: 'finding_decided',
      actor: confirm.request.actor,
      detail: { decision: confirm.request.decision, reason: confirm.request.reason },
    };
  const item = updateOf(update, recordItemUpdate);
  if (item) {
    const r = item.request;
    const what =
      r.kind === 'treatment'
        ? {
            provider: r.treatment.provider,
            claimed: r.treatment.amount,
            payTo: r.treatment.payTo,
            ...(r.treatment.mode ? { mode: r.treatment.mode } : {}),
          }
        : { from: r.incapacity.from, to: r.incapacity.to };
    const given = r.kind === 'treatment' ? r.treatment : r.incapacity;
    return {
      step: 'item_recorded',
      actor: r.actor,
      detail: {
        kind: r.kind,
        ...what,
        ...(given.employerPaymentRef
          ? { employerPaymentRef: given.employerPaymentRef, employerPaidOn: given.employerPaidOn }
          : {}),
        ...(item.result ? { itemNumber: item.result.itemNumber, amount: item.result.amount } : {}),
      },
    };
  }
  const verify = updateOf(update, verifyItemUpdate);
  if (verify)
    return {
      step: 'item_verified',
      actor: verify.request.actor,
      detail: { itemNumber: verify.request.itemNumber },
    };
  const decide = updateOf(update, decideItemUpdate);
  if (decide)
    return {
      step: 'item_decided',
      actor: decide.request.actor,
      detail: {
        itemNumber: decide.request.itemNumber,
        decision: decide.request.decision,
        reason: decide.request.reason,
      },
    };
  const closing = updateOf(update, submitClosingUpdate);
  if (closing)
    return {
      step: 'closing_submitted',
      actor: closing.request.actor,
      detail: {
        outcome: closing.request.closing.outcome,
        closedOn: closing.request.closing.closedOn,
        ...(closing.request.closing.employerPaymentRef
          ? {
              employerPaymentRef: closing.request.closing.employerPaymentRef,
              employerPaidOn: closing.request.closing.employerPaidOn,
            }
          : {}),
        ...(closing.result ? { total: closing.result.total } : {}),
      },
    };
  const closed = updateOf(update, decideClosingUpdate);
  if (closed)
    return {
      step: 'closing_decided',
      actor: closed.request.actor,
      detail: { decision: closed.request.decision, reason: closed.request.reason },
    };
  // Employer liable: the employer's proof that it paid first (an item's or the closing's), which the approver checks.
  const proof = updateOf(update, recordEmployerPaymentUpdate);
  if (proof)
    return {
      step: 'employer_payment_recorded',
      actor: proof.request.actor,
      detail: {
        ...(proof.request.itemNumber !== undefined
          ? { itemNumber: proof.request.itemNumber }
          : { closing: true }),
        employerPaymentRef: proof.request.employerPaymentRef,
        employerPaidOn: proof.request.employerPaidOn,
      },
    };
  const rtw = updateOf(update, returnToWorkUpdate);
  if (rtw)
    return {
      step: `return_to_work_${rtw.request.step.step}`,
      actor: rtw.request.actor,
      detail: { ...(rtw.request.step.outcome ? { outcome: rtw.request.step.outcome } : {}) },
    };
  return undefined;
}

export function accidentTrail(run: RunCalls): AccidentTrail {
  const input = run.input[0] as AccidentInput;
  const trail: AccidentTrail = {
    claimNumber: input.claimNumber,
    filed: {
      by: input.createdBy,
      at: run.startedAt,
      accidentDate: input.accidentDate,
      accidentKind: input.accidentKind,
      reportedAt: input.reportedAt,
    },
    steps: [],
    payouts: [],
  };
  for (const update of run.updates) {
    if (update.status === 'failed') continue; // refused: nothing was recorded
    const step = stepOf(update);
    if (step)
      trail.steps.push({
        ...actedBy(step.actor as Parameters<typeof actedBy>[0]),
        at: update.acceptedAt,
        step: step.step,
        detail: step.detail,
      });
  }
  for (const call of run.activities) {
    const payout = activityOf(call, 'payout');
    if (!payout) continue;
    const [req] = payout.args;
    const res = payout.result;
    trail.payouts.push({
      component: req.component,
      amount: req.amount,
      status: call.status === 'completed' ? (res?.status ?? 'unknown') : call.status,
      ...(res ? { idempotencyKey: res.idempotencyKey } : {}),
      at: call.scheduledAt,
    });
  }
  if (run.close) {
    const outcome = run.close.result as AccidentOutcome | undefined;
    trail.outcome =
      outcome && run.close.status === 'completed'
        ? {
            status: outcome.status,
            at: run.close.at,
            ...(outcome.reason ? { reason: outcome.reason } : {}),
            paid: outcome.paid,
            ...(outcome.deathClaimNumber ? { deathClaimNumber: outcome.deathClaimNumber } : {}),
          }
        : { status: run.close.status, at: run.close.at };
  }
  return trail;
}
