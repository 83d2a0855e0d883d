// The codec server for the Temporal web UI and CLI (its remote-codec protocol): POST {"payloads":[...]} in proto3
// JSON (metadata values and data in base64) to /codec/encode or /codec/decode. Staff only, since decoding shows
// personal data; CORS only for the one configured UI origin, and none at all by default.
import type { Payload, PayloadCodec } from '@temporalio/common';
import { Router, type RequestHandler } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import { PayloadDecryptionError } from '../../codec/aes-gcm-codec';
import { requireStaff } from '../auth';
import { HttpProblem, parse } from '../problem';

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

type JsonPayload = z.infer<typeof codecPayloadSchema>;

function fromJson(p: JsonPayload): Payload {
  const metadata: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(p.metadata ?? {}))
    metadata[k] = new Uint8Array(Buffer.from(v, 'base64'));
  return { metadata, data: new Uint8Array(Buffer.from(p.data ?? '', 'base64')) };
}

function toJson(p: Payload) {
  const metadata: Record<string, string> = {};
  for (const [k, v] of Object.entries(p.metadata ?? {})) metadata[k] = Buffer.from(v).toString('base64');
  return { metadata, data: Buffer.from(p.data ?? new Uint8Array()).toString('base64') };
}

/** CORS for the codec routes only, and only for the configured origin: other origins get no CORS headers. */
function corsFor(origin: string | undefined): RequestHandler {
  return (req, res, next) => {
    if (!origin) return next();
    res.vary('Origin');
    if (req.get('origin') !== origin) return next();
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    if (req.method !== 'OPTIONS') return next();
    res.setHeader('Access-Control-Allow-Methods', 'POST');
    res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, X-Namespace');
    res.setHeader('Access-Control-Max-Age', '600');
    res.status(204).end();
  };
}

export interface CodecRouterDeps {
  authSecret: string;
  codec: PayloadCodec;
  logger: Logger;
  corsOrigin?: string;
}

export function createCodecRouter(deps: CodecRouterDeps): Router {
  const router = Router();
  const cors = corsFor(deps.corsOrigin);
  router.options(['/codec/encode', '/codec/decode'], cors);

  // Encoding is for acting on workflows from the UI (signals, starts): auditors only read.
  router.post(
    '/codec/encode',
    cors,
    requireStaff(deps.authSecret, ['officer', 'supervisor']),
    async (req, res) => {
      const { payloads } = parse(codecBody, req.body);
      const encoded = await deps.codec.encode(payloads.map(fromJson));
      res.json({ payloads: encoded.map(toJson) });
    },
  );

  router.post(
    '/codec/decode',
    cors,
    requireStaff(deps.authSecret, ['officer', 'supervisor', 'auditor']),
    async (req, res) => {
      const { payloads } = parse(codecBody, req.body);
      let decoded: Payload[];
      try {
        decoded = await deps.codec.decode(payloads.map(fromJson));
      } catch (err) {
        if (!(err instanceof PayloadDecryptionError)) throw err;
        throw new HttpProblem(422, 'undecryptable', 'A payload cannot be decrypted', err.message);
      }
      // Who read decrypted payloads, and how many: an access trail, never the contents.
      deps.logger.info(
        { audit: true, staff: req.staff!.id, role: req.staff!.role, payloads: decoded.length },
        'codec decode',
      );
      res.json({ payloads: decoded.map(toJson) });
    },
  );
  return router;
}
