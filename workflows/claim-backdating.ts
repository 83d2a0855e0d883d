// A backdated claim date: the claim waits for a supervisor (never the filer) to approve the earlier date with a
// reason, or to refuse it, when the claim date becomes the day the claim reached the system. Expiry and the service
// level then count to the decided date. Added while claims were running, so behind a patch (README, "Backdating").
import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { backdatingRefusal } from '../rules/backdating';
import { isText, TEXT_MESSAGE } from '../rules/text';
import { actorId } from '../vocabulary/actors';
import { FailureType } from '../vocabulary/failures';
import { NOTE_MAX } from '../vocabulary/limits';
import {
  decideBackdatingUpdate,
  type DecideBackdatingRequest,
  type DecideBackdatingResult,
} from '../vocabulary/messages/claim';
import { RECORDING } from './activity-options';
import { refuse } from './actors';
import type { ClaimCase } from './claim-case';

const records = proxyActivities<Activities>(RECORDING);

export const CLAIM_DATE_BACKDATING_PATCH = 'claim-date-backdating';

const REFUSAL_TYPES = {
  'maker-checker': FailureType.MakerChecker,
  'supervisor-required': FailureType.SupervisorRequired,
} as const;

/** Registers the backdating update: call before the claim's first await. */
export function registerBackdatingHandler(claim: ClaimCase): void {
  // An update: the supervisor learns at once whether they may decide, and the claim date decided.
  setHandler(decideBackdatingUpdate, (request) => decideBackdating(claim, request), {
    validator: (request) => validateBackdating(claim, request),
  });
}

/** The claim waits, on record, until a supervisor decides its claim date; the claim goes on with that date. */
export async function waitForBackdatingDecision(claim: ClaimCase): Promise<void> {
  const backdating = claim.input.backdating!;
  claim.status = 'waiting_for_backdating_approval';
  await records.recordStep(
    claim.claimNumber,
    claim.step('backdating_requested', claim.input.createdBy, {
      claimDate: claim.input.claimDate,
      receivedDate: backdating.receivedDate,
      reason: backdating.reason,
    }),
    claim.status,
  );
  await condition(() => claim.backdatingDecided);
}

async function decideBackdating(
  claim: ClaimCase,
  { actor, decision, reason }: DecideBackdatingRequest,
): Promise<DecideBackdatingResult> {
  claim.busy = true;
  try {
    const claimDate = decision === 'approve' ? claim.input.claimDate : claim.input.backdating!.receivedDate;
    await records.recordClaimDateDecision(
      claim.claimNumber,
      claim.step(decision === 'approve' ? 'backdating_approved' : 'backdating_refused', actorId(actor), {
        reason,
        claimDate,
      }),
      claimDate,
    );
    claim.input = { ...claim.input, claimDate };
    claim.backdatingDecided = true;
    claim.status = 'received';
    return { decision, claimDate };
  } finally {
    claim.busy = false;
  }
}

function validateBackdating(claim: ClaimCase, { actor, reason }: DecideBackdatingRequest): void {
  if (actor.kind !== 'staff')
    refuse('Only a supervisor may decide a backdated claim date.', FailureType.Forbidden);
  const refusal = backdatingRefusal({
    deciderId: actor.id,
    deciderRole: actor.role,
    filedBy: claim.input.createdBy,
  });
  if (refusal) refuse(refusal.message, REFUSAL_TYPES[refusal.rule]);
  if (claim.status !== 'waiting_for_backdating_approval' || claim.busy || claim.backdatingDecided) {
    refuse(
      `The claim is not waiting for its claim date to be approved (status: ${claim.status}).`,
      FailureType.WrongState,
    );
  }
  if (!isText(reason, NOTE_MAX) || reason.trim().length === 0) {
    refuse(`reason must be 1 to ${NOTE_MAX} characters, ${TEXT_MESSAGE}`, FailureType.InvalidInput);
  }
}
