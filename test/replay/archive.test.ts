// Audits outlive Temporal's retention: a closed claim is archived by the archiver's schedule, deleted from Temporal
// with the Temporal CLI (as retention would), and then exported and replayed from the archive through the API and
// `npm run replay`, with the digest taken before the delete. On the dev server, the real one: the time-skipping
// server cannot delete a workflow.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { WorkflowNotFoundError } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import request from 'supertest';
import { createHistoryArchiveActivities } from '../../activities/history-archive';
import { ensureHistoryArchiveSchedule } from '../../bin/lib/schedules';
import { createStores } from '../../db/stores';
import {
  buildExport,
  exportRun,
  historyFromJson,
  verifyExport,
  type ClaimReplay,
  type HistoryExport,
  type RunHistory,
} from '../../replay';
import { jakartaDate } from '../../rules';
import { HISTORY_ARCHIVE_SCHEDULE_ID } from '../../vocabulary/ids';
import type { ArchiveSweep } from '../../vocabulary/activities';
import { TEST_PAYLOAD_KEYS_SPEC, testDataConverter } from '../helpers/codec';
import { createParticipant, FULL_CHECKLIST } from '../helpers/factories';
import { bundlePath, root, temporalBinaries } from '../helpers/paths';
import { startApiHarness, waitForClaimStatus, type ApiHarness } from '../api/harness';

const run = promisify(execFile);
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

let h: ApiHarness;
let archiver: Worker;
let archiverRunning: Promise<void>;
let archiveQueue: string;
let auditor: string;

beforeAll(async () => {
  h = await startApiHarness();
  auditor = h.token({ id: 'auditor-1', role: 'auditor' });
  // The archiver as the worker process registers it (bin/lib/worker.ts), on a task queue of its own.
  archiveQueue = `archive-${randomUUID()}`;
  archiver = await Worker.create({
    connection: h.env.nativeConnection,
    taskQueue: archiveQueue,
    workflowBundle: { codePath: bundlePath },
    dataConverter: testDataConverter,
    activities: createHistoryArchiveActivities({ db: h.t.db, temporal: h.env.client }),
  });
  archiverRunning = archiver.run();
});

afterAll(async () => {
  archiver?.shutdown();
  await archiverRunning;
  await h?.close();
});

async function until<T>(what: string, probe: () => Promise<T | undefined>, tries = 300): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Waits until visibility lists the workflow's closed run: the archiver lists what visibility shows, a little late. */
function closedInVisibility(workflowId: string) {
  return until('the closed run in visibility', async () => {
    for await (const e of h.env.client.workflow.list({
      query: `WorkflowId = '${workflowId}' AND ExecutionStatus != 'Running'`,
    }))
      return e;
    return undefined;
  });
}

/** A JKM claim filed, verified, approved by a second officer and paid: its workflow closed. */
async function closedClaim(children: unknown[] = []): Promise<string> {
  const officer1 = h.token({ id: 'officer-1', role: 'officer' });
  const officer2 = h.token({ id: 'officer-2', role: 'officer' });
  const { nik } = await createParticipant(h.t.db);
  const created = await request(h.app)
    .post('/api/v1/claims')
    .set(bearer(officer1))
    .send({
      program: 'JKM',
      participantNik: nik,
      eventDate: jakartaDate(Date.now() - 10 * 86_400_000),
      heirs: [{ name: 'Sri Wahyuni', relationship: 'spouse' }],
      ...(children.length > 0 ? { children } : {}),
      bankAccount: { bankCode: 'BNI', accountNumber: '5551234567', accountName: 'Sri Wahyuni' },
    })
    .expect(201);
  const claimNumber: string = created.body.claimNumber;
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
    .set(bearer(officer2))
    .send({ decision: 'approve', reason: 'Complete file' })
    .expect(200);
  await h.env.client.workflow.getHandle(claimNumber).result();
  return claimNumber;
}

