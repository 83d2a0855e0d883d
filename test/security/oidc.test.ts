// Staff sign in through the agency's identity provider: a real OpenID Connect provider on localhost
// (test/helpers/oidc-provider.mjs) issues RS256 access tokens; the API checks them against its JWKS (found through
// discovery) for signature, algorithm, issuer, audience and expiry, and takes the role from the `role` claim. The
// app here is given no development secret, as in production: HS256 tokens are refused.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { defaultPayloadConverter } from '@temporalio/common';
import request from 'supertest';
import { signStaffToken } from '../../api/middleware/auth';
import { testPayloadCodec } from '../helpers/codec';
import { root } from '../helpers/paths';
import { AUTH_SECRET, seedClaim, startLightApp, type LightApp, type SeededClaim } from './light-app';

interface Idp {
  issuer: string;
  audience: string;
  clients: Record<string, string>;
}

let idp: Idp;
let provider: ChildProcess;
let l: LightApp;
let claim: SeededClaim;

async function startProvider(): Promise<Idp> {
  provider = spawn(process.execPath, [join(root, 'test/helpers/oidc-provider.mjs')], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    provider.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /OIDC_READY (\{.*\})/.exec(out);
      if (match) resolve(JSON.parse(match[1]!) as Idp);
    });
    provider.once('exit', (code) => reject(new Error(`the OIDC provider exited with ${code}`)));
  });
}

/** An access token from the provider's token endpoint (client credentials, as a service account signs in). */
async function accessToken(clientId: string, resource?: string): Promise<string> {
  const res = await fetch(`${idp.issuer}/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${clientId}:${idp.clients[clientId]}`).toString('base64')}`,
    },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      scope: 'claims',
      ...(resource ? { resource } : {}),
    }),
  });
  const body = (await res.json()) as { access_token?: string };
  if (!res.ok || !body.access_token)
    throw new Error(`token endpoint answered ${res.status}: ${JSON.stringify(body)}`);
  return body.access_token;
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

beforeAll(async () => {
  idp = await startProvider();
  l = await startLightApp({
    authSecret: undefined,
    oidc: { issuer: idp.issuer, audience: idp.audience, roleClaim: 'role', algorithms: ['RS256'] },
  });
  claim = await seedClaim(l.t);
});
afterAll(async () => {
  provider?.kill('SIGTERM');
  await l?.close();
});

describe('staff sign-in through the identity provider', () => {
  it("takes the provider's access token: the subject is the staff member, the role from its claim", async () => {
    const token = await accessToken('officer-7');
    const [, payload] = token.split('.');
    expect(JSON.parse(Buffer.from(payload!, 'base64url').toString())).toMatchObject({
      iss: idp.issuer,
      aud: idp.audience,
      sub: 'officer-7',
      role: 'officer',
    });
    const view = await request(l.app).get(`/api/v1/claims/${claim.claimNumber}`).set(bearer(token));
    expect(view.status).toBe(200);
    expect(view.body.claimNumber).toBe(claim.claimNumber);
  });

  it('keeps each route to its roles', async () => {
    const officer = await accessToken('officer-7');
    const auditor = await accessToken('auditor-7');
    expect((await request(l.app).get('/api/v1/audit-log').set(bearer(officer))).status).toBe(403);
    const log = await request(l.app).get('/api/v1/audit-log').set(bearer(auditor));
    expect(log.status).toBe(200);
  });

  it('serves the codec server to the token the Temporal UI forwards', async () => {
    const sealed = await testPayloadCodec.encode([
      defaultPayloadConverter.toPayload({ heir: 'Sri Wahyuni' }),
    ]);
    const wire = sealed.map((p) => ({
      metadata: Object.fromEntries(
        Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
      ),
      data: Buffer.from(p.data ?? new Uint8Array()).toString('base64'),
    }));
    const res = await request(l.app)
      .post('/api/v1/codec/decode')
      .set(bearer(await accessToken('auditor-7')))
      .send({ payloads: wire });
    expect(res.status).toBe(200);
    expect(Buffer.from(res.body.payloads[0].data, 'base64').toString()).toContain('Sri Wahyuni');
  });

  it('refuses a token for another audience, a tampered one, one with no staff role, and HS256', async () => {
    const refused = async (token: string) =>
      (await request(l.app).get(`/api/v1/claims/${claim.claimNumber}`).set(bearer(token))).status;
    expect(await refused(await accessToken('officer-7', 'urn:other:service'))).toBe(401);
    const [h, p, s] = (await accessToken('officer-7')).split('.');
    const raised = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), role: 'supervisor' }),
    ).toString('base64url');
    expect(await refused(`${h}.${raised}.${s}`)).toBe(401);
    expect(await refused(await accessToken('nobody-7'))).toBe(401);
    // A development token: no development secret was given, as in production.
    expect(await refused(signStaffToken(AUTH_SECRET, { id: 'officer-7', role: 'supervisor' }))).toBe(401);
    // "alg":"none" is no signature.
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${p}.`;
    expect(await refused(none)).toBe(401);
  });

  it('records the signed-in staff member in the audit log', async () => {
    const auditor = await accessToken('auditor-7');
    await request(l.app)
      .get(`/api/v1/claims/${claim.claimNumber}`)
      .set(bearer(await accessToken('supervisor-7')));
    for (let i = 0; i < 50; i++) {
      const page = await request(l.app).get('/api/v1/audit-log').set(bearer(auditor));
      const entries = page.body.items as { actor: { id?: string; role?: string } }[];
      if (entries.some((e) => e.actor.id === 'supervisor-7')) {
        expect(entries.find((e) => e.actor.id === 'supervisor-7')?.actor.role).toBe('supervisor');
        return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the audit log never recorded supervisor-7');
  });
});
