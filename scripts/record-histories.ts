// npm run record-histories [-- --out test/replay/histories] [--only happy-path,rejection] [--plain]
// Re-records the replay fixtures from real runs of the current workflow code: the time-skipping Temporal test
// server, a throwaway PostgreSQL database, the sandbox gateway, and payloads encrypted with the test key, as in
// every other test (--plain: no codec, as histories were written before it existed). Writes each history as `temporal workflow show --output json` would, plus the negative
// control (test/replay/histories/altered/): a copy of the happy path with one activity renamed.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { WorkflowHandle } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { createActivities } from '../activities';
import { createDb, dropDatabase, ensureDatabase, type Db } from '../db/config';
import { fetchWorkflowRuns, type RunHistory } from '../replay/fetch';
import { historyToJson, historyToJsonObject, type History } from '../replay/proto-json';
import { jakartaDate, scholarshipPlan } from '../rules';
import { addDays, addYears } from '../rules/dates';
import type { claimWorkflow } from '../workflows/claim';
import {
  claimStateQuery,
  decideUpdate,
  updateBankAccountUpdate,
  verifyUpdate,
  reportLifeEventUpdate,
  scholarshipWorkflowId,
  submitEnrollmentUpdate,
  type Actor,
  type Child,
  type ClaimInput,
  type ClaimStatus,
  type LifeEventKind,
  type LifeEventRequest,
  type SchoolLevel,
} from '../workflows/definitions';
import { testDataConverter } from '../test/helpers/codec';
import { claimInput, createParticipant, FULL_CHECKLIST } from '../test/helpers/factories';
import { startTestGateway, type TestGateway } from '../test/helpers/gateway';
import { databaseUrl, root, temporalBinaries } from '../test/helpers/paths';
import {
  approvedClaim,
  bornYearsBefore,
  proof,
  skipTo,
  waitingForProof,
  yearDecided,
} from '../test/helpers/scholarship';

interface PlanRow {
  schoolYear: string;
  level: SchoolLevel;
  grade: number;
}

/** Scholarship workflows the claim started as its children. */
function childWorkflowIds(history: History): string[] {
  return (history.events ?? [])
    .map((e) => e.childWorkflowExecutionStartedEventAttributes?.workflowExecution?.workflowId)
    .filter((id): id is string => typeof id === 'string' && id.length > 0);
}

export const HISTORIES_DIR = join(root, 'test', 'replay', 'histories');
export const ALTERED_DIR = join(HISTORIES_DIR, 'altered');

const officer1: Actor = { kind: 'staff', id: 'officer-1', role: 'officer' };
const officer2: Actor = { kind: 'staff', id: 'officer-2', role: 'officer' };
const supervisor: Actor = { kind: 'staff', id: 'supervisor-1', role: 'supervisor' };

interface Context {
  env: TestWorkflowEnvironment;
  db: Db;
  taskQueue: string;
  today(): Promise<string>;
  start(input: ClaimInput): Promise<WorkflowHandle<typeof claimWorkflow>>;
}

type Handle = WorkflowHandle<typeof claimWorkflow>;

