// The accident case's path parameters; the bodies live in vocabulary/accident.ts (the workflow checks with them too).
import { z } from 'zod';
import { claimNumber } from '../../vocabulary/primitives';

export const itemParam = z.strictObject({
  claimNumber,
  itemNumber: z.coerce.number().int('must be a whole number').min(1, 'must be 1 or more').max(10_000),
});
