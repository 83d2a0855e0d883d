// A workflow checks its own input with the schema the API validates requests with (vocabulary/), so a workflow
// started around the API fails fast, not in a loop.
import type { z } from 'zod';
import { claimInputSchema, type ClaimInput } from '../vocabulary/claim';
import { FailureType } from '../vocabulary/failures';
import { refuse } from './actors';

/** The parsed input, or a non-retryable InvalidInput failure naming the fields (never their values). */
export function parseWorkflowInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  // Field paths only: the values may be personal data.
  const fields = parsed.error.issues.map((i) => i.path.join('.') || '(root)').join(', ');
  return refuse(`Invalid ${what} input: ${fields}`, FailureType.InvalidInput);
}

/** Fails the workflow at once (not retried) when started with input the API would have refused. */
export function validateClaimInput(input: unknown): ClaimInput {
  const claim = parseWorkflowInput(claimInputSchema, input, 'claim');
  if (claim.eventDate > claim.claimDate) {
    refuse('Invalid claim input: eventDate is after claimDate', FailureType.InvalidInput);
  }
  return claim;
}
