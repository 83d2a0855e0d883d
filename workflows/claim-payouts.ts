// Paying an approved claim: each component once, with its own ledger row and key <claimNumber>:<component>. A
// refused account waits for a new one and that component is paid again; a payout that fails for good is recorded,
// put before a supervisor, and waits for staff to change the account; late payment adds its own component.
import {
  ActivityFailure,
  ApplicationFailure,
  condition,
  isCancellation,
  patched,
  proxyActivities,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import { jakartaDate, lateCompensation, type BenefitComponent } from '../rules';
import { PAYING, RECORDING } from './activity-options';
import type { ClaimCase } from './claim-case';
import type { PayoutResult } from '../vocabulary/activities';

const records = proxyActivities<Activities>(RECORDING);
const payments = proxyActivities<Activities>(PAYING);

const LATE_COMPENSATION = 'late_compensation';
/** Claims started before late-payment compensation existed replay without it. */
export const LATE_COMPENSATION_PATCH = 'late-payment-compensation';
/**
 * Late compensation counts only the agency's delay: working days the claim waited on the family (a new account after
 * a refusal) stop its clock. Claims that reached their late compensation before it count every working day.
 */
export const LATE_COMPENSATION_AGENCY_DELAY_PATCH = 'late-compensation-agency-delay';
/** Before it, a payout that failed for good failed the claim's workflow; histories recorded then replay so. */
export const PAYOUT_FAILURE_PATCH = 'payout-failure-waits-for-staff';

/** Pays every component with an amount, in the assessment's order. */
export async function payComponents(
  claim: ClaimCase,
  components: readonly BenefitComponent[],
): Promise<void> {
  const toPay = components.filter((c) => c.amount > 0);
  claim.pendingComponents.push(...toPay.map((c) => c.code));
  for (const component of toPay) await payComponent(claim, component.code, component.amount);
}

/**
 * Paid after the service level (3 working days from the complete file for JKM, 7 for JKK): 1% of the benefit per
 * working day of the agency's delay beyond it (the days the claim waited on the family do not count), as its own
 * component (own ledger row, key <claimNumber>:late_compensation). Returns the amount.
 */
export async function payLateCompensation(
  claim: ClaimCase,
  benefit: number,
  completeFileDate: string,
): Promise<number> {
  const paidDate = jakartaDate(Date.now());
  const familyWaits = patched(LATE_COMPENSATION_AGENCY_DELAY_PATCH) ? claim.familyWaitsUntil(paidDate) : [];
  const late = lateCompensation({
    program: claim.input.program,
    benefit,
    completeFileDate,
    paidDate,
    familyWaits,
  });
  if (late.amount <= 0) return 0;
  claim.pendingComponents.push(LATE_COMPENSATION);
  await records.recordStep(
    claim.claimNumber,
    claim.step('late_compensation_assessed', undefined, { ...late, completeFileDate, paidDate, familyWaits }),
  );
  await payComponent(claim, LATE_COMPENSATION, late.amount);
  return late.amount;
}

/**
 * Pays one component once; after the bank refuses the account, waits for a new one and pays again. A payout that
 * fails for good (the gateway refuses the request itself) waits for staff to give another account, then pays again.
 */
async function payComponent(claim: ClaimCase, code: string, amount: number): Promise<void> {
  for (;;) {
    let result: PayoutResult;
    // The new shape (claim-shape.ts): the payout records its own payout_paid event, numbered now, taken if paid.
    const paid = { component: code, amount };
    try {
      result = await payments.payout({
        claimNumber: claim.claimNumber,
        component: code,
        amount,
        account: claim.account,
        accountRevision: claim.accountRevision,
        ...(claim.fewerRoundTrips ? { paidEvent: claim.nextStep('payout_paid', undefined, paid) } : {}),
      });
    } catch (err) {
      if (!(err instanceof ActivityFailure) || isCancellation(err) || !patched(PAYOUT_FAILURE_PATCH))
        throw err;
      await waitForStaff(claim, code, amount, err);
      continue;
    }
    if (result.status === 'paid') {
      const event = claim.step('payout_paid', undefined, {
        ...paid,
        idempotencyKey: result.idempotencyKey,
        gatewayReference: result.gatewayReference,
      });
      if (!claim.fewerRoundTrips) await records.recordStep(claim.claimNumber, event);
      claim.pendingComponents.splice(claim.pendingComponents.indexOf(code), 1);
      return;
    }
    await waitForNewAccount(claim, code, result.failureCode);
  }
}

/** The bank refused the account: the family is told, and the claim waits for the updateBankAccount update. */
async function waitForNewAccount(claim: ClaimCase, code: string, failureCode: string): Promise<void> {
  claim.status = 'waiting_for_bank_account';
  const revision = claim.accountRevision;
  // The family owes a new account: late compensation's clock stops until it arrives (replaceBankAccount ends the wait).
  claim.familyWaits.push({ reason: 'new_bank_account', from: jakartaDate(Date.now()) });
  await records.recordStep(
    claim.claimNumber,
    claim.step('payout_refused', undefined, { component: code, failureCode }),
    claim.status,
    'The bank refused the account. Please provide another bank account.',
  );
  await records.notifyFamily(
    claim.claimNumber,
    `account_refused_r${revision}`,
    `The bank refused the account for claim ${claim.claimNumber}. Please give the officer another account.`,
  );
  await condition(() => claim.accountRevision > revision);
}

/** The payout failed for good: recorded, a supervisor's task opened, and the claim waits for staff's new account. */
async function waitForStaff(claim: ClaimCase, code: string, amount: number, failure: ActivityFailure) {
  claim.status = 'payout_failed';
  const revision = claim.accountRevision;
  const cause = failure.cause;
  const failureType =
    (cause instanceof ApplicationFailure ? cause.type : undefined) ?? cause?.name ?? 'unknown';
  await records.recordPayoutFailure(
    claim.claimNumber,
    claim.step('payout_failed', undefined, {
      component: code,
      amount,
      accountRevision: revision,
      failureType,
    }),
    {
      component: code,
      amount,
      accountRevision: revision,
      failureType,
      message: cause?.message ?? failure.message,
    },
  );
  await condition(() => claim.accountRevision > revision);
}
