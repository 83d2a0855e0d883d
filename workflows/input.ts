// The workflow checks its own input with the schema the API validates requests with (vocabulary/claim.ts), so a
// claim started around the API fails fast, not in a loop.
import { ApplicationFailure } from '@temporalio/workflow';
import { claimInputSchema, type ClaimInput } from '../vocabulary/claim';
import { FailureType } from '../vocabulary/failures';

/** Fails the workflow at once (not retried) when started with input the API would have refused. */
export function validateClaimInput(input: unknown): ClaimInput {
  const parsed = claimInputSchema.safeParse(input);
  if (!parsed.success) {
    // Field paths only: the values may be personal data.
    const fields = parsed.error.issues.map((i) => i.path.join('.') || '(root)').join(', ');
    throw ApplicationFailure.create({
      message: `Invalid claim input: ${fields}`,
      type: FailureType.InvalidInput,
      nonRetryable: true,
    });
  }
  if (parsed.data.eventDate > parsed.data.claimDate) {
    throw ApplicationFailure.create({
      message: 'Invalid claim input: eventDate is after claimDate',
      type: FailureType.InvalidInput,
      nonRetryable: true,
    });
  }
  return parsed.data;
}