async function gone(workflowId: string): Promise<true | undefined> {
  try {
    await h.env.client.workflow.getHandle(workflowId).describe();
    return undefined;
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return true;
    throw err;
  }
}

const replayCli = (args: string[]) =>
  run(process.execPath, ['--import', 'tsx', join(root, 'bin', 'replay.ts'), ...args], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      // Production loads the prebuilt bundle (npm run build): here, the one jest's global setup built the same way.
      WORKFLOW_BUNDLE_PATH: bundlePath,
      TEMPORAL_ADDRESS: h.env.address,
      TEMPORAL_NAMESPACE: 'default',
      PAYLOAD_KEYS: TEST_PAYLOAD_KEYS_SPEC,
      DATABASE_URL: h.t.url,
    },
  }).then(
    (out) => ({ code: 0, stdout: out.stdout }),
    (err: { code: number; stdout: string; stderr: string }) => ({
      code: err.code,
      stdout: `${err.stdout}${err.stderr}`,
    }),
  );

describe('a closed claim deleted from Temporal', () => {
  let claimNumber: string;
  let before: HistoryExport;
  let runId: string;

  beforeAll(async () => {
    claimNumber = await closedClaim();
    before = (
      await request(h.app).get(`/api/v1/claims/${claimNumber}/history`).set(bearer(auditor)).expect(200)
    ).body as HistoryExport;
    runId = before.runs[0]!.runId;
  });

  it('is archived by the schedule, once, history and digest together', async () => {
    // Visibility lags the close a little; the archiver lists what visibility shows.
    await closedInVisibility(claimNumber);
    expect(await ensureHistoryArchiveSchedule(h.env.client, archiveQueue)).toBe(true);
    expect(await ensureHistoryArchiveSchedule(h.env.client, archiveQueue)).toBe(false); // every start of a worker
    await h.env.client.schedule.getHandle(HISTORY_ARCHIVE_SCHEDULE_ID).trigger();
    const digest = await until('the archived digest', () =>
      h.t.db('history_digests').where({ workflow_id: claimNumber, run_id: runId }).first(),
    );
    expect(digest).toMatchObject({
      claim_number: claimNumber,
      algorithm: 'sha256',
      canonicalization: 'json-sorted-keys',
      chain_head: before.runs[0]!.hashChain.head,
      event_count: before.runs[0]!.eventCount,
    });
    const archived = await h.t.db('history_archive').where({ workflow_id: claimNumber }).first();
    expect(archived).toMatchObject({
      run_id: runId,
      workflow_type: 'claimWorkflow',
      close_status: 'COMPLETED',
    });
    expect(archived.history).toEqual(before.runs[0]!.history);

    // A second sweep (a retry, or the next tick) finds it archived and writes nothing.
    const again: ArchiveSweep = await h.env.client.workflow.execute('historyArchiveWorkflow', {
      workflowId: `sweep-${randomUUID()}`,
      taskQueue: archiveQueue,
      args: [],
    });
    expect(again).toMatchObject({ archived: 0, failed: [], gone: [] });
    expect(again.alreadyArchived).toBeGreaterThanOrEqual(1);
    expect(await h.t.db('history_digests').where({ workflow_id: claimNumber })).toHaveLength(1);
    await h.env.client.schedule.getHandle(HISTORY_ARCHIVE_SCHEDULE_ID).delete();
  });

  it('exports from the archive once `temporal workflow delete` has removed it, with the same digest', async () => {
    const { cli } = temporalBinaries();
    await run(cli!, [
      'workflow',
      'delete',
      '--yes',
      '--workflow-id',
      claimNumber,
      '--address',
      h.env.address,
      '--namespace',
      'default',
    ]);
    // Deletion runs as a system workflow: the run disappears some seconds later.
    await until('Temporal to forget the claim', () => gone(claimNumber), 900);
    await expect(h.env.client.workflow.getHandle(claimNumber, runId).fetchHistory()).rejects.toThrow();

    const after = (
      await request(h.app).get(`/api/v1/claims/${claimNumber}/history`).set(bearer(auditor)).expect(200)
    ).body as HistoryExport;
    expect(after.source).toBe('archive');
    expect(after.runs.map((r) => [r.workflowId, r.runId, r.source])).toEqual([
      [claimNumber, runId, 'archive'],
    ]);
    expect(after.digest).toBe(before.digest);
    expect(after.runs[0]!.history).toEqual(before.runs[0]!.history);
    expect(after.runs[0]!.hashChain).toEqual(before.runs[0]!.hashChain);
    expect(verifyExport(after)).toMatchObject({ valid: true, digestValid: true });
    expect(before.source).toBe('temporal');
  }, 120_000);

  it('replays from the archive through the API, with the decision trail', async () => {
    const replay = (
      await request(h.app).post(`/api/v1/claims/${claimNumber}/replay`).set(bearer(auditor)).expect(200)
    ).body as ClaimReplay;
    expect(replay).toMatchObject({ claimNumber, source: 'archive', deterministic: true, histories: 1 });
    expect(replay.runs).toEqual([
      expect.objectContaining({ workflowId: claimNumber, runId, deterministic: true, source: 'archive' }),
    ]);
    expect(replay.decisionTrail.decision).toMatchObject({ by: 'officer-2', decision: 'approve' });
    expect(replay.decisionTrail.outcome).toMatchObject({ status: 'paid', total: 42_000_000 });
  });

  it('replays from the archive with `npm run replay`, saying so', async () => {
    const out = await replayCli([claimNumber]);
    expect(out.stdout).toContain(`ok    ${claimNumber} ${runId} (`);
    expect(out.stdout).toMatch(/events, from archive\)/);
    expect(out.stdout).toMatch(/1 histories, \d+ events, 0 failures/);
    expect(out.code).toBe(0);
  });

  it('refuses to serve an archived copy altered behind the triggers, naming the run', async () => {
    // Only the tables' owner can do this, by disabling the trigger first; the digest table still holds the head.
    await h.t.db.transaction(async (trx) => {
      await trx.raw('alter table history_archive disable trigger history_archive_no_change');
      const row = await trx('history_archive').where({ workflow_id: claimNumber }).first();
      const history = row.history as { events: { eventTime: string }[] };
      history.events[5]!.eventTime = '2001-01-01T00:00:00Z';
      await trx('history_archive')
        .where({ workflow_id: claimNumber })
        .update({ history: JSON.stringify(history) });
      await trx.raw('alter table history_archive enable trigger history_archive_no_change');
    });
    const res = await request(h.app).get(`/api/v1/claims/${claimNumber}/history`).set(bearer(auditor));
    expect(res.status).toBe(500);
    expect(res.body.type).toMatch(/archive-integrity$/);
    expect(res.body.detail).toContain(runId);
  });
});

