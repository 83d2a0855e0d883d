// How a gateway call failed, sorted by what a Temporal retry can do about it (`retryable`).
// Messages never carry account numbers: they end up in workflow histories and logs.

abstract class GatewayError extends Error {
  abstract readonly retryable: boolean;
}

/** The bank refused the transfer (a business outcome): retrying cannot help, a new account can. */
export class GatewayRefusedError extends GatewayError {
  readonly retryable = false;
  override readonly name = 'GatewayRefusedError';

  constructor(
    readonly code: string,
    readonly disbursementId: string,
  ) {
    super(`Disbursement ${disbursementId} was refused by the bank: ${code}`);
  }
}

/** The gateway rejected the request as malformed (a 4xx other than 409/429): a bug, not retryable. */
export class GatewayRejectedError extends GatewayError {
  readonly retryable = false;
  override readonly name = 'GatewayRejectedError';

  constructor(
    readonly status: number,
    readonly problemType?: string,
    readonly field?: string,
  ) {
    super(`Gateway rejected the request with ${status}${field ? ` (field ${field})` : ''}`);
  }
}

/** 409: the idempotency key was already used for a different transfer. Not retryable with this key. */
export class GatewayConflictError extends GatewayError {
  readonly retryable = false;
  override readonly name = 'GatewayConflictError';

  constructor(readonly idempotencyKey: string) {
    super(`Idempotency key ${idempotencyKey} was already used for a different transfer`);
  }
}

/** 5xx, 429, timeout, network failure or a lost response: retry with the same idempotency key. */
export class GatewayUnavailableError extends GatewayError {
  readonly retryable = true;
  override readonly name = 'GatewayUnavailableError';

  constructor(
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
