// The adapter the activities use to move money. Every failure becomes one of the errors in ./errors,
// sorted by whether a retry with the same idempotency key can help.
import type { z } from 'zod';
import {
  GatewayConflictError,
  GatewayRefusedError,
  GatewayRejectedError,
  GatewayUnavailableError,
} from './errors';
import {
  disbursementSchema,
  statementSchema,
  type Disbursement,
  type DisbursementRequest,
  type Statement,
} from './types';

export * from './errors';
export type { Disbursement, Statement };

export interface PaymentGateway {
  /** Pays once per idempotency key; throws GatewayRefusedError when the bank refuses the account. */
  disburse(req: DisbursementRequest & { idempotencyKey: string }): Promise<Disbursement>;
  get(id: string): Promise<Disbursement | undefined>;
  /** The day's statement, `date` as YYYY-MM-DD in Asia/Jakarta. */
  statement(date: string): Promise<Statement>;
}

export interface HttpGatewayOptions {
  baseUrl: string;
  /** Per request, including reading the body. */
  timeoutMs?: number;
}

interface RawResponse {
  status: number;
  body: unknown;
}

function parseJson(text: string): unknown {
  try {
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

/** A string property of an unknown value; errors from fetch may come from another realm, so no instanceof. */
function stringProperty(value: unknown, name: string): string | undefined {
  if (typeof value !== 'object' || value === null || !(name in value)) return undefined;
  const property: unknown = (value as Record<string, unknown>)[name];
  return typeof property === 'string' ? property : undefined;
}

/** fetch reports "fetch failed"; the reason (ECONNREFUSED, socket closed) is in its cause. */
function describeNetworkError(err: unknown): string {
  const cause: unknown = typeof err === 'object' && err !== null && 'cause' in err ? err.cause : undefined;
  const reason = stringProperty(cause, 'code') ?? stringProperty(cause, 'message');
  const message = stringProperty(err, 'message') ?? String(err);
  return reason ? `${message} (${reason})` : message;
}

export function createHttpGateway({ baseUrl, timeoutMs = 10_000 }: HttpGatewayOptions): PaymentGateway {
  const base = baseUrl.replace(/\/+$/, '');

  async function call(path: string, init: RequestInit = {}): Promise<RawResponse> {
    try {
      const response = await fetch(base + path, { ...init, signal: AbortSignal.timeout(timeoutMs) });
      return { status: response.status, body: parseJson(await response.text()) };
    } catch (err) {
      const message =
        stringProperty(err, 'name') === 'TimeoutError'
          ? `Gateway did not answer within ${timeoutMs} ms`
          : `Gateway unreachable: ${describeNetworkError(err)}`;
      throw new GatewayUnavailableError(message, undefined, { cause: err });
    }
  }

  function accept<T>(res: RawResponse, schema: z.ZodType<T>, idempotencyKey?: string): T {
    const { status, body } = res;
    if (status >= 200 && status < 300) {
      const parsed = schema.safeParse(body);
      if (!parsed.success) throw new GatewayUnavailableError('Gateway sent a malformed response', status);
      return parsed.data;
    }
    if (status === 409 && idempotencyKey !== undefined) throw new GatewayConflictError(idempotencyKey);
    if (status >= 400 && status < 500 && status !== 409 && status !== 429) {
      throw new GatewayRejectedError(status, stringProperty(body, 'type'), stringProperty(body, 'field'));
    }
    throw new GatewayUnavailableError(`Gateway answered ${status}`, status);
  }

  return {
    async disburse(req) {
      const {
        idempotencyKey,
        amount,
        currency,
        bankCode,
        accountNumber,
        accountName,
        reference,
        description,
      } = req;
      const body = { amount, currency, bankCode, accountNumber, accountName, reference, description };
      const res = await call('/disbursements', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
        body: JSON.stringify(body),
      });
      const disbursement = accept(res, disbursementSchema, idempotencyKey);
      if (disbursement.status === 'failed') {
        throw new GatewayRefusedError(disbursement.failureCode ?? 'UNKNOWN', disbursement.id);
      }
      return disbursement;
    },

    async get(id) {
      const res = await call(`/disbursements/${encodeURIComponent(id)}`);
      if (res.status === 404) return undefined;
      return accept(res, disbursementSchema);
    },

    async statement(date) {
      const res = await call(`/disbursements?date=${encodeURIComponent(date)}`);
      return accept(res, statementSchema);
    },
  };
}
