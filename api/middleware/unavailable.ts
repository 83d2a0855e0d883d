// Which dependency an error says is unreachable: PostgreSQL (pg, knex's pool) or Temporal (gRPC). The problem
// handler answers those with 503 and Retry-After, never 500: the request may succeed once the dependency is back.
import { isGrpcServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';

export type Dependency = 'postgres' | 'temporal';

// Socket errors from the operating system: the peer is down, restarting, or not reachable at all.
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);
// PostgreSQL SQLSTATEs: connection exceptions (class 08), out of resources (class 53), and the server shutting
// down or starting up (57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now).
const POSTGRES_CODES = /^(08|53)|^57P0[123]$/;
// pg reports a connection that dies mid-query without a code; knex reports a pool that cannot connect in time.
const POSTGRES_MESSAGES = [
  'Connection terminated',
  'Client has encountered a connection error',
  'timeout exceeded when trying to connect',
  'Knex: Timeout acquiring a connection',
];
// gRPC: UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED.
const GRPC_UNAVAILABLE = new Set([14, 4, 8]);
const TEMPORAL_ERRORS = new Set([
  'ServiceError',
  'WorkflowUpdateRPCTimeoutOrCancelledError',
  'TransportError',
]);

function property(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

/** The errors an error is made of: itself, its causes, and the members of an AggregateError. */
function* chain(err: unknown, depth = 0): Generator<unknown> {
  if (err === undefined || err === null || depth > 5) return;
  yield err;
  yield* chain(property(err, 'cause'), depth + 1);
  const members = property(err, 'errors');
  if (Array.isArray(members)) for (const member of members) yield* chain(member, depth + 1);
}

/**
 * The dependency that could not be reached, or undefined when the error is something else. A Temporal error is
 * recognised by its gRPC status (anywhere in the cause chain); any other network failure is PostgreSQL's, since
 * the API talks to nothing else.
 */
export function unreachableDependency(err: unknown): Dependency | undefined {
  const errors = [...chain(err)];
  if (errors.some((e) => isGrpcServiceError(e) && GRPC_UNAVAILABLE.has(e.code ?? -1))) return 'temporal';
  // The update's call timed out or was cut off: it may or may not have been taken, and sending it again is safe.
  if (errors.some((e) => e instanceof WorkflowUpdateRPCTimeoutOrCancelledError)) return 'temporal';
  const temporalWrapper = errors.some((e) => TEMPORAL_ERRORS.has(String(property(e, 'name'))));
  for (const e of errors) {
    const code = property(e, 'code');
    const message = String(property(e, 'message') ?? '');
    const name = String(property(e, 'name') ?? '');
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return temporalWrapper ? 'temporal' : 'postgres';
    if (typeof code === 'string' && POSTGRES_CODES.test(code)) return 'postgres';
    if (name === 'KnexTimeoutError' || POSTGRES_MESSAGES.some((m) => message.startsWith(m)))
      return 'postgres';
  }
  return undefined;
}
