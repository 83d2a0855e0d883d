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

// Patch claim-shape-fewer-round-trips: each step recorded by the activity doing it, so a retry (local activities are
// retried by the worker, and re-run when a workflow task is replayed after a crash) must still write it once.
describe('the steps folded into the activities doing them', () => {
  async function recordedClaim() {
    const { nik } = await createParticipant(t.db);
    const input = claimInput({ participantNik: nik });
    await run(activities.recordClaim, input, { seq: 1, type: 'claim_received' });
    return input;
  }

  it('records membership_confirmed, the status and the due date in one write, once when run twice', async () => {
    const input = await recordedClaim();
    const event = { seq: 2, type: 'membership_confirmed', data: { verificationDue: '2026-12-04' } };
    await run(activities.recordMembershipConfirmed, input.claimNumber, event, '2026-12-04');
    await run(activities.recordMembershipConfirmed, input.claimNumber, event, '2026-12-04');
    const claim = await t.db('claims').where({ claim_number: input.claimNumber }).first();
    expect(claim).toMatchObject({ status: 'waiting_for_documents', verification_due: '2026-12-04' });
    const events = await t.db('claim_events').where({ claim_number: input.claimNumber, seq: 2 });
    expect(events.map((e) => e.type)).toEqual(['membership_confirmed']);
  });

  it('records the payout_paid event with the key and the gateway reference, once, when a paid payout is retried', async () => {
    const input = await recordedClaim();
    const request = {
      claimNumber: input.claimNumber,
      component: 'lump_sum',
      amount: 20_000_000,
      account: input.bankAccount,
      accountRevision: 0,
      paidEvent: { seq: 2, type: 'payout_paid', data: { component: 'lump_sum', amount: 20_000_000 } },
    };
    // The transfer is made but its answer lost: the retry finds it and records the step then.
    gateway.controls.inject({ kind: 'lost_response', match: { idempotencyKeyPrefix: input.claimNumber } });
    await expect(run(activities.payout, request)).rejects.toThrow();
    expect(await t.db('claim_events').where({ claim_number: input.claimNumber, seq: 2 })).toHaveLength(0);
    const paid = await run(activities.payout, request);
    const again = await run(activities.payout, request);
    expect(again).toEqual(paid);
    const events = await t.db('claim_events').where({ claim_number: input.claimNumber, seq: 2 });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'payout_paid' });
    const data = typeof events[0].data === 'string' ? JSON.parse(events[0].data) : events[0].data;
    expect(data).toEqual({
      component: 'lump_sum',
      amount: 20_000_000,
      idempotencyKey: `${input.claimNumber}:lump_sum`,
      gatewayReference: paid.status === 'paid' ? paid.gatewayReference : 'not paid',
    });
    const transfers = gateway.controls.all().filter((d) => d.reference === `${input.claimNumber}:lump_sum`);
    expect(transfers).toHaveLength(1);
  });

  it('records no event for a refused payout: the number is taken by the next step', async () => {
    const input = await recordedClaim();
    const refused = await run(activities.payout, {
      claimNumber: input.claimNumber,
      component: 'periodic',
      amount: 12_000_000,
      account: { bankCode: 'BRI', accountNumber: '0009998887', accountName: 'X' },
      accountRevision: 0,
      paidEvent: { seq: 2, type: 'payout_paid', data: { component: 'periodic', amount: 12_000_000 } },
    });
    expect(refused.status).toBe('refused');
    expect(await t.db('claim_events').where({ claim_number: input.claimNumber, seq: 2 })).toHaveLength(0);
  });

  it('closes the claim and queues the family notice together, each once when run twice', async () => {
    const input = await recordedClaim();
    const closing = {
      status: 'rejected' as const,
      reason: 'Not a work accident',
      notice: { kind: 'claim_rejected', message: 'Your claim was closed: Not a work accident' },
    };
    const event = { seq: 2, type: 'claim_closed', data: { reason: closing.reason } };
    expect(await run(activities.recordClosing, input.claimNumber, event, closing)).toEqual({
      kind: 'claim_rejected',
    });
    await run(activities.recordClosing, input.claimNumber, event, closing);
    const claim = await t.db('claims').where({ claim_number: input.claimNumber }).first();
    expect(claim).toMatchObject({ status: 'rejected', status_reason: 'Not a work accident' });
    expect(claim.closed_at).not.toBeNull();
    expect(await t.db('claim_events').where({ claim_number: input.claimNumber, seq: 2 })).toHaveLength(1);
    const notices = await t
      .db('notifications')
      .where({ claim_number: input.claimNumber, kind: 'claim_rejected' });
    expect(notices).toHaveLength(1);
  });
});
