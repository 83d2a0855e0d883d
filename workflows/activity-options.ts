// How the workflows call their activities: one policy for database writes, one for transfers.
import type { ActivityOptions, LocalActivityOptions } from '@temporalio/workflow';
import { FailureType } from '../vocabulary/failures';

/** Database writes: quick, retried until PostgreSQL answers. */
export const RECORDING: ActivityOptions = {
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', maximumInterval: '1m', nonRetryableErrorTypes: [FailureType.InvalidInput] },
};

/**
 * Short idempotent database writes run as local activities (patch claim-shape-fewer-round-trips): inside the workflow
 * task, no task queue round trip each, the result kept as a marker in the history. Each is idempotent on the claim's
 * event number, so a local retry (or a workflow task replayed after a crash) writes nothing twice.
 */
export const LOCAL_RECORDING: LocalActivityOptions = {
  startToCloseTimeout: '30s',
  retry: RECORDING.retry,
};

/**
 * Transfers: the gateway may be slow or down; retried with the same idempotency key, so never paid twice. The
 * payout heartbeats once its ledger row is written, just before the transfer (the gateway answers within 10 s), so
 * a payout on a worker that died is retried elsewhere after 20 s instead of the minute the whole call may take.
 */
export const PAYING: ActivityOptions = {
  startToCloseTimeout: '1m',
  heartbeatTimeout: '20s',
  retry: {
    initialInterval: '2s',
    maximumInterval: '5m',
    nonRetryableErrorTypes: [FailureType.GatewayRejected, FailureType.InvalidInput],
  },
};
