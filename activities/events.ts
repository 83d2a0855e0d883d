import type { Knex } from 'knex';
import type { ClaimStatus } from '../vocabulary/status';

/** One step of a claim, as the workflow numbers it: `seq` makes a retried append a no-op. */
export interface StepEvent {
  seq: number;
  type: string;
  actor?: string;
  data?: Record<string, unknown>;
}

/**
 * Appends the event and, if it is new, applies the claim's new status and fields, in the caller's transaction.
 * Returns false when the event was already recorded (a retried activity): the caller then writes nothing else.
 */
export async function appendEvent(
  trx: Knex.Transaction,
  claimNumber: string,
  event: StepEvent,
  claim: { status?: ClaimStatus; [column: string]: unknown } = {},
): Promise<boolean> {
  const inserted = await trx('claim_events')
    .insert({
      claim_number: claimNumber,
      seq: event.seq,
      type: event.type,
      actor: event.actor ?? null,
      data: JSON.stringify(event.data ?? {}),
    })
    .onConflict(['claim_number', 'seq'])
    .ignore()
    .returning('id');
  if (inserted.length === 0) return false;
  if (Object.keys(claim).length > 0) {
    await trx('claims')
      .where({ claim_number: claimNumber })
      .update({ ...claim, updated_at: trx.fn.now() });
  }
  return true;
}
