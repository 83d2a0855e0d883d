// The operational stores against the real PostgreSQL: audit log, rate-limit counters and reconciliation reports.
import { createStores, type AuditEntry, type Stores } from '../../db/stores';
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

function entry(status: number, at: string, actorId: string | null = 'officer-1'): AuditEntry {
  return {
    at: new Date(at),
    actorKind: actorId ? 'staff' : 'anonymous',
    actorId,
    actorRole: actorId ? 'officer' : null,
    method: 'GET',
    route: '/claims/:claimNumber',
    path: '/api/v1/claims/JKM-20261124-AUDIT001',
    claimNumber: 'JKM-20261124-AUDIT001',
    status,
    problemType: status >= 400 ? 'problem' : null,
    clientAddress: '203.0.113.7',
  };
}

describe('audit log', () => {
  beforeAll(async () => {
    for (const [status, at] of [
      [200, '2026-11-20T01:00:00Z'],
      [401, '2026-11-21T01:00:00Z'],
      [403, '2026-11-22T01:00:00Z'],
      [404, '2026-11-23T01:00:00Z'],
      [503, '2026-11-24T01:00:00Z'],
    ] as const) {
      await stores.auditLog.append(entry(status, at));
    }
    await stores.auditLog.append({ ...entry(200, '2026-11-24T02:00:00Z', null), actorId: null });
  });

  it('lists newest first and pages on id until the last page', async () => {
    const first = await stores.auditLog.listPage({ limit: 4 });
    expect(first.rows.map((r) => r.status)).toEqual([200, 503, 404, 403]);
    expect(first.rows[0]).toMatchObject({ actor_kind: 'anonymous', actor_id: null, at: expect.any(Date) });
    expect(first.nextAfter).toBe(first.rows[3]!.id);
    const second = await stores.auditLog.listPage({ limit: 4, afterId: first.nextAfter! });
    expect(second.rows.map((r) => r.status)).toEqual([401, 200]);
    expect(second.nextAfter).toBeNull();
  });

  it('filters by outcome, actor, status and time', async () => {
    const statuses = async (f: Omit<Parameters<Stores['auditLog']['listPage']>[0], 'limit'>) =>
      (await stores.auditLog.listPage({ limit: 50, ...f })).rows.map((r) => r.status);
    expect(await statuses({ outcome: 'success' })).toEqual([200, 200]);
    expect(await statuses({ outcome: 'denied' })).toEqual([403, 401]);
    expect(await statuses({ outcome: 'failed' })).toEqual([404]);
    expect(await statuses({ outcome: 'error' })).toEqual([503]);
    expect(await statuses({ actorId: 'officer-1', status: 200 })).toEqual([200]);
    expect(await statuses({ claimNumber: 'JKM-20261124-OTHER001' })).toEqual([]);
    const to = { at: '2026-11-22T01:00:00.000Z', inclusive: false };
    expect(await statuses({ from: '2026-11-21T00:00:00.000Z', to })).toEqual([401]);
    expect(await statuses({ from: '2026-11-21T00:00:00.000Z', to: { ...to, inclusive: true } })).toEqual([
      403, 401,
    ]);
  });

  it('cuts long values to their column instead of losing the entry', async () => {
    await stores.auditLog.append({
      ...entry(200, '2026-11-25T00:00:00Z'),
      actorId: 'x'.repeat(150),
      method: 'M'.repeat(12),
    });
    const [row] = (await stores.auditLog.listPage({ limit: 1 })).rows;
    expect(row).toMatchObject({ actor_id: 'x'.repeat(100), method: 'M'.repeat(10) });
  });
});

