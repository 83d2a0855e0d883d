// An express-rate-limit store in PostgreSQL: the counts are shared by every API instance, so a claim's lock-out
// and an address's limit hold however many instances sit behind the load balancer. The window is timed by the
// database's clock, the same for all instances.
import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit';
import type { Db } from '../../db/config';

const TABLE = 'rate_limit_counters';
/** How often expired rows are deleted (they are also overwritten by the key's next hit). */
const SWEEP_MS = 10 * 60_000;

interface CounterRow {
  hits: number;
  reset_at: Date;
}

export class PostgresRateLimitStore implements Store {
  readonly localKeys = false;
  private windowMs = 60_000;
  private sweeper: NodeJS.Timeout | undefined;

  /** `prefix` keeps two limiters' keys apart in the one table. */
  constructor(
    private readonly db: Db,
    readonly prefix: string,
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
    this.sweeper = setInterval(() => {
      this.db(TABLE)
        .where('reset_at', '<', this.db.fn.now())
        .delete()
        .catch(() => undefined); // PostgreSQL away: the next sweep tries again
    }, SWEEP_MS);
    this.sweeper.unref();
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const row: CounterRow | undefined = await this.db(TABLE)
      .where({ key: this.prefix + key })
      .where('reset_at', '>', this.db.fn.now())
      .first('hits', 'reset_at');
    return row ? { totalHits: row.hits, resetTime: row.reset_at } : undefined;
  }

  /** One statement: a new or expired key starts a window at 1, a live one counts up. */
  async increment(key: string): Promise<ClientRateLimitInfo> {
    const { rows } = await this.db.raw<{ rows: CounterRow[] }>(
      `insert into ${TABLE} (key, hits, reset_at)
       values (?, 1, now() + (? * interval '1 millisecond'))
       on conflict (key) do update set
         hits = case when ${TABLE}.reset_at <= now() then 1 else ${TABLE}.hits + 1 end,
         reset_at = case when ${TABLE}.reset_at <= now() then excluded.reset_at else ${TABLE}.reset_at end
       returning hits, reset_at`,
      [this.prefix + key, this.windowMs],
    );
    const row = rows[0]!;
    return { totalHits: row.hits, resetTime: row.reset_at };
  }

  async decrement(key: string): Promise<void> {
    await this.db(TABLE)
      .where({ key: this.prefix + key })
      .where('reset_at', '>', this.db.fn.now())
      .update({ hits: this.db.raw('greatest(hits - 1, 0)') });
  }

  async resetKey(key: string): Promise<void> {
    await this.db(TABLE)
      .where({ key: this.prefix + key })
      .delete();
  }

  shutdown(): void {
    clearInterval(this.sweeper);
  }
}
