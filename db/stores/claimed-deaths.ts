// One death, one claim (README, "One death, one claim"): which claim holds a participant's death, across JKM and
// JKK. A claim holds it from intake until it is refused (rejected or ineligible); the partial unique index
// claimed_deaths_one_holder makes PostgreSQL refuse a second holder, whatever the API or a workflow does.
import type { Knex } from 'knex';
import type { Program } from '../../rules/programs';
import type { ClaimStatus } from '../../vocabulary/status';

export interface ClaimedDeathRow {
  claim_number: string;
  participant_nik: string;
  program: Program;
  held_at: Date;
  released_at: Date | null;
  released_because: ClaimStatus | null;
}

export interface DeathClaim {
  claimNumber: string;
  participantNik: string;
  program: Program;
}

/** The claim holds the death (or held it before being refused), or another claim holds it. */
export type Hold = { held: true } | { heldBy: string };

/** Holds the participant's death for the claim, in `db`'s transaction: of two concurrent holds exactly one wins. */
export async function holdDeath(db: Knex, claim: DeathClaim): Promise<Hold> {
  // A holder released between the insert and the look-up leaves neither: try again (twice is plenty).
  for (let attempt = 0; attempt < 3; attempt++) {
    // ON CONFLICT waits for a concurrent holder's transaction, then does nothing if it committed.
    await db<ClaimedDeathRow>('claimed_deaths')
      .insert({
        claim_number: claim.claimNumber,
        participant_nik: claim.participantNik,
        program: claim.program,
      })
      .onConflict()
      .ignore();
    const own = await db<ClaimedDeathRow>('claimed_deaths')
      .where({ claim_number: claim.claimNumber })
      .first('claim_number');
    if (own) return { held: true };
    const holder = await db<ClaimedDeathRow>('claimed_deaths')
      .where({ participant_nik: claim.participantNik })
      .whereNull('released_at')
      .first('claim_number');
    if (holder) return { heldBy: holder.claim_number };
  }
  throw new Error(`claimed_deaths: no holder settled for claim ${claim.claimNumber}`);
}

/** The claim was refused: the death it held may be claimed again. A claim that held nothing changes nothing. */
export async function releaseDeath(db: Knex, claimNumber: string, because: ClaimStatus): Promise<void> {
  await db<ClaimedDeathRow>('claimed_deaths')
    .where({ claim_number: claimNumber })
    .whereNull('released_at')
    .update({ released_at: db.fn.now(), released_because: because });
}

export class ClaimedDeathStore {
  constructor(private readonly db: Knex) {}

  /** Holds the death for the claim (see holdDeath); run it in the transaction that starts the claim. */
  hold(claim: DeathClaim): Promise<Hold> {
    return holdDeath(this.db, claim);
  }

  /** The claim holding the participant's death, if any. */
  async holder(participantNik: string): Promise<string | undefined> {
    const row = await this.db<ClaimedDeathRow>('claimed_deaths')
      .where({ participant_nik: participantNik })
      .whereNull('released_at')
      .first('claim_number');
    return row?.claim_number;
  }

  find(claimNumber: string): Promise<ClaimedDeathRow | undefined> {
    return this.db<ClaimedDeathRow>('claimed_deaths').where({ claim_number: claimNumber }).first();
  }
}
