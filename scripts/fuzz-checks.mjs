// What `npm run fuzz` checks besides schemathesis' answers. Before it: hostile parameters on every route that takes
// one (over-long ids, %00, impossible dates and cursors) with and without credentials, and claims whose text or
// amounts used to jam downstream, each expecting a 4xx, never a 5xx. After it: the fuzz run looks past the answers:
// every claim the API answered 201 for is in PostgreSQL, and every workflow runs or completed, none with a failed
// workflow task.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const PREFIX = 'JKM-20261124-';
const LONG = `${PREFIX}${'A'.repeat(200)}`;
/** Path values: what once reached PostgreSQL through the rate-limit key or a query. */
const HOSTILE_PATH_VALUES = [
  LONG,
  `${PREFIX}${'A'.repeat(28)}`, // one over the 40 characters of a claim number
  '%00',
  `${PREFIX}ABCDEF%00`,
  `${LONG}-S1`,
  `${PREFIX}ABCDEF%00-S1`,
  '2026-02-30',
  '0000-01-01',
];
const cursor = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** Query values by the parameter's schema; cursors get forged ones. */
function hostileQueryValues(name, schema) {
  if (name === 'cursor') {
    return [
      cursor(['2026-02-30T00:00:00.000000Z', `${PREFIX}ABCDEF`]),
      cursor(['0000-01-01T00:00:00.000000Z', `${PREFIX}ABCDEF`]),
      cursor(['2026-11-24T00:00:00.000000Z', `${PREFIX}\u0000`]),
      cursor(['2026-11-24T00:00:00.000000Z', LONG]),
      cursor(['2026-02-30', 'x']),
      '%00',
    ];
  }
  const dates = ['2026-02-30', '0000-01-01', '9999-12-31', '2026-11-24T99:00:00Z'];
  return schema?.format === 'date' || /^(from|to)$/.test(name) ? dates : ['%00', LONG, 'x'.repeat(5000)];
}

const validName = 'Sri Wahyuni';
/** POST /claims bodies that used to be acknowledged and then jam: each must be a 400 naming the field. */
const POISONED_CLAIMS = [
  ['heirs.0.name', (b) => (b.heirs[0].name = 'Sri\u0000Wahyuni')],
  ['heirs.0.name', (b) => (b.heirs[0].name = 'Sri \ud800')],
  ['children.0.name', (b) => (b.children = [{ name: 'Adi\u0007', dateOfBirth: '2016-01-01' }])],
  ['bankAccount.accountName', (b) => (b.bankAccount.accountName = 'S'.repeat(101))],
  ['actualMonthlyWage', (b) => (b.actualMonthlyWage = 1_000_000_000_001)],
  ['actualMonthlyWage', (b) => (b.actualMonthlyWage = Number.MAX_SAFE_INTEGER)],
];
/** And the same fields at their limits: acknowledged (201), so the aftermath check follows them. */
const CLAIMS_AT_LIMITS = [
  (b) => (b.heirs[0].name = 'S'.repeat(200)),
  (b) => (b.bankAccount.accountName = 'S'.repeat(100)),
  (b) => (b.actualMonthlyWage = 1_000_000_000_000),
  (b) => (b.heirs[0].name = 'Sri\tWahyuni 😀 中文'),
];

/**
 * Sends the hostile requests; returns the failures (a 5xx, or anything but a 4xx where one is due), one line each.
 * `claim` is a claim waiting for documents, for the text of a verification.
 */
