// The audit writer on the real PostgreSQL: entries wait in memory while the table cannot be written (the table is
// renamed away: the same failure as an outage, for this writer's inserts only) and are written, in order, with the
// time of their request, once it can; a row the database refuses is logged and skipped; a full buffer drops the
// oldest and says so.
import { Writable } from 'node:stream';
import pino from 'pino';
import { AuditWriter, type AuditEntry } from '../../api/middleware/audit-trail';
import { createTestDb, type TestDb } from '../helpers/db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.drop();
});

function capturingLogger() {
  const lines: { msg: string; [k: string]: unknown }[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino({ level: 'warn' }, sink), lines };
}

const entry = (path: string, status = 200): AuditEntry => ({
  actorKind: 'staff',
  actorId: 'officer-1',
  actorRole: 'officer',
  method: 'GET',
  route: '/claims/:claimNumber',
  path,
  claimNumber: null,
  status,
  problemType: null,
  clientAddress: '127.0.0.1',
});

const rowsFor = (prefix: string) =>
  t.db('audit_log').where('path', 'like', `${prefix}%`).orderBy('id').select('path', 'at', 'status');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitUntil(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await sleep(25);
  }
  throw new Error(`never: ${what}`);
}

/** Runs `fn` while the audit table cannot be written (renamed away), and puts it back whatever happens. */
async function withTableAway(fn: () => Promise<void>): Promise<void> {
  await t.db.raw('alter table audit_log rename to audit_log_away');
  try {
    await fn();
  } finally {
    await t.db.raw('alter table audit_log_away rename to audit_log');
  }
}

const failedWrite = (lines: { msg: string }[]) =>
  waitUntil(async () => lines.some((l) => l.msg.includes('entries kept in memory')), 'a failed write');

describe('AuditWriter', () => {
  it('keeps entries while the table cannot be written and writes them in order, with their request times', async () => {
    const { logger, lines } = capturingLogger();
    const writer = new AuditWriter(t.db, logger, { retryMs: 50, maxRetryMs: 200 });
    const times = [
      new Date('2026-11-24T01:00:00Z'),
      new Date('2026-11-24T01:00:01Z'),
      new Date('2026-11-24T01:00:02Z'),
    ];
    await withTableAway(async () => {
      times.forEach((at, i) => writer.add(entry(`/api/v1/outage/${i}`, 503), at));
      await failedWrite(lines);
      await sleep(300); // several retries fail meanwhile
      expect(writer.pending).toBe(3);
    });
    await waitUntil(async () => writer.pending === 0, 'the entries written');
    const rows = await rowsFor('/api/v1/outage/');
    expect(rows.map((r) => r.path)).toEqual(['/api/v1/outage/0', '/api/v1/outage/1', '/api/v1/outage/2']);
    expect(rows.map((r) => (r.at as Date).toISOString())).toEqual(times.map((d) => d.toISOString()));
    expect(rows.every((r) => r.status === 503)).toBe(true);
    await writer.close();
  });

  it('logs and skips a row the database refuses, and writes the ones after it', async () => {
    const { logger, lines } = capturingLogger();
    const writer = new AuditWriter(t.db, logger);
    writer.add({ ...entry('/api/v1/refused/0'), status: null as unknown as number }); // status is NOT NULL
    writer.add(entry('/api/v1/refused/1'));
    await writer.flush();
    await waitUntil(async () => writer.pending === 0, 'the queue emptied');
    expect((await rowsFor('/api/v1/refused/')).map((r) => r.path)).toEqual(['/api/v1/refused/1']);
    expect(lines.filter((l) => l.msg === 'audit log entry refused by the database')).toHaveLength(1);
    await writer.close();
  });

  it('drops the oldest entries when the buffer is full, and logs how many', async () => {
    const { logger, lines } = capturingLogger();
    const writer = new AuditWriter(t.db, logger, { capacity: 2, retryMs: 50, maxRetryMs: 100 });
    await withTableAway(async () => {
      writer.add(entry('/api/v1/full/0'));
      await failedWrite(lines);
      writer.add(entry('/api/v1/full/1'));
      writer.add(entry('/api/v1/full/2'));
      expect(writer.pending).toBe(2);
    });
    await waitUntil(async () => writer.pending === 0, 'the entries written');
    expect((await rowsFor('/api/v1/full/')).map((r) => r.path)).toEqual(['/api/v1/full/1', '/api/v1/full/2']);
    expect(lines.find((l) => l.msg.startsWith('audit log entries dropped'))).toMatchObject({ dropped: 1 });
    await writer.close();
  });

  it('logs what it could not write when closed during an outage', async () => {
    const { logger, lines } = capturingLogger();
    const writer = new AuditWriter(t.db, logger, { retryMs: 10_000 });
    await withTableAway(async () => {
      writer.add(entry('/api/v1/closed/0'));
      await failedWrite(lines);
      await writer.close();
    });
    expect(lines.find((l) => l.msg.startsWith('audit log entries lost'))).toMatchObject({ lost: 1 });
  });
});