describe('a closed claim deleted from Temporal whose scholarship still runs', () => {
  it('exports and replays the claim from the archive and the scholarship from Temporal, saying so', async () => {
    const claimNumber = await closedClaim([
      {
        name: 'Putri',
        dateOfBirth: jakartaDate(Date.now() - 10 * 365 * 86_400_000),
        schooling: { level: 'SD', grade: 4 },
      },
    ]);
    const scholarshipId = `${claimNumber}-S1`;
    const before = (
      await request(h.app).get(`/api/v1/claims/${claimNumber}/history`).set(bearer(auditor)).expect(200)
    ).body as HistoryExport;
    expect(before.runs.map((r) => [r.workflowId, r.source])).toEqual([
      [claimNumber, 'temporal'],
      [scholarshipId, 'temporal'],
    ]);
    await closedInVisibility(claimNumber);
    const sweep: ArchiveSweep = await h.env.client.workflow.execute('historyArchiveWorkflow', {
      workflowId: `sweep-${randomUUID()}`,
      taskQueue: archiveQueue,
      args: [],
    });
    expect(sweep.failed).toEqual([]);
    // The running scholarship is not archived: only closed runs are.
    expect(await h.t.db('history_archive').where({ claim_number: claimNumber }).pluck('workflow_id')).toEqual(
      [claimNumber],
    );
    const { cli } = temporalBinaries();
    await run(cli!, [
      'workflow',
      'delete',
      '--yes',
      '--workflow-id',
      claimNumber,
      '--address',
      h.env.address,
      '--namespace',
      'default',
    ]);
    await until('Temporal to forget the claim', () => gone(claimNumber), 900);

    const doc = (
      await request(h.app).get(`/api/v1/claims/${claimNumber}/history`).set(bearer(auditor)).expect(200)
    ).body as HistoryExport;
    expect(doc.source).toBe('temporal+archive');
    expect(doc.runs.map((r) => [r.workflowId, r.source])).toEqual([
      [claimNumber, 'archive'],
      [scholarshipId, 'temporal'],
    ]);
    expect(doc.runs[0]!.hashChain.head).toBe(before.runs[0]!.hashChain.head);
    const replay = (
      await request(h.app).post(`/api/v1/claims/${claimNumber}/replay`).set(bearer(auditor)).expect(200)
    ).body as ClaimReplay;
    expect(replay.source).toBe('temporal+archive');
    expect(replay.runs.map((r) => [r.workflowId, r.deterministic, r.source])).toEqual([
      [claimNumber, true, 'archive'],
      [scholarshipId, true, 'temporal'],
    ]);
    await h.env.client.workflow.getHandle(scholarshipId).terminate('test: done');
  }, 120_000);
});