export async function sendHostileRequests(api, openApi, tokenFor, claim) {
  const failures = [];
  const credentials = {
    none: {},
    officer: { authorization: `Bearer ${tokenFor('officer', 'fuzz-hostile')}` },
    auditor: { authorization: `Bearer ${tokenFor('auditor', 'fuzz-hostile')}` },
    family: { 'x-tracking-code': 'ABCDEFGHJKMN' },
    'officer and family': {
      authorization: `Bearer ${tokenFor('officer', 'fuzz-hostile')}`,
      'x-tracking-code': 'ABCDEFGHJKMN',
    },
  };
  let sent = 0;
  const send = async (method, path, headers, body) => {
    sent += 1;
    const res = await fetch(`${api}${path}`, {
      method: method.toUpperCase(),
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    try {
      return { status: res.status, body: text ? JSON.parse(text) : {} };
    } catch {
      return { status: res.status, body: {} }; // not JSON: the status says enough
    }
  };
  /** A path no route can take must be a 4xx; a query value only never a 5xx (a far date may be fine). */
  const check = async (what, method, path, body, lowest = 400) => {
    for (const [who, headers] of Object.entries(credentials)) {
      const { status } = await send(method, path, headers, body);
      if (status < lowest || status >= 500) failures.push(`${what}, ${who}: ${status}`);
    }
  };

  for (const [template, operations] of Object.entries(openApi.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const params = operation.parameters ?? [];
      const inPath = params.filter((p) => p.in === 'path');
      for (const param of inPath) {
        for (const value of HOSTILE_PATH_VALUES) {
          const path = template.replace(`{${param.name}}`, value).replace(/\{[^}]+\}/g, `${PREFIX}ABCDEF`);
          const what = `${method.toUpperCase()} ${template} with ${param.name}=${value.slice(0, 40)}`;
          await check(what, method, path, method === 'post' ? {} : undefined);
        }
      }
      if (inPath.length > 0) continue;
      for (const param of params.filter((p) => p.in === 'query')) {
        for (const value of hostileQueryValues(param.name, param.schema)) {
          const path = `${template}?${param.name}=${value.includes('%') ? value : encodeURIComponent(value)}`;
          const what = `${method.toUpperCase()} ${template} with ${param.name}=${value.slice(0, 40)}`;
          await check(what, method, path, undefined, 0);
        }
      }
    }
  }

  const claimBody = (participantNik = '3171010101800003') => ({
    program: 'JKM',
    participantNik, // active in the development registry (db/seeds/registry.ts)
    eventDate: new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10),
    heirs: [{ name: validName, relationship: 'spouse' }],
    bankAccount: { bankCode: 'BRI', accountNumber: '1234567890', accountName: validName },
  });
  const officer = credentials.officer;
  for (const [field, spoil] of POISONED_CLAIMS) {
    const body = claimBody();
    spoil(body);
    const answer = await send('post', '/claims', officer, body);
    const fields = (answer.body.errors ?? []).map((e) => e.field);
    if (answer.status !== 400 || !fields.includes(field)) {
      failures.push(`POST /claims spoiling ${field}: ${answer.status} ${JSON.stringify(fields)}`);
    }
  }
  // One death, one claim: each claim at a limit is for another active participant of the development registry,
  // whose generated NIKs are 3273, 100000 + 137 i and i in six digits (db/seeds/registry.ts; inactive when 7 | i).
  const seededNik = (i) => `3273${String(100000 + i * 137).padStart(6, '0')}${String(i).padStart(6, '0')}`;
  for (const [n, atLimit] of CLAIMS_AT_LIMITS.entries()) {
    const body = claimBody(seededNik(8 + n));
    atLimit(body);
    const answer = await send('post', '/claims', officer, body);
    if (answer.status !== 201)
      failures.push(`POST /claims at a limit: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  for (const note of ['NUL \u0000', 'surrogate \udc00', 'escape \u001b']) {
    const answer = await send('post', `/claims/${claim.claimNumber}/verification`, officer, {
      checklist: {},
      note,
    });
    if (answer.status !== 400)
      failures.push(`a verification note with ${note.split(' ')[0]}: ${answer.status}`);
  }
  return { sent, failures };
}

/**
 * The aftermath: waits until every claim workflow has its row in PostgreSQL (up to a minute), then returns the
 * violations: a 201 without a workflow, a workflow without its claim row (or the reverse), a workflow that failed,
 * was terminated or timed out, and any workflow task that failed.
 */
export async function checkAftermath(info) {
  const { Client, Connection } = require('@temporalio/client');
  const pg = require('pg');
  const db = new pg.Client({ connectionString: info.databaseUrl });
  await db.connect();
  const connection = await Connection.connect({ address: info.temporalAddress });
  const client = new Client({ connection, namespace: info.namespace });
  const violations = [];
  try {
    const list = async (query) => {
      const found = [];
      for await (const execution of client.workflow.list({ query })) found.push(execution);
      return found;
    };
    const claimRows = async () =>
      new Set((await db.query('select claim_number from claims')).rows.map((r) => r.claim_number));
    let claims = [];
    let rows = new Set();
    for (let i = 0; i < 60; i++) {
      claims = await list('WorkflowType = "claimWorkflow"');
      rows = await claimRows();
      if (claims.every((c) => rows.has(c.workflowId))) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    const { rows: acknowledged } = await db.query(
      "select count(*)::int as n from audit_log where method = 'POST' and route = '/claims' and status = 201",
    );
    const started = new Set(claims.map((c) => c.workflowId));
    if (acknowledged[0].n > started.size) {
      violations.push(
        `${acknowledged[0].n} claims answered 201, but only ${started.size} claim workflows exist`,
      );
    }
    for (const c of claims)
      if (!rows.has(c.workflowId))
        violations.push(`${c.workflowId}: acknowledged, never recorded in PostgreSQL`);
    for (const n of rows) if (!started.has(n)) violations.push(`${n}: in PostgreSQL without a workflow`);
    for (const execution of await list('')) {
      const status = execution.status.name;
      const id = `${execution.type} ${execution.workflowId}`;
      if (!['RUNNING', 'COMPLETED', 'CONTINUED_AS_NEW'].includes(status)) violations.push(`${id}: ${status}`);
      const handle = client.workflow.getHandle(execution.workflowId, execution.runId);
      const { events } = await handle.fetchHistory();
      const failedTasks = events.filter((e) => e.workflowTaskFailedEventAttributes).length;
      if (failedTasks > 0) violations.push(`${id}: ${failedTasks} failed workflow task(s)`);
    }
    return { workflows: claims.length, acknowledged: acknowledged[0].n, violations };
  } finally {
    await connection.close();
    await db.end();
  }
}
