// npm run record-histories [-- --out test/replay/histories] [--only happy-path,rejection] [--plain]
// Re-records the replay fixtures from real runs of the current workflow code: the time-skipping Temporal test
// server, a throwaway PostgreSQL database, the sandbox gateway, and payloads encrypted with the test key, as in
// every other test (--plain: no codec, as histories were written before it existed). Writes each history as `temporal workflow show --output json` would, plus the negative
// control (test/replay/histories/altered/): a copy of the happy path with one activity renamed.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { createActivities } from '../activities';
import { createDb, dropDatabase, ensureDatabase, type Db } from '../db/config';
import { fetchWorkflowRuns, type RunHistory } from '../replay/fetch';
import { historyToJson, historyToJsonObject, type History } from '../replay/proto-json';
import { jakartaDate } from '../rules';
import type { claimWorkflow } from '../workflows/claim';
import { testDataConverter } from '../test/helpers/codec';
import { startTestGateway, type TestGateway } from '../test/helpers/gateway';
import { databaseUrl, root, temporalBinaries } from '../test/helpers/paths';
import {
  SCENARIOS,
  SCHOLARSHIP_SCENARIOS,
  waitClosed,
  type Context,
  type Handle,
} from './record-histories-scenarios';

function childWorkflowIds(history: History): string[] {
  return (history.events ?? [])
    .map((e) => e.childWorkflowExecutionStartedEventAttributes?.workflowExecution?.workflowId)
    .filter((id): id is string => typeof id === 'string' && id.length > 0);
}

export const HISTORIES_DIR = join(root, 'test', 'replay', 'histories');
export const ALTERED_DIR = join(HISTORIES_DIR, 'altered');

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
