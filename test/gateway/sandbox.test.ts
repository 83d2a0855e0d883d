import request from 'supertest';
import { createSandboxGateway } from '../../gateway/sandbox';
import type { DisbursementRequest } from '../../gateway/types';
import { aDisbursement, newKey } from './helpers';

function disburse(app: Parameters<typeof request>[0], key: string | undefined, body: object) {
  const req = request(app).post('/disbursements').send(body);
  return key === undefined ? req : req.set('Idempotency-Key', key);
}

describe('sandbox gateway: POST /disbursements', () => {
  it('returns the same disbursement for a repeated Idempotency-Key and records it once', async () => {
    const { app, controls } = createSandboxGateway();
    const key = newKey();

    const first = await disburse(app, key, aDisbursement());
    const second = await disburse(app, key, aDisbursement());

    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ idempotencyKey: key, status: 'completed', amount: 42_000_000 });
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(controls.all()).toHaveLength(1);
    const listed = await request(app).get('/_sandbox/disbursements');
    expect(listed.body.disbursements).toEqual([first.body]);
  });

  it.each([
    ['amount', { amount: 43_000_000 }],
    ['account', { accountNumber: '9876543210' }],
    ['bank', { bankCode: '014' }],
  ])(
    'answers 409 problem when a key is reused for another %s, paying nothing more',
    async (_what, change) => {
      const { app, controls } = createSandboxGateway();
      const key = newKey();
      await disburse(app, key, aDisbursement()).expect(201);

      const reused = await disburse(app, key, aDisbursement(change));

      expect(reused.status).toBe(409);
      expect(reused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(reused.body).toMatchObject({ status: 409, field: 'Idempotency-Key' });
      expect(controls.all()).toHaveLength(1);
    },
  );

  it('answers 400 problem naming Idempotency-Key when the header is missing, creating nothing', async () => {
    const { app, controls } = createSandboxGateway();

    const res = await disburse(app, undefined, aDisbursement());

    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, field: 'Idempotency-Key' });
    expect(controls.all()).toHaveLength(0);
  });

  it.each([
    ['an unknown field', { iban: 'ID12' }, 'iban'],
    ['a fractional amount', { amount: 1000.5 }, 'amount'],
    ['a negative amount', { amount: -5 }, 'amount'],
    ['a currency other than IDR', { currency: 'USD' }, 'currency'],
    ['an account number with letters', { accountNumber: '12345abc' }, 'accountNumber'],
    ['an account number of 5 digits', { accountNumber: '12345' }, 'accountNumber'],
    ['an empty account name', { accountName: '' }, 'accountName'],
  ])('rejects %s with 400 problem naming the field', async (_case, change, field) => {
    const { app, controls } = createSandboxGateway();

    const res = await disburse(app, newKey(), { ...aDisbursement(), ...change });

    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.field).toBe(field);
    expect(controls.all()).toHaveLength(0);
  });

  it('rejects a body without a reference, naming it', async () => {
    const { app } = createSandboxGateway();
    const body: Partial<DisbursementRequest> = aDisbursement();
    delete body.reference;

    const res = await disburse(app, newKey(), body);

    expect(res.status).toBe(400);
    expect(res.body.field).toBe('reference');
  });

  it('masks the account number except its last four digits', async () => {
    const { app } = createSandboxGateway();

    const res = await disburse(app, newKey(), aDisbursement({ accountNumber: '0123456789012' }));

    expect(res.body.accountNumber).toBe('*********9012');
    expect(JSON.stringify(res.body)).not.toContain('0123456789012');
  });

  it('refuses any account number starting with 000 as a failed ACCOUNT_REFUSED disbursement', async () => {
    const { app } = createSandboxGateway();

    const res = await disburse(app, newKey(), aDisbursement({ accountNumber: '0001234567' }));

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'failed', failureCode: 'ACCOUNT_REFUSED' });
    expect(res.body.completedAt).toBeUndefined();
  });
});

describe('sandbox gateway: GET /disbursements/{id}', () => {
  it('returns a disbursement by id and 404 problem for an unknown id', async () => {
    const { app } = createSandboxGateway();
    const created = await disburse(app, newKey(), aDisbursement()).expect(201);

    const found = await request(app).get(`/disbursements/${created.body.id}`);
    const missing = await request(app).get('/disbursements/dsb_unknown');

    expect(found.status).toBe(200);
    expect(found.body).toEqual(created.body);
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

describe('sandbox gateway: GET /disbursements?date=', () => {
  it("lists the Jakarta day's disbursements and totals only the completed ones", async () => {
    let now = new Date('2024-05-01T16:59:00Z'); // 23:59 on 1 May in Jakarta
    const { app } = createSandboxGateway({ now: () => now });
    await disburse(app, newKey('a'), aDisbursement({ amount: 1_000_000 })).expect(201);
    now = new Date('2024-05-01T17:00:00Z'); // 00:00 on 2 May in Jakarta
    const paid = await disburse(app, newKey('b'), aDisbursement({ amount: 2_000_000 })).expect(201);
    const refused = await disburse(app, newKey('c'), aDisbursement({ accountNumber: '000111222' })).expect(
      201,
    );
    now = new Date('2024-05-02T03:00:00Z');
    const later = await disburse(app, newKey('d'), aDisbursement({ amount: 3_500_000 })).expect(201);

    const may2 = await request(app).get('/disbursements').query({ date: '2024-05-02' });
    const may1 = await request(app).get('/disbursements').query({ date: '2024-05-01' });

    expect(may2.status).toBe(200);
    expect(may2.body.date).toBe('2024-05-02');
    expect(may2.body.disbursements.map((d: { id: string }) => d.id)).toEqual([
      paid.body.id,
      refused.body.id,
      later.body.id,
    ]);
    expect(may2.body.total).toBe(5_500_000);
    expect(may1.body.total).toBe(1_000_000);
    expect(may1.body.disbursements).toHaveLength(1);
  });

  it('rejects a missing or impossible date with 400 naming date', async () => {
    const { app } = createSandboxGateway();

    const missing = await request(app).get('/disbursements');
    const impossible = await request(app).get('/disbursements').query({ date: '2024-02-30' });

    expect(missing.status).toBe(400);
    expect(missing.body.field).toBe('date');
    expect(impossible.status).toBe(400);
    expect(impossible.body.field).toBe('date');
  });
});
