// The codec server for the Temporal web UI and CLI (its remote-codec protocol): POST {"payloads":[...]} to
// /codec/encode or /codec/decode. Staff only, since decoding shows personal data; CORS only for the one configured UI
// origin, and none at all by default. Served only when the app is given the payload codec.
import type { Payload } from '@temporalio/common';
import type { z } from 'zod';
import { PayloadDecryptionError } from '../../codec/aes-gcm-codec';
import { HttpProblem } from '../middleware/problem';
import { codecBody, codecResponse, type codecPayloadSchema } from '../schemas/codec';
import { json, problem, route, staffErrors, type RouteDeps } from './route';
import { CASE_STAFF, STAFF_ROLES } from '../../vocabulary/actors';

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

const withCodec = (deps: RouteDeps) => deps.payloadCodec !== undefined;
const payloads = json(codecResponse, 'The payloads, in the same order');

export const encodePayloads = route({
  operationId: 'encodePayloads',
  summary: 'Temporal codec server: encrypt payloads (officer, supervisor)',
  method: 'post',
  path: '/codec/encode',
  // Encoding is for acting on workflows from the UI (signals, starts): auditors only read.
  access: { staff: CASE_STAFF },
  cors: true,
  enabled: withCodec,
  request: { body: codecBody },
  responses: { 200: payloads, ...staffErrors },
  async handle({ deps, body, res }) {
    const encoded = await deps.payloadCodec!.encode(body.payloads.map(fromJson));
    res.json({ payloads: encoded.map(toJson) });
  },
});

export const decodePayloads = route({
  operationId: 'decodePayloads',
  summary: 'Temporal codec server: decrypt payloads for the web UI or CLI (staff)',
  method: 'post',
  path: '/codec/decode',
  access: { staff: STAFF_ROLES },
  cors: true,
  enabled: withCodec,
  request: { body: codecBody },
  responses: {
    200: payloads,
    ...staffErrors,
    422: problem('A payload cannot be decrypted: unknown key id, wrong key or altered data'),
  },
  async handle({ deps, staff, body, res }) {
    let decoded: Payload[];
    try {
      decoded = await deps.payloadCodec!.decode(body.payloads.map(fromJson));
    } catch (err) {
      if (!(err instanceof PayloadDecryptionError)) throw err;
      throw new HttpProblem(422, 'undecryptable', 'A payload cannot be decrypted', err.message);
    }
    // Who read decrypted payloads, and how many: an access trail, never the contents.
    deps.logger.info(
      { audit: true, staff: staff!.id, role: staff!.role, payloads: decoded.length },
      'codec decode',
    );
    res.json({ payloads: decoded.map(toJson) });
  },
});
