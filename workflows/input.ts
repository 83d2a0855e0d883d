// A workflow checks its own input with the schema the API validates requests with (vocabulary/), so a workflow
// started around the API fails fast, not in a loop.
import { ApplicationFailure, patched } from '@temporalio/workflow';
import { z } from 'zod';
import {
  bankAccountSchema,
  childSchema,
  claimInputSchema,
  heirSchema,
  type ClaimInput,
} from '../vocabulary/claim';
import { FailureType } from '../vocabulary/failures';

/** New runs hold their input to what can be stored, assessed and paid; runs started before keep their checks. */
const STORABLE_INPUT_PATCH = 'claim-input-storable';

const loose = (max: number) => z.string().trim().min(1).max(max);
const date = z.iso.date();
/** The input as it was checked before STORABLE_INPUT_PATCH: the histories of claims started then replay with it. */
const inputBeforePatch = claimInputSchema.extend({
  claimNumber: z.string().regex(/^(?:JKM|JKK)-\d{8}-[A-Z0-9]{6,}$/),
  eventDate: date,
  claimDate: date,
  heirs: z
    .array(heirSchema.extend({ name: loose(200), dateOfBirth: date.optional() }))
    .min(1)
    .max(20),
  children: z.array(childSchema.extend({ name: z.string().max(200).optional(), dateOfBirth: date })).max(20),
  bankAccount: bankAccountSchema.extend({ accountName: loose(200) }),
  actualMonthlyWage: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  trackingCodeHash: z.string().min(10),
  createdBy: z.string().min(1).max(100),
});

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

/** Fails the workflow at once (not retried) when started with input the API would have refused. */
export function validateClaimInput(input: unknown): ClaimInput {
  let parsed: z.ZodSafeParseResult<ClaimInput> = claimInputSchema.safeParse(input);
  // Only input the stricter checks refuse asks for the marker: a replay without it is a claim started before them.
  if (!parsed.success && !patched(STORABLE_INPUT_PATCH)) parsed = inputBeforePatch.safeParse(input);
  if (!parsed.success) {
    // Field paths only: the values may be personal data.
    throw invalid(parsed.error.issues.map((i) => i.path.join('.') || '(root)').join(', '));
  }
  if (parsed.data.eventDate > parsed.data.claimDate) throw invalid('eventDate is after claimDate');
  const { backdating } = parsed.data;
  if (backdating && !(parsed.data.claimDate < backdating.receivedDate)) {
    throw invalid('backdating is only for a claimDate before backdating.receivedDate');
  }
  return parsed.data;
}
