// An express-rate-limit store in PostgreSQL: the counts are shared by every API instance, so a claim's lock-out
// and an address's limit hold however many instances sit behind the load balancer. The window is timed by the
// database's clock, the same for all instances (db/stores/rate-limits.ts).
import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit';
import type { RateLimitStore } from '../../db/stores';

/** How often expired rows are deleted (they are also overwritten by the key's next hit). */
const SWEEP_MS = 10 * 60_000;

export class PostgresRateLimitStore implements Store {
  readonly localKeys = false;
  private windowMs = 60_000;
  private sweeper: NodeJS.Timeout | undefined;

  /** `prefix` keeps two limiters' keys apart in the one table. */
  constructor(
    private readonly counters: RateLimitStore,
    readonly prefix: string,
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
    this.sweeper = setInterval(() => {
      this.counters.sweep().catch(() => undefined); // PostgreSQL away: the next sweep tries again
    }, SWEEP_MS);
    this.sweeper.unref();
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const row = await this.counters.get(this.prefix + key);
    return row ? { totalHits: row.hits, resetTime: row.reset_at } : undefined;
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    const row = await this.counters.increment(this.prefix + key, this.windowMs);
    return { totalHits: row.hits, resetTime: row.reset_at };
  }

  async decrement(key: string): Promise<void> {
    await this.counters.decrement(this.prefix + key);
  }

  async resetKey(key: string): Promise<void> {
    await this.counters.reset(this.prefix + key);
  }

  shutdown(): void {
    clearInterval(this.sweeper);
  }
}
