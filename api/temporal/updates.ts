// Sending updates to a claim's or a scholarship's workflow, and turning Temporal's answers into HTTP problems.
import {
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  isGrpcServiceError,
  type Client,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { UpdateDefinition } from '@temporalio/common';
import { claimWorkflowId } from '../../vocabulary/ids';
import { FailureType } from '../../vocabulary/failures';
import { makerCheckerProblem } from '../maker-checker';
import { problems, type HttpProblem } from '../middleware/problem';

const STATUS_FOR_FAILURE: Record<string, (message: string) => HttpProblem> = {
  [FailureType.WrongState]: (m) => problems.conflict(m, 'wrong-state'),
  [FailureType.MakerChecker]: (m) => makerCheckerProblem('maker-checker', m),
  [FailureType.SupervisorRequired]: (m) => makerCheckerProblem('supervisor-required', m),
  [FailureType.Forbidden]: (m) => problems.forbidden(m),
  [FailureType.InvalidInput]: (m) => problems.unprocessable('(body)', m),
};

// gRPC status codes the server answers with when it cannot take the request now.
const UNAVAILABLE = new Set([4, 8, 14]); // DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, UNAVAILABLE

export function toHttpProblem(err: unknown): HttpProblem | undefined {
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
    const make = err.cause.type ? STATUS_FOR_FAILURE[err.cause.type] : undefined;
    if (make) return make(err.cause.message);
  }
  if (err instanceof WorkflowNotFoundError) return problems.conflict('The claim is closed.', 'closed');
  if (isGrpcServiceError(err)) {
    if (err.code === 5) return problems.conflict('The claim is closed.', 'closed'); // NOT_FOUND: run completed
    if (UNAVAILABLE.has(err.code ?? -1))
      return problems.unavailable('The workflow service is not reachable.');
  }
  return undefined;
}

/** Sends an update to a workflow; what Temporal refuses becomes the problem `problemFor` names, or is rethrown. */
export async function executeUpdate<Ret, Args extends [unknown]>(
  client: Client,
  workflowId: string,
  update: UpdateDefinition<Ret, Args>,
  arg: Args[0],
  problemFor: (err: unknown) => HttpProblem | undefined,
): Promise<Ret> {
  try {
    return await client.workflow
      .getHandle(workflowId)
      .executeUpdate(update, { args: [arg] as unknown as Args });
  } catch (err) {
    throw problemFor(err) ?? err;
  }
}

export function sendClaimUpdate<Ret, Args extends [unknown]>(
  client: Client,
  claimNumber: string,
  update: UpdateDefinition<Ret, Args>,
  arg: Args[0],
): Promise<Ret> {
  return executeUpdate(client, claimWorkflowId(claimNumber), update, arg, toHttpProblem);
}

/** Sends an update; a refusal becomes a problem, InvalidInput naming `field`, a finished workflow `closed`. */
export function sendUpdate<Ret, Args extends [unknown]>(
  temporal: Client,
  workflowId: string,
  update: UpdateDefinition<Ret, Args>,
  arg: Args[0],
  field: string,
  closed: string,
): Promise<Ret> {
  return executeUpdate(temporal, workflowId, update, arg, (err) => {
    if (
      err instanceof WorkflowUpdateFailedError &&
      err.cause instanceof ApplicationFailure &&
      err.cause.type === FailureType.InvalidInput
    ) {
      return problems.unprocessable(field, err.cause.message);
    }
    const problem = toHttpProblem(err);
    return problem?.type === 'closed' ? problems.conflict(closed, 'closed') : problem;
  });
}

/** A read from Temporal (histories for auditors): 503 while it cannot take the request. */
export async function fromTemporal<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (isGrpcServiceError(err) && UNAVAILABLE.has(err.code ?? -1)) {
      throw problems.unavailable('The workflow service is not reachable.');
    }
    throw err;
  }
}
