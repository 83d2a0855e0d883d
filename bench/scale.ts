// A national year and more in PostgreSQL: BENCH_SCALE_CLAIMS claims (default 1,000,000) with their heirs, documents,
// assessments, payouts, events and audit rows, and one scholarship (3 school years) per ten claims, generated with
// set-based SQL (bench/lib/generate.ts) into santunan_bench_scale. Then, against the API as bin/api.ts builds it,
// p50 and p99 with autocannon (BENCH_SCALE_CONNECTIONS, default 1, for BENCH_SECONDS, default 5 s, each over many
// different claims) of: the work queue's first page and a deep page by cursor, the staff and family views, the audit
// log by claim and a /metrics scrape; and the reconciliation of a day with 5,000 payouts (the activity, 10 runs).
// Prints the EXPLAIN (ANALYZE, BUFFERS) of every statement each one runs. Targets: reads p99 under 50 ms, the
// scrape under 100 ms. BENCH_SCALE_REUSE=1 keeps a database already generated at that size. Asserts no timing.
import { createReconciliationActivities, jakartaDayRange } from '../activities/reconciliation';
import { signStaffToken } from '../api/middleware/auth';
import { encodeCursor } from '../api/schemas/claims';
import pg from 'pg';
import { createDb, type Db } from '../db/config';
import { createStores } from '../db/stores';
import type { PaymentGateway, Statement } from '../gateway/client';

import { BENCH_TRACKING_CODE, RECONCILIATION_DAY, benchClaimNumber, generateClaims } from './lib/generate';
import {
  BENCH_AUTH_SECRET,
  benchDatabaseUrl,
  freshDatabase,
  load,
  staffToken,
  startServer,
  type LoadFigures,
} from './lib/load';
import { hashTrackingCode, DEV_TRACKING_CODE_SECRET } from '../api/middleware/tracking-code';

const CLAIMS = Number(process.env.BENCH_SCALE_CLAIMS ?? 1_000_000);
/** One client by default: the figures are each request's latency, not the queueing of a busy 2-core machine. */
const CONNECTIONS = Number(process.env.BENCH_SCALE_CONNECTIONS ?? 1);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const DAY_PAYOUTS = 5000;
const RECONCILIATION_RUNS = 10;
/** Claims spread over the whole table, so the reads are not all of a few cached pages. */
const SAMPLE = 2000;

const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;

async function prepare(url: string): Promise<void> {
  if (process.env.BENCH_SCALE_REUSE === '1') {
    const db = createDb(url, { max: 1 });
    try {
      const { rows } = await db.raw<{ rows: { n: string }[] }>('select count(*) as n from claims');
      if (Number(rows[0]?.n) === CLAIMS) {
        await db.migrate.latest();
        console.log(`reusing santunan_bench_scale: ${CLAIMS.toLocaleString('en-US')} claims`);
        return;
      }
    } catch {
      // no such database yet: generate it
    } finally {
      await db.destroy();
    }
  }
  const started = process.hrtime.bigint();
  const db = await freshDatabase(url);
  console.log(`generating ${CLAIMS.toLocaleString('en-US')} claims into santunan_bench_scale:`);
  await generateClaims(db, { claims: CLAIMS, dayPayouts: DAY_PAYOUTS, log: (l) => console.log(l) });
  const { rows } = await db.raw<{ rows: { size: string }[] }>(
    'select pg_size_pretty(pg_database_size(current_database())) as size',
  );
  console.log(`  generated in ${seconds(started).toFixed(0)} s; database size ${rows[0]?.size}`);
  await db.destroy();
}

/** The statements `read` runs, each with EXPLAIN (ANALYZE, BUFFERS) printed (ANALYZE runs them once more). */
async function explain(
  db: Db,
  pgClient: pg.Client,
  title: string,
  read: () => Promise<unknown>,
): Promise<number> {
  const seen: { sql: string; bindings: readonly unknown[] }[] = [];
  const listen = (q: { sql: string; bindings?: readonly unknown[] }) =>
    seen.push({ sql: q.sql, bindings: q.bindings ?? [] });
  db.on('query', listen);
  try {
    await read();
  } finally {
    db.off('query', listen);
  }
  let executionMs = 0;
  for (const { sql, bindings } of seen) {
    // As knex sent it: $n placeholders, the bindings in order.
    const { rows } = await pgClient.query<{ 'QUERY PLAN': string }>(
      `explain (analyze, buffers) ${sql}`,
      bindings as unknown[],
    );
    console.log(`\n-- EXPLAIN ${title}\n-- ${sql.replace(/\s+/g, ' ').slice(0, 300)}`);
    for (const r of rows) {
      console.log(r['QUERY PLAN']);
      const time = /^Execution Time: ([\d.]+) ms/.exec(r['QUERY PLAN']);
      if (time) executionMs += Number(time[1]);
    }
  }
  return executionMs;
}

