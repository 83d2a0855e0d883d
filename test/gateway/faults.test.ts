import request from 'supertest';
import { createSandboxGateway } from '../../gateway/sandbox';
import { aDisbursement, newKey } from './helpers';

describe('sandbox gateway faults', () => {
  it('answers 500 under an http_500 fault without creating anything, then pays on the retry', async () => {
    const { app, controls } = createSandboxGateway();
    await request(app).post('/_sandbox/faults').send({ kind: 'http_500' }).expect(201);
    const key = newKey();

    const failed = await request(app)
      .post('/disbursements')
      .set('Idempotency-Key', key)
      .send(aDisbursement());
    expect(failed.status).toBe(500);
    expect(controls.all()).toHaveLength(0);

    const retried = await request(app)
      .post('/disbursements')
      .set('Idempotency-Key', key)
      .send(aDisbursement());
    expect(retried.status).toBe(201);
    expect(controls.all()).toHaveLength(1);
  });

  it('applies a fault as many times as asked', async () => {
    const { app, controls } = createSandboxGateway();
    controls.inject({ kind: 'http_500', times: 2 });
    const key = newKey();
    const send = () => request(app).post('/disbursements').set('Idempotency-Key', key).send(aDisbursement());

    expect((await send()).status).toBe(500);
    expect((await send()).status).toBe(500);
    expect((await send()).status).toBe(201);
  });

  it('holds the request for timeoutMs under a timeout fault, then answers 504 without creating', async () => {
    const { app, controls } = createSandboxGateway({ timeoutMs: 100 });
    controls.inject({ kind: 'timeout' });
    const started = Date.now();

    const res = await request(app)
      .post('/disbursements')
      .set('Idempotency-Key', newKey())
      .send(aDisbursement());

    expect(res.status).toBe(504);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    expect(controls.all()).toHaveLength(0);
  });

  it('pays under a lost_response fault but hangs up without answering', async () => {
    const { app, controls } = createSandboxGateway();
    controls.inject({ kind: 'lost_response' });

    const error = await request(app)
      .post('/disbursements')
      .set('Idempotency-Key', newKey())
      .send(aDisbursement())
      .then(
        (res) => `answered ${res.status}`,
        (e: unknown) => e,
      );

    expect(error).toMatchObject({ code: 'ECONNRESET' });
    expect(controls.all()).toHaveLength(1);
    expect(controls.all()[0]?.status).toBe('completed');
  });

  it('refuses the next matching account once under a refuse_account fault', async () => {
    const { app, controls } = createSandboxGateway();
    controls.inject({ kind: 'refuse_account', match: { accountNumber: '5550001111' } });
    const send = (accountNumber: string) =>
      request(app)
        .post('/disbursements')
        .set('Idempotency-Key', newKey())
        .send(aDisbursement({ accountNumber }));

    expect((await send('1234567890')).body.status).toBe('completed');
    expect((await send('5550001111')).body).toMatchObject({
      status: 'failed',
      failureCode: 'ACCOUNT_REFUSED',
    });
    expect((await send('5550001111')).body.status).toBe('completed');
  });

  it('applies a fault only to requests whose key has the given prefix', async () => {
    const { app, controls } = createSandboxGateway();
    controls.inject({ kind: 'http_500', match: { idempotencyKeyPrefix: 'CLM-B:' } });
    const send = (key: string) =>
      request(app).post('/disbursements').set('Idempotency-Key', key).send(aDisbursement());

    expect((await send('CLM-A:jkm-death')).status).toBe(201);
    expect((await send('CLM-B:jkm-death')).status).toBe(500);
    expect(controls.faults()).toHaveLength(0);
  });

  it('clears queued faults on DELETE /_sandbox/faults', async () => {
    const { app, controls } = createSandboxGateway();
    controls.inject({ kind: 'http_500', times: 3 });

    await request(app).delete('/_sandbox/faults').expect(204);
    const res = await request(app)
      .post('/disbursements')
      .set('Idempotency-Key', newKey())
      .send(aDisbursement());

    expect(res.status).toBe(201);
    expect((await request(app).get('/_sandbox/faults')).body.faults).toEqual([]);
  });

  it('rejects an unknown fault kind with 400 naming kind', async () => {
    const { app, controls } = createSandboxGateway();

    const res = await request(app).post('/_sandbox/faults').send({ kind: 'meteor' });

    expect(res.status).toBe(400);
    expect(res.body.field).toBe('kind');
    expect(controls.faults()).toEqual([]);
  });

  it('leaves invalid requests to fail validation without using up a fault', async () => {
    const { app, controls } = createSandboxGateway();
    controls.inject({ kind: 'http_500' });

    const res = await request(app).post('/disbursements').send(aDisbursement());

    expect(res.status).toBe(400);
    expect(controls.faults()).toHaveLength(1);
  });
});
