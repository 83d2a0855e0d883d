// A change of payee, for a claim or a scholarship: the proposal (with whether the holder is entitled, by
// rules/account-holder.ts) and its review by a second person. Each writes its step, the change's row and the notices
// to the family and to the holder of the account paid to until now, in one transaction, once.
import type { Db } from '../db/config';
import { createStores, type Audience, type NewNotification, type Stores } from '../db/stores';
import { claimPayeeNames, holderMatches, scholarshipPayeeNames } from '../rules/account-holder';
import type {
  AccountProposalRecord,
  AccountReviewRecord,
  ScholarshipProjection,
  ScholarshipRef,
  StepEvent,
} from '../vocabulary/activities';
import { maskDigits } from '../vocabulary/masking';
import type { ClaimStatus } from '../vocabulary/status';

const REVIEWED = { approve: 'approved', reject: 'rejected' } as const;

/** Who is told of a change of payee: the family, and whoever held the account paid to until now. */
const TOLD: Audience[] = ['family', 'account_holder'];

function notices(
  workflowId: string,
  claimNumber: string,
  kind: string,
  proposal: number,
  message: string,
): NewNotification[] {
  return TOLD.map((audience) => ({
    dedupKey: `${workflowId}:${kind}:p${proposal}:${audience}`,
    claimNumber,
    audience,
    kind,
    message,
  }));
}

function proposedMessage(what: string, p: AccountProposalRecord): string {
  return (
    `A new bank account (${p.account.bankCode} ${maskDigits(p.account.accountNumber)}) was proposed for ${what}, ` +
    `in place of ${p.previousHolder}'s account. A second staff member checks it before anything is paid to it; ` +
    'if you did not ask for this, call BPJS Ketenagakerjaan at once.'
  );
}

function reviewedMessage(what: string, r: AccountReviewRecord): string {
  return r.approved
    ? `The new bank account (${r.approved.bankCode} ${maskDigits(r.approved.accountNumber)}) for ${what} was ` +
        `approved and replaces ${r.previousHolder}'s account from now on.`
    : `The new bank account proposed for ${what} was not approved: ${r.reason}`;
}

async function addAll(tx: Stores, all: NewNotification[]): Promise<void> {
  for (const n of all) await tx.notifications.add(n);
}

export function createAccountChangeActivities(db: Db) {
  const stores = createStores(db);
  return {
    /** A new account proposed for a claim: the claim waits for its review. Returns whether the holder is an heir. */
    async proposeClaimAccountChange(
      claimNumber: string,
      event: StepEvent,
      proposal: AccountProposalRecord,
    ): Promise<{ holderMatches: boolean }> {
      return stores.transaction(async (tx) => {
        const heirs = await tx.claims.heirs(claimNumber);
        const matches = holderMatches(proposal.account.accountName, claimPayeeNames(heirs));
        if (await tx.claims.appendEvent(claimNumber, event, { status: 'waiting_for_account_review' })) {
          await tx.accountChanges.propose(claimNumber, claimNumber, proposal, matches);
          const what = `claim ${claimNumber}`;
          await addAll(
            tx,
            notices(
              claimNumber,
              claimNumber,
              'account_change_proposed',
              proposal.proposal,
              proposedMessage(what, proposal),
            ),
          );
        }
        return { holderMatches: matches };
      });
    },

    /** The review of a claim's proposed account; approved, the claim pays to it from now on. */
    async reviewClaimAccountChange(
      claimNumber: string,
      event: StepEvent,
      review: AccountReviewRecord,
      status: ClaimStatus,
    ): Promise<void> {
      await stores.transaction(async (tx) => {
        const change = { status, ...(review.approved ? { bankAccount: review.approved } : {}) };
        if (!(await tx.claims.appendEvent(claimNumber, event, change))) return;
        await tx.accountChanges.review(claimNumber, review);
        const what = `claim ${claimNumber}`;
        await addAll(
          tx,
          notices(
            claimNumber,
            claimNumber,
            `account_change_${REVIEWED[review.decision]}`,
            review.proposal,
            reviewedMessage(what, review),
          ),
        );
      });
    },

    /** A new account proposed for a scholarship. Returns whether the holder is the child or the child's guardian. */
    async proposeScholarshipAccountChange(
      ref: ScholarshipRef,
      event: StepEvent,
      projection: ScholarshipProjection,
      proposal: AccountProposalRecord,
    ): Promise<{ holderMatches: boolean; filedBy?: string; verifiedBy?: string }> {
      return stores.transaction(async (tx) => {
        // One after the other: a transaction's queries share one connection.
        const claim = await tx.claims.find(ref.claimNumber);
        const heirs = await tx.claims.heirs(ref.claimNumber);
        const children = await tx.claims.children(ref.claimNumber);
        const child = children.find((c) => c.position === ref.childPosition);
        const matches = holderMatches(
          proposal.account.accountName,
          scholarshipPayeeNames(child?.name, heirs),
        );
        if (await tx.scholarships.appendEvent(ref, event)) {
          await tx.scholarships.writeProjection(ref, event.seq, projection);
          await tx.accountChanges.propose(ref.workflowId, ref.claimNumber, proposal, matches);
          const what = `the scholarship ${ref.workflowId}`;
          await addAll(
            tx,
            notices(
              ref.workflowId,
              ref.claimNumber,
              'scholarship_account_change_proposed',
              proposal.proposal,
              proposedMessage(what, proposal),
            ),
          );
        }
        return {
          holderMatches: matches,
          ...(claim ? { filedBy: claim.created_by } : {}),
          ...(claim?.verified_by ? { verifiedBy: claim.verified_by } : {}),
        };
      });
    },

    /** The review of a scholarship's proposed account; approved, the scholarship pays to it from now on. */
    async reviewScholarshipAccountChange(
      ref: ScholarshipRef,
      event: StepEvent,
      projection: ScholarshipProjection,
      review: AccountReviewRecord,
    ): Promise<void> {
      await stores.transaction(async (tx) => {
        if (!(await tx.scholarships.appendEvent(ref, event))) return;
        await tx.scholarships.writeProjection(ref, event.seq, projection);
        await tx.accountChanges.review(ref.workflowId, review);
        const what = `the scholarship ${ref.workflowId}`;
        await addAll(
          tx,
          notices(
            ref.workflowId,
            ref.claimNumber,
            `scholarship_account_change_${REVIEWED[review.decision]}`,
            review.proposal,
            reviewedMessage(what, review),
          ),
        );
      });
    },
  };
}
