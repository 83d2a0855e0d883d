// Rate-limit counters shared by every API instance: one row per key (address or claim) and window, timed by the
// database's clock so that all instances agree on when a window ends.
import type { Knex } from 'knex';

interface RateLimitCounterRow {
  key: string;
  hits: number;
  /** The end of the key's current window. */
  reset_at: Date;
}

export type Counter = Pick<RateLimitCounterRow, 'hits' | 'reset_at'>;

export class RateLimitStore {
  constructor(private readonly db: Knex) {}

  /** The key's count in its current window; undefined when it has none or its window has passed. */
  get(key: string): Promise<Counter | undefined> {
    return this.db<RateLimitCounterRow>('rate_limit_counters')
      .where({ key })
      .where('reset_at', '>', this.db.fn.now())
      .first('hits', 'reset_at');
  }

  /** One statement: a new or expired key starts a window of `windowMs` at 1, a live one counts up. */
  async increment(key: string, windowMs: number): Promise<Counter> {
    const { rows } = await this.db.raw<{ rows: Counter[] }>(
      `insert into rate_limit_counters (key, hits, reset_at)
       values (?, 1, now() + (? * interval '1 millisecond'))
       on conflict (key) do update set
         hits = case when rate_limit_counters.reset_at <= now() then 1 else rate_limit_counters.hits + 1 end,
         reset_at = case when rate_limit_counters.reset_at <= now() then excluded.reset_at
                         else rate_limit_counters.reset_at end
       returning hits, reset_at`,
      [key, windowMs],
    );
    const row = rows[0];
    if (!row) throw new Error('rate_limit_counters: upsert returned no row');
    return row;
  }

  /** Takes one hit back, never below 0, if the key's window is live. */
  async decrement(key: string): Promise<void> {
    await this.db<RateLimitCounterRow>('rate_limit_counters')
      .where({ key })
      .where('reset_at', '>', this.db.fn.now())
      .update({ hits: this.db.raw('greatest(hits - 1, 0)') });
  }

  async reset(key: string): Promise<void> {
    await this.db<RateLimitCounterRow>('rate_limit_counters').where({ key }).delete();
  }

  /** Deletes the counters whose window has passed (a key's next hit would overwrite them anyway). */
  async sweep(): Promise<void> {
    await this.db<RateLimitCounterRow>('rate_limit_counters')
      .where('reset_at', '<', this.db.fn.now())
      .delete();
  }
}
