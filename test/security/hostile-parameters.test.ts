// Every path and query parameter is checked before any database use: over-long ids, %00, impossible dates and
// cursors, on every route that takes a parameter, with and without credentials, get 400 (or the 401/403/404 the
// route's contract gives first), never a 500; and nothing but the audit row reaches PostgreSQL.
import request from 'supertest';
import { encodeCursor } from '../../api/schemas/claims';
import { ROUTES } from '../../api/routes';
import { CLAIM_NUMBER_MAX } from '../../vocabulary/limits';
import { startLightApp, type LightApp } from './light-app';

let l: LightApp;
const queries: string[] = [];
let sent = 0;

beforeAll(async () => {
  l = await startLightApp();
  l.t.db.on('query', (q: { sql: string }) => queries.push(q.sql));
});
afterAll(async () => {
  // Every request's audit row is written after its answer: let them land before the database goes.
  for (let i = 0; i < 100 && Number((await l.t.db('audit_log').count({ n: '*' }))[0]!.n) < sent; i++) {
    await new Promise((r) => setTimeout(r, 50));
  }
  await l?.close();
});

const PREFIX = 'JKM-20261124-';
const LONG = `${PREFIX}${'A'.repeat(200)}`; // its rate-limit key would be over the column's 200
const HOSTILE_IDS = [
  ['an over-long claim number', LONG],
  ['a claim number one over the limit', `${PREFIX}${'A'.repeat(CLAIM_NUMBER_MAX - PREFIX.length + 1)}`],
  ['%00', '%00'],
  ['a claim number holding %00', `${PREFIX}ABCDEF%00`],
  ['an over-long scholarship id', `${LONG}-S1`],
  ['a scholarship id holding %00', `${PREFIX}ABCDEF%00-S1`],
] as const;

type Who = 'none' | 'officer' | 'supervisor' | 'auditor' | 'family' | 'officer and family';
// A supervisor too: some routes (a backdated claim date) are theirs alone.
const WHO: Who[] = ['none', 'officer', 'supervisor', 'auditor', 'family', 'officer and family'];

function headers(who: Who): Record<string, string> {
  const staff = (role: 'officer' | 'supervisor' | 'auditor') => ({
    Authorization: `Bearer ${l.token({ id: `${role}-1`, role })}`,
  });
  const family = { 'X-Tracking-Code': 'ABCDEFGHJKMN' };
  switch (who) {
    case 'none':
      return {};
    case 'officer':
    case 'supervisor':
    case 'auditor':
      return staff(who);
    case 'family':
      return family;
    case 'officer and family':
      return { ...staff('officer'), ...family };
  }
}

/** Sends the request and returns its status, with the SQL run before the answer (audit rows are written after). */
async function send(method: 'get' | 'post', url: string, who: Who) {
  queries.length = 0;
  sent += 1;
  const res = await request(l.app)
    [method](url)
    .set(headers(who))
    .send(method === 'post' ? {} : undefined);
  const sql = queries.filter((q) => !/^insert into "audit_log"/.test(q));
  return { status: res.status, sql };
}

const withParams = ROUTES.filter((r) => r.request?.params && r.path.includes(':'));
const pathCases = withParams.flatMap((route) =>
  HOSTILE_IDS.map(
    ([what, id]) =>
      [
        `${route.method.toUpperCase()} ${route.path} with ${what}`,
        route.method,
        `/api/v1${route.path.replace(/:[A-Za-z]+/, id)}`,
      ] as const,
  ),
);

