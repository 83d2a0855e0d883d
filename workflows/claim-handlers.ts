// The claim's messages: the claimState query and the verify, decide and updateBankAccount updates, each a named
// handler with a named validator. A validator refuses the wrong actor or state before anything enters the history.
import { proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { decisionRefusal, jakartaDate, type DecisionRefusal } from '../rules';
import { RECORDING } from './activity-options';
import { isAuditor, isOfficerOrSupervisor, refuse } from './actors';
import { actorId } from '../vocabulary/actors';
import type { ClaimCase } from './claim-case';
import {
  claimStateQuery,
  decideUpdate,
  updateBankAccountUpdate,
  verifyUpdate,
  type DecideRequest,
  type DecideResult,
  type UpdateBankAccountRequest,
  type VerifyRequest,
  type VerifyResult,
} from '../vocabulary/messages/claim';
import { DOCUMENTS, requiredDocuments } from '../vocabulary/documents';
import { FailureType } from '../vocabulary/failures';
import { bankAccountSchema } from '../vocabulary/claim';
import { NOTE_MAX } from '../vocabulary/limits';
import { text } from '../vocabulary/primitives';
import { TEXT_MESSAGE } from '../rules/text';

const records = proxyActivities<Activities>(RECORDING);

// The same checks the API makes, so an update sent around it cannot record what PostgreSQL refuses.
const noteSchema = text(NOTE_MAX);
const NOTE_REFUSAL = `must be at most ${NOTE_MAX} characters, ${TEXT_MESSAGE}`;

const REFUSAL_TYPES: Record<DecisionRefusal['rule'], FailureType> = {
  'maker-checker': FailureType.MakerChecker,
  'supervisor-required': FailureType.SupervisorRequired,
};

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

  // An update: the caller learns at once whether the claim was waiting for a new account.
  setHandler(updateBankAccountUpdate, (request) => replaceBankAccount(claim, request), {
    validator: (request) => validateBankAccount(claim, request),
  });
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

/** Records the documents checklist; a complete one lets the main path go on to the assessment. */
function verify(claim: ClaimCase, { actor, checklist, note }: VerifyRequest): Promise<VerifyResult> {
  return whileBusy(claim, async () => {
    const required = claim.heirsByRank
      ? requiredDocuments(claim.input.program, claim.input.heirs)
      : requiredDocuments(claim.input.program);
    const missing = required.filter((code) => checklist[code] !== true);
    const complete = missing.length === 0;
    await records.recordVerification(
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
  if (note !== undefined && !noteSchema.safeParse(note).success)
    refuse(`note ${NOTE_REFUSAL}`, FailureType.InvalidInput);
}

/** Records the approval or rejection; the main path then pays or closes the claim. */
function decide(claim: ClaimCase, { actor, decision, reason }: DecideRequest): Promise<DecideResult> {
  return whileBusy(claim, async () => {
    const decidedBy = actorId(actor);
    await records.recordDecision(
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
  if (claim.status === 'waiting_for_documents' || claim.status === 'received') {
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
  if (refusal) refuse(refusal.message, REFUSAL_TYPES[refusal.rule]);
  if (reason.trim().length === 0) refuse('A decision needs a reason.', FailureType.InvalidInput);
  if (!noteSchema.safeParse(reason).success) refuse(`reason ${NOTE_REFUSAL}`, FailureType.InvalidInput);
}

/** Records the account replacing a refused one; the main path then pays the refused component again. */
function replaceBankAccount(
  claim: ClaimCase,
  { actor, bankAccount }: UpdateBankAccountRequest,
): Promise<{ accountRevision: number }> {
  // The family delivered (the officer may bring its account): a wait caused by staff's own failure never started.
  if (claim.status === 'waiting_for_bank_account') claim.endFamilyWait(jakartaDate(Date.now()));
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
  const account = bankAccountSchema.safeParse(bankAccount);
  if (!account.success) {
    const fields = account.error.issues.map((i) => i.path.join('.')).join(', '); // the fields, never the values
    refuse(`Invalid bank account: ${fields}`, FailureType.InvalidInput);
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
  const waiting = claim.status === 'waiting_for_bank_account' || claim.status === 'payout_failed';
  if (!waiting || claim.busy) {
    refuse(`The claim is not waiting for a bank account (status: ${claim.status}).`, FailureType.WrongState);
  }
}
