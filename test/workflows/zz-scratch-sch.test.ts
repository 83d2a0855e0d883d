import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { submitEnrollmentUpdate } from '../../workflows/definitions';
import { testDataConverter } from '../helpers/codec';
import { createTestDb, type TestDb } from '../helpers/db';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { bundlePath } from '../helpers/paths';
import { bornYearsBefore, proof, schoolYearOfDate, serverToday, startScholarship, proofDue, yearRecorded, nextSchoolYear, skipTo, stopWhenIdle } from '../helpers/scholarship';
import { timeSkippingEnv } from '../helpers/temporal';

let env: TestWorkflowEnvironment; let t: TestDb; let gateway: TestGateway;
beforeAll(async () => { [t, gateway] = await Promise.all([createTestDb(), startTestGateway()]); });
beforeEach(async () => { const t0 = Date.now(); env = await timeSkippingEnv(); log('env in', Date.now() - t0); });
afterEach(async () => { await env?.teardown(); });
afterAll(async () => { await gateway?.close(); await t?.drop(); });
const log = (...a: unknown[]) => process.stdout.write(`T ${Date.now() % 100000} ${a.join(' ')}\n`);

for (let k = 0; k < 4; k++) it(`cap ${k}`, async () => {
  const today = await serverToday(env);
  const year = schoolYearOfDate(today);
  const years = [0, 1, 2, 3].map((n) => nextSchoolYear(year, n));
  const taskQueue = `claims-${randomUUID()}`;
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: { codePath: bundlePath }, dataConverter: testDataConverter, activities: createActivities({ db: t.db, gateway: gateway.client }) });
  await worker.runUntil(async () => {
    const { workflowId } = await startScholarship(env, t.db, taskQueue, { dateOfBirth: bornYearsBefore(today, 4), schooling: { level: 'TK', grade: 1 } }, today);
    const steps = [['TK', 1], ['TK', 2], ['TK', 2], ['SD', 1]] as const;
    for (const [i, [level, grade]] of steps.entries()) {
      log('skip', years[i], new Date(await env.currentTimeMs()).toISOString());
      const small = await Promise.race([env.sleep(1000).then(() => 'ok'), new Promise((res) => setTimeout(() => res('HANG'), 3000))]);
      log('small sleep', small, new Date(await env.currentTimeMs()).toISOString());
      const p = skipTo(env, `${years[i]!.slice(0, 4)}-07-01`);
      const r = await Promise.race([p.then(() => 'ok'), new Promise((res) => setTimeout(() => res('HANG'), 5000))]);
      if (r === 'HANG') {
        log('HANG at', new Date(await env.currentTimeMs()).toISOString());
        const d = await env.client.workflow.getHandle(workflowId).describe();
        log('status', d.status.name, d.runId, JSON.stringify(d.raw.pendingActivities?.map((a) => a.activityType?.name)), JSON.stringify(d.raw.pendingWorkflowTask));
        const h = await env.client.workflow.getHandle(workflowId).fetchHistory();
        log(h.events!.map((e) => `${e.eventId}:${e.eventType}@${new Date(Number(e.eventTime!.seconds) * 1000).toISOString()}`).join(' '));
        throw new Error('hang');
      }
      log('due'); await proofDue(t.db, workflowId, years[i]!);
      log('submit'); await env.client.workflow.getHandle(workflowId).executeUpdate(submitEnrollmentUpdate, { args: [proof(years[i]!, level, grade)] });
      log('recorded'); await yearRecorded(t.db, workflowId, years[i]!);
    }
    log('terminate'); await stopWhenIdle(env.client, workflowId); log('done');
  });
}, 30000);