/** The ledger's own day as the bank's statement: every paid row completed (this bench measures our side). */
function statementFromLedger(db: Db): PaymentGateway {
  const stores = createStores(db);
  const unused = () => Promise.reject(new Error('reconciliation reads statements only'));
  return {
    disburse: unused,
    get: unused,
    async statement(date): Promise<Statement> {
      const [from, to] = jakartaDayRange(date);
      const rows = await stores.payouts.paidBetween(from, to);
      return {
        date,
        total: rows.reduce((sum, r) => sum + r.amount, 0),
        disbursements: rows.map((r) => ({
          id: r.gateway_reference ?? r.gateway_key,
          idempotencyKey: r.gateway_key,
          status: 'completed',
          amount: r.amount,
          currency: 'IDR',
          bankCode: 'BRI',
          accountNumber: '****0000',
          accountName: 'x',
          reference: r.gateway_key,
          createdAt: from.toISOString(),
          completedAt: from.toISOString(),
        })),
      };
    },
  };
}

async function reconciliationFigures(db: Db): Promise<LoadFigures> {
  const gateway = statementFromLedger(db);
  const activities = createReconciliationActivities(db, gateway);
  const times: number[] = [];
  let matched = 0;
  for (let i = 0; i < RECONCILIATION_RUNS + 1; i++) {
    const started = process.hrtime.bigint();
    const summary = await activities.reconcileDay(RECONCILIATION_DAY);
    if (i > 0) times.push(seconds(started) * 1000); // the first run is the warm-up
    matched = summary.matched;
  }
  times.sort((a, b) => a - b);
  const pick = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
  return {
    name: `reconciliation of ${RECONCILIATION_DAY} (${matched.toLocaleString('en-US')} payouts; ${RECONCILIATION_RUNS} runs)`,
    rps: 1000 / (times.reduce((a, b) => a + b, 0) / times.length),
    p50: pick(0.5),
    p99: pick(0.99),
    requests: times.length,
    failures: matched === DAY_PAYOUTS ? 0 : 1,
  };
}

interface Run {
  figures: LoadFigures;
  /** The p99 target, when there is one. */
  target?: number;
  /** The statements' execution time inside PostgreSQL, from EXPLAIN ANALYZE (one run, warm). */
  databaseMs: number;
}

function print(runs: Run[]): void {
  const rows = runs.map(({ figures: f, target, databaseMs }) => [
    f.name,
    `${databaseMs.toFixed(2)} ms`,
    f.rps.toLocaleString('en-US', { maximumFractionDigits: 0 }),
    `${f.p50.toFixed(1)} ms`,
    `${f.p99.toFixed(1)} ms`,
    target === undefined ? '' : `< ${target} ms`,
    target === undefined ? '' : f.p99 < target ? 'met' : 'NOT met',
    f.failures === 0 ? '' : `${f.failures} failed of ${f.requests}`,
  ]);
  const head = ['what', 'in PostgreSQL', 'req/s', 'p50', 'p99', 'target p99', '', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const row of [head, ...rows]) console.log(row.map((c, i) => c.padEnd(widths[i]!)).join('  '));
}

