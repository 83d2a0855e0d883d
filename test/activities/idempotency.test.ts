// Activities against the real PostgreSQL and the sandbox gateway: a retried activity writes nothing twice.
import { MockActivityEnvironment } from '@temporalio/testing';
import { createActivities } from '../../activities';
import { createTestDb, type TestDb } from '../helpers/db';
import { claimInput, createParticipant } from '../helpers/factories';
import { startTestGateway, type TestGateway } from '../helpers/gateway';

let t: TestDb;
let gateway: TestGateway;
let activities: ReturnType<typeof createActivities>;
// Runs an activity with a real activity context (heartbeats, cancellation), as a worker would.
const run = <A extends unknown[], R>(fn: (...args: A) => Promise<R>, ...args: A): Promise<R> =>
  new MockActivityEnvironment().run(fn, ...args) as Promise<R>;

beforeAll(async () => {
  [t, gateway] = await Promise.all([createTestDb(), startTestGateway()]);
  activities = createActivities({ db: t.db, gateway: gateway.client });
});

afterAll(async () => {
  await gateway?.close();
  await t?.drop();
});

describe('recordClaim', () => {
  it('leaves one claim, one set of heirs and one event when run twice with the same claim number', async () => {
    const { nik } = await createParticipant(t.db);
    const input = claimInput({
      participantNik: nik,
      heirs: [
        { name: 'Sri Wahyuni', relationship: 'spouse' },
        { name: 'Budi', relationship: 'child', dateOfBirth: '2015-02-01' },
      ],
      children: [{ name: 'Budi', dateOfBirth: '2015-02-01', schooling: { level: 'SD', grade: 5 } }],
    });
    const first = await run(activities.recordClaim, input, { seq: 1, type: 'claim_received' });
    const second = await run(activities.recordClaim, input, { seq: 1, type: 'claim_received' });
    expect(first).toEqual({ created: true });
    expect(second).toEqual({ created: false });
    const where = { claim_number: input.claimNumber };
    expect(await t.db('claims').where(where)).toHaveLength(1);
    expect(await t.db('heirs').where(where)).toHaveLength(2);
    expect(await t.db('children').where(where)).toHaveLength(1);
    expect(await t.db('claim_events').where(where)).toHaveLength(1);
  });
});

describe('payout', () => {
  async function recordedClaim() {
    const { nik } = await createParticipant(t.db);
    const input = claimInput({ participantNik: nik });
    await run(activities.recordClaim, input, { seq: 1, type: 'claim_received' });
    return input;
  }

  it('leaves one ledger row and one transfer when run twice with the same key', async () => {
    const input = await recordedClaim();
    const request = {
      claimNumber: input.claimNumber,
      component: 'lump_sum',
      amount: 20_000_000,
      account: input.bankAccount,
      accountRevision: 0,
    };
    const first = await run(activities.payout, request);
    const second = await run(activities.payout, request);
    expect(first.status).toBe('paid');
    expect(second).toEqual(first);
    const rows = await t.db('payouts').where({ idempotency_key: `${input.claimNumber}:lump_sum` });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'paid', amount: 20_000_000 });
    const transfers = gateway.controls.all().filter((d) => d.reference === `${input.claimNumber}:lump_sum`);
    expect(transfers).toHaveLength(1);
  });

  it('pays once when the gateway transferred the money but the answer was lost', async () => {
    const input = await recordedClaim();
    const request = {
      claimNumber: input.claimNumber,
      component: 'funeral',
      amount: 10_000_000,
      account: input.bankAccount,
      accountRevision: 0,
    };
    gateway.controls.inject({ kind: 'lost_response', match: { idempotencyKeyPrefix: input.claimNumber } });
    await expect(run(activities.payout, request)).rejects.toThrow();
    const pending = await t
      .db('payouts')
      .where({ idempotency_key: `${input.claimNumber}:funeral` })
      .first();
    expect(pending.status).toBe('pending');
    const retried = await run(activities.payout, request); // what Temporal's retry does
    expect(retried.status).toBe('paid');
    const transfers = gateway.controls.all().filter((d) => d.reference === `${input.claimNumber}:funeral`);
    expect(transfers).toHaveLength(1);
    expect((await t.db('payouts').where({ claim_number: input.claimNumber }).first()).status).toBe('paid');
  });

  it('records a refused account as refused, and pays the new account under the same ledger key', async () => {
    const input = await recordedClaim();
    const base = { claimNumber: input.claimNumber, component: 'periodic', amount: 12_000_000 };
    const refused = await run(activities.payout, {
      ...base,
      account: { bankCode: 'BRI', accountNumber: '0009998887', accountName: 'X' },
      accountRevision: 0,
    });
    expect(refused).toMatchObject({ status: 'refused', failureCode: 'ACCOUNT_REFUSED' });
    const paid = await run(activities.payout, {
      ...base,
      account: { bankCode: 'BRI', accountNumber: '5556667778', accountName: 'X' },
      accountRevision: 1,
    });
    expect(paid.status).toBe('paid');
    const rows = await t.db('payouts').where({ claim_number: input.claimNumber });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'paid', account_revision: 1, account_number: '5556667778' });
  });
});
