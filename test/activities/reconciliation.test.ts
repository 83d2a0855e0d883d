// Reconciliation: the comparison on its own, then the activity against the real PostgreSQL and sandbox gateway.
import { MockActivityEnvironment } from '@temporalio/testing';
import { createActivities } from '../../activities';
import { jakartaDayRange, reconcile, type LedgerEntry } from '../../activities/reconciliation';
import type { Disbursement, Statement } from '../../gateway/client';
import { jakartaDate } from '../../rules';
import { createTestDb, type TestDb } from '../helpers/db';
import { claimInput, createParticipant } from '../helpers/factories';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { pendingWithoutTask, reconciliationDeadline } from '../faults/support/pending-overdue';

function transfer(key: string, amount: number, status: Disbursement['status'] = 'completed'): Disbursement {
  return {
    id: `dsb_${key}`,
    idempotencyKey: key,
    status,
    amount,
    currency: 'IDR',
    bankCode: 'BRI',
    accountNumber: '******7890',
    accountName: 'Sri',
    reference: key.replace(/:r\d+$/, ''),
    createdAt: '2026-11-24T03:00:00.000Z',
  };
}

function entry(key: string, amount: number): LedgerEntry {
  const [claimNumber, component] = key.split(':') as [string, string];
  return { transferKey: key, claimNumber, component, amount, gatewayReference: `dsb_${key}` };
}

const statement = (disbursements: Disbursement[]): Statement => ({
  date: '2026-11-24',
  disbursements,
  total: disbursements.filter((d) => d.status === 'completed').reduce((s, d) => s + d.amount, 0),
});

describe('reconcile', () => {
  const A = 'JKM-20261124-AAAAAAAA';
  it('records each transfer key as matched, missing at the gateway, unknown to the ledger or amount mismatch', () => {
    const result = reconcile(
      [
        entry(`${A}:funeral`, 10_000_000),
        entry(`${A}:lump_sum`, 20_000_000),
        entry(`${A}:periodic`, 12_000_000),
      ],
      statement([
        transfer(`${A}:funeral`, 10_000_000),
        transfer(`${A}:periodic`, 12_500_000),
        transfer(`${A}:late_compensation`, 420_000),
        transfer('someone-else', 5),
      ]),
    );
    expect(result.items.map((i) => [i.transferKey, i.outcome])).toEqual([
      [`${A}:funeral`, 'matched'],
      [`${A}:late_compensation`, 'unknown_to_ledger'],
      [`${A}:lump_sum`, 'missing_at_gateway'],
      [`${A}:periodic`, 'amount_mismatch'],
      ['someone-else', 'unknown_to_ledger'],
    ]);
    expect(result.items.find((i) => i.outcome === 'unknown_to_ledger')).toMatchObject({
      claimNumber: A,
      component: 'late_compensation',
    });
    expect(result.items.find((i) => i.transferKey === 'someone-else')).toMatchObject({ claimNumber: null });
    expect(result).toMatchObject({ ledgerTotal: 42_000_000, gatewayTotal: 22_920_005 });
  });

  it('leaves refused transfers out: they moved no money', () => {
    const result = reconcile(
      [entry(`${A}:funeral:r1`, 10_000_000)],
      statement([transfer(`${A}:funeral`, 10_000_000, 'failed'), transfer(`${A}:funeral:r1`, 10_000_000)]),
    );
    expect(result.items.map((i) => i.outcome)).toEqual(['matched']);
    expect(result.gatewayTotal).toBe(10_000_000);
  });

  it('calls a ledger row whose only transfer was refused missing at the gateway', () => {
    const result = reconcile(
      [entry(`${A}:funeral`, 10_000_000)],
      statement([transfer(`${A}:funeral`, 10_000_000, 'failed')]),
    );
    expect(result.items.map((i) => i.outcome)).toEqual(['missing_at_gateway']);
  });

  it('reports a row still pending as its own item, unless the statement names its transfer', () => {
    const pending = (component: string) => ({
      transferKey: `${A}:${component}`,
      claimNumber: A,
      component,
      amount: 10_000_000,
    });
    const result = reconcile([], statement([transfer(`${A}:lump_sum`, 10_000_000)]), [
      pending('funeral'),
      pending('lump_sum'),
    ]);
    expect(result.items.map((i) => [i.transferKey, i.outcome])).toEqual([
      [`${A}:funeral`, 'pending_overdue'],
      [`${A}:lump_sum`, 'unknown_to_ledger'],
    ]);
    expect(result).toMatchObject({ ledgerTotal: 0, gatewayTotal: 10_000_000 });
  });

  it('reads a Jakarta day as 17:00 UTC the day before to 17:00 UTC that day', () => {
    expect(jakartaDayRange('2026-11-24').map((d) => d.toISOString())).toEqual([
      '2026-11-23T17:00:00.000Z',
      '2026-11-24T17:00:00.000Z',
    ]);
  });
});

