// The role matrix (README, "Security model"): every declared route, with every role, with no credentials, and with a
// valid credential for the wrong object. Who may call a route comes from its declaration (api/routes); the walk checks
// that the router enforces it: a role the declaration leaves out gets 403 (401 where the route takes no staff token),
// no credentials get 401. Allowed requests carry an empty or invalid body where the route takes one, so the walk
// changes nothing: an allowed role gets past authorisation to validation (400), a refused one does not.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { ROUTES } from '../../api/routes';
import type { AnyRoute } from '../../api/routes/route';
import { startApiHarness, waitForClaimStatus, type ApiHarness } from '../api/harness';
import { createParticipant } from '../helpers/factories';
import { root } from '../helpers/paths';

type Who = 'officer' | 'supervisor' | 'auditor' | 'family' | 'none';
const WHO: Who[] = ['officer', 'supervisor', 'auditor', 'family', 'none'];

interface Row {
  method: 'get' | 'post';
  /** As the router declares it; `:claimNumber` is claim A's, `:date` a day with no reconciliation. */
  path: string;
  body?: object;
  expect: Record<Who, number>;
}

/** What an allowed caller gets where it is not 200 (GET) or 400 (an invalid body): the object the path names. */
const ALLOWED_GETS: Record<string, number> = {
  getReconciliation: 404, // no reconciliation on that day
};

function rowsOf(route: AnyRoute): Row[] {
  // An empty body, or one with an unknown field where an empty body is valid: both stop at validation.
  const schema = route.request?.body;
  const body = schema ? (schema.safeParse({}).success ? { unknown: 1 } : {}) : undefined;
  const allowed = body ? 400 : (ALLOWED_GETS[route.operationId] ?? 200);
  const access = route.access;
  const expectFor = (who: Who): number => {
    if (access === 'public') return allowed;
    if (who === 'none') return 401;
    if (who === 'family') return access.family ? allowed : 401;
    if (access.staff.includes(who)) return allowed;
    return access.staff.length > 0 ? 403 : 401; // a route for the family only: a token is no tracking code
  };
  const expect = Object.fromEntries(WHO.map((who) => [who, expectFor(who)])) as Record<Who, number>;
  const row = (path: string): Row => ({ method: route.method, path, ...(body ? { body } : {}), expect });
  return [row(`/api/v1${route.path}`), ...(route.alsoAt ? [row(route.alsoAt)] : [])];
}

const REFUSED = [401, 403];
const isFamilyRoute = (r: Row) => r.path.includes(':claimNumber') && !REFUSED.includes(r.expect.family);
const staffAllowed = (r: Row) =>
  (['officer', 'supervisor', 'auditor'] as const).find((w) => !REFUSED.includes(r.expect[w]));

const MATRIX: Row[] = ROUTES.flatMap(rowsOf);

