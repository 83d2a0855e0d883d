// PostgreSQL or Temporal unreachable: 503 with Retry-After (never 500), and /readyz names the one that is down.
import {
  Client,
  Connection,
  defaultGrpcRetryOptions,
  makeGrpcRetryInterceptor,
  ServiceError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { KnexTimeoutError } from 'knex';
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../api/app';
import { signStaffToken } from '../../api/middleware/auth';
import { unreachableDependency } from '../../api/middleware/unavailable';
import { createDb, type Db } from '../../db/config';
import { createTestDb, type TestDb } from '../helpers/db';
import { claimInput, createParticipant } from '../helpers/factories';
import { createClaimActivities } from '../../activities/claims';
import { freePort } from '../faults/support/ports';

const SECRET = 'test-secret-at-least-16-chars';
const officer = `Bearer ${signStaffToken(SECRET, { id: 'officer-1', role: 'officer' })}`;

function grpcError(code: number): Error {
  return Object.assign(new Error(`${code} UNAVAILABLE: No connection established`), {
    code,
    details: '',
    metadata: {},
  });
}

describe('which dependency an error says is down', () => {
  it.each([
    [
      'a refused PostgreSQL connection',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    ],
    [
      'an AggregateError of refused connections',
      new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]),
    ],
    [
      'PostgreSQL shutting down (57P01)',
      Object.assign(new Error('terminating connection'), { code: '57P01' }),
    ],
    [
      'PostgreSQL starting up (57P03)',
      Object.assign(new Error('the database system is starting up'), { code: '57P03' }),
    ],
    ['a connection lost mid-query', new Error('Connection terminated unexpectedly')],
    ['a pool that cannot connect in time', new KnexTimeoutError('Knex: Timeout acquiring a connection.')],
  ])('%s: PostgreSQL', (_what, err) => {
    expect(unreachableDependency(err)).toBe('postgres');
  });

  it.each([
    ['gRPC UNAVAILABLE', grpcError(14)],
    [
      'gRPC DEADLINE_EXCEEDED inside a ServiceError',
      new ServiceError('Failed to start', { cause: grpcError(4) }),
    ],
    [
      'an update call cut off',
      new WorkflowUpdateRPCTimeoutOrCancelledError('Timeout', { cause: grpcError(1) }),
    ],
  ])('%s: Temporal', (_what, err) => {
    expect(unreachableDependency(err)).toBe('temporal');
  });

  it.each([
    ['a bug', new TypeError('x is undefined')],
    ['a unique violation (23505)', Object.assign(new Error('duplicate key'), { code: '23505' })],
    ['gRPC NOT_FOUND', grpcError(5)],
  ])('%s: neither', (_what, err) => {
    expect(unreachableDependency(err)).toBeUndefined();
  });
});

