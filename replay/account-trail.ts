// Each new bank account in a history, a claim's or a scholarship's: who proposed it (masked) and, since patch
// 'account-change-reviewed', who reviewed it, how the holder's identity was checked and why.
import { maskDigits } from '../vocabulary/masking';
import { reviewAccountChangeUpdate, updateBankAccountUpdate } from '../vocabulary/messages/claim';
import { actedBy, type ActedBy } from './acted-by';
import { updateOf, type UpdateCall } from './events';

export type AccountChangeTrail = ActedBy & {
  revision?: number;
  bankCode: string;
  accountNumber: string;
  review?: ActedBy & { decision: 'approve' | 'reject'; identityCheck: string; reason: string };
};

/** Adds a completed updateBankAccount or reviewAccountChange to `changes`; false for any other update. */
export function accountChangeFrom(changes: AccountChangeTrail[], update: UpdateCall): boolean {
  const account = updateOf(update, updateBankAccountUpdate);
  const review = updateOf(update, reviewAccountChangeUpdate);
  if (account) {
    const { request, result } = account;
    // A proposal answers with the revision paid to until its review; the account becomes the next one.
    const revision =
      result === undefined
        ? undefined
        : result.accountRevision + (result.status === 'waiting_for_account_review' ? 1 : 0);
    changes.push({
      ...actedBy(request.actor),
      at: update.acceptedAt,
      ...(revision !== undefined ? { revision } : {}),
      bankCode: request.bankAccount.bankCode,
      accountNumber: maskDigits(request.bankAccount.accountNumber),
    });
    return true;
  }
  if (review) {
    const { request } = review;
    const proposed = [...changes].reverse().find((change) => change.review === undefined);
    if (proposed) {
      proposed.review = {
        ...actedBy(request.actor),
        at: update.acceptedAt,
        decision: request.decision,
        identityCheck: request.identityCheck,
        reason: request.reason,
      };
    }
    return true;
  }
  return false;
}