const cursor = (createdAt: string, claimNumber: string) => encodeCursor(createdAt, claimNumber);
const queryCases = [
  [
    'an impossible cursor date',
    `/api/v1/claims?cursor=${cursor('2026-02-30T00:00:00.000000Z', `${PREFIX}ABCDEF`)}`,
  ],
  [
    'a cursor in year 0000',
    `/api/v1/claims?cursor=${cursor('0000-01-01T00:00:00.000000Z', `${PREFIX}ABCDEF`)}`,
  ],
  [
    'a cursor holding NUL',
    `/api/v1/claims?cursor=${cursor('2026-11-24T00:00:00.000000Z', `${PREFIX}\u0000`)}`,
  ],
  [
    'a cursor with an over-long claim number',
    `/api/v1/claims?cursor=${cursor('2026-11-24T00:00:00.000000Z', LONG)}`,
  ],
  ['a date-only cursor', `/api/v1/claims?cursor=${Buffer.from('["2026-02-30","x"]').toString('base64url')}`],
  ['a status holding %00', '/api/v1/claims?status=paid%00'],
  ['an impossible reconciliation day', '/api/v1/reconciliations/2026-02-30'],
  ['reconciliation day 0000-01-01', '/api/v1/reconciliations/0000-01-01'],
  ['reconciliations from 0000-01-01', '/api/v1/reconciliations?from=0000-01-01'],
  ['reconciliations to 2026-02-30', '/api/v1/reconciliations?to=2026-02-30'],
  ['an audit-log actor holding %00', '/api/v1/audit-log?actor=officer%00'],
  ['an over-long audit-log actor', `/api/v1/audit-log?actor=${'x'.repeat(101)}`],
  ['an audit log from 0000-01-01', '/api/v1/audit-log?from=0000-01-01'],
  ['an audit log to 9999-12-31 (its end is in year 10000)', '/api/v1/audit-log?to=9999-12-31'],
  ['an audit log from an impossible day', '/api/v1/audit-log?from=2026-02-30T10:00:00Z'],
  ['an over-long audit-log claim number', `/api/v1/audit-log?claimNumber=${LONG}`],
] as const;

describe('hostile path parameters', () => {
  it.each(pathCases)('%s: never 500, nothing in PostgreSQL first', async (_name, method, url) => {
    const answers = [];
    for (const who of WHO) answers.push({ who, ...(await send(method, url, who)) });
    // 400, or the 401/403 that the route answers before it reads its parameters.
    expect(answers.filter((a) => ![400, 401, 403].includes(a.status) || a.sql.length > 0)).toEqual([]);
    expect(answers.some((a) => a.status === 400)).toBe(true);
  });

  it('counts no rate-limit key for them', async () => {
    expect(await l.t.db('rate_limit_counters').where('key', 'like', '%claim:%').pluck('key')).toEqual([]);
  });
});

describe('hostile query parameters and cursors', () => {
  it.each(queryCases)(
    '%s: 400 naming the parameter for staff, nothing in PostgreSQL first',
    async (_name, url) => {
      const answers = [];
      for (const who of WHO) answers.push({ who, ...(await send('get', url, who)) });
      expect(answers.filter((a) => ![400, 401, 403].includes(a.status) || a.sql.length > 0)).toEqual([]);
      const staffAnswers = answers.filter((a) => a.who !== 'none' && a.who !== 'family' && a.status !== 403);
      expect(staffAnswers.map((a) => a.status)).toEqual(staffAnswers.map(() => 400));
    },
  );
});

describe('the claim number limit', () => {
  const officer = () => headers('officer');
  it('takes a claim number of exactly CLAIM_NUMBER_MAX characters (404: no such claim) and refuses one more', async () => {
    const atLimit = `${PREFIX}${'A'.repeat(CLAIM_NUMBER_MAX - PREFIX.length)}`;
    expect(atLimit).toHaveLength(CLAIM_NUMBER_MAX);
    expect((await request(l.app).get(`/api/v1/claims/${atLimit}`).set(officer())).status).toBe(404);
    const over = await request(l.app).get(`/api/v1/claims/${atLimit}A`).set(officer());
    expect(over.status).toBe(400);
    expect(over.body.errors[0].field).toBe('claimNumber');
  });

  it('takes the family at the limit through the rate limit (404: wrong code), one more is refused before it', async () => {
    const atLimit = `${PREFIX}${'B'.repeat(CLAIM_NUMBER_MAX - PREFIX.length)}`;
    const family = headers('family');
    expect((await request(l.app).get(`/api/v1/track/${atLimit}`).set(family)).status).toBe(404);
    expect(
      await l.t
        .db('rate_limit_counters')
        .where({ key: `family:claim:${atLimit}` })
        .first('hits'),
    ).toEqual({
      hits: 1,
    });
    expect((await request(l.app).get(`/api/v1/track/${atLimit}B`).set(family)).status).toBe(400);
  });
});
