// A claim's new bank account after a refusal, and its review: a change of payee takes two people. The family or an
// officer proposes the account (updateBankAccount); nothing is paid to it until another staff member, neither the
// filer, the verifier nor the proposer, approves it (reviewAccountChange), after checking the holder's identity.
import { proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { RECORDING } from './activity-options';
import { accountChangeReviewed, validateAccountReview } from './account-review';
import { isAuditor, refuse } from './actors';
import { whileBusy, type ClaimCase } from './claim-case';
import { actorId } from '../vocabulary/actors';
import type * as ClaimSchemas from '../vocabulary/claim';
import { bankAccountOf } from '../vocabulary/claim-check';
import { FailureType } from '../vocabulary/failures';
import { jakartaDate } from '../rules/jakarta-time';
import {
  reviewAccountChangeUpdate,
  updateBankAccountUpdate,
  type ReviewAccountChangeRequest,
  type ReviewAccountChangeResult,
  type UpdateBankAccountRequest,
  type UpdateBankAccountResult,
} from '../vocabulary/messages/claim';

const records = proxyActivities<Activities>(RECORDING);

export function registerAccountHandlers(claim: ClaimCase): void {
  // An update: the caller learns at once whether the claim was waiting for a new account.
  setHandler(updateBankAccountUpdate, (request) => newBankAccount(claim, request), {
    validator: (request) => validateBankAccount(claim, request),
  });

  // An update: the reviewer learns at once whether they may review it (maker-checker) and what is paid to now.
  setHandler(reviewAccountChangeUpdate, (request) => reviewAccountChange(claim, request), {
    validator: (request) =>
      validateAccountReview(
        {
          waiting: claim.status === 'waiting_for_account_review' && !claim.busy,
          proposal: claim.proposal,
          filedBy: claim.input.createdBy,
          verifiedBy: claim.verifiedBy,
          amount: claim.total,
        },
        request,
      ),
  });
}

function newBankAccount(
  claim: ClaimCase,
  request: UpdateBankAccountRequest,
): Promise<UpdateBankAccountResult> {
  // The family delivered (the officer may bring its account): the late-compensation clock runs again for the agency,
  // also while staff review the account. A wait caused by staff's own failure never started.
  if (claim.status === 'waiting_for_bank_account') claim.endFamilyWait(jakartaDate(Date.now()));
  return accountChangeReviewed() ? proposeBankAccount(claim, request) : replaceBankAccount(claim, request);
}

/** Records the proposed account; the claim waits for its review and pays nothing to it meanwhile. */
function proposeBankAccount(
  claim: ClaimCase,
  { actor, bankAccount }: UpdateBankAccountRequest,
): Promise<UpdateBankAccountResult> {
  return whileBusy(claim, async () => {
    const proposedBy = actorId(actor);
    const revision = claim.accountRevision + 1;
    const event = claim.step('bank_account_proposed', proposedBy, { revision });
    const { holderMatches } = await records.proposeClaimAccountChange(claim.claimNumber, event, {
      proposal: event.seq,
      revision,
      account: bankAccount,
      proposedBy,
      previousHolder: claim.account.accountName,
    });
    claim.proposal = {
      seq: event.seq,
      account: bankAccount,
      proposedBy,
      proposedAt: new Date(Date.now()).toISOString(), // workflow time
      holderMatches,
      resumeStatus: claim.status,
    };
    claim.status = 'waiting_for_account_review';
    return { accountRevision: claim.accountRevision, status: 'waiting_for_account_review' };
  });
}

/** Approved: the account is paid to from now on and the refused component is paid again. Rejected: back to waiting. */
function reviewAccountChange(
  claim: ClaimCase,
  { actor, decision, identityCheck, reason }: ReviewAccountChangeRequest,
): Promise<ReviewAccountChangeResult> {
  return whileBusy(claim, async () => {
    const proposal = claim.proposal!;
    const reviewedBy = actorId(actor);
    const approved = decision === 'approve';
    const revision = claim.accountRevision + 1;
    const status = approved ? 'paying' : proposal.resumeStatus;
    await records.reviewClaimAccountChange(
      claim.claimNumber,
      claim.step(approved ? 'bank_account_approved' : 'bank_account_rejected', reviewedBy, {
        revision,
        proposedBy: proposal.proposedBy,
        role: actor.kind === 'staff' ? actor.role : undefined,
        holderMatches: proposal.holderMatches,
        identityCheck,
        reason,
      }),
      {
        proposal: proposal.seq,
        decision,
        reviewedBy,
        reviewerRole: actor.kind === 'staff' ? actor.role : 'family',
        identityCheck,
        reason,
        ...(approved ? { approved: { ...proposal.account, revision } } : {}),
        previousHolder: claim.account.accountName,
      },
      status,
    );
    claim.proposal = undefined;
    claim.status = status;
    // Rejected: the family owes another account again, and the clock stops again.
    if (status === 'waiting_for_bank_account')
      claim.familyWaits.push({ reason: 'new_bank_account', from: jakartaDate(Date.now()) });
    if (approved) {
      claim.account = proposal.account;
      claim.accountRevision = revision;
    }
    return { decision, accountRevision: claim.accountRevision };
  });
}

/** Before patch 'account-change-reviewed': the account replaced the refused one at once. */
function replaceBankAccount(
  claim: ClaimCase,
  { actor, bankAccount }: UpdateBankAccountRequest,
): Promise<UpdateBankAccountResult> {
  return whileBusy(claim, async () => {
    const revision = claim.accountRevision + 1;
    await records.recordBankAccount(
      claim.claimNumber,
      claim.step('bank_account_replaced', actorId(actor), { revision }),
      { ...bankAccount, revision },
    );
    claim.account = bankAccount;
    claim.accountRevision = revision;
    claim.status = 'paying';
    return { accountRevision: revision };
  });
}

function validateBankAccount(claim: ClaimCase, { actor, bankAccount }: UpdateBankAccountRequest): void {
  if (isAuditor(actor)) refuse('Auditors may not change a bank account.', FailureType.Forbidden);
  // The schema (and zod) is loaded only to name the fields of an account the zod-free check did not take.
  if (bankAccountOf(bankAccount) === undefined) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { bankAccountSchema } = require('../vocabulary/claim') as typeof ClaimSchemas;
    const account = bankAccountSchema.safeParse(bankAccount);
    if (!account.success) {
      const fields = account.error.issues.map((i) => i.path.join('.')).join(', '); // the fields, never the values
      refuse(`Invalid bank account: ${fields}`, FailureType.InvalidInput);
    }
  }
  // The employer pays the heirs first: the agency pays only the employer, to the account recorded with its settlement.
  if (claim.employerFirst) {
    refuse(
      "The employer pays the heirs first: record the employer's settlement with its account instead.",
      FailureType.WrongState,
    );
  }
  // After a payout failed for good, staff decide what to change: the family's page says a supervisor will call.
  if (claim.status === 'payout_failed' && actor.kind === 'family') {
    refuse(
      'The claim waits for staff: a supervisor is looking into the failed payment.',
      FailureType.WrongState,
    );
  }
  if (claim.status === 'waiting_for_account_review') {
    refuse('A new bank account is already waiting for review.', FailureType.WrongState);
  }
  const waiting = claim.status === 'waiting_for_bank_account' || claim.status === 'payout_failed';
  if (!waiting || claim.busy) {
    refuse(`The claim is not waiting for a bank account (status: ${claim.status}).`, FailureType.WrongState);
  }
}
