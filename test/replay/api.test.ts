// Auditors through the API and the command line: a claim driven through the API (verification, a refused
// self-approval, approval, a refused account replaced by the family, payment), then its history exported,
// checked against the Temporal CLI, replayed, and its decision trail read back.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { verifyExport, type ClaimReplay, type HistoryExport } from '../../replay';
import { jakartaDate } from '../../rules';
import { TEST_PAYLOAD_KEYS_SPEC } from '../helpers/codec';
import { createParticipant, FULL_CHECKLIST } from '../helpers/factories';
import { root, temporalBinaries } from '../helpers/paths';
import { startApiHarness, waitForClaimStatus, type ApiHarness } from '../api/harness';

const run = promisify(execFile);

let h: ApiHarness;
let officer1: string;
let officer2: string;
let supervisor: string;
let auditor: string;
let nik: string;
let claimNumber: string;
let dir: string;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

beforeAll(async () => {
  h = await startApiHarness();
  dir = mkdtempSync(join(tmpdir(), 'santunan-replay-'));
  officer1 = h.token({ id: 'officer-1', role: 'officer' });
  officer2 = h.token({ id: 'officer-2', role: 'officer' });
  supervisor = h.token({ id: 'supervisor-1', role: 'supervisor' });
  auditor = h.token({ id: 'auditor-1', role: 'auditor' });

  ({ nik } = await createParticipant(h.t.db));
  const created = await request(h.app)
    .post('/api/v1/claims')
    .set(bearer(officer1))
    .send({
      program: 'JKM',
      participantNik: nik,
      eventDate: jakartaDate(Date.now() - 10 * 86_400_000),
      heirs: [{ name: 'Sri Wahyuni', relationship: 'spouse' }],
      bankAccount: { bankCode: 'BNI', accountNumber: '0001234567', accountName: 'Sri Wahyuni' },
    })
    .expect(201);
  claimNumber = created.body.claimNumber;
  const url = `/api/v1/claims/${claimNumber}`;
  await waitForClaimStatus(h, claimNumber, 'waiting_for_documents', officer1);
  await request(h.app)
    .post(`${url}/verification`)
    .set(bearer(officer1))
    .send({ checklist: FULL_CHECKLIST })
    .expect(200);
  await waitForClaimStatus(h, claimNumber, 'waiting_for_decision', officer1);
  await request(h.app)
    .post(`${url}/decision`)
    .set(bearer(officer1))
    .send({ decision: 'approve', reason: 'mine' })
    .expect(403);
  await request(h.app)
    .post(`${url}/decision`)
    .set(bearer(officer2))
    .send({ decision: 'approve', reason: 'Complete file' })
    .expect(200);
  await waitForClaimStatus(h, claimNumber, 'waiting_for_bank_account', officer1);
  await request(h.app)
    .post(`${url}/bank-account`)
    .set('X-Tracking-Code', created.body.trackingCode)
    .send({ bankCode: 'BNI', accountNumber: '5551234567', accountName: 'Sri Wahyuni' })
    .expect(200);
  await waitForClaimStatus(h, claimNumber, 'waiting_for_account_review', officer1);
  await request(h.app)
    .post(`${url}/bank-account/review`)
    .set(bearer(officer2))
    .send({ decision: 'approve', identityCheck: 'KTP seen at the branch', reason: 'The widow' })
    .expect(200);
  await waitForClaimStatus(h, claimNumber, 'paid', officer1);
  // The projection says paid before the run has closed: the history compared below is the finished one.
  await h.env.client.workflow.getHandle(claimNumber).result();
});

