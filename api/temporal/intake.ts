// Starting a claim: claim number, tracking code, and at most one workflow per Idempotency-Key.
import { createHash } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Db } from '../../db/config';
import { jakartaDate } from '../../rules';
import type { claimWorkflow } from '../../workflows/claim';
import { claimWorkflowId, TASK_QUEUE } from '../../vocabulary/ids';
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

export function canonicalHash(value: unknown): string {
  const canonical = JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
  return createHash('sha256').update(canonical).digest('hex');
}

async function workflowExists(temporal: Client, claimNumber: string): Promise<boolean> {
  try {
    await temporal.workflow.getHandle(claimWorkflowId(claimNumber)).describe();
    return true;
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return false;
    throw err;
  }
}

function newClaimNumber(program: string, claimDate: string): string {
  return `${program}-${claimDate.replaceAll('-', '')}-${randomCode(8, 'ABCDEFGHJKMNPQRSTUVWXYZ23456789')}`;
}

export async function startClaim(
  deps: { db: Db; temporal: Client; taskQueue?: string; now?: () => Date },
  staff: Staff,
  body: CreateClaimBody,
  idempotencyKey: string | undefined,
): Promise<IntakeResult> {
  const { db, temporal } = deps;
  const today = jakartaDate((deps.now?.() ?? new Date()).getTime());
  const claimDate = body.claimDate ?? today;
  if (body.eventDate > today) throw problems.unprocessable('eventDate', 'must not be in the future');
  if (claimDate > today) throw problems.unprocessable('claimDate', 'must not be in the future');
  if (body.eventDate > claimDate) throw problems.unprocessable('eventDate', 'must not be after claimDate');
  const participant = await db('participants').where({ nik: body.participantNik }).first('nik');
  if (!participant) {
    throw problems.unprocessable('participantNik', 'is not a registered BPJS Ketenagakerjaan participant');
  }

  let claimNumber = newClaimNumber(body.program, claimDate);
  let trackingCode: string | undefined = newTrackingCode();
  let trackingCodeHash = hashTrackingCode(trackingCode);
  let replayed = false;
  let startDate = claimDate;
  let createdBy = staff.id;

  if (idempotencyKey) {
    const requestHash = canonicalHash(body);
    const inserted = await db('intake_requests')
      .insert({
        idempotency_key: idempotencyKey,
        request_hash: requestHash,
        claim_number: claimNumber,
        tracking_code_hash: trackingCodeHash,
        claim_date: claimDate,
        created_by: staff.id,
      })
      .onConflict('idempotency_key')
      .ignore()
      .returning('claim_number');
    if (inserted.length === 0) {
      const earlier = await db('intake_requests').where({ idempotency_key: idempotencyKey }).first();
      if (earlier.request_hash !== requestHash) {
        throw problems.unprocessable('Idempotency-Key', 'was already used for a different claim');
      }
      claimNumber = earlier.claim_number;
      startDate = earlier.claim_date;
      createdBy = earlier.created_by;
      if (await workflowExists(temporal, claimNumber)) {
        trackingCodeHash = earlier.tracking_code_hash;
        trackingCode = undefined; // shown once, at creation
        replayed = true;
      } else {
        // The first attempt never started the claim, so nobody holds its tracking code: issue a new one.
        // Only one concurrent retry may swap the hash; the others answer as replays.
        const swapped = await db('intake_requests')
          .where({ idempotency_key: idempotencyKey, tracking_code_hash: earlier.tracking_code_hash })
          .update({ tracking_code_hash: trackingCodeHash });
        if (swapped === 0) {
          trackingCode = undefined;
          replayed = true;
          trackingCodeHash = (await db('intake_requests').where({ idempotency_key: idempotencyKey }).first())
            .tracking_code_hash;
        }
      }
    }
  }

  const input: ClaimInput = {
    claimNumber,
    program: body.program,
    event: 'death',
    participantNik: body.participantNik,
    eventDate: body.eventDate,
    claimDate: startDate,
    heirs: body.heirs,
    children: body.children,
    bankAccount: body.bankAccount,
    ...(body.actualMonthlyWage !== undefined ? { actualMonthlyWage: body.actualMonthlyWage } : {}),
    trackingCodeHash,
    createdBy,
  };
  // USE_EXISTING: a replay (or a retry after a crash between the insert and here) never starts a second run.
  try {
    await temporal.workflow.start<typeof claimWorkflow>('claimWorkflow', {
      workflowId: claimWorkflowId(claimNumber),
      taskQueue: deps.taskQueue ?? TASK_QUEUE,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
  } catch (err) {
    // A replay of a claim whose workflow has already closed: it exists, which is all the replay needs.
    if (replayed && err instanceof WorkflowExecutionAlreadyStartedError) return { claimNumber, replayed };
    // The key is kept: the start may have reached Temporal with its answer lost. A retry with the same key
    // finds out (workflowExists) and either replays or starts the claim with a new tracking code.
    throw err;
  }
  return { claimNumber, ...(trackingCode ? { trackingCode } : {}), replayed };
}