describe('the API while a dependency is down', () => {
  let t: TestDb;
  let deadDb: Db;
  let deadTemporal: Connection;
  let claimNumber: string;

  beforeAll(async () => {
    // knex reports each refused connection on console.log; here they are the point.
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    t = await createTestDb();
    deadDb = createDb(`postgres://postgres@127.0.0.1:${await freePort()}/santunan`);
    deadTemporal = Connection.lazy({
      address: `127.0.0.1:${await freePort()}`,
      interceptors: [makeGrpcRetryInterceptor(defaultGrpcRetryOptions({ maxAttempts: 2 }))],
    });
    const { nik } = await createParticipant(t.db);
    const input = claimInput({ participantNik: nik });
    claimNumber = input.claimNumber;
    await createClaimActivities(t.db).recordClaim(input, { seq: 1, type: 'claim_received' });
    await t.db('claims').where({ claim_number: claimNumber }).update({ status: 'waiting_for_documents' });
  });

  afterAll(async () => {
    await deadDb?.destroy();
    await deadTemporal?.close();
    await t?.drop();
  });

  const app = (db: Db) =>
    createApp({
      db,
      temporal: new Client({ connection: deadTemporal }),
      authSecret: SECRET,
      logger: pino({ level: 'silent' }),
    });

  it('answers 503 with Retry-After when PostgreSQL is unreachable, and /readyz names it', async () => {
    const api = app(deadDb);
    for (const path of ['/api/v1/claims', `/api/v1/claims/${claimNumber}`, '/api/v1/reconciliations']) {
      const res = await request(api).get(path).set('Authorization', officer);
      expect({ path, status: res.status, retryAfter: res.headers['retry-after'] }).toEqual({
        path,
        status: 503,
        retryAfter: '5',
      });
      expect(res.type).toBe('application/problem+json');
    }
    const ready = await request(api).get('/api/v1/readyz');
    expect(ready.status).toBe(503);
    expect(ready.headers['retry-after']).toBeDefined();
    expect(ready.body.checks).toEqual({ postgres: 'down', temporal: 'down' });
  });

  it('answers an early step 409 from the stored status, without asking the (unreachable) workflow', async () => {
    const api = app(t.db);
    const { nik } = await createParticipant(t.db);
    const input = claimInput({ participantNik: nik });
    await createClaimActivities(t.db).recordClaim(input, { seq: 1, type: 'claim_received' });
    const url = `/api/v1/claims/${input.claimNumber}`;
    const early = await request(api)
      .post(`${url}/verification`)
      .set('Authorization', officer)
      .send({ checklist: { participant_card: true } });
    expect(early.status).toBe(409);
    expect(early.body.type).toMatch(/wrong-state$/);
    expect(early.body.detail).toBe('The claim is not waiting for documents (status: received).');
    // Waiting for documents: verification goes to the workflow (503 here), a decision is still early.
    await t
      .db('claims')
      .where({ claim_number: input.claimNumber })
      .update({ status: 'waiting_for_documents' });
    const decide = await request(api)
      .post(`${url}/decision`)
      .set('Authorization', officer)
      .send({ decision: 'approve', reason: 'ok' });
    expect(decide.status).toBe(409);
    expect(decide.body.detail).toMatch(/cannot be decided before its documents are verified/);
    const verify = await request(api)
      .post(`${url}/verification`)
      .set('Authorization', officer)
      .send({ checklist: { participant_card: true } });
    expect(verify.status).toBe(503);
  });

  it('answers 503 with Retry-After when Temporal is unreachable, and /readyz names it', async () => {
    const api = app(t.db);
    const verify = await request(api)
      .post(`/api/v1/claims/${claimNumber}/verification`)
      .set('Authorization', officer)
      .send({ checklist: { participant_card: true } });
    expect(verify.status).toBe(503);
    expect(verify.headers['retry-after']).toBe('5');
    // Another participant's death (one death, one claim), filed today.
    const { nik } = await createParticipant(t.db);
    const intake = await request(api)
      .post('/api/v1/claims')
      .set('Authorization', officer)
      .set('Idempotency-Key', 'unavailable-0001')
      .send({
        program: 'JKM',
        participantNik: nik,
        eventDate: '2026-11-01',
        heirs: [{ name: 'Sri Wahyuni', relationship: 'spouse' }],
        bankAccount: { bankCode: 'BRI', accountNumber: '1234567890', accountName: 'Sri Wahyuni' },
      });
    expect(intake.status).toBe(503);
    expect(intake.body.type).toMatch(/unavailable$/);
    // The start failed: its hold on the death was rolled back with it.
    expect(await t.db('claimed_deaths').where({ participant_nik: nik })).toEqual([]);
    const ready = await request(api).get('/api/v1/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body.checks).toEqual({ postgres: 'up', temporal: 'down' });
    // Reads come from PostgreSQL alone and still work.
    expect(
      (await request(api).get(`/api/v1/claims/${claimNumber}`).set('Authorization', officer)).status,
    ).toBe(200);
  });
});
