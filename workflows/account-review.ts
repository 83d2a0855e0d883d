// A change of payee takes two people, for a claim and a scholarship alike: the validator of the review update. The
// reviewer is staff, neither the filer, the verifier nor the proposer, a supervisor above the threshold or for a
// holder who is not entitled (rules/maker-checker.ts), and says how the holder's identity was checked and why.
import { patched } from '@temporalio/workflow';
import { accountReviewRefusal } from '../rules/maker-checker';
import { isText, TEXT_MESSAGE } from '../rules/text';
import { FailureType } from '../vocabulary/failures';
import { NOTE_MAX } from '../vocabulary/limits';
import type { AccountReviewState, ReviewAccountChangeRequest } from '../vocabulary/messages/claim';
import { isOfficerOrSupervisor, refuse, refuseBy } from './actors';

/** Runs that took a new account before this patch paid it at once; histories recorded then replay so. */
export const ACCOUNT_CHANGE_REVIEWED_PATCH = 'account-change-reviewed';

/**
 * Whether a new account waits for a second person's review. Asked when an account is proposed, so a claim or a
 * scholarship already running when the rule came in follows it for every account proposed since.
 */
export function accountChangeReviewed(): boolean {
  return patched(ACCOUNT_CHANGE_REVIEWED_PATCH);
}

export interface ReviewFacts {
  /** A proposal is waiting for review, and nothing else is being recorded. */
  waiting: boolean;
  proposal: AccountReviewState | undefined;
  filedBy: string | undefined;
  verifiedBy: string | undefined;
  /** What the account stands to receive, in whole rupiah. */
  amount: number | undefined;
}

export function validateAccountReview(
  facts: ReviewFacts,
  { actor, decision, identityCheck, reason }: ReviewAccountChangeRequest,
): void {
  if (!isOfficerOrSupervisor(actor)) {
    refuse('Only an officer or a supervisor may review a change of bank account.', FailureType.Forbidden);
  }
  if (!facts.waiting || !facts.proposal) {
    refuse('No change of bank account is waiting for review.', FailureType.WrongState);
  }
  for (const [field, value] of [
    ['identityCheck', identityCheck],
    ['reason', reason],
  ] as const) {
    if (!isText(value, NOTE_MAX) || value.trim().length === 0) {
      refuse(
        `${field} must be given, at most ${NOTE_MAX} characters, ${TEXT_MESSAGE}`,
        FailureType.InvalidInput,
      );
    }
  }
  const refusal = accountReviewRefusal({
    reviewerId: actor.id,
    reviewerRole: actor.role,
    filedBy: facts.filedBy,
    verifiedBy: facts.verifiedBy,
    proposedBy: facts.proposal.proposedBy,
    decision,
    amount: facts.amount,
    holderMatches: facts.proposal.holderMatches,
    reason,
  });
  if (refusal) refuseBy(refusal);
}
