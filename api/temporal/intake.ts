// Starting a claim: claim number, tracking code, and at most one workflow per Idempotency-Key.
import { createHash } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { Stores } from '../../db/stores';
import { isBackdated, jakartaDate } from '../../rules';
import type { claimWorkflow } from '../../workflows/claim';
import { canonicalJson } from '../../vocabulary/canonical-json';
import { claimWorkflowId, formatClaimNumber, TASK_QUEUE } from '../../vocabulary/ids';
import type { ClaimInput } from '../../vocabulary/claim';
import type { Staff } from '../middleware/auth';
import { problems } from '../middleware/problem';
import type { CreateClaimBody } from '../schemas/claims';
import { hashTrackingCode, newTrackingCode, randomCode } from '../middleware/tracking-code';

export interface IntakeResult {
  claimNumber: string;
  trackingCode?: string;
  replayed: boolean;
}

interface IntakeDeps {
  stores: Pick<Stores, 'intake' | 'registry' | 'transaction'>;
  temporal: Client;
  taskQueue?: string;
  now?: () => Date;
  /** The secret the tracking code is hashed under. */
  trackingCodeSecret: string;
}

/** What one attempt starts the workflow with. */
interface Attempt {
  claimNumber: string;
  claimDate: string;
  /** The day the claim reached the system (Asia/Jakarta): a claimDate before it is a backdated one. */
  receivedDate: string;
  createdBy: string;
  trackingCodeHash: string;
}

/** The request hash stored with an Idempotency-Key: the same body gives the same hash, whatever its key order. */
export function canonicalHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

/**
 * Holds the participant's death for the claim, then starts its workflow, in one transaction: a concurrent request for
 * the same death waits on PostgreSQL's unique index until this start is known, then gets a 409 naming this claim.
 * A failed start rolls the hold back; were the start to have reached Temporal after all, its recordClaim holds the
 * death again, or closes the claim as a duplicate if another claim took it meanwhile.
 */
async function holdAndStart(deps: IntakeDeps, body: CreateClaimBody, attempt: Attempt): Promise<boolean> {
  return deps.stores.transaction(async (tx) => {
    const hold = await tx.claimedDeaths.hold({
      claimNumber: attempt.claimNumber,
      participantNik: body.participantNik,
      program: body.program,
    });
    if ('heldBy' in hold) throw problems.alreadyClaimed(hold.heldBy);
    return startWorkflow(deps, body, attempt);
  });
}