async function waitFor(
  handle: Handle,
  ok: (s: { status: ClaimStatus; escalated: boolean }) => boolean,
  what: string,
) {
  for (let i = 0; i < 1200; i++) {
    if (ok(await handle.query(claimStateQuery))) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  const state = await handle.query(claimStateQuery);
  const outcome = ['ineligible', 'rejected', 'paid'].includes(state.status)
    ? await handle.result()
    : undefined;
  throw new Error(`${handle.workflowId} never reached ${what}: ${JSON.stringify({ state, outcome })}`);
}
const waitForStatus = (handle: Handle, status: ClaimStatus) =>
  waitFor(handle, (s) => s.status === status, status);

/**
 * Polls until the run closes. Not handle.result(): on the time-skipping server that unlocks time skipping,
 * and the clock can jump years ahead, which would date the next fixtures in the future.
 */
async function waitClosed(handle: Handle): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    if ((await handle.describe()).status.name !== 'RUNNING') return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${handle.workflowId} never closed`);
}

async function verifyAndDecide(handle: Handle, decision: 'approve' | 'reject', by: Actor, reason: string) {
  await waitForStatus(handle, 'waiting_for_documents');
  await handle.executeUpdate(verifyUpdate, { args: [{ actor: officer1, checklist: FULL_CHECKLIST }] });
  await waitForStatus(handle, 'waiting_for_decision');
  await handle.executeUpdate(decideUpdate, { args: [{ actor: by, decision, reason }] });
}

/** Every claim path, each a real run. The names are the fixture file names. */
const SCENARIOS: Record<string, (ctx: Context) => Promise<Handle>> = {
  // JKM: verified by officer-1, approved by officer-2, three components paid.
  'happy-path': async (ctx) => {
    const { nik } = await createParticipant(ctx.db, {
      membershipStartDate: '2018-01-01',
      monthlyWage: 6_000_000,
    });
    const handle = await ctx.start(claimInput({ participantNik: nik, claimDate: await ctx.today() }));
    await verifyAndDecide(handle, 'approve', officer2, 'Documents complete');
    return handle;
  },
  rejection: async (ctx) => {
    const { nik } = await createParticipant(ctx.db);
    const handle = await ctx.start(claimInput({ participantNik: nik, claimDate: await ctx.today() }));
    await verifyAndDecide(handle, 'reject', officer2, 'The death certificate is forged.');
    return handle;
  },
  // JKK above Rp 200,000,000: the service level (7 working days) runs out, supervisors are told, a supervisor approves.
  'escalation-supervisor-approval': async (ctx) => {
    const { nik } = await createParticipant(ctx.db, { monthlyWage: 25_000_000 });
    const handle = await ctx.start(
      claimInput({ participantNik: nik, program: 'JKK', claimDate: await ctx.today() }),
    );
    await waitForStatus(handle, 'waiting_for_documents');
    await ctx.env.sleep('20 days');
    await waitFor(handle, (s) => s.escalated, 'escalation');
    await verifyAndDecide(handle, 'approve', supervisor, 'Accident report and medical statement in order');
    return handle;
  },
  'incomplete-documents': async (ctx) => {
    const { nik } = await createParticipant(ctx.db);
    const handle = await ctx.start(claimInput({ participantNik: nik, claimDate: await ctx.today() }));
    await waitForStatus(handle, 'waiting_for_documents');
    await handle.executeUpdate(verifyUpdate, {
      args: [
        {
          actor: officer1,
          checklist: { ...FULL_CHECKLIST, death_certificate: false },
          note: 'No certificate yet',
        },
      ],
    });
    await verifyAndDecide(handle, 'approve', officer2, 'Certificate received');
    return handle;
  },
  // The bank refuses the account; the family gives another one; each component is paid once.
  'refused-account': async (ctx) => {
    const { nik } = await createParticipant(ctx.db);
    const input = claimInput({
      participantNik: nik,
      claimDate: await ctx.today(),
      bankAccount: { bankCode: 'BNI', accountNumber: '0001112223', accountName: 'Sri Wahyuni' },
    });
    const handle = await ctx.start(input);
    await verifyAndDecide(handle, 'approve', officer2, 'ok');
    await waitForStatus(handle, 'waiting_for_bank_account');
    await handle.executeUpdate(updateBankAccountUpdate, {
      args: [
        {
          actor: { kind: 'family' },
          bankAccount: { bankCode: 'BNI', accountNumber: '9876543210', accountName: 'Sri' },
        },
      ],
    });
    return handle;
  },
  // The longest claim path: three refused accounts in a row before one is paid.
  'repeated-refusals': async (ctx) => {
    const { nik } = await createParticipant(ctx.db);
    const refused = (n: number) => ({
      bankCode: 'BRI',
      accountNumber: `000555000${n}`,
      accountName: 'Sri Wahyuni',
    });
    const handle = await ctx.start(
      claimInput({ participantNik: nik, claimDate: await ctx.today(), bankAccount: refused(0) }),
    );
    await verifyAndDecide(handle, 'approve', officer2, 'ok');
    for (const account of [refused(1), refused(2), { ...refused(3), accountNumber: '5550001113' }]) {
      await waitForStatus(handle, 'waiting_for_bank_account');
      await handle.executeUpdate(updateBankAccountUpdate, {
        args: [{ actor: officer1, bankAccount: account }],
      });
    }
    return handle;
  },
  'ineligible-unregistered': async (ctx) =>
    ctx.start(claimInput({ participantNik: '3299999999999999', claimDate: await ctx.today() })),
  'ineligible-membership-ended': async (ctx) => {
    const { nik } = await createParticipant(ctx.db, { membershipEndDate: '2025-06-30' });
    return ctx.start(
      claimInput({ participantNik: nik, eventDate: '2026-10-01', claimDate: await ctx.today() }),
    );
  },
};

const childOf = (dateOfBirth: string, schooling?: Child['schooling']): Child => ({
  name: 'Putri',
  dateOfBirth,
  ...(schooling ? { schooling } : {}),
});

/** The first `count` years of the plan: the window opens, the family sends proof, the year is paid. */
async function payYears(
  ctx: Context,
  workflowId: string,
  plan: PlanRow[],
  count = plan.length,
  graduate = false,
) {
  for (const [i, row] of plan.slice(0, count).entries()) {
    await skipTo(ctx.env, `${row.schoolYear.slice(0, 4)}-07-01`);
    await waitingForProof(ctx.env.client, workflowId, row.schoolYear);
    await ctx.env.client.workflow.getHandle(workflowId).executeUpdate(submitEnrollmentUpdate, {
      args: [proof(row.schoolYear, row.level, row.grade, { graduated: graduate && i === plan.length - 1 })],
    });
    await yearDecided(ctx.env.client, workflowId, row.schoolYear);
  }
}

/**
 * Lets the year's enrolment window pass without proof: the year lapses. When that lapse ends the scholarship,
 * wait for its result instead: the test server does not skip time past the last timer, so a sleep beyond it
 * would last as long in real time.
 */
async function lapseYear(ctx: Context, workflowId: string, row: PlanRow, ends = false) {
  await skipTo(ctx.env, `${row.schoolYear.slice(0, 4)}-07-01`);
  await waitingForProof(ctx.env.client, workflowId, row.schoolYear);
  if (ends) await ctx.env.client.workflow.getHandle(workflowId).result();
  else await skipTo(ctx.env, `${Number(row.schoolYear.slice(0, 4)) + 1}-01-02`);
  await yearDecided(ctx.env.client, workflowId, row.schoolYear);
}

async function lifeEvent(
  ctx: Context,
  workflowId: string,
  kind: LifeEventKind,
  work?: LifeEventRequest['work'],
) {
  await ctx.env.client.workflow.getHandle(workflowId).executeUpdate(reportLifeEventUpdate, {
    args: [{ actor: officer1, kind, date: await ctx.today(), ...(work ? { work } : {}) }],
  });
}

async function approvedWithChildren(ctx: Context, children: Child[]) {
  const { input, handle } = await approvedClaim(ctx.env, ctx.db, ctx.taskQueue, children);
  await waitForStatus(handle, 'paid');
  const plans = children.map((c) => scholarshipPlan(c, input.eventDate).plan as PlanRow[]);
  return { input, handle, plans, id: (n: number) => scholarshipWorkflowId(input.claimNumber, n) };
}

/**
 * Scholarships (one ScholarshipWorkflow per child, one run per school year) to their end. Each is written as a
 * folder: the claim's history and every run of every scholarship.
 */
const SCHOLARSHIP_SCENARIOS: Record<string, (ctx: Context) => Promise<Handle>> = {
  // A child aged 2: deferred until TK, then 19 school years to a bachelor's degree ("graduated").
  'scholarship-full': async (ctx) => {
    const c = await approvedWithChildren(ctx, [childOf(bornYearsBefore(await ctx.today(), 2))]);
    await payYears(ctx, c.id(1), c.plans[0]!, c.plans[0]!.length, true);
    return c.handle;
  },
  // A year paid, then two lapsed in a row: "no_longer_enrolled".
  'scholarship-lapses': async (ctx) => {
    const child = childOf(bornYearsBefore(await ctx.today(), 9), { level: 'SD', grade: 3 });
    const c = await approvedWithChildren(ctx, [child]);
    const plan = c.plans[0]!;
    await payYears(ctx, c.id(1), plan, 1);
    await lapseYear(ctx, c.id(1), plan[1]!);
    await lapseYear(ctx, c.id(1), plan[2]!, true);
    return c.handle;
  },
  // Two children, a year paid each; then one marries and the other starts wage work for good.
  'scholarship-married-working': async (ctx) => {
    const today = await ctx.today();
    const c = await approvedWithChildren(ctx, [
      childOf(bornYearsBefore(today, 17), { level: 'SMA', grade: 11 }),
      childOf(bornYearsBefore(today, 16), { level: 'SMA', grade: 10 }),
    ]);
    await payYears(ctx, c.id(1), c.plans[0]!, 1);
    await payYears(ctx, c.id(2), c.plans[1]!, 1);
    await lifeEvent(ctx, c.id(1), 'married');
    await lifeEvent(ctx, c.id(2), 'working', { type: 'wage', consecutiveMonths: 12 });
    return c.handle;
  },
  // A year paid, then the child dies.
  'scholarship-died': async (ctx) => {
    const c = await approvedWithChildren(ctx, [
      childOf(bornYearsBefore(await ctx.today(), 12), { level: 'SMP', grade: 7 }),
    ]);
    await payYears(ctx, c.id(1), c.plans[0]!, 1);
    await lifeEvent(ctx, c.id(1), 'died');
    return c.handle;
  },
  // The last school year that starts before the 23rd birthday (tomorrow) paid; the scholarship then ends on the
  // birthday, before the next school year: "age_limit".
  'scholarship-age-limit': async (ctx) => {
    const birthday = addDays(await ctx.today(), 1);
    const c = await approvedWithChildren(ctx, [childOf(addYears(birthday, -23), { level: 'PT', grade: 3 })]);
    await payYears(ctx, c.id(1), c.plans[0]!, 1);
    await ctx.env.client.workflow.getHandle(c.id(1)).result(); // the server skips to the birthday
    return c.handle;
  },
};

/** The negative control: the happy path with checkMembership's scheduled event renamed. */
export function alterHappyPath(json: string): string {
  const history = JSON.parse(json) as { events: Record<string, { activityType?: { name: string } }>[] };
  const scheduled = history.events.find(
    (e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'checkMembership',
  );
  if (!scheduled) throw new Error('the happy path has no checkMembership activity');
  scheduled.activityTaskScheduledEventAttributes!.activityType!.name = 'checkMembershipV2';
  return JSON.stringify(history, null, 2);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      only: { type: 'string' },
      plain: { type: 'boolean', default: false },
    },
  });
  const dataConverter = values.plain ? undefined : testDataConverter;
  const out = resolve(values.out ?? HISTORIES_DIR);
  const only = values.only?.split(',').filter(Boolean);
  const scenarios = { ...SCENARIOS, ...SCHOLARSHIP_SCENARIOS };
  const names = Object.keys(scenarios).filter((n) => !only || only.includes(n));
  Runtime.install({
    logger: new DefaultLogger('ERROR'),
    telemetryOptions: { logging: { filter: { core: 'ERROR', other: 'ERROR' } } },
  });

  const url = databaseUrl(`santunan_rec_${randomBytes(4).toString('hex')}`);
  await ensureDatabase(url);
  const db = createDb(url);
  let gateway: TestGateway | undefined;
  try {
    await db.migrate.latest();
    gateway = await startTestGateway();
    const { code } = await bundleWorkflowCode({
      workflowsPath: require.resolve('../workflows'),
      ...(dataConverter ? { failureConverterPath: dataConverter.failureConverterPath } : {}),
      logger: { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} },
    });
    mkdirSync(out, { recursive: true });
    for (const name of names) {
      write(out, name, await recordWithRetries(db, gateway, { code }, dataConverter, scenarios[name]!, name));
    }
  } finally {
    await gateway?.close();
    await db.destroy();
    await dropDatabase(url);
  }
}

const SCENARIO_TIMEOUT_MS = 90_000;

/**
 * Each scenario on a fresh time-skipping server, so each starts on today's clock. A server that stops skipping
 * time (it happens, rarely, between a scholarship's runs) makes a sleep last in real time: after
 * SCENARIO_TIMEOUT_MS the attempt is dropped with its server, and the scenario is run again.
 */
async function recordWithRetries(
  db: Db,
  gateway: TestGateway,
  workflowBundle: { code: string },
  dataConverter: typeof testDataConverter | undefined,
  scenario: (ctx: Context) => Promise<Handle>,
  name: string,
) {
  const { testServer } = temporalBinaries();
  for (let attempt = 1; ; attempt++) {
    const env = await TestWorkflowEnvironment.createTimeSkipping({
      ...(dataConverter ? { client: { dataConverter } } : {}),
      ...(testServer ? { server: { executable: { type: 'existing-path', path: testServer } } } : {}),
    });
    let timer: NodeJS.Timeout | undefined;
    const attemptRun = record(env, db, gateway, workflowBundle, dataConverter, scenario);
    attemptRun.catch(() => undefined); // a dropped attempt fails once its server is gone
    try {
      return await Promise.race([
        attemptRun,
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`${name} took over ${SCENARIO_TIMEOUT_MS} ms`)),
            SCENARIO_TIMEOUT_MS,
          );
        }),
      ]);
    } catch (err) {
      if (attempt >= 3) throw err;
      console.log(`${name}: ${(err as Error).message}; again on a fresh server (attempt ${attempt + 1})`);
    } finally {
      clearTimeout(timer);
      await env.teardown().catch(() => undefined);
    }
  }
}

/** Runs one scenario on its own task queue and returns the claim's history and every scholarship run. */
async function record(
  env: TestWorkflowEnvironment,
  db: Db,
  gateway: TestGateway,
  workflowBundle: { code: string },
  dataConverter: typeof testDataConverter | undefined,
  scenario: (ctx: Context) => Promise<Handle>,
): Promise<{ claim: History; scholarships: RunHistory[] }> {
  const taskQueue = `record-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle,
    ...(dataConverter ? { dataConverter } : {}),
    activities: createActivities({ db, gateway: gateway.client }),
  });
  const ctx: Context = {
    env,
    db,
    taskQueue,
    today: async () => jakartaDate(await env.currentTimeMs()),
    start: (input) =>
      env.client.workflow.start<typeof claimWorkflow>('claimWorkflow', {
        workflowId: input.claimNumber,
        taskQueue,
        args: [input],
      }),
  };
  return worker.runUntil(async () => {
    const handle = await scenario(ctx);
    await waitClosed(handle);
    const claim = await handle.fetchHistory();
    const scholarships: RunHistory[] = [];
    for (const id of childWorkflowIds(claim)) {
      await waitClosed(env.client.workflow.getHandle(id) as Handle);
      scholarships.push(...((await fetchWorkflowRuns(env.client, id)) ?? []));
    }
    return { claim, scholarships };
  });
}

