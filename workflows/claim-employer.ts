// JKK with the employer more than 3 months in arrears at the accident (rules/employer-pays-first.ts): the benefit is
// assessed and decided as usual, but the employer pays the heirs first. The claim waits for an officer's record of
// the settled arrears and the employer's proof that it paid the heirs, then for a supervisor's approval (another
// person: the money goes to the employer instead of the heirs), then pays the reimbursement to the employer, once.
import {
  ActivityFailure,
  ApplicationFailure,
  condition,
  isCancellation,
  proxyActivities,
  setHandler,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import { reimbursementDeciderRefusal, reimbursementRefusal, type ArrearsPayout } from '../rules';
import { isText, TEXT_MESSAGE } from '../rules/text';
import { actorId } from '../vocabulary/actors';
import type * as ClaimSchemas from '../vocabulary/claim';
import { FailureType } from '../vocabulary/failures';
import { NOTE_MAX } from '../vocabulary/limits';
import {
  DECISIONS,
  decideReimbursementUpdate,
  recordEmployerSettlementUpdate,
  type DecideReimbursementRequest,
  type DecideReimbursementResult,
  type RecordEmployerSettlementRequest,
  type RecordEmployerSettlementResult,
} from '../vocabulary/messages/claim';
import { PAYING, RECORDING } from './activity-options';
import { isOfficerOrSupervisor, refuse } from './actors';
import type { ClaimCase } from './claim-case';

const records = proxyActivities<Activities>(RECORDING);
const payments = proxyActivities<Activities>(PAYING);

/** Claims started before it paid the heirs whatever the arrears; their histories replay so. */
export const EMPLOYER_PAYS_FIRST_PATCH = 'employer-pays-first';
/** The ledger component (key <claimNumber>:employer_reimbursement) of the agency's payment to the employer. */
export const EMPLOYER_REIMBURSEMENT = 'employer_reimbursement';

const REFUSAL_TYPES = {
  'maker-checker': FailureType.MakerChecker,
  'supervisor-required': FailureType.SupervisorRequired,
} as const;

/** Registers the two updates: call before the claim's first await (they refuse everything until the claim holds). */
export function registerEmployerHandlers(claim: ClaimCase): void {
  // An update: the officer learns at once whether the settlement was accepted, and what is wrong with it.
  setHandler(recordEmployerSettlementUpdate, (request) => recordSettlement(claim, request), {
    validator: (request) => validateSettlement(claim, request),
  });
  // An update: the supervisor learns at once that they may not approve a settlement they recorded.
  setHandler(decideReimbursementUpdate, (request) => decideReimbursement(claim, request), {
    validator: (request) => validateReimbursementDecision(claim, request),
  });
}

/**
 * Holds the decided benefit as "the employer pays first", then pays `amount` to the employer's account once a
 * settlement is recorded and approved; a refused or failed transfer waits for a new record with another account.
 */
export async function reimburseEmployer(
  claim: ClaimCase,
  arrears: ArrearsPayout,
  employerId: string,
  amount: number,
): Promise<void> {
  claim.employerFirst = { amount, employerId, accountRevision: 0 };
  claim.status = 'waiting_for_employer_payment';
  await records.recordStep(
    claim.claimNumber,
    claim.step('employer_pays_first', undefined, {
      amount,
      employerId,
      basis: arrears.basis,
      explanation: arrears.explanation,
    }),
    claim.status,
    arrears.explanation,
  );
  await records.notifyFamily(
    claim.claimNumber,
    'employer_pays_first',
    `Your claim ${claim.claimNumber} was approved for Rp ${amount.toLocaleString('en-US')}. The employer was more than 3 months behind on its contributions, so by regulation the employer pays you first; the agency reimburses the employer afterwards.`,
  );
  for (;;) {
    await condition(() => claim.settlement?.approved === true);
    const { employerAccount } = claim.settlement!;
    const revision = claim.employerFirst.accountRevision;
    const request = {
      claimNumber: claim.claimNumber,
      component: EMPLOYER_REIMBURSEMENT,
      amount,
      account: employerAccount,
      accountRevision: revision,
    };
    let refusal: string;
    try {
      const result = await payments.payout(request);
      if (result.status === 'paid') {
        await records.recordStep(
          claim.claimNumber,
          claim.step('employer_reimbursed', undefined, {
            employerId,
            amount,
            idempotencyKey: result.idempotencyKey,
            gatewayReference: result.gatewayReference,
          }),
        );
        return;
      }
      refusal = `The bank refused the employer's account (${result.failureCode}): record the settlement again with another account.`;
      claim.status = 'waiting_for_employer_payment';
      await records.recordReimbursementRefused(
        claim.claimNumber,
        claim.step('employer_reimbursement_refused', undefined, { failureCode: result.failureCode }),
        refusal,
      );
    } catch (err) {
      if (!(err instanceof ActivityFailure) || isCancellation(err)) throw err;
      claim.status = 'payout_failed';
      const cause = err.cause;
      const failureType =
        (cause instanceof ApplicationFailure ? cause.type : undefined) ?? cause?.name ?? 'unknown';
      await records.recordPayoutFailure(
        claim.claimNumber,
        claim.step('payout_failed', undefined, {
          component: EMPLOYER_REIMBURSEMENT,
          amount,
          accountRevision: revision,
          failureType,
        }),
        {
          component: EMPLOYER_REIMBURSEMENT,
          amount,
          accountRevision: revision,
          failureType,
          message: cause?.message ?? err.message,
          remedy:
            "the claim waits for the employer's settlement to be recorded again with another account (POST /claims/{claimNumber}/employer-settlement).",
        },
      );
    }
    // The next transfer goes to another account under its own gateway key; the ledger row stays one.
    claim.employerFirst.accountRevision = revision + 1;
    claim.settlement = undefined;
  }
}

/** Marks the claim busy while `act` records an officer's action, and frees it however the action ends. */
async function whileBusy<T>(claim: ClaimCase, act: () => Promise<T>): Promise<T> {
  claim.busy = true;
  try {
    return await act();
  } finally {
    claim.busy = false;
  }
}

function recordSettlement(
  claim: ClaimCase,
  { actor, ...settlement }: RecordEmployerSettlementRequest,
): Promise<RecordEmployerSettlementResult> {
  return whileBusy(claim, async () => {
    const held = claim.employerFirst!;
    const recordedBy = actorId(actor);
    await records.recordEmployerSettlement(
      claim.claimNumber,
      claim.step('employer_settlement_recorded', recordedBy, {
        arrearsSettlementReference: settlement.arrearsSettlementReference,
        proofOfPaymentReference: settlement.proofOfPaymentReference,
        amountPaidToHeirs: settlement.amountPaidToHeirs,
        paidToHeirsOn: settlement.paidToHeirsOn,
        accountRevision: held.accountRevision,
      }),
      { ...settlement, employerId: held.employerId, recordedBy, accountRevision: held.accountRevision },
    );
    claim.settlement = { ...settlement, recordedBy, approved: false };
    claim.status = 'waiting_for_reimbursement_approval';
    return { status: claim.status, reimbursement: held.amount };
  });
}

function validateSettlement(
  claim: ClaimCase,
  { actor, ...settlement }: RecordEmployerSettlementRequest,
): void {
  if (!isOfficerOrSupervisor(actor)) {
    refuse("Only an officer or a supervisor may record an employer's settlement.", FailureType.Forbidden);
  }
  const waiting = claim.status === 'waiting_for_employer_payment' || claim.status === 'payout_failed';
  if (!claim.employerFirst || !waiting || claim.settlement !== undefined || claim.busy) {
    refuse(
      `The claim is not waiting for an employer's settlement (status: ${claim.status}).`,
      FailureType.WrongState,
    );
  }
  // Loaded here, not at the top: a claim whose employer does not pay first loads no zod (rules/checks.ts says why).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { employerSettlementSchema } = require('../vocabulary/claim') as typeof ClaimSchemas;
  const parsed = employerSettlementSchema.safeParse(settlement);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join('.')).join(', '); // the fields, never the values
    refuse(`Invalid settlement: ${fields}`, FailureType.InvalidInput);
  }
  const short = reimbursementRefusal(claim.employerFirst.amount, settlement.amountPaidToHeirs);
  if (short) refuse(short, FailureType.InvalidInput);
}

