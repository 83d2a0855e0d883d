// The /metrics totals are kept by triggers (migration 20261201000500_metric_totals): whatever inserts, updates or
// deletes claims and payouts, in one row or thousands, the totals equal a count over the tables.
import { createStores, type Stores } from '../../db/stores';
import { benchClaimNumber, generateClaims } from '../../bench/lib/generate';
import { createTestDb, type TestDb } from '../helpers/db';

let t: TestDb;
let stores: Stores;

beforeAll(async () => {
  t = await createTestDb();
  stores = createStores(t.db);
});

afterAll(async () => {
  await t?.drop();
});

const byKey = <T extends Record<string, unknown>>(rows: T[], keys: (keyof T)[]) =>
  [...rows].sort((a, b) =>
    keys
      .map((k) => String(a[k]))
      .join()
      .localeCompare(keys.map((k) => String(b[k])).join()),
  );

async function counted() {
  const { rows: claims } = await t.db.raw<{ rows: { program: string; status: string; n: string }[] }>(
    'select program, status, count(*) as n from claims group by program, status',
  );
  const { rows: payouts } = await t.db.raw<{ rows: { status: string; n: string; amount: string }[] }>(
    'select status, count(*) as n, sum(amount) as amount from payouts group by status',
  );
  return {
    claims: byKey(
      claims.map((r) => ({ program: r.program, status: r.status, n: Number(r.n) })),
      ['program', 'status'],
    ),
    payouts: byKey(
      payouts.map((r) => ({ status: r.status, n: Number(r.n), amount: Number(r.amount) })),
      ['status'],
    ),
  };
}

async function kept() {
  return {
    claims: byKey(await stores.claims.countByProgramAndStatus(), ['program', 'status']),
    payouts: byKey(await stores.payouts.totalsByStatus(), ['status']),
  };
}

describe('the metric totals', () => {
  it('follow bulk inserts, single updates, status changes, deletes and truncation', async () => {
    await generateClaims(t.db, { claims: 40, dayPayouts: 10 });
    expect((await kept()).claims.length).toBeGreaterThan(3);
    expect(await kept()).toEqual(await counted());

    // One claim at a time, as the activities write: a status change, a change that leaves the status alone.
    await stores.claims.appendEvent(
      benchClaimNumber(7),
      { seq: 10, type: 'decision_recorded' },
      { status: 'paying' },
    );
    await stores.claims.appendEvent(benchClaimNumber(8), { seq: 10, type: 'noted' }, { statusReason: 'x' });
    await stores.payouts.markFailed(`${benchClaimNumber(1)}:death_benefit`, 'account_closed');
    expect(await kept()).toEqual(await counted());

    // Many rows in one statement, in both directions, and a delete.
    await t.db('claims').where('status', 'waiting_for_documents').update({ status: 'waiting_for_decision' });
    await t
      .db('payouts')
      .where({ claim_number: benchClaimNumber(2) })
      .update({ amount: 5 });
    await t
      .db('payouts')
      .where({ claim_number: benchClaimNumber(3) })
      .delete();
    expect(await kept()).toEqual(await counted());

    await t.db.raw('truncate payouts');
    expect((await kept()).payouts).toEqual([]);
    expect(await kept()).toEqual(await counted());
  });
});