async function main(): Promise<void> {
  const url = benchDatabaseUrl('santunan_bench_scale');
  await prepare(url);
  const db = createDb(url, { max: 4 });
  const stores = createStores(db);
  const pgClient = new pg.Client({ connectionString: url });
  await pgClient.connect();

  const sample = Array.from({ length: SAMPLE }, (_, k) =>
    benchClaimNumber(1 + Math.floor(((k + 0.5) * CLAIMS) / SAMPLE)),
  );
  const deep = benchClaimNumber(Math.floor(CLAIMS * 0.9));
  const { rows: at } = await db.raw<{ rows: { at: string }[] }>(
    `select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at from claims where claim_number = ?`,
    [deep],
  );
  const cursor = encodeCursor(at[0]!.at, deep);
  const staff = staffToken();
  const auditor = signStaffToken(BENCH_AUTH_SECRET, { id: 'bench-auditor', role: 'auditor' });
  const asStaff = { authorization: `Bearer ${staff}` };
  const asAuditor = { authorization: `Bearer ${auditor}` };

  // Each read: what EXPLAIN ANALYZE shows of the store calls the route makes, then the route under autocannon.
  const [from, to] = jakartaDayRange(RECONCILIATION_DAY);
  const family = sample[0]!;
  const familyHeaders = (k: number) => ({
    'x-tracking-code': BENCH_TRACKING_CODE,
    'x-forwarded-for': `10.2.${k >> 8}.${k & 255}`,
  });
  const reads: {
    name: string;
    statements: () => Promise<unknown>;
    requests: Parameters<typeof load>[2];
    target: number;
  }[] = [
    {
      name: 'work queue, first page',
      statements: () => stores.claims.listPage({ limit: 20 }),
      requests: [{ path: '/api/v1/claims?limit=20', headers: asStaff }],
      target: 50,
    },
    {
      name: 'work queue, first page of one status',
      statements: () => stores.claims.listPage({ limit: 20, status: 'waiting_for_documents' }),
      requests: [{ path: '/api/v1/claims?status=waiting_for_documents&limit=20', headers: asStaff }],
      target: 50,
    },
    {
      name: 'work queue, first page of a status no claim has',
      statements: () => stores.claims.listPage({ limit: 20, status: 'payout_failed' }),
      requests: [{ path: '/api/v1/claims?status=payout_failed&limit=20', headers: asStaff }],
      target: 50,
    },
    {
      name: 'work queue, deep page by cursor (90% in)',
      statements: () => stores.claims.listPage({ limit: 20, after: [at[0]!.at, deep] }),
      requests: [{ path: `/api/v1/claims?limit=20&cursor=${cursor}`, headers: asStaff }],
      target: 50,
    },
    {
      name: 'staff claim view',
      statements: () => stores.claimViews.staff(sample[1]!),
      requests: sample.map((c) => ({ path: `/api/v1/claims/${c}`, headers: asStaff })),
      target: 50,
    },
    {
      name: 'family view (rate limit and view: one statement)',
      statements: async () => {
        await stores.rateLimits.attempt('family:address:10.9.9.9', 60_000, {
          key: `family:claim:${family}`,
          claimNumber: family,
          codeHash: hashTrackingCode(BENCH_TRACKING_CODE, DEV_TRACKING_CODE_SECRET),
          limit: 10,
        });
        await stores.claimViews.family(family);
      },
      requests: sample.map((c, k) => ({ path: `/api/v1/track/${c}`, headers: familyHeaders(k) })),
      target: 50,
    },
    {
      name: 'audit log by claim',
      statements: () => stores.auditLog.listPage({ claimNumber: sample[2]!, limit: 50 }),
      requests: sample.map((c) => ({ path: `/api/v1/audit-log?claimNumber=${c}`, headers: asAuditor })),
      target: 50,
    },
    {
      name: '/metrics scrape',
      statements: async () => {
        await stores.claims.countByProgramAndStatus();
        await stores.payouts.totalsByStatus();
      },
      requests: [{ path: '/metrics' }],
      target: 100,
    },
  ];
  const databaseMs = new Map<string, number>();
  for (const r of reads) databaseMs.set(r.name, await explain(db, pgClient, r.name, r.statements));
  const reconciliationMs = await explain(db, pgClient, 'reconciliation: the ledger of the day', async () => {
    await stores.payouts.paidBetween(from, to);
    await stores.payouts.pendingSince(from);
  });
  await pgClient.end();

  const app = await startServer('app', url);
  const options = { connections: CONNECTIONS, seconds: SECONDS };
  const runs: Run[] = [];
  for (const r of reads) {
    runs.push({
      figures: await load(r.name, app.port, r.requests, options),
      target: r.target,
      databaseMs: databaseMs.get(r.name)!,
    });
  }
  await app.stop();
  runs.push({ figures: await reconciliationFigures(db), databaseMs: reconciliationMs });
  await db.destroy();

  console.log(
    `\n${CLAIMS.toLocaleString('en-US')} claims; ${CONNECTIONS} connection(s), ${SECONDS} s per run (after 2 s of warm-up)`,
  );
  print(runs);
  if (runs.some((r) => r.figures.failures > 0)) {
    console.error('some requests failed: these figures are not valid');
    process.exitCode = 1;
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