afterAll(async () => {
  await h?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function exportHistory(): Promise<HistoryExport> {
  const res = await request(h.app).get(`/api/v1/claims/${claimNumber}/history`).set(bearer(auditor));
  expect(res.status).toBe(200);
  return res.body as HistoryExport;
}

async function temporalShow(workflowId: string): Promise<string> {
  const { cli } = temporalBinaries();
  const args = ['workflow', 'show', '--address', h.env.address, '--namespace', 'default'];
  const { stdout } = await run(cli!, [...args, '--workflow-id', workflowId, '--output', 'json']);
  return stdout;
}

describe('GET /claims/{claimNumber}/history', () => {
  it('matches what `temporal workflow show --output json` prints for the same workflow', async () => {
    const exported = await exportHistory();
    const cli = await temporalShow(claimNumber);
    expect(exported.runs).toHaveLength(1); // no children on this claim: no scholarship workflows
    expect(exported.runs[0]).toMatchObject({ workflowId: claimNumber, workflowType: 'claimWorkflow' });
    expect(exported.runs[0]!.history).toEqual(JSON.parse(cli));
    expect(exported.runs[0]!.eventCount).toBe(exported.runs[0]!.history.events.length);
    const { runId } = await h.env.client.workflow.getHandle(claimNumber).describe();
    expect(exported.runs[0]!.runId).toBe(runId);
  });

  it('carries a hash chain that verifies, and fails at the one event altered', async () => {
    const exported = await exportHistory();
    expect(verifyExport(exported)).toMatchObject({ valid: true, digestValid: true });
    const event = exported.runs[0]!.history.events[10]!;
    event.eventTime = '2001-01-01T00:00:00Z';
    expect(verifyExport(exported).runs[0]).toMatchObject({ valid: false, eventId: event.eventId });
  });

  it('answers 404 for a claim with no workflow, and 400 for a malformed claim number', async () => {
    const missing = await request(h.app)
      .get('/api/v1/claims/JKM-20261124-ZZZZZZZZ/history')
      .set(bearer(auditor));
    expect(missing.status).toBe(404);
    const bad = await request(h.app).get('/api/v1/claims/nope/history').set(bearer(auditor));
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('claimNumber');
  });
});

describe('POST /claims/{claimNumber}/replay', () => {
  let replay: ClaimReplay;
  beforeAll(async () => {
    const res = await request(h.app).post(`/api/v1/claims/${claimNumber}/replay`).set(bearer(auditor));
    expect(res.status).toBe(200);
    replay = res.body as ClaimReplay;
  });

  it('replays every run of the claim deterministically against the current code', () => {
    expect(replay).toMatchObject({ claimNumber, deterministic: true, histories: 1 });
    expect(replay.runs).toEqual([expect.objectContaining({ workflowId: claimNumber, deterministic: true })]);
    expect(replay.runs[0]!.events).toBe(replay.events);
  });

  it('names who verified, with the checklist, and who approved, with the reason', () => {
    const trail = replay.decisionTrail;
    expect(trail.filed).toMatchObject({ by: 'officer-1' });
    expect(trail.verifications).toEqual([
      expect.objectContaining({
        by: 'officer-1',
        role: 'officer',
        checklist: FULL_CHECKLIST,
        complete: true,
        missing: [],
      }),
    ]);
    expect(trail.decision).toMatchObject({
      by: 'officer-2',
      role: 'officer',
      decision: 'approve',
      reason: 'Complete file',
    });
    expect(Date.parse(trail.verifications[0]!.at)).toBeLessThanOrEqual(Date.parse(trail.decision!.at));
    expect(trail.bankAccountChanges).toEqual([
      expect.objectContaining({
        by: 'family',
        revision: 1,
        bankCode: 'BNI',
        accountNumber: '******4567',
        review: expect.objectContaining({
          by: 'officer-2',
          role: 'officer',
          decision: 'approve',
          identityCheck: 'KTP seen at the branch',
        }),
      }),
    ]);
    expect(trail.outcome).toMatchObject({ status: 'paid', total: 42_000_000 });
  });

  it('gives the regulation, its inputs and every component with its amount, as assessed', async () => {
    const trail = replay.decisionTrail;
    const stored = await h.t.db('assessments').where({ claim_number: claimNumber }).first();
    expect(trail.assessment).toMatchObject({
      regulation: 'PP82-2019',
      total: 42_000_000,
      inputs: stored.inputs,
    });
    expect(trail.assessment!.components).toEqual(stored.components);
    expect(trail.assessment!.components.map((c) => [c.code, c.amount])).toEqual([
      ['lump_sum', 20_000_000],
      ['periodic', 12_000_000],
      ['funeral', 10_000_000],
    ]);
    expect(trail.membership).toMatchObject({ eligible: true, monthlyWage: 5_000_000 });
  });

  it('lists every payout with the idempotency key and gateway reference in the ledger, and the refusal', async () => {
    const trail = replay.decisionTrail;
    const ledger = await h.t.db('payouts').where({ claim_number: claimNumber });
    const paid = trail.payouts.filter((p) => p.status === 'paid');
    expect(paid).toHaveLength(3);
    for (const row of ledger) {
      expect(paid).toContainEqual(
        expect.objectContaining({
          component: row.component,
          amount: row.amount,
          idempotencyKey: `${claimNumber}:${row.component}`,
          gatewayReference: row.gateway_reference,
          accountRevision: 1,
        }),
      );
    }
    expect(trail.payouts[0]).toMatchObject({
      status: 'refused',
      accountRevision: 0,
      failureCode: 'ACCOUNT_REFUSED',
    });
    expect(trail.notifications.map((n) => n.kind)).toContain('decision_notified');
    expect(trail.patches).toContain('decision-notified');
  });

  it('keeps the national ID and full account numbers out of the answer', () => {
    const text = JSON.stringify(replay);
    for (const secret of [nik, '0001234567', '5551234567']) expect(text).not.toContain(secret);
  });
});

describe('a claim with a scholarship', () => {
  it('exports and replays the scholarship workflow with the claim, and names it in the trail', async () => {
    const { nik: parent } = await createParticipant(h.t.db);
    const created = await request(h.app)
      .post('/api/v1/claims')
      .set(bearer(officer1))
      .send({
        program: 'JKM',
        participantNik: parent,
        eventDate: jakartaDate(Date.now() - 10 * 86_400_000),
        heirs: [{ name: 'Sri Wahyuni', relationship: 'spouse' }],
        children: [
          {
            name: 'Putri',
            dateOfBirth: jakartaDate(Date.now() - 10 * 365 * 86_400_000),
            schooling: { level: 'SD', grade: 4 },
          },
        ],
        bankAccount: { bankCode: 'BRI', accountNumber: '1234567890', accountName: 'Sri Wahyuni' },
      })
      .expect(201);
    const claim: string = created.body.claimNumber;
    const url = `/api/v1/claims/${claim}`;
    await waitForClaimStatus(h, claim, 'waiting_for_documents', officer1);
    await request(h.app)
      .post(`${url}/verification`)
      .set(bearer(officer1))
      .send({ checklist: FULL_CHECKLIST })
      .expect(200);
    await waitForClaimStatus(h, claim, 'waiting_for_decision', officer1);
    await request(h.app)
      .post(`${url}/decision`)
      .set(bearer(officer2))
      .send({ decision: 'approve', reason: 'ok' })
      .expect(200);
    await waitForClaimStatus(h, claim, 'paid', officer1);

    const exported = await request(h.app).get(`${url}/history`).set(bearer(auditor)).expect(200);
    const doc = exported.body as HistoryExport;
    expect(doc.runs.map((r) => [r.workflowId, r.workflowType])).toEqual([
      [claim, 'claimWorkflow'],
      [`${claim}-S1`, 'scholarshipWorkflow'],
    ]);
    expect(verifyExport(doc).valid).toBe(true);

    const replayed = (await request(h.app).post(`${url}/replay`).set(bearer(auditor)).expect(200))
      .body as ClaimReplay;
    expect(replayed.runs.map((r) => [r.workflowId, r.deterministic])).toEqual([
      [claim, true],
      [`${claim}-S1`, true],
    ]);
    expect(replayed.decisionTrail.scholarships).toEqual([
      expect.objectContaining({ workflowId: `${claim}-S1`, childNumber: 1, status: 'running' }),
    ]);
  });
});

describe('permissions', () => {
  it.each([
    ['GET', 'history'],
    ['POST', 'replay'],
  ])(
    '%s /claims/{claimNumber}/%s: 403 for officers and supervisors, 401 without a token',
    async (method, what) => {
      const url = `/api/v1/claims/${claimNumber}/${what}`;
      const send = (token?: string) => {
        const req = method === 'GET' ? request(h.app).get(url) : request(h.app).post(url);
        return token ? req.set(bearer(token)) : req;
      };
      expect((await send(officer1)).status).toBe(403);
      expect((await send(supervisor)).status).toBe(403);
      expect((await send()).status).toBe(401);
    },
  );
});

describe('npm run replay', () => {
  const replayCli = (args: string[]) =>
    run(process.execPath, ['--import', 'tsx', join(root, 'bin', 'replay.ts'), ...args], {
      cwd: root,
      env: {
        ...process.env,
        TEMPORAL_ADDRESS: h.env.address,
        TEMPORAL_NAMESPACE: 'default',
        PAYLOAD_KEYS: TEST_PAYLOAD_KEYS_SPEC,
        DATABASE_URL: h.t.url, // the history archive (--all reads it too)
      },
    }).then(
      (out) => ({ code: 0, stdout: out.stdout }),
      (err: { code: number; stdout: string }) => ({ code: err.code, stdout: err.stdout }),
    );

  it('replays a claim from the server, a Temporal CLI export and an API export; exits 1 for an altered history', async () => {
    const fromCli = join(dir, 'from-temporal-cli.json');
    writeFileSync(fromCli, await temporalShow(claimNumber));
    const fromApi = join(dir, 'from-api.json');
    writeFileSync(fromApi, JSON.stringify(await exportHistory()));
    const altered = join(root, 'test', 'replay', 'histories', 'altered', 'happy-path.activity-renamed.json');

    const ok = await replayCli([claimNumber, fromCli, fromApi]);
    expect(ok.code).toBe(0);
    expect(ok.stdout.match(/^ok {4}/gm)).toHaveLength(3);
    expect(ok.stdout).toMatch(/3 histories, \d+ events, 0 failures, \d+ events\/s/);

    const bad = await replayCli([fromCli, altered]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/FAIL {2}happy-path\.activity-renamed/);
    expect(bad.stdout).toContain('DeterminismViolationError');
    expect(bad.stdout).toMatch(/2 histories, \d+ events, 1 failures/);
  });

  it('--all replays every workflow in the namespace and ends with a summary', async () => {
    const all = await replayCli(['--all', '--since', '2000-01-01']);
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/(\d+) histories, \d+ events, 0 failures, \d+ events\/s/);
    expect(Number(/(\d+) histories/.exec(all.stdout)?.[1])).toBeGreaterThanOrEqual(1);
  });
});