describe('rate-limit counters', () => {
  it('counts up within the window, takes a hit back, and forgets a reset key', async () => {
    const first = await stores.rateLimits.increment('test:a', 60_000);
    expect(first.hits).toBe(1);
    expect(first.reset_at.getTime()).toBeGreaterThan(Date.now());
    expect((await stores.rateLimits.increment('test:a', 60_000)).hits).toBe(2);
    expect(await stores.rateLimits.get('test:a')).toEqual({ hits: 2, reset_at: first.reset_at });
    await stores.rateLimits.decrement('test:a');
    expect((await stores.rateLimits.get('test:a'))?.hits).toBe(1);
    await stores.rateLimits.reset('test:a');
    expect(await stores.rateLimits.get('test:a')).toBeUndefined();
  });

  it('starts a new window at 1 after the old one passed, and sweeps expired counters', async () => {
    await stores.rateLimits.increment('test:b', 1);
    await stores.rateLimits.increment('test:c', 1);
    await new Promise((r) => setTimeout(r, 20));
    expect(await stores.rateLimits.get('test:b')).toBeUndefined();
    expect((await stores.rateLimits.increment('test:b', 60_000)).hits).toBe(1);
    await stores.rateLimits.sweep();
    expect(await t.db('rate_limit_counters').whereIn('key', ['test:b', 'test:c']).pluck('key')).toEqual([
      'test:b',
    ]);
  });
});

describe('reconciliation', () => {
  const summary = (date: string, mismatched: number) => ({
    date,
    status: mismatched === 0 ? ('balanced' as const) : ('mismatched' as const),
    ledgerTotal: 30_000_000,
    gatewayTotal: 20_000_000,
    matched: 1,
    mismatched,
  });
  const item = (key: string, outcome: 'matched' | 'missing_at_gateway') => ({
    transferKey: key,
    outcome,
    claimNumber: 'JKM-20261124-RECON001',
    component: key.split(':')[1] ?? null,
    ledgerAmount: 10_000_000,
    gatewayAmount: outcome === 'matched' ? 10_000_000 : null,
    gatewayReference: null,
  });
  const task = {
    dedupKey: 'reconciliation:2026-11-24:k',
    kind: 'reconciliation_missing_at_gateway',
    message: 'm',
  };

  it('replaces a day on a re-run, never opening a task twice, and reads it back', async () => {
    const items = [
      item('JKM-20261124-RECON001:b', 'missing_at_gateway'),
      item('JKM-20261124-RECON001:a', 'matched'),
    ];
    await stores.reconciliation.saveDay(summary('2026-11-24', 1), items, [{ ...task, claimNumber: null }]);
    await stores.reconciliation.saveDay(summary('2026-11-24', 1), items, [{ ...task, claimNumber: null }]);
    await stores.reconciliation.saveDay(
      summary('2026-11-23', 0),
      [item('JKM-20261124-RECON001:c', 'matched')],
      [],
    );

    const day = await stores.reconciliation.day('2026-11-24');
    expect(day?.report).toMatchObject({
      business_date: '2026-11-24',
      status: 'mismatched',
      ledger_total: 30_000_000,
    });
    expect(day?.items.map((i) => [i.transfer_key, i.outcome])).toEqual([
      ['JKM-20261124-RECON001:a', 'matched'],
      ['JKM-20261124-RECON001:b', 'missing_at_gateway'],
    ]);
    expect(day?.tasks).toEqual([
      expect.objectContaining({ kind: task.kind, status: 'open', business_date: '2026-11-24' }),
    ]);
    expect(await stores.reconciliation.day('2026-01-01')).toBeUndefined();
  });

  it('lists reports newest first with their mismatches, filtered by day and status', async () => {
    const all = await stores.reconciliation.listWithMismatches({ limit: 30 });
    expect(all.map((r) => [r.report.business_date, r.mismatches.map((i) => i.outcome)])).toEqual([
      ['2026-11-24', ['missing_at_gateway']],
      ['2026-11-23', []],
    ]);
    expect(
      (await stores.reconciliation.listReports({ status: 'balanced', limit: 30 })).map(
        (r) => r.business_date,
      ),
    ).toEqual(['2026-11-23']);
    expect(
      (await stores.reconciliation.listReports({ from: '2026-11-24', to: '2026-11-24', limit: 30 })).map(
        (r) => r.business_date,
      ),
    ).toEqual(['2026-11-24']);
    expect(await stores.reconciliation.mismatches([])).toEqual([]);
  });
});
