import { createTestDb, type TestDb } from '../helpers/db';
import { registryRows, seedRegistry } from '../../db/seeds/registry';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.drop();
});

async function tables(): Promise<string[]> {
  const rows = await t.db('information_schema.tables').where({ table_schema: 'public' }).pluck('table_name');
  return rows.filter((n: string) => !n.startsWith('knex_')).sort();
}

describe('migrations', () => {
  it('run down to nothing and up again on a migrated database', async () => {
    const before = await tables();
    expect(before).toEqual(
      expect.arrayContaining([
        'participants',
        'employers',
        'claims',
        'heirs',
        'documents',
        'assessments',
        'payouts',
      ]),
    );
    await t.db.migrate.rollback(undefined, true);
    expect(await tables()).toEqual([]);
    await t.db.migrate.latest();
    expect(await tables()).toEqual(before);
  });
});

describe('development seed', () => {
  it('holds a realistic registry: 50+ participants, inactive members, arrears, wide wages and tenures', async () => {
    const today = '2026-11-24';
    const summary = await seedRegistry(t.db, today);
    expect(summary.participants).toBeGreaterThanOrEqual(50);
    const again = await seedRegistry(t.db, today); // idempotent
    expect(again).toEqual(summary);
    const { participants, employers } = registryRows(today);
    expect(await t.db('participants').count({ n: '*' })).toEqual([{ n: participants.length }]);
    const wages = participants.map((p) => p.monthly_wage);
    expect(Math.min(...wages)).toBeLessThan(4_000_000);
    expect(Math.max(...wages)).toBeGreaterThan(20_000_000);
    const starts = participants.map((p) => p.membership_start_date);
    expect(starts.some((s) => s > '2023-11-24')).toBe(true); // under 3 years
    expect(starts.some((s) => s < '2016-11-24')).toBe(true); // over 10 years
    expect(participants.some((p) => p.membership_end_date !== null)).toBe(true);
    expect(employers.some((e) => e.arrears_since !== null && e.arrears_since < '2026-08-24')).toBe(true);
  });
});
