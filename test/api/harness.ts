// The API with real dependencies: PostgreSQL, a Temporal dev server, a worker and the sandbox gateway.
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { Express } from 'express';
import pino from 'pino';
import request from 'supertest';
import { createActivities } from '../../activities';
import { createApp, type AppDeps } from '../../api/app';
import { signStaffToken, type Staff } from '../../api/middleware/auth';
import { testDataConverter, testPayloadCodec } from '../helpers/codec';
import { createTestDb, type TestDb } from '../helpers/db';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { bundlePath } from '../helpers/paths';
import { devServerEnv } from '../helpers/temporal';

export const AUTH_SECRET = 'test-secret-at-least-16-chars';

export interface ApiHarness {
  app: Express;
  t: TestDb;
  env: TestWorkflowEnvironment;
  gateway: TestGateway;
  /** Another app on the same database, worker and task queue, with some dependencies replaced. */
  appWith(overrides: Partial<AppDeps>): Express;
  token(staff: Staff): string;
  close(): Promise<void>;
}

export async function startApiHarness(): Promise<ApiHarness> {
  const [env, t, gateway] = await Promise.all([devServerEnv(), createTestDb(), startTestGateway()]);
  const taskQueue = `claims-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: { codePath: bundlePath },
    dataConverter: testDataConverter,
    activities: createActivities({ db: t.db, gateway: gateway.client }),
  });
  const running = worker.run();
  const appWith = (overrides: Partial<AppDeps>) =>
    createApp({
      db: t.db,
      temporal: env.client,
      authSecret: AUTH_SECRET,
      logger: pino({ level: 'silent' }),
      taskQueue,
      payloadCodec: testPayloadCodec,
      // Tests here poll the family page while a claim moves on; the limits themselves are tested in
      // test/security/rate-limit.test.ts.
      trackingLimits: { perAddress: 10_000 },
      ...overrides,
    });
  return {
    app: appWith({}),
    t,
    env,
    gateway,
    appWith,
    token: (staff) => signStaffToken(AUTH_SECRET, staff),
    async close() {
      worker.shutdown();
      await running;
      await env.teardown();
      await gateway.close();
      await t.drop();
    },
  };
}

/** Polls the staff view until the claim reaches the status. */
export async function waitForClaimStatus(h: ApiHarness, claimNumber: string, status: string, token: string) {
  for (let i = 0; i < 300; i++) {
    const res = await request(h.app)
      .get(`/api/v1/claims/${claimNumber}`)
      .set('Authorization', `Bearer ${token}`);
    if (res.status === 200 && res.body.status === status) return res.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`claim ${claimNumber} never reached ${status}`);
}