describe('a claim with scholarship runs, all past retention', () => {
  // A recorded claim (test/replay/histories/scholarship-lapses: the claim and three school-year runs linked by
  // continue-as-new), archived as the archiver archives a run; Temporal has none of it.
  const folder = join(root, 'test', 'replay', 'histories', 'scholarship-lapses');
  const claimNumber = 'JKM-20261124-MVW5D6TS';
  const files = readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .sort((a, b) => (a === 'claim.json' ? -1 : b === 'claim.json' ? 1 : a.localeCompare(b)));
  const runs: RunHistory[] = files.map((file) => {
    const history = historyFromJson(readFileSync(join(folder, file), 'utf8'));
    const started = history.events![0]!.workflowExecutionStartedEventAttributes!;
    return {
      workflowId: file === 'claim.json' ? claimNumber : `${claimNumber}-S1`,
      runId: started.originalExecutionRunId!,
      workflowType: started.workflowType!.name!,
      history,
    };
  });

  beforeAll(async () => {
    const archive = createStores(h.t.db).historyArchive;
    // Newest first, so the order read back cannot come from the order written.
    for (const run of [...runs].reverse()) {
      const exported = exportRun(run);
      const first = run.history.events![0]!;
      expect(
        await archive.archive({
          workflowId: run.workflowId,
          runId: run.runId,
          claimNumber,
          namespace: 'default',
          workflowType: run.workflowType,
          closeStatus: String(exported.history.events.at(-1)!.eventType).replace(
            'EVENT_TYPE_WORKFLOW_EXECUTION_',
            '',
          ),
          startedAt: new Date(exported.history.events[0]!.eventTime!),
          closedAt: new Date(exported.history.events.at(-1)!.eventTime!),
          previousRunId: first.workflowExecutionStartedEventAttributes!.continuedExecutionRunId || null,
          history: exported.history,
          digest: { ...exported.hashChain },
        }),
      ).toBe(true);
    }
  });

  it('exports every run of every workflow id in order, with the digest of the same runs exported from Temporal', async () => {
    const res = await request(h.app)
      .get(`/api/v1/claims/${claimNumber}/history`)
      .set(bearer(auditor))
      .expect(200);
    const doc = res.body as HistoryExport;
    expect(doc.source).toBe('archive');
    expect(doc.runs.map((r) => [r.workflowId, r.runId, r.workflowType])).toEqual(
      runs.map((r) => [r.workflowId, r.runId, r.workflowType]),
    );
    expect(doc.digest).toBe(buildExport(claimNumber, runs, { namespace: 'default' }).digest);
    expect(verifyExport(doc).valid).toBe(true);
  });

  it('replays each school-year run from the archive', async () => {
    const res = await request(h.app)
      .post(`/api/v1/claims/${claimNumber}/replay`)
      .set(bearer(auditor))
      .expect(200);
    const replay = res.body as ClaimReplay;
    expect(replay.runs.map((r) => [r.workflowId, r.deterministic, r.source])).toEqual([
      [claimNumber, true, 'archive'],
      [`${claimNumber}-S1`, true, 'archive'],
      [`${claimNumber}-S1`, true, 'archive'],
      [`${claimNumber}-S1`, true, 'archive'],
    ]);
    expect(replay.decisionTrail.scholarships).toEqual([
      expect.objectContaining({ workflowId: `${claimNumber}-S1` }),
    ]);
  });
});

