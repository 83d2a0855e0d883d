// Rate-limit counters shared by every API instance: one row per key (address or claim) and window, timed by the
// database's clock so that all instances agree on when a window ends.
import type { Knex } from 'knex';
import type { ClaimRow } from './claim-rows';
import {
  CLAIM_TIMES,
  FAMILY_VIEW_COLUMNS,
  prepared,
  revive,
  reviveFamilyView,
  type FamilyViewRaw,
  type FamilyViewRows,
} from './claim-views';

interface RateLimitCounterRow {
  key: string;
  hits: number;
  /** The end of the key's current window. */
  reset_at: Date;
}

export type Counter = Pick<RateLimitCounterRow, 'hits' | 'reset_at'>;

/** A counter after an attempt: its hits in the window, and the milliseconds until the window ends (database clock). */
export interface AttemptCount {
  hits: number;
  resetInMs: number;
}

/** A family's attempt on a claim: counted on the claim when the code's hash is not the claim's, or it is locked. */
export interface ClaimAttempt {
  key: string;
  claimNumber: string;
  /** The hash of the code sent (hashTrackingCode): compared with claims.tracking_code_hash in the same statement. */
  codeHash: string;
  /** Hits at which the claim is locked: from then on every attempt counts, the right code too. */
  limit: number;
  /** Also read the family view of the claim when the code opens it (the family's status page): no second statement. */
  withFamilyView?: boolean;
}

// A window that has passed starts again at the attempt's hits; a live one adds them. `excluded.hits` is what this
// attempt adds (1, or 0 for the claim's right code), so the claim's counter only moves on a wrong code or a lock.
const UPSERT = `insert into rate_limit_counters as c (key, hits, reset_at)
  select ?, %HITS%, now() + (? * interval '1 millisecond')
  on conflict (key) do update set
    hits = case when c.reset_at <= now() then excluded.hits else c.hits + %ADD% end,
    reset_at = case when c.reset_at <= now() then excluded.reset_at else c.reset_at end
  %WHERE%
  returning hits, extract(epoch from reset_at - now()) * 1000 as reset_in_ms`;

const addressUpsert = UPSERT.replace('%HITS%', '1').replace('%ADD%', '1').replace('%WHERE%', '');
// The claim's row is written only when it changes: a family reading its own claim adds no row version.
const claimUpsert = UPSERT.replace(
  '%HITS%',
  'case when exists (select 1 from claims where claim_number = ? and tracking_code_hash = ?) then 0 else 1 end',
)
  .replace('%ADD%', 'case when excluded.hits = 1 or c.hits >= ? then 1 else 0 end')
  .replace('%WHERE%', 'where c.reset_at <= now() or excluded.hits = 1 or c.hits >= ?');

// A family's attempt: both counters, and the claim row when the code's hash is the claim's (`opened`); with the
// view, also the family view's columns of that claim (nulls when the code does not open it).
const attemptStatement = (view: boolean) => `with address as (${addressUpsert}), claim as (${claimUpsert}),
    opened as (select o from claims o where o.claim_number = ? and o.tracking_code_hash = ?)
  select a.hits, a.reset_in_ms, c.hits as c_hits, c.reset_in_ms as c_reset,
    (select to_json(o.o) from opened o) as opened${view ? ', v.*' : ''}
  from address a left join claim c on true${
    view
      ? `
  left join lateral (select ${FAMILY_VIEW_COLUMNS}
    from (select (o.o).claim_number as n from opened o) k) v on true`
      : ''
  }`;
const ATTEMPT = attemptStatement(false);
const ATTEMPT_WITH_FAMILY_VIEW = attemptStatement(true);

interface AttemptRow {
  hits: number;
  reset_in_ms: number | string;
}

const attemptCount = (row: AttemptRow): AttemptCount => ({
  hits: row.hits,
  resetInMs: Math.max(0, Number(row.reset_in_ms)),
});

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

  /**
   * A family's attempt, in one statement (one round trip): the address counts every attempt; the claim (when the
   * code is well formed) counts a code whose hash is not the claim's (an unknown claim too), and every attempt once it
   * is locked; and, when the hash is the claim's, the claim row comes back (`opened`). The claim's counter is undefined when it did not move and has no live window with hits at the limit:
   * the claim is not locked.
   */
  async attempt(
    addressKey: string,
    windowMs: number,
    claim?: ClaimAttempt,
  ): Promise<{
    address: AttemptCount;
    claim?: AttemptCount;
    opened?: ClaimRow;
    familyView?: FamilyViewRows;
  }> {
    if (!claim) {
      const { rows } = await this.db
        .raw<{ rows: AttemptRow[] }>(addressUpsert, [addressKey, windowMs])
        .options(prepared('rate-limit-address'));
      return { address: attemptCount(rows[0]!) };
    }
    const view = claim.withFamilyView === true;
    const { rows } = await this.db
      .raw<{
        rows: (AttemptRow &
          Partial<FamilyViewRaw> & {
            c_hits: number | null;
            c_reset: string | null;
            opened: Record<string, unknown> | null;
          })[];
      }>(view ? ATTEMPT_WITH_FAMILY_VIEW : ATTEMPT, [
        addressKey,
        windowMs,
        claim.key,
        claim.claimNumber,
        claim.codeHash,
        windowMs,
        claim.limit,
        claim.limit,
        claim.claimNumber,
        claim.codeHash,
      ])
      .options(prepared(view ? 'rate-limit-family-attempt-view' : 'rate-limit-family-attempt'));
    const row = rows[0]!;
    return {
      address: attemptCount(row),
      ...(row.c_hits !== null
        ? { claim: attemptCount({ hits: row.c_hits, reset_in_ms: row.c_reset ?? 0 }) }
        : {}),
      // The claim row when the code's hash is the claim's: the family check need not read it again.
      ...(row.opened ? { opened: revive<ClaimRow>(row.opened as never, CLAIM_TIMES) } : {}),
      // And the family view's rows, when asked for and the code opened the claim.
      ...(view && row.opened ? { familyView: reviveFamilyView(row as FamilyViewRaw) } : {}),
    };
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
