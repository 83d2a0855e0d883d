// Intake de-duplication for POST /claims: which claim an Idempotency-Key started. Request bookkeeping, not claim
// state: a row may exist for a claim whose workflow never started.
import type { Knex } from 'knex';

export interface IntakeRequestRow {
  idempotency_key: string;
  /** sha256 of the canonical request body: the same key with another body is refused. */
  request_hash: string;
  claim_number: string;
  tracking_code_hash: string;
  claim_date: string;
  created_by: string;
  created_at: Date;
}

export type NewIntakeRequest = Omit<IntakeRequestRow, 'created_at'>;

export class IntakeStore {
  constructor(private readonly db: Knex) {}

  /** Claims the key for this request; false when the key was taken before (read it with `find`). */
  async reserve(request: NewIntakeRequest): Promise<boolean> {
    const inserted = await this.db<IntakeRequestRow>('intake_requests')
      .insert(request)
      .onConflict('idempotency_key')
      .ignore()
      .returning('claim_number');
    return inserted.length > 0;
  }

  find(idempotencyKey: string): Promise<IntakeRequestRow | undefined> {
    return this.db<IntakeRequestRow>('intake_requests').where({ idempotency_key: idempotencyKey }).first();
  }

  /** Replaces the tracking-code hash only if it is still `from`: of concurrent retries, one wins. */
  async swapTrackingCodeHash(idempotencyKey: string, from: string, to: string): Promise<boolean> {
    const swapped = await this.db<IntakeRequestRow>('intake_requests')
      .where({ idempotency_key: idempotencyKey, tracking_code_hash: from })
      .update({ tracking_code_hash: to });
    return swapped > 0;
  }
}
