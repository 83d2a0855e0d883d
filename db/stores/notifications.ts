// The outbox: messages for the family, the supervisors or the officers, each written once per dedup key.
import type { Knex } from 'knex';

/** account_holder: the holder of the account paid to until now (the original recipient), told of a change of payee. */
export type Audience = 'family' | 'supervisors' | 'officers' | 'account_holder';

export interface NotificationRow {
  id: number;
  dedup_key: string;
  claim_number: string;
  audience: Audience;
  kind: string;
  message: string;
  created_at: Date;
  sent_at: Date | null;
}

export interface NewNotification {
  dedupKey: string;
  claimNumber: string;
  audience: Audience;
  kind: string;
  message: string;
}

/** A claim's message to an audience, deduplicated per claim and kind (claim number + kind). */
export function claimNotice(
  claimNumber: string,
  audience: Audience,
  kind: string,
  message: string,
): NewNotification {
  return { dedupKey: `${claimNumber}:${kind}`, claimNumber, audience, kind, message };
}

export class NotificationStore {
  constructor(private readonly db: Knex) {}

  /** Queues the message unless one with its dedup key already is. */
  async add(n: NewNotification): Promise<void> {
    await this.db<NotificationRow>('notifications')
      .insert({
        dedup_key: n.dedupKey,
        claim_number: n.claimNumber,
        audience: n.audience,
        kind: n.kind,
        message: n.message,
      })
      .onConflict('dedup_key')
      .ignore();
  }

  forClaim(claimNumber: string): Promise<NotificationRow[]> {
    return this.db<NotificationRow>('notifications').where({ claim_number: claimNumber }).orderBy('id');
  }
}
