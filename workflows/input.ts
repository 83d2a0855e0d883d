// A workflow checks its own input with the schema the API validates requests with (vocabulary/), so a workflow
// started around the API fails fast, not in a loop. Input the zod-free check accepts is what the schema would
// return; only other input loads the schema (./input-schemas), so a claim as the API files it loads no zod.
import { ApplicationFailure, patched } from '@temporalio/workflow';
import type { z } from 'zod';
import type { ClaimInput } from '../vocabulary/claim';
import { claimInputOf } from '../vocabulary/claim-check';
import { FailureType } from '../vocabulary/failures';
import type * as InputSchemas from './input-schemas';

/** New runs hold their input to what can be stored, assessed and paid; runs started before keep their checks. */
const STORABLE_INPUT_PATCH = 'claim-input-storable';

/** The parsed input, or a non-retryable InvalidInput failure naming the fields (never their values). */
export function parseWorkflowInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((i) => i.path.join('.') || '(root)').join(', ');
  throw ApplicationFailure.create({
    message: `Invalid ${what} input: ${fields}`,
    type: FailureType.InvalidInput,
    nonRetryable: true,
  });
}

function invalid(message: string): ApplicationFailure {
  return ApplicationFailure.create({
    message: `Invalid claim input: ${message}`,
    type: FailureType.InvalidInput,
    nonRetryable: true,
  });
}

/** The input as claimInputSchema parses it, the schema loaded only for input the zod-free check did not take. */
function parseClaimInput(input: unknown): ClaimInput {
  const checked = claimInputOf(input);
  if (checked) return checked;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { claimInputSchema, inputBeforePatch } = require('./input-schemas') as typeof InputSchemas;
  let parsed: z.ZodSafeParseResult<ClaimInput> = claimInputSchema.safeParse(input);
  // Only input the stricter checks refuse asks for the marker: a replay without it is a claim started before them.
  if (!parsed.success && !patched(STORABLE_INPUT_PATCH)) parsed = inputBeforePatch.safeParse(input);
  if (!parsed.success) {
    // Field paths only: the values may be personal data.
    throw invalid(parsed.error.issues.map((i) => i.path.join('.') || '(root)').join(', '));
  }
  return parsed.data;
}

/** Fails the workflow at once (not retried) when started with input the API would have refused. */
export function validateClaimInput(input: unknown): ClaimInput {
  const data = parseClaimInput(input);
  if (data.eventDate > data.claimDate) throw invalid('eventDate is after claimDate');
  const { backdating } = data;
  if (backdating && !(data.claimDate < backdating.receivedDate)) {
    throw invalid('backdating is only for a claimDate before backdating.receivedDate');
  }
  return data;
}