/** Starts the claim's workflow; false when a run with its id exists (started by another request, or closed). */
async function startWorkflow(deps: IntakeDeps, body: CreateClaimBody, attempt: Attempt): Promise<boolean> {
  const input: ClaimInput = {
    claimNumber: attempt.claimNumber,
    program: body.program,
    event: 'death',
    participantNik: body.participantNik,
    eventDate: body.eventDate,
    claimDate: attempt.claimDate,
    heirs: body.heirs,
    children: body.children,
    bankAccount: body.bankAccount,
    ...(body.actualMonthlyWage !== undefined ? { actualMonthlyWage: body.actualMonthlyWage } : {}),
    trackingCodeHash: attempt.trackingCodeHash,
    createdBy: attempt.createdBy,
    ...(body.backdating
      ? { backdating: { reason: body.backdating.reason, receivedDate: attempt.receivedDate } }
      : {}),
  };
  try {
    // FAIL, not USE_EXISTING: of concurrent starts exactly one creates the run, and only it knows the working code.
    await deps.temporal.workflow.start<typeof claimWorkflow>('claimWorkflow', {
      workflowId: claimWorkflowId(attempt.claimNumber),
      taskQueue: deps.taskQueue ?? TASK_QUEUE,
      args: [input],
      workflowIdConflictPolicy: 'FAIL',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
    return true;
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return false;
    // The key is kept: the start may have reached Temporal with its answer lost, which a retry's start finds out.
    throw err;
  }
}

/** An attempt with an Idempotency-Key: the tracking code goes to the one request whose start created the run. */
async function startOnce(
  deps: IntakeDeps,
  body: CreateClaimBody,
  attempt: Attempt,
  trackingCode: string,
  idempotencyKey: string,
): Promise<IntakeResult> {
  const requestHash = canonicalHash(body);
  const reserved = await deps.stores.intake.reserve({
    idempotency_key: idempotencyKey,
    request_hash: requestHash,
    claim_number: attempt.claimNumber,
    tracking_code_hash: attempt.trackingCodeHash,
    claim_date: attempt.claimDate,
    created_by: attempt.createdBy,
  });
  if (reserved) {
    const created = await holdAndStart(deps, body, attempt);
    return created
      ? { claimNumber: attempt.claimNumber, trackingCode, replayed: false }
      : { claimNumber: attempt.claimNumber, replayed: true };
  }
  const earlier = await deps.stores.intake.find(idempotencyKey);
  if (!earlier) throw new Error('intake: the Idempotency-Key is taken but its row is missing');
  if (earlier.request_hash !== requestHash) {
    throw problems.unprocessable('Idempotency-Key', 'was already used for a different claim');
  }
  // The first attempt may still be starting the claim, or may have failed before: this one tries too, with a new code.
  const retry: Attempt = {
    claimNumber: earlier.claim_number,
    claimDate: earlier.claim_date,
    receivedDate: jakartaDate(earlier.created_at.getTime()),
    createdBy: earlier.created_by,
    trackingCodeHash: attempt.trackingCodeHash,
  };
  if (!(await holdAndStart(deps, body, retry))) return { claimNumber: retry.claimNumber, replayed: true };
  // Only the request whose start created the run writes here, so the row keeps the hash the claim started with.
  await deps.stores.intake.swapTrackingCodeHash(
    idempotencyKey,
    earlier.tracking_code_hash,
    retry.trackingCodeHash,
  );
  return { claimNumber: retry.claimNumber, trackingCode, replayed: false };
}

export async function startClaim(
  deps: IntakeDeps,
  staff: Staff,
  body: CreateClaimBody,
  idempotencyKey: string | undefined,
): Promise<IntakeResult> {
  const today = jakartaDate((deps.now?.() ?? new Date()).getTime());
  const claimDate = body.claimDate ?? today;
  if (body.eventDate > today) throw problems.unprocessable('eventDate', 'must not be in the future');
  if (claimDate > today) throw problems.unprocessable('claimDate', 'must not be in the future');
  if (isBackdated(claimDate, today) && !body.backdating) {
    throw problems.unprocessable(
      'claimDate',
      `is before today (${today}): an earlier claim date needs backdating.reason and a supervisor's approval`,
    );
  }
  if (body.backdating && !isBackdated(claimDate, today)) {
    throw problems.unprocessable('backdating', 'is only for a claimDate before today');
  }
  if (body.eventDate > claimDate) throw problems.unprocessable('eventDate', 'must not be after claimDate');
  if (!(await deps.stores.registry.isParticipant(body.participantNik))) {
    throw problems.unprocessable('participantNik', 'is not a registered BPJS Ketenagakerjaan participant');
  }

  const trackingCode = newTrackingCode();
  const attempt: Attempt = {
    claimNumber: formatClaimNumber(body.program, claimDate, randomCode(8, 'ABCDEFGHJKMNPQRSTUVWXYZ23456789')),
    claimDate,
    receivedDate: today,
    createdBy: staff.id,
    trackingCodeHash: hashTrackingCode(trackingCode, deps.trackingCodeSecret),
  };
  if (idempotencyKey !== undefined) return startOnce(deps, body, attempt, trackingCode, idempotencyKey);
  if (!(await holdAndStart(deps, body, attempt))) {
    // Without a key nothing else starts this number: only a collision of the random part (31^8 a day) gets here.
    throw new Error(`claim number ${attempt.claimNumber} is taken`);
  }
  return { claimNumber: attempt.claimNumber, trackingCode, replayed: false };
}
