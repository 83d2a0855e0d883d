import {
  createHttpGateway,
  GatewayConflictError,
  GatewayRefusedError,
  GatewayRejectedError,
  GatewayUnavailableError,
  type PaymentGateway,
} from '../../gateway/client';
import { createSandboxGateway, type SandboxControls } from '../../gateway/sandbox';
import { aDisbursement, listen, newKey, type Listening } from './helpers';

describe('HTTP gateway client against the sandbox', () => {
  let server: Listening;
  let controls: SandboxControls;
  let gateway: PaymentGateway;

  beforeEach(async () => {
    const sandbox = createSandboxGateway({ timeoutMs: 300 });
    controls = sandbox.controls;
    server = await listen(sandbox.app);
    gateway = createHttpGateway({ baseUrl: server.url, timeoutMs: 2000 });
  });

  afterEach(() => server.close());

  it('pays once per key: a second disburse returns the same disbursement', async () => {
    const key = newKey();

    const first = await gateway.disburse({ ...aDisbursement(), idempotencyKey: key });
    const second = await gateway.disburse({ ...aDisbursement(), idempotencyKey: key });

    expect(first.status).toBe('completed');
    expect(second).toEqual(first);
    expect(controls.all()).toHaveLength(1);
  });

  it('throws a non-retryable GatewayRefusedError when the bank refuses the account', async () => {
    controls.inject({ kind: 'refuse_account' });

    const error = await gateway
      .disburse({ ...aDisbursement(), idempotencyKey: newKey() })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(GatewayRefusedError);
    expect(error).toMatchObject({ code: 'ACCOUNT_REFUSED', retryable: false });
    expect((error as GatewayRefusedError).disbursementId).toBe(controls.all()[0]?.id);
    expect((error as Error).message).not.toContain('1234567890');
  });

  it('throws GatewayUnavailableError on a 500, and the retry with the same key pays once', async () => {
    controls.inject({ kind: 'http_500' });
    const request = { ...aDisbursement(), idempotencyKey: newKey() };

    await expect(gateway.disburse(request)).rejects.toMatchObject({
      name: 'GatewayUnavailableError',
      status: 500,
      retryable: true,
    });
    expect(controls.all()).toHaveLength(0);

    const paid = await gateway.disburse(request);
    expect(paid.status).toBe('completed');
    expect(controls.all()).toHaveLength(1);
  });

  it('throws GatewayUnavailableError when the gateway does not answer in time, and nothing is paid', async () => {
    const impatient = createHttpGateway({ baseUrl: server.url, timeoutMs: 150 });
    controls.inject({ kind: 'timeout' });

    const error = await impatient
      .disburse({ ...aDisbursement(), idempotencyKey: newKey() })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(GatewayUnavailableError);
    expect((error as Error).message).toMatch(/within 150 ms/);
    expect(controls.all()).toHaveLength(0);
  });

  it('throws GatewayUnavailableError on the 504 the gateway sends after holding a request', async () => {
    controls.inject({ kind: 'timeout' });

    const error = await gateway
      .disburse({ ...aDisbursement(), idempotencyKey: newKey() })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(GatewayUnavailableError);
    expect(error).toMatchObject({ status: 504 });
    expect(controls.all()).toHaveLength(0);
  });

  it('throws GatewayUnavailableError when the response is lost, and the retry returns the transfer made', async () => {
    controls.inject({ kind: 'lost_response' });
    const request = { ...aDisbursement(), idempotencyKey: newKey() };

    await expect(gateway.disburse(request)).rejects.toBeInstanceOf(GatewayUnavailableError);
    const made = controls.all();
    expect(made).toHaveLength(1);

    const retried = await gateway.disburse(request);
    expect(retried.id).toBe(made[0]?.id);
    expect(controls.all()).toHaveLength(1);
  });

  it('throws a non-retryable GatewayConflictError when a key is reused for another amount', async () => {
    const key = newKey();
    await gateway.disburse({ ...aDisbursement(), idempotencyKey: key });

    const error = await gateway
      .disburse({ ...aDisbursement({ amount: 1 }), idempotencyKey: key })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(GatewayConflictError);
    expect(error).toMatchObject({ retryable: false });
    expect(error).not.toBeInstanceOf(GatewayRejectedError);
  });

  it('throws a non-retryable GatewayRejectedError naming the field the gateway found invalid', async () => {
    const error = await gateway
      .disburse({ ...aDisbursement({ accountNumber: '12-34-56-78' }), idempotencyKey: newKey() })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(GatewayRejectedError);
    expect(error).toMatchObject({ status: 400, field: 'accountNumber', retryable: false });
    expect((error as Error).message).not.toContain('12-34-56-78');
  });

  it('throws GatewayUnavailableError when nothing is listening', async () => {
    await server.close();

    const error = await gateway
      .disburse({ ...aDisbursement(), idempotencyKey: newKey() })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(GatewayUnavailableError);
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
  });

  it('gets a disbursement by id, and undefined for an unknown id', async () => {
    const paid = await gateway.disburse({ ...aDisbursement(), idempotencyKey: newKey() });

    expect(await gateway.get(paid.id)).toEqual(paid);
    expect(await gateway.get('dsb_unknown')).toBeUndefined();
  });

  it("reads the day's statement with completed disbursements in the total", async () => {
    const paid = await gateway.disburse({
      ...aDisbursement({ amount: 7_000_000 }),
      idempotencyKey: newKey(),
    });
    await gateway.disburse({ ...aDisbursement({ amount: 5_000_000 }), idempotencyKey: newKey() });
    await expect(
      gateway.disburse({ ...aDisbursement({ accountNumber: '0009998887' }), idempotencyKey: newKey() }),
    ).rejects.toBeInstanceOf(GatewayRefusedError);
    const today = new Date(Date.parse(paid.createdAt) + 7 * 3600_000).toISOString().slice(0, 10);

    const statement = await gateway.statement(today);

    expect(statement.date).toBe(today);
    expect(statement.disbursements).toHaveLength(3);
    expect(statement.total).toBe(12_000_000);
  });

  it('throws GatewayRejectedError for a malformed statement date', async () => {
    await expect(gateway.statement('24-05-2024')).rejects.toMatchObject({
      name: 'GatewayRejectedError',
      field: 'date',
    });
  });
});
