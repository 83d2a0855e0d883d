import express from 'express';
import {
  createHttpGateway,
  GatewayConflictError,
  GatewayRejectedError,
  GatewayUnavailableError,
} from '../../gateway/client';
import { aDisbursement, listen, newKey, type Listening } from './helpers';

// A stand-in bank that answers every request with one fixed status, to pin down how the client sorts them.
describe('HTTP gateway client error classification', () => {
  let server: Listening;
  let answer: { status: number; body: unknown };
  let lastUrl: string | undefined;

  beforeAll(async () => {
    const app = express();
    app.use((req, res) => {
      lastUrl = req.originalUrl;
      res.status(answer.status).json(answer.body);
    });
    server = await listen(app);
  });

  afterAll(() => server.close());

  it.each([
    { status: 429, kind: GatewayUnavailableError, retryable: true },
    { status: 502, kind: GatewayUnavailableError, retryable: true },
    { status: 503, kind: GatewayUnavailableError, retryable: true },
    { status: 409, kind: GatewayConflictError, retryable: false },
    { status: 400, kind: GatewayRejectedError, retryable: false },
    { status: 401, kind: GatewayRejectedError, retryable: false },
    { status: 422, kind: GatewayRejectedError, retryable: false },
  ])('treats a $status answer as $kind.name (retryable: $retryable)', async ({ status, kind, retryable }) => {
    answer = { status, body: { type: 'urn:test', title: 'x', status } };
    const gateway = createHttpGateway({ baseUrl: server.url });

    const error = await gateway
      .disburse({ ...aDisbursement(), idempotencyKey: newKey() })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(kind);
    expect(error).toMatchObject({ retryable });
  });

  it('treats a success answer it cannot read as retryable', async () => {
    answer = { status: 201, body: { id: 'dsb_1' } };
    const gateway = createHttpGateway({ baseUrl: server.url });

    const error = await gateway
      .disburse({ ...aDisbursement(), idempotencyKey: newKey() })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(GatewayUnavailableError);
  });

  it('accepts a base URL with a trailing slash', async () => {
    answer = { status: 200, body: { date: '2024-05-02', disbursements: [], total: 0 } };
    const gateway = createHttpGateway({ baseUrl: `${server.url}/` });

    await expect(gateway.statement('2024-05-02')).resolves.toEqual(answer.body);
    expect(lastUrl).toBe('/disbursements?date=2024-05-02');
  });
});
