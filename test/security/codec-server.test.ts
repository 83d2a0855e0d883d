// The codec server (/codec/encode, /codec/decode) as the Temporal web UI and CLI call it: proto3 JSON payloads,
// staff tokens only, CORS only for the configured UI origin.
import { Writable } from 'node:stream';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import pino from 'pino';
import request from 'supertest';
import { AesGcmPayloadCodec, parsePayloadKeys } from '../../codec/data-converter';
import { testPayloadCodec } from '../helpers/codec';
import { seedClaim, startLightApp, type LightApp } from './light-app';

const UI_ORIGIN = 'http://localhost:8233';
const CANARY = { participantNik: '3174000011119999', accountNumber: '5566778899001' };

let l: LightApp;
const logLines: string[] = [];
let officer: string;
let auditor: string;

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(chunk.toString());
      done();
    },
  });
  l = await startLightApp({ codecCorsOrigin: UI_ORIGIN, logger: pino({ level: 'info' }, sink) });
  officer = l.token({ id: 'officer-1', role: 'officer' });
  auditor = l.token({ id: 'auditor-1', role: 'auditor' });
});
afterAll(async () => {
  await l?.close();
});

/** A payload as proto3 JSON: metadata values and data in base64. */
function jsonPayload(p: Payload) {
  const metadata: Record<string, string> = {};
  for (const [k, v] of Object.entries(p.metadata ?? {})) metadata[k] = Buffer.from(v).toString('base64');
  return { metadata, data: Buffer.from(p.data ?? new Uint8Array()).toString('base64') };
}
const b64 = (s: string) => Buffer.from(s).toString('base64');
const unb64 = (s: string) => Buffer.from(s, 'base64').toString('utf8');
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('the codec server', () => {
  it('encrypts for officers and decrypts for every staff role, in proto3 JSON', async () => {
    const plain = jsonPayload(defaultPayloadConverter.toPayload(CANARY));
    const encoded = await request(l.app)
      .post('/api/v1/codec/encode')
      .set(bearer(officer))
      .send({ payloads: [plain] });
    expect(encoded.status).toBe(200);
    const [sealed] = encoded.body.payloads;
    expect(unb64(sealed.metadata.encoding)).toBe('binary/encrypted');
    expect(unb64(sealed.metadata['encryption-key-id'])).toBe('test1');
    expect(unb64(sealed.data)).not.toContain(CANARY.participantNik);

    const decoded = await request(l.app)
      .post('/api/v1/codec/decode')
      .set(bearer(auditor))
      .send({ payloads: [sealed] });
    expect(decoded.status).toBe(200);
    expect(decoded.body).toEqual({ payloads: [plain] });
    expect(JSON.parse(unb64(decoded.body.payloads[0].data))).toEqual(CANARY);
  });

  it('records who decoded and how many payloads, never what they held', async () => {
    const [encrypted] = await testPayloadCodec.encode([defaultPayloadConverter.toPayload(CANARY)]);
    const sealed = jsonPayload(encrypted!);
    logLines.length = 0;
    await request(l.app)
      .post('/api/v1/codec/decode')
      .set(bearer(auditor))
      .send({ payloads: [sealed, sealed] })
      .expect(200);
    const entry = logLines.map((line) => JSON.parse(line)).find((e) => e.msg === 'codec decode');
    expect(entry).toMatchObject({ audit: true, staff: 'auditor-1', role: 'auditor', payloads: 2 });
    expect(logLines.join('')).not.toContain(CANARY.participantNik);
    expect(logLines.join('')).not.toContain(sealed.data);
  });

  it('passes payloads that were never encrypted through decode unchanged', async () => {
    const plain = jsonPayload(defaultPayloadConverter.toPayload({ status: 'paid' }));
    const res = await request(l.app)
      .post('/api/v1/codec/decode')
      .set(bearer(officer))
      .send({ payloads: [plain] });
    expect(res.body).toEqual({ payloads: [plain] });
  });

  it('answers 422 with a clear message for a payload under a key it does not have', async () => {
    const foreign = new AesGcmPayloadCodec(
      parsePayloadKeys(`old7:${Buffer.alloc(32, 7).toString('base64')}`),
    );
    const [sealed] = await foreign.encode([defaultPayloadConverter.toPayload(CANARY)]);
    const res = await request(l.app)
      .post('/api/v1/codec/decode')
      .set(bearer(officer))
      .send({ payloads: [jsonPayload(sealed!)] });
    expect(res.status).toBe(422);
    expect(res.body.type).toMatch(/undecryptable$/);
    expect(res.body.detail).toMatch(/key id "old7": PAYLOAD_KEYS has no such key \(configured: test1\)/);
  });

  it('answers 401 without a staff token (a tracking code is not one) and 403 to auditors encoding', async () => {
    const { trackingCode } = await seedClaim(l.t);
    const body = { payloads: [] };
    expect((await request(l.app).post('/api/v1/codec/decode').send(body)).status).toBe(401);
    expect(
      (await request(l.app).post('/api/v1/codec/decode').set('X-Tracking-Code', trackingCode).send(body))
        .status,
    ).toBe(401);
    expect((await request(l.app).post('/api/v1/codec/encode').set(bearer(auditor)).send(body)).status).toBe(
      403,
    );
  });

  it.each([
    ['no payloads field', {}, 'payloads'],
    ['data that is not base64', { payloads: [{ metadata: {}, data: '***' }] }, 'payloads.0.data'],
    ['an unknown field', { payloads: [{ data: b64('x'), extra: 1 }] }, 'payloads.0.extra'],
  ])('answers 400 for %s', async (_name, body, field) => {
    const res = await request(l.app).post('/api/v1/codec/decode').set(bearer(officer)).send(body);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});

describe('CORS on the codec routes', () => {
  it('answers the configured UI origin’s preflight, and nobody else’s', async () => {
    const preflight = (origin: string) =>
      request(l.app)
        .options('/api/v1/codec/decode')
        .set('Origin', origin)
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'authorization, content-type, x-namespace');
    const ui = await preflight(UI_ORIGIN);
    expect(ui.status).toBe(204);
    expect(ui.headers['access-control-allow-origin']).toBe(UI_ORIGIN);
    expect(ui.headers['access-control-allow-credentials']).toBe('true');
    expect(ui.headers['access-control-allow-methods']).toBe('POST');
    expect(ui.headers['access-control-allow-headers']).toMatch(/Authorization.*Content-Type.*X-Namespace/);
    expect(ui.headers.vary).toMatch(/Origin/);
    const other = await preflight('http://localhost:9999');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('allows the UI origin on the codec routes only, and still needs the token', async () => {
    const withOrigin = (path: string) => request(l.app).post(path).set('Origin', UI_ORIGIN);
    const decode = await withOrigin('/api/v1/codec/decode').set(bearer(officer)).send({ payloads: [] });
    expect(decode.status).toBe(200);
    expect(decode.headers['access-control-allow-origin']).toBe(UI_ORIGIN);
    const noToken = await withOrigin('/api/v1/codec/decode').send({ payloads: [] });
    expect(noToken.status).toBe(401);
    const claims = await withOrigin('/api/v1/claims').set(bearer(officer)).send({});
    expect(claims.headers['access-control-allow-origin']).toBeUndefined();
    const elsewhere = await request(l.app)
      .post('/api/v1/codec/decode')
      .set('Origin', 'https://evil.example')
      .set(bearer(officer))
      .send({ payloads: [] });
    expect(elsewhere.headers['access-control-allow-origin']).toBeUndefined();
  });
});
