// One death, one claim, in PostgreSQL itself: the partial unique index refuses a second holder of a participant's
// death whatever the code does, concurrent holds settle on one claim, and only a refused claim frees the death.
import { createClaimActivities } from '../../activities/claims';
import { createStores, type Stores } from '../../db/stores';
import { createTestDb, type TestDb } from '../helpers/db';
import { claimInput, createParticipant, newClaimNumber, randomNik } from '../helpers/factories';

let t: TestDb;
let stores: Stores;
beforeAll(async () => {
  t = await createTestDb();
  stores = createStores(t.db);
});
afterAll(async () => {
  await t?.drop();
});

const death = (participantNik: string, program: 'JKM' | 'JKK' = 'JKM') => ({
  claimNumber: newClaimNumber(program),
  participantNik,
  program,
});

describe('claimed deaths', () => {
  it('refuses a second open holder in PostgreSQL, for JKM and JKK alike, and takes one after a release', async () => {
    const nik = randomNik();
    const jkm = death(nik, 'JKM');
    await t.db('claimed_deaths').insert({
      claim_number: jkm.claimNumber,
      participant_nik: nik,
      program: 'JKM',
    });
    const jkk = death(nik, 'JKK');
    await expect(
      t.db('claimed_deaths').insert({ claim_number: jkk.claimNumber, participant_nik: nik, program: 'JKK' }),
    ).rejects.toMatchObject({ code: '23505', constraint: 'claimed_deaths_one_holder' });
    await t
      .db('claimed_deaths')
      .where({ claim_number: jkm.claimNumber })
      .update({ released_at: t.db.fn.now() });
    await t
      .db('claimed_deaths')
      .insert({ claim_number: jkk.claimNumber, participant_nik: nik, program: 'JKK' });
    expect(await stores.claimedDeaths.holder(nik)).toBe(jkk.claimNumber);
  });

  it('settles concurrent holds on exactly one claim, each in its own transaction', async () => {
    const nik = randomNik();
    const claims = [death(nik, 'JKM'), death(nik, 'JKK'), death(nik, 'JKM'), death(nik, 'JKK')];
    const holds = await Promise.all(claims.map((c) => stores.transaction((tx) => tx.claimedDeaths.hold(c))));
    const winners = claims.filter((_, i) => 'held' in holds[i]!);
    expect(winners).toHaveLength(1);
    for (const hold of holds) if ('heldBy' in hold) expect(hold.heldBy).toBe(winners[0]!.claimNumber);
    // Holding again is idempotent for the holder.
    expect(await stores.claimedDeaths.hold(winners[0]!)).toEqual({ held: true });
  });

  it('frees the death when the claim is rejected or ineligible, and never when it is paid', async () => {
    for (const [status, freed] of [
      ['rejected', true],
      ['ineligible', true],
      ['paid', false],
      ['waiting_for_documents', false],
    ] as const) {
      const { nik } = await createParticipant(t.db);
      const input = claimInput({ participantNik: nik });
      await stores.claims.create(input, { seq: 1, type: 'claim_received' });
      await stores.claimedDeaths.hold({
        claimNumber: input.claimNumber,
        participantNik: nik,
        program: 'JKM',
      });
      await stores.claims.appendEvent(input.claimNumber, { seq: 2, type: 'claim_closed' }, { status });
      expect({ status, holder: await stores.claimedDeaths.holder(nik) }).toEqual({
        status,
        holder: freed ? undefined : input.claimNumber,
      });
    }
  });

  it('records a claim holding the death, and names the holder when another claim has it', async () => {
    const activities = createClaimActivities(t.db);
    const { nik } = await createParticipant(t.db);
    const first = claimInput({ participantNik: nik, program: 'JKK' });
    const second = claimInput({ participantNik: nik, program: 'JKM' });
    expect(await activities.recordClaim(first, { seq: 1, type: 'claim_received' })).toEqual({
      created: true,
    });
    expect(await activities.recordClaim(second, { seq: 1, type: 'claim_received' })).toEqual({
      created: true,
      duplicateOf: first.claimNumber,
    });
    // A retried activity answers the same.
    expect(await activities.recordClaim(first, { seq: 1, type: 'claim_received' })).toEqual({
      created: false,
    });
    expect(await activities.recordClaim(second, { seq: 1, type: 'claim_received' })).toEqual({
      created: false,
      duplicateOf: first.claimNumber,
    });
  });
});