/** README's role matrix, cell by cell: `GET /claims/{n}` → {officer: 'yes', ...}; `/readyz` takes the method before it. */
function readmeMatrix(): Map<string, Record<Who, string>> {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('| route ', readme.indexOf('Every route against every role')));
  const cells = new Map<string, Record<Who, string>>();
  for (const line of table.split('\n')) {
    if (!line.startsWith('|')) break;
    const [routes = '', ...answers] = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    const answer = Object.fromEntries(WHO.map((who, i) => [who, answers[i]!.replace(/ [¹²³⁴⁵⁶⁷]$/, '')]));
    let method = '';
    for (const [, m, path] of routes.matchAll(/`(?:(GET|POST) )?([^`]+)`/g)) {
      method = m ?? method;
      cells.set(
        `${method.toLowerCase()} ${path!.replace('{n}', ':claimNumber').replace(/\{(\w+)\}/g, ':$1')}`,
        answer as Record<Who, string>,
      );
    }
  }
  return cells;
}

let h: ApiHarness;
let claimA: { claimNumber: string; trackingCode: string };
let claimB: { claimNumber: string; trackingCode: string };
const UNKNOWN_CLAIM = 'JKM-20261124-ZZZZZZZZ';

async function newClaim(): Promise<{ claimNumber: string; trackingCode: string }> {
  const officer = h.token({ id: 'officer-intake', role: 'officer' });
  const { nik } = await createParticipant(h.t.db);
  const res = await request(h.app)
    .post('/api/v1/claims')
    .set('Authorization', `Bearer ${officer}`)
    .send({
      program: 'JKM',
      participantNik: nik,
      eventDate: '2026-11-01',
      heirs: [{ name: 'Sri Wahyuni', relationship: 'spouse' }],
      bankAccount: { bankCode: 'BRI', accountNumber: '1234567890', accountName: 'Sri Wahyuni' },
    })
    .expect(201);
  await waitForClaimStatus(h, res.body.claimNumber, 'waiting_for_documents', officer);
  return res.body;
}

beforeAll(async () => {
  h = await startApiHarness();
  [claimA, claimB] = [await newClaim(), await newClaim()];
});
afterAll(async () => {
  await h?.close();
});

function credentials(who: Who | 'wrong-object', trackingCode = claimA.trackingCode): Record<string, string> {
  switch (who) {
    case 'officer':
    case 'supervisor':
    case 'auditor':
      return { Authorization: `Bearer ${h.token({ id: `${who}-1`, role: who })}` };
    case 'family':
      return { 'X-Tracking-Code': trackingCode };
    case 'wrong-object':
      return { 'X-Tracking-Code': claimB.trackingCode };
    case 'none':
      return {};
  }
}

function send(app: Express, r: Row, headers: Record<string, string>, claimNumber = claimA.claimNumber) {
  const url = r.path.replace(':claimNumber', claimNumber).replace(':date', '2026-11-20');
  const req = request(app)[r.method](url).set(headers);
  return r.body ? req.send(r.body) : req;
}

/** Every (method, path) the app routes, read from Express's own router. */
function routesOf(app: Express): string[] {
  const found: string[] = [];
  type Layer = {
    route?: { path: string; methods: Record<string, boolean> };
    handle?: { stack?: Layer[] };
    rawPath?: unknown;
    slash?: boolean;
  };
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const m of Object.keys(layer.route.methods)) found.push(`${m} ${prefix}${layer.route.path}`);
      } else if (layer.handle?.stack) {
        walk(
          layer.handle.stack,
          layer.slash || typeof layer.rawPath !== 'string' ? prefix : prefix + layer.rawPath,
        );
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return [...new Set(found)].filter((r) => !r.startsWith('options '));
}

describe('the role matrix', () => {
  it('has a row for every route the API serves', () => {
    const rows = new Set(MATRIX.map((r) => `${r.method} ${r.path}`));
    // The web pages (api/web.ts) are the one route outside api/routes: static files and index.html, no data, the same
    // for everyone (what each page shows comes from the API routes below, each in this matrix).
    const pages = String(/^\/[^.]*$/);
    const missing = routesOf(h.app).filter((r) => !rows.has(r) && r !== `get ${pages}`);
    // A route served without a declaration in api/routes escapes this walk (and README's role matrix).
    expect(missing).toEqual([]);
  });

  it("agrees with README's role matrix, which people review", () => {
    const readme = readmeMatrix();
    const declared = MATRIX.filter((r) => r.path.startsWith('/api/v1/')).map((r) => {
      const key = `${r.method} ${r.path.slice('/api/v1'.length)}`;
      const said = (who: Who) => (REFUSED.includes(r.expect[who]) ? String(r.expect[who]) : 'yes');
      // A family let into a route that is not open to anyone is let into its own claim only.
      const family = said('family') === 'yes' && said('none') !== 'yes' ? 'own claim' : said('family');
      return [key, { ...Object.fromEntries(WHO.map((who) => [who, said(who)])), family }] as const;
    });
    expect(Object.fromEntries(declared)).toEqual(
      Object.fromEntries(declared.map(([key]) => [key, readme.get(key) ?? 'no row in README'])),
    );
  });

  it.each(MATRIX.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))(
    '%s answers each role, no credentials, and the wrong object as the matrix says',
    async (_name, r) => {
      const got: Record<string, number> = {};
      for (const who of WHO) got[who] = (await send(h.app, r, credentials(who))).status;
      got['wrong-object'] = (await send(h.app, r, credentials('wrong-object'))).status;
      // Another claim's tracking code is a 404 on the family's routes, and no better than none on the others.
      expect(got).toEqual({ ...r.expect, 'wrong-object': isFamilyRoute(r) ? 404 : r.expect.family });
    },
  );
});

describe('unknown and not-yours', () => {
  const familyRows = MATRIX.filter(isFamilyRoute);
  const staffRows = MATRIX.filter((r) => r.path.includes(':claimNumber') && staffAllowed(r));

  it.each(familyRows.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))(
    '%s gives the family one and the same 404 for an unknown claim, a claim not theirs, and a wrong code',
    async (_name, r) => {
      const unknown = await send(h.app, r, credentials('family'), UNKNOWN_CLAIM);
      const notYours = await send(h.app, r, credentials('wrong-object'));
      const wrongCode = await send(h.app, r, credentials('family', 'WRONGCODE234'));
      for (const res of [unknown, notYours, wrongCode]) {
        expect(res.status).toBe(404);
        expect(res.headers['content-type']).toBe(unknown.headers['content-type']);
        expect(res.body).toEqual(unknown.body);
      }
    },
  );

  it.each(staffRows.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))(
    '%s gives staff 404 for an unknown claim',
    async (_name, r) => {
      // Without a body: the claim is looked up before the body is read.
      const res = await send(h.app, { ...r, body: undefined }, credentials(staffAllowed(r)!), UNKNOWN_CLAIM);
      expect(res.status).toBe(404);
    },
  );
});
