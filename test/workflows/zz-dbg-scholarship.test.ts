import { randomUUID } from 'node:crypto';
import { Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { createTestDb } from '../../test/helpers/db';
import { startTestGateway } from '../../test/helpers/gateway';
import { bundlePath } from '../../test/helpers/paths';
import { timeSkippingEnv } from '../../test/helpers/temporal';
import { startScholarship, serverToday, bornYearsBefore, scholarshipState } from '../../test/helpers/scholarship';

it('dbg', async () => {
  const [env, t, gateway] = await Promise.all([timeSkippingEnv(), createTestDb(), startTestGateway()]);
  const taskQueue = `claims-${randomUUID()}`;
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: { codePath: bundlePath }, activities: createActivities({ db: t.db, gateway: gateway.client }) });
  await worker.runUntil(async () => {
    const today = await serverToday(env);
    const { workflowId } = await startScholarship(env, t.db, taskQueue, { dateOfBirth: bornYearsBefore(today, 2) }, today);
    await new Promise((r) => setTimeout(r, 1000));
    console.log(JSON.stringify(await scholarshipState(env.client, workflowId)));
    const t0 = Date.now();
    await env.sleep('1 day');
    console.log('slept 1 day', Date.now() - t0);
    await env.sleep('365 days');
    console.log('slept 365 days', Date.now() - t0, new Date(await env.currentTimeMs()).toISOString());
    console.log(JSON.stringify(await scholarshipState(env.client, workflowId)));
  });
  await env.teardown(); await gateway.close(); await t.drop();
}, 120000);