describe('reconcileDay', () => {
  let t: TestDb;
  let gateway: TestGateway;
  let activities: ReturnType<typeof createActivities>;
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

  it('balances a day paid through the ledger, then reports each tampered item once and opens one task for each', async () => {
    const today = jakartaDate(Date.now());
    const { nik } = await createParticipant(t.db);
    const input = claimInput({ participantNik: nik });
    await run(activities.recordClaim, input, { seq: 1, type: 'claim_received' });
    for (const [component, amount] of [
      ['funeral', 10_000_000],
      ['lump_sum', 20_000_000],
      ['periodic', 12_000_000],
    ] as const) {
      await run(activities.payout, {
        claimNumber: input.claimNumber,
        component,
        amount,
        account: input.bankAccount,
        accountRevision: 0,
      });
    }

    expect(await run(activities.reconcileDay, today)).toEqual({
      date: today,
      status: 'balanced',
      ledgerTotal: 42_000_000,
      gatewayTotal: 42_000_000,
      matched: 3,
      mismatched: 0,
    });
    expect(await t.db('supervisor_tasks')).toEqual([]);

    // The bank paid something the ledger never asked for; the ledger says paid for a transfer the bank never made;
    // and one amount differs.
    await gateway.client.disburse({
      idempotencyKey: 'stray-transfer',
      amount: 5_000,
      bankCode: 'BRI',
      accountNumber: '1112223334',
      accountName: 'Unknown',
      reference: 'stray-transfer',
    });
    await t.db('payouts').insert({
      idempotency_key: `${input.claimNumber}:late_compensation`,
      claim_number: input.claimNumber,
      component: 'late_compensation',
      amount: 420_000,
      status: 'paid',
      gateway_key: `${input.claimNumber}:late_compensation`,
      account_revision: 0,
      bank_code: 'BRI',
      account_number: '1234567890',
      paid_at: new Date(),
    });
    await t
      .db('payouts')
      .where({ idempotency_key: `${input.claimNumber}:funeral` })
      .update({ amount: 9_000_000 });

    const mismatched = await run(activities.reconcileDay, today);
    expect(mismatched).toMatchObject({
      status: 'mismatched',
      matched: 2,
      mismatched: 3,
      ledgerTotal: 41_420_000,
      gatewayTotal: 42_005_000,
    });
    const again = await run(activities.reconcileDay, today); // a retried or repeated run changes nothing
    expect(again).toEqual(mismatched);

    const items = await t.db('reconciliation_items').where({ business_date: today }).orderBy('transfer_key');
    expect(items.map((i) => i.outcome).sort()).toEqual([
      'amount_mismatch',
      'matched',
      'matched',
      'missing_at_gateway',
      'unknown_to_ledger',
    ]);
    const tasks = await t.db('supervisor_tasks').where({ business_date: today }).orderBy('kind');
    expect(tasks.map((task) => task.kind)).toEqual([
      'reconciliation_amount_mismatch',
      'reconciliation_missing_at_gateway',
      'reconciliation_unknown_to_ledger',
    ]);
    expect(tasks.every((task) => task.status === 'open')).toBe(true);
    expect(await t.db('reconciliation_reports').where({ business_date: today })).toHaveLength(1);
  });

  it('reports an empty day as balanced', async () => {
    expect(await run(activities.reconcileDay, '2020-01-01')).toMatchObject({
      status: 'balanced',
      matched: 0,
      ledgerTotal: 0,
    });
  });

  it('reports a row pending since before the day as pending_overdue, day after day, with one task', async () => {
    const { nik } = await createParticipant(t.db);
    const input = claimInput({ participantNik: nik });
    await run(activities.recordClaim, input, { seq: 1, type: 'claim_received' });
    const row = (component: string, updatedAt: Date) => ({
      idempotency_key: `${input.claimNumber}:${component}`,
      claim_number: input.claimNumber,
      component,
      amount: 10_000_000,
      status: 'pending',
      gateway_key: `${input.claimNumber}:${component}`,
      account_revision: 0,
      bank_code: 'BRI',
      account_number: '1234567890',
      created_at: updatedAt,
      updated_at: updatedAt,
    });
    // Stuck for three days; and one that went pending a minute ago, still within its transfer.
    await t
      .db('payouts')
      .insert([
        row('funeral', new Date(Date.now() - 3 * 86_400_000)),
        row('lump_sum', new Date(Date.now() - 60_000)),
      ]);
    const yesterday = jakartaDate(Date.now() - 86_400_000);
    const today = jakartaDate(Date.now());
    // The fault suite's invariant sees the stuck row before the reconciliation has run, and not after.
    const ledger = () => t.db('payouts').where({ claim_number: input.claimNumber });
    const taskKeys = () => t.db('supervisor_tasks').pluck('dedup_key');
    expect(pendingWithoutTask(await ledger(), await taskKeys(), Date.now())).toEqual([
      `${input.claimNumber}:funeral`,
    ]);

    expect(await run(activities.reconcileDay, yesterday)).toMatchObject({
      status: 'mismatched',
      mismatched: 1,
      ledgerTotal: 0,
    });
    await run(activities.reconcileDay, today);
    for (const day of [yesterday, today]) {
      const stuck = await t
        .db('reconciliation_items')
        .where({ business_date: day, outcome: 'pending_overdue' });
      expect(stuck.map((i) => [i.transfer_key, i.claim_number, Number(i.ledger_amount)])).toEqual([
        [`${input.claimNumber}:funeral`, input.claimNumber, 10_000_000],
      ]);
    }
    const tasks = await t.db('supervisor_tasks').where({ kind: 'reconciliation_pending_overdue' });
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      claim_number: input.claimNumber,
      business_date: yesterday,
      status: 'open',
    });
    expect(tasks[0].message).toContain('pending for more than a day');
    expect(pendingWithoutTask(await ledger(), await taskKeys(), Date.now())).toEqual([]);
  });
});

