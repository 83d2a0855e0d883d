// GET /reconciliations: the daily reports, for staff and auditors only.
import { Client, Connection } from '@temporalio/client';
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../api/app';
import { signStaffToken } from '../../api/middleware/auth';
import { buildOpenApi } from '../../api/routes/openapi';
import { createTestDb, type TestDb } from '../helpers/db';
import { freePort } from '../faults/support/ports';

const SECRET = 'test-secret-at-least-16-chars';
let t: TestDb;
let app: ReturnType<typeof createApp>;
let connection: Connection;

beforeAll(async () => {
  t = await createTestDb();
  // These routes never call Temporal: a client that would find nothing listening is enough.
  connection = Connection.lazy({ address: `127.0.0.1:${await freePort()}` });
  app = createApp({
    db: t.db,
    temporal: new Client({ connection }),
    authSecret: SECRET,
    logger: pino({ level: 'silent' }),
  });
  await t.db('reconciliation_reports').insert([
    {
      business_date: '2026-11-20',
      status: 'balanced',
      ledger_total: 42_000_000,
      gateway_total: 42_000_000,
      matched: 3,
      mismatched: 0,
    },
    {
      business_date: '2026-11-23',
      status: 'mismatched',
      ledger_total: 30_000_000,
      gateway_total: 20_000_000,
      matched: 1,
      mismatched: 1,
    },
  ]);
  await t.db('reconciliation_items').insert([
    {
      business_date: '2026-11-20',
      transfer_key: 'JKM-20261120-AAAAAAAA:funeral',
      outcome: 'matched',
      ledger_amount: 10_000_000,
      gateway_amount: 10_000_000,
    },
    {
      business_date: '2026-11-23',
      transfer_key: 'JKM-20261123-BBBBBBBB:funeral',
      outcome: 'matched',
      ledger_amount: 20_000_000,
      gateway_amount: 20_000_000,
    },
    {
      business_date: '2026-11-23',
      transfer_key: 'JKM-20261123-BBBBBBBB:lump_sum',
      outcome: 'missing_at_gateway',
      claim_number: 'JKM-20261123-BBBBBBBB',
      component: 'lump_sum',
      ledger_amount: 10_000_000,
    },
  ]);
  await t.db('supervisor_tasks').insert({
    dedup_key: 'reconciliation:2026-11-23:JKM-20261123-BBBBBBBB:lump_sum:missing_at_gateway',
    kind: 'reconciliation_missing_at_gateway',
    message: 'missing',
    business_date: '2026-11-23',
    claim_number: 'JKM-20261123-BBBBBBBB',
  });
});

afterAll(async () => {
  await connection?.close();
  await t?.drop();
});

const as = (role: 'officer' | 'supervisor' | 'auditor') =>
  `Bearer ${signStaffToken(SECRET, { id: `${role}-1`, role })}`;

describe('GET /api/v1/reconciliations', () => {
  it.each(['officer', 'supervisor', 'auditor'] as const)(
    'lists the reports newest first for a %s, each with its mismatches',
    async (role) => {
      const res = await request(app).get('/api/v1/reconciliations').set('Authorization', as(role));
      expect(res.status).toBe(200);
      expect(res.body.reports.map((r: { date: string }) => r.date)).toEqual(['2026-11-23', '2026-11-20']);
      expect(res.body.reports[0]).toMatchObject({
        status: 'mismatched',
        ledgerTotal: 30_000_000,
        gatewayTotal: 20_000_000,
        mismatches: [
          { outcome: 'missing_at_gateway', claimNumber: 'JKM-20261123-BBBBBBBB', ledgerAmount: 10_000_000 },
        ],
      });
      expect(res.body.reports[1].mismatches).toEqual([]);
    },
  );

  it('filters by status and dates', async () => {
    const res = await request(app)
      .get('/api/v1/reconciliations?status=balanced&from=2026-11-01&to=2026-11-30')
      .set('Authorization', as('auditor'));
    expect(res.body.reports.map((r: { date: string }) => r.date)).toEqual(['2026-11-20']);
  });

  it('shows one day with every item and the tasks it opened', async () => {
    const res = await request(app)
      .get('/api/v1/reconciliations/2026-11-23')
      .set('Authorization', as('supervisor'));
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { outcome: string }) => i.outcome)).toEqual([
      'matched',
      'missing_at_gateway',
    ]);
    expect(res.body.tasks).toEqual([
      expect.objectContaining({ kind: 'reconciliation_missing_at_gateway', status: 'open' }),
    ]);
    const none = await request(app)
      .get('/api/v1/reconciliations/2026-01-01')
      .set('Authorization', as('auditor'));
    expect(none.status).toBe(404);
  });

  it('refuses a request without a staff token (401), a bad token (401) and a bad query (400)', async () => {
    expect((await request(app).get('/api/v1/reconciliations')).status).toBe(401);
    expect(
      (await request(app).get('/api/v1/reconciliations').set('Authorization', 'Bearer nope')).status,
    ).toBe(401);
    expect((await request(app).get('/api/v1/reconciliations/2026-11-23')).status).toBe(401);
    const bad = await request(app)
      .get('/api/v1/reconciliations?from=yesterday')
      .set('Authorization', as('officer'));
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('from');
  });

  it('is in the OpenAPI document', () => {
    const paths = buildOpenApi().paths as Record<string, unknown>;
    expect(paths).toHaveProperty(['/reconciliations', 'get']);
    expect(paths).toHaveProperty(['/reconciliations/{date}', 'get']);
  });
});