function decideReimbursement(
  claim: ClaimCase,
  { actor, decision, reason }: DecideReimbursementRequest,
): Promise<DecideReimbursementResult> {
  return whileBusy(claim, async () => {
    const amount = claim.employerFirst!.amount;
    const decidedBy = actorId(actor);
    await records.recordReimbursementDecision(
      claim.claimNumber,
      claim.step(
        decision === 'approve' ? 'employer_reimbursement_approved' : 'employer_reimbursement_rejected',
        decidedBy,
        { reason, amount },
      ),
      { decision, decidedBy, reason },
    );
    if (decision === 'approve') {
      claim.settlement!.approved = true;
      claim.status = 'paying';
    } else {
      claim.settlement = undefined;
      claim.status = 'waiting_for_employer_payment';
    }
    return { decision, reimbursement: amount };
  });
}

function validateReimbursementDecision(
  claim: ClaimCase,
  { actor, decision, reason }: DecideReimbursementRequest,
): void {
  if (actor.kind !== 'staff' || actor.role === 'auditor') {
    refuse("Only a supervisor may decide an employer's reimbursement.", FailureType.Forbidden);
  }
  const settlement = claim.settlement;
  if (
    claim.status !== 'waiting_for_reimbursement_approval' ||
    !settlement ||
    settlement.approved ||
    claim.busy
  ) {
    refuse(
      `The claim has no employer's settlement awaiting a decision (status: ${claim.status}).`,
      FailureType.WrongState,
    );
  }
  const refusal = reimbursementDeciderRefusal({
    deciderId: actor.id,
    deciderRole: actor.role,
    recordedBy: settlement.recordedBy,
  });
  if (refusal) refuse(refusal.message, REFUSAL_TYPES[refusal.rule]);
  if (!DECISIONS.includes(decision)) refuse('decision must be approve or reject', FailureType.InvalidInput);
  if (reason.trim().length === 0) refuse('A decision needs a reason.', FailureType.InvalidInput);
  if (!isText(reason, NOTE_MAX)) {
    refuse(`reason must be at most ${NOTE_MAX} characters, ${TEXT_MESSAGE}`, FailureType.InvalidInput);
  }
}