/** `<name>.json` for a claim alone; a folder `<name>/` with claim.json and S<n>-run-<k>.json with scholarships. */
function write(
  out: string,
  name: string,
  { claim, scholarships }: { claim: History; scholarships: RunHistory[] },
) {
  const json = historyToJson(claim);
  if (scholarships.length > 0) {
    const folder = join(out, name);
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'claim.json'), `${json}\n`);
    const runNumber = new Map<string, number>();
    for (const run of scholarships) {
      const n = (runNumber.get(run.workflowId) ?? 0) + 1;
      runNumber.set(run.workflowId, n);
      const child = /-S(\d+)$/.exec(run.workflowId)?.[1] ?? 'x';
      const file = `S${child}-run-${String(n).padStart(2, '0')}.json`;
      writeFileSync(join(folder, file), `${historyToJson(run.history)}\n`);
    }
    const events = scholarships.reduce((sum, r) => sum + (r.history.events?.length ?? 0), 0);
    console.log(
      `${relative(process.cwd(), folder)}/: the claim and ${scholarships.length} scholarship runs (${events} events)`,
    );
    return;
  }
  const file = join(out, `${name}.json`);
  writeFileSync(file, `${json}\n`);
  console.log(`${relative(process.cwd(), file)}: ${historyToJsonObject(claim).events.length} events`);
  if (name === 'happy-path' && out === resolve(HISTORIES_DIR)) {
    mkdirSync(ALTERED_DIR, { recursive: true });
    const altered = join(ALTERED_DIR, 'happy-path.activity-renamed.json');
    writeFileSync(altered, `${alterHappyPath(json)}\n`);
    console.log(`${relative(process.cwd(), altered)}: negative control`);
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
