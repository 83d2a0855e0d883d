// The claim's messages: the claimState query and the verify and decide updates (a new account: claim-account.ts),
// each a named handler with a named validator. A validator refuses the wrong actor or state before anything enters
// the history.
import { setHandler } from '@temporalio/workflow';
import { decisionRefusal } from '../rules';
import { isOfficerOrSupervisor, refuse, refuseBy } from './actors';
import { registerAccountHandlers } from './claim-account';
import { recorder } from './claim-shape';
import { actorId } from '../vocabulary/actors';
import { whileBusy, type ClaimCase } from './claim-case';
import {
  claimStateQuery,
  decideUpdate,
  verifyUpdate,
  type DecideRequest,
  type DecideResult,
  type VerifyRequest,
  type VerifyResult,
} from '../vocabulary/messages/claim';
import { DOCUMENTS, requiredDocuments } from '../vocabulary/documents';
import { FailureType } from '../vocabulary/failures';
import { BEFORE_DECISION } from '../vocabulary/status';
import { NOTE_MAX } from '../vocabulary/limits';
import { isText, TEXT_MESSAGE } from '../rules/text';

// The same checks the API makes, so an update sent around it cannot record what PostgreSQL refuses.
const NOTE_REFUSAL = `must be at most ${NOTE_MAX} characters, ${TEXT_MESSAGE}`;

/** Registers the claim's query and updates: call before the claim's first await. */
export function registerClaimHandlers(claim: ClaimCase): void {
  setHandler(claimStateQuery, () => claim.state());

  // An update: the officer learns at once whether the checklist was accepted and what is missing.
  setHandler(verifyUpdate, (request) => verify(claim, request), {
    validator: (request) => validateVerification(claim, request),
  });

  // An update: the approver must learn at once that they may not approve their own verification.
  setHandler(decideUpdate, (request) => decide(claim, request), {
    validator: (request) => validateDecision(claim, request),
  });

  // updateBankAccount and reviewAccountChange: a change of payee takes two people.
  registerAccountHandlers(claim);
}

/** Records the documents checklist; a complete one lets the main path go on to the assessment. */
function verify(claim: ClaimCase, { actor, checklist, note }: VerifyRequest): Promise<VerifyResult> {
  return whileBusy(claim, async () => {
    const required = claim.heirsByRank
      ? requiredDocuments(claim.input.program, claim.input.heirs)
      : requiredDocuments(claim.input.program);
    const missing = required.filter((code) => checklist[code] !== true);
    const complete = missing.length === 0;
    await recorder(claim).recordVerification(
      claim.claimNumber,
      claim.step(complete ? 'documents_verified' : 'documents_incomplete', actorId(actor), { missing, note }),
      { verifiedBy: actorId(actor), checklist, complete },
    );
    if (complete) claim.verifiedBy = actorId(actor);
    return { complete, missing };
  });
}

function validateVerification(claim: ClaimCase, { actor, checklist, note }: VerifyRequest): void {
  if (!isOfficerOrSupervisor(actor)) {
    refuse('Only an officer or a supervisor may verify documents.', FailureType.Forbidden);
  }
  if (claim.status !== 'waiting_for_documents' || claim.verifiedBy !== undefined || claim.busy) {
    refuse(`The claim is not waiting for documents (status: ${claim.status}).`, FailureType.WrongState);
  }
  const unknown = Object.keys(checklist).filter((code) => !(code in DOCUMENTS));
  if (unknown.length > 0) refuse(`Unknown document codes: ${unknown.join(', ')}`, FailureType.InvalidInput);
  if (note !== undefined && !isText(note, NOTE_MAX)) refuse(`note ${NOTE_REFUSAL}`, FailureType.InvalidInput);
}

/** Records the approval or rejection; the main path then pays or closes the claim. */
function decide(claim: ClaimCase, { actor, decision, reason }: DecideRequest): Promise<DecideResult> {
  return whileBusy(claim, async () => {
    const decidedBy = actorId(actor);
    await recorder(claim).recordDecision(
      claim.claimNumber,
      claim.step(decision === 'approve' ? 'claim_approved' : 'claim_rejected', decidedBy, {
        reason,
        total: claim.total,
      }),
      { decision, decidedBy, reason },
    );
    claim.decision = { decision, reason };
    claim.status = decision === 'approve' ? 'paying' : 'rejected';
    return { decision, total: claim.total ?? 0 };
  });
}

function validateDecision(claim: ClaimCase, { actor, decision, reason }: DecideRequest): void {
  if (!isOfficerOrSupervisor(actor)) {
    refuse('Only an officer or a supervisor may decide a claim.', FailureType.Forbidden);
  }
  if (BEFORE_DECISION.includes(claim.status)) {
    refuse('The claim cannot be decided before its documents are verified.', FailureType.WrongState);
  }
  if (claim.status !== 'waiting_for_decision' || claim.busy || claim.decision !== undefined) {
    refuse(`The claim is not waiting for a decision (status: ${claim.status}).`, FailureType.WrongState);
  }
  const refusal = decisionRefusal({
    deciderId: actor.id,
    deciderRole: actor.role,
    verifiedBy: claim.verifiedBy,
    decision,
    total: claim.total,
  });
  if (refusal) refuseBy(refusal);
  if (reason.trim().length === 0) refuse('A decision needs a reason.', FailureType.InvalidInput);
  if (!isText(reason, NOTE_MAX)) refuse(`reason ${NOTE_REFUSAL}`, FailureType.InvalidInput);
}