describe("the fault suite's invariant: no row pending past the reconciliation window without a task", () => {
  const at = (iso: string) => new Date(iso);
  // Pending since 24 Nov 2026, 10:00 in Jakarta: the run at 01:00 on 26 Nov reports it (deadline 02:00 Jakarta).
  const since = at('2026-11-24T03:00:00Z');
  const row = (key: string, status = 'pending', updatedAt = since) => ({
    gateway_key: key,
    status,
    updated_at: updatedAt,
  });

  it('puts the deadline at the run on the second Jakarta day after the row went pending', () => {
    expect(new Date(reconciliationDeadline(since)).toISOString()).toBe('2026-11-25T19:00:00.000Z');
    // 00:30 on 25 Nov in Jakarta (still 24 Nov in UTC) counts from the Jakarta day.
    expect(new Date(reconciliationDeadline(at('2026-11-24T17:30:00Z'))).toISOString()).toBe(
      '2026-11-26T19:00:00.000Z',
    );
  });

  it('names a row pending past the deadline with no task, and only that row', () => {
    const rows = [
      row('JKM-20261124-AAAAAAAA:funeral'), // stuck, no task: the failure
      row('JKM-20261124-AAAAAAAA:lump_sum'), // stuck, with its task
      row('JKM-20261124-AAAAAAAA:periodic', 'paid'), // old, but paid
      row('JKM-20261124-BBBBBBBB:funeral', 'pending', at('2026-11-25T20:00:00Z')), // pending, still in its window
    ];
    const tasks = ['reconciliation:pending_overdue:JKM-20261124-AAAAAAAA:lump_sum', 'payout_failed:other'];
    expect(pendingWithoutTask(rows, tasks, Date.parse('2026-11-25T19:00:00Z'))).toEqual([
      'JKM-20261124-AAAAAAAA:funeral',
    ]);
  });

  it('passes before the deadline, and once the task is opened', () => {
    const rows = [row('JKM-20261124-AAAAAAAA:funeral')];
    expect(pendingWithoutTask(rows, [], Date.parse('2026-11-25T18:59:59Z'))).toEqual([]);
    expect(
      pendingWithoutTask(
        rows,
        ['reconciliation:pending_overdue:JKM-20261124-AAAAAAAA:funeral'],
        Date.parse('2026-11-30T00:00:00Z'),
      ),
    ).toEqual([]);
  });
});
