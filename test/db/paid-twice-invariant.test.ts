// The fault suite's fourth invariant (test/faults/support/invariants.ts), shown able to fail: on a bad row set,
// participants paid on two death claims (by status, or by a paid payout) are found; one paid claim per death is not.
import { createStores } from '../../db/stores';
import { participantsPaidTwice } from '../faults/support/invariants';
import { createTestDb, type TestDb } from '../helpers/db';
import { claimInput, createParticipant } from '../helpers/factories';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.drop();
});

/** A claim row written straight to PostgreSQL, as a bug would: without holding the participant's death. */
async function claimRow(nik: string, program: 'JKM' | 'JKK', status: string): Promise<string> {
  const input = claimInput({ participantNik: nik, program });
  await createStores(t.db).claims.create(input, { seq: 1, type: 'claim_received' });
  await t.db('claims').where({ claim_number: input.claimNumber }).update({ status });
  return input.claimNumber;
}

describe('no participant has two paid death claims', () => {
  it('finds none while each death is paid once, and finds both claims of a death paid twice', async () => {
    const { nik: paidOnce } = await createParticipant(t.db);
    await claimRow(paidOnce, 'JKM', 'paid');
    await claimRow(paidOnce, 'JKK', 'rejected');
    await claimRow(paidOnce, 'JKM', 'ineligible');
    expect(await participantsPaidTwice(t.db)).toEqual([]);

    const { nik: paidTwice } = await createParticipant(t.db);
    const jkm = await claimRow(paidTwice, 'JKM', 'paid');
    const jkk = await claimRow(paidTwice, 'JKK', 'paid');
    expect(await participantsPaidTwice(t.db)).toEqual([
      { participantNik: paidTwice, claims: [jkm, jkk].sort() },
    ]);
  });

  it('counts a claim with a paid payout as paid, whatever its status says', async () => {
    const { nik } = await createParticipant(t.db);
    const paid = await claimRow(nik, 'JKK', 'paid');
    const paying = await claimRow(nik, 'JKM', 'waiting_for_bank_account');
    expect((await participantsPaidTwice(t.db)).find((r) => r.participantNik === nik)).toBeUndefined();
    await t.db('payouts').insert({
      idempotency_key: `${paying}:lump_sum`,
      claim_number: paying,
      component: 'lump_sum',
      amount: 20_000_000,
      status: 'paid',
      gateway_key: `${paying}:lump_sum`,
      account_revision: 0,
      bank_code: 'BRI',
      account_number: '1234567890',
    });
    expect((await participantsPaidTwice(t.db)).find((r) => r.participantNik === nik)).toEqual({
      participantNik: nik,
      claims: [paid, paying].sort(),
    });
  });
});
