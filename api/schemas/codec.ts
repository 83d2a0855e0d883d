// The Temporal remote-codec protocol: {"payloads":[...]} in proto3 JSON (metadata values and data in base64).
import { z } from 'zod';

const base64 = z
  .string()
  .max(200_000)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');

export const codecPayloadSchema = z.strictObject({
  metadata: z.record(z.string().min(1).max(256), base64).optional(),
  data: base64.optional(),
});

export const codecBody = z.strictObject({
  payloads: z.array(codecPayloadSchema).max(1000),
});

export const codecResponse = z.object({
  payloads: z.array(z.object({ metadata: z.record(z.string(), z.string()), data: z.string() })),
});