describe('an accident case', () => {
  it('is archived when it closes, as a claim is: history and digest under its claim number', async () => {
    const officer1 = h.token({ id: 'officer-1', role: 'officer' });
    const officer2 = h.token({ id: 'officer-2', role: 'officer' });
    const { nik } = await createParticipant(h.t.db);
    const accidentDate = jakartaDate(Date.now() - 5 * 86_400_000);
    const created = await request(h.app)
      .post('/api/v1/claims')
      .set(bearer(officer1))
      .send({
        program: 'JKK',
        event: 'accident',
        participantNik: nik,
        accidentDate,
        accidentKind: 'work',
        accidentPlace: 'Gudang PT Uji, Bekasi',
        reportedAt: `${accidentDate}T20:00:00+07:00`,
        bankAccount: { bankCode: 'BRI', accountNumber: '2234567890', accountName: 'Budi Santoso' },
        employerBankAccount: { bankCode: 'BNI', accountNumber: '3234567890', accountName: 'PT Uji' },
      })
      .expect(201);
    const claimNumber: string = created.body.claimNumber;
    const url = `/api/v1/claims/${claimNumber}`;
    await waitForClaimStatus(h, claimNumber, 'waiting_for_finding', officer1);
    // Not a work accident, confirmed by a second officer: the case closes.
    await request(h.app)
      .post(`${url}/finding`)
      .set(bearer(officer1))
      .send({ finding: 'not_work_accident', reasons: 'Injured at home on a day off' })
      .expect(200);
    await request(h.app)
      .post(`${url}/finding/confirmation`)
      .set(bearer(officer2))
      .send({ decision: 'approve', reason: 'The investigation report agrees' })
      .expect(200);
    await h.env.client.workflow.getHandle(claimNumber).result();
    const before = await request(h.app).get(`${url}/history`).set(bearer(auditor)).expect(200);

    await closedInVisibility(claimNumber);
    const sweep: ArchiveSweep = await h.env.client.workflow.execute('historyArchiveWorkflow', {
      workflowId: `sweep-${randomUUID()}`,
      taskQueue: archiveQueue,
      args: [],
    });
    expect(sweep.failed).toEqual([]);
    const archived = await h.t.db('history_archive').where({ workflow_id: claimNumber }).first();
    expect(archived).toMatchObject({
      claim_number: claimNumber,
      workflow_type: 'accidentWorkflow',
      close_status: 'COMPLETED',
    });
    const digest = await h.t.db('history_digests').where({ workflow_id: claimNumber }).first();
    expect(digest.chain_head).toBe(before.body.runs[0].hashChain.head);
  });
});
