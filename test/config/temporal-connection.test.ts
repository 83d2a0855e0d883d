// How every process reaches Temporal: Temporal's own environment conventions (@temporalio/envconfig) read by config.ts,
// then one connection function per kind (temporal-connection.ts). The unit tests check the options each setting
// gives; the last ones connect for real, over mutual TLS with an API key, through a gRPC TLS front on a real dev server.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { OutgoingHttpHeaders } from 'node:http';
import {
  connect as connectHttp2,
  createSecureServer,
  type ClientHttp2Session,
  type Http2SecureServer,
} from 'node:http2';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { loadConfig, loadEntryPointConfig } from '../../config';
import { connectClient, connectWorker, type TemporalConnection } from '../../temporal-connection';
import { devServerEnv } from '../helpers/temporal';

const dir = mkdtempSync(join(tmpdir(), 'santunan-temporal-tls-'));
const file = (name: string) => join(dir, name);
/** No stray ~/.config/temporalio/temporal.toml decides a test: the file named here does not exist. */
const NO_FILE = { TEMPORAL_CONFIG_FILE: file('none.toml') };
const temporal = (env: NodeJS.ProcessEnv) => loadConfig(['TEMPORAL'], { ...NO_FILE, ...env }).TEMPORAL;

/** A CA, a server certificate for 127.0.0.1 and a client certificate, as an agency's PKI would issue them. */
function issueCertificates(): void {
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
  openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=santunan-test-ca',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
  );
  for (const [name, cn, ext] of [
    ['server', 'temporal-frontend', 'subjectAltName=IP:127.0.0.1,DNS:temporal-frontend'],
    ['client', 'santunan-worker', 'extendedKeyUsage=clientAuth'],
  ] as const) {
    openssl(
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      `/CN=${cn}`,
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.csr`,
    );
    writeFileSync(file(`${name}.ext`), `${ext}\n`);
    openssl(
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-days',
      '2',
      '-extfile',
      `${name}.ext`,
      '-out',
      `${name}.pem`,
    );
  }
}

beforeAll(() => issueCertificates());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Temporal connection settings (TEMPORAL_*, as the Temporal CLI and SDKs read them)', () => {
  it('default to the local dev server, in plaintext, without a key', () => {
    expect(temporal({ NODE_ENV: 'production' })).toEqual({
      address: '127.0.0.1:7233',
      namespace: 'default',
      tls: false,
    });
  });

  it('take an API key, which turns TLS on; also from TEMPORAL_API_KEY_FILE', () => {
    const key = 'tcld-api-key-0123456789';
    expect(
      temporal({
        NODE_ENV: 'production',
        TEMPORAL_ADDRESS: 'bpjs.a1b2c.tmprl.cloud:7233',
        TEMPORAL_API_KEY: key,
      }),
    ).toEqual({
      address: 'bpjs.a1b2c.tmprl.cloud:7233',
      namespace: 'default',
      tls: {},
      apiKey: key,
    });
    writeFileSync(file('api-key'), `${key}\n`);
    expect(temporal({ NODE_ENV: 'production', TEMPORAL_API_KEY_FILE: file('api-key') }).apiKey).toBe(key);
  });

  it('take mutual TLS: the client pair, the server CA and the server name, read from their files', () => {
    const t = temporal({
      NODE_ENV: 'production',
      TEMPORAL_ADDRESS: 'temporal:7233',
      TEMPORAL_NAMESPACE: 'santunan',
      TEMPORAL_TLS_CLIENT_CERT_PATH: file('client.pem'),
      TEMPORAL_TLS_CLIENT_KEY_PATH: file('client.key'),
      TEMPORAL_TLS_SERVER_CA_CERT_PATH: file('ca.pem'),
      TEMPORAL_TLS_SERVER_NAME: 'temporal-frontend',
    });
    expect(t).toMatchObject({ address: 'temporal:7233', namespace: 'santunan' });
    expect(t.apiKey).toBeUndefined();
    expect(t.tls).toEqual({
      serverNameOverride: 'temporal-frontend',
      serverRootCACertificate: readFileSync(file('ca.pem')),
      clientCertPair: { crt: readFileSync(file('client.pem')), key: readFileSync(file('client.key')) },
    });
  });

  it('take the certificates inline too (TEMPORAL_TLS_*_DATA), and TLS alone with TEMPORAL_TLS=true', () => {
    const crt = readFileSync(file('client.pem'), 'utf8');
    const key = readFileSync(file('client.key'), 'utf8');
    const t = temporal({ TEMPORAL_TLS_CLIENT_CERT_DATA: crt, TEMPORAL_TLS_CLIENT_KEY_DATA: key });
    expect(t.tls && t.tls.clientCertPair?.crt.toString()).toBe(crt);
    expect(temporal({ TEMPORAL_TLS: 'true' }).tls).toEqual({});
  });

  it('refuse half a client pair, naming the missing half', () => {
    expect(() => temporal({ TEMPORAL_TLS_CLIENT_CERT_PATH: file('client.pem') })).toThrow(
      /TEMPORAL_TLS_CLIENT_KEY_PATH: a client certificate needs its private key/,
    );
    expect(() => temporal({ TEMPORAL_TLS_CLIENT_KEY_PATH: file('client.key') })).toThrow(
      /TEMPORAL_TLS_CLIENT_CERT_PATH: a client key needs its certificate/,
    );
  });

  it('refuse a certificate file that cannot be read, naming the setting', () => {
    expect(() => temporal({ TEMPORAL_TLS_SERVER_CA_CERT_PATH: file('missing.pem') })).toThrow(
      /TEMPORAL_TLS_\*: .*missing\.pem/,
    );
  });

  it('refuse to send an API key in the clear outside development', () => {
    const clear = { TEMPORAL_API_KEY: 'k'.repeat(20), TEMPORAL_TLS: 'false' };
    expect(() => temporal({ NODE_ENV: 'production', ...clear })).toThrow(
      /TEMPORAL_API_KEY: an API key travels only over TLS/,
    );
    expect(temporal({ NODE_ENV: 'test', ...clear })).toMatchObject({
      tls: false,
      apiKey: clear.TEMPORAL_API_KEY,
    });
  });

  it('read a profile of the Temporal config file (TEMPORAL_PROFILE), the variables overriding it', () => {
    writeFileSync(
      file('temporal.toml'),
      [
        '[profile.production]',
        'address = "temporal.bpjs.internal:7233"',
        'namespace = "santunan-prod"',
        '[profile.production.tls]',
        `client_cert_path = "${file('client.pem')}"`,
        `client_key_path = "${file('client.key')}"`,
        '[profile.production.grpc_meta]',
        'x-agency = "bpjs"',
        '',
      ].join('\n'),
    );
    const env = { TEMPORAL_CONFIG_FILE: file('temporal.toml'), TEMPORAL_PROFILE: 'production' };
    const t = loadConfig(['TEMPORAL'], env);
    expect(t.TEMPORAL).toMatchObject({
      address: 'temporal.bpjs.internal:7233',
      namespace: 'santunan-prod',
      metadata: { 'x-agency': 'bpjs' },
    });
    expect(t.TEMPORAL.tls && t.TEMPORAL.tls.clientCertPair?.crt).toEqual(readFileSync(file('client.pem')));
    // The plain settings say the same, for logs and the dev banner.
    expect([t.TEMPORAL_ADDRESS, t.TEMPORAL_NAMESPACE]).toEqual([
      'temporal.bpjs.internal:7233',
      'santunan-prod',
    ]);
    expect(loadConfig(['TEMPORAL'], { ...env, TEMPORAL_NAMESPACE: 'other' }).TEMPORAL.namespace).toBe(
      'other',
    );
    expect(() => loadConfig(['TEMPORAL'], { ...env, TEMPORAL_PROFILE: 'staging' })).toThrow(
      /TEMPORAL_PROFILE: Profile 'staging' not found/,
    );
  });

  it('are read only by the processes that connect: migrate and the gateway ignore them', () => {
    const broken = { NODE_ENV: 'production', ...NO_FILE, TEMPORAL_TLS_CLIENT_CERT_PATH: file('missing.pem') };
    expect(() => loadEntryPointConfig('migrate', broken)).not.toThrow();
    expect(() => loadEntryPointConfig('gateway', broken)).not.toThrow();
  });
});

describe('a real connection over mutual TLS, with an API key', () => {
  let env: TestWorkflowEnvironment;
  let front: Http2SecureServer;
  let upstream: ClientHttp2Session;
  let frontAddress: string;
  /** What the front saw of each call: the client certificate's subject and the authorization header. */
  const calls: { subject: string; authorization?: string; path: string }[] = [];

  beforeAll(async () => {
    env = await devServerEnv();
    upstream = connectHttp2(`http://${env.address}`);
    // A gRPC front that demands a client certificate from the agency's CA, before the dev server (which has no TLS of
    // its own), as Temporal's own TLS listener or a TLS-terminating proxy would; it forwards every call as it is.
    front = createSecureServer({
      key: readFileSync(file('server.key')),
      cert: readFileSync(file('server.pem')),
      ca: readFileSync(file('ca.pem')),
      requestCert: true,
      rejectUnauthorized: true,
    });
    front.on('stream', (stream, headers) => {
      const socket = stream.session?.socket as TLSSocket | undefined;
      calls.push({
        subject: String(socket?.getPeerCertificate().subject?.CN),
        authorization: headers.authorization,
        path: String(headers[':path']),
      });
      const forwarded: OutgoingHttpHeaders = {};
      for (const [name, value] of Object.entries(headers))
        if (!name.startsWith(':') || name === ':method' || name === ':path') forwarded[name] = value;
      const call = upstream.request(forwarded);
      let trailers: OutgoingHttpHeaders = {};
      call.on('response', (response) => {
        // A trailers-only answer (an error) carries its grpc-status here and ends the stream.
        if (response['grpc-status'] !== undefined) stream.respond(response, { endStream: true });
        else stream.respond(response, { waitForTrailers: true });
      });
      call.on('trailers', (t) => (trailers = t));
      stream.on('wantTrailers', () => stream.sendTrailers(trailers));
      stream.pipe(call);
      call.pipe(stream);
      const abort = () => {
        if (!call.destroyed) call.close();
        if (!stream.destroyed) stream.close();
      };
      call.on('error', abort);
      stream.on('error', abort);
    });
    await new Promise<void>((done) => front.listen(0, '127.0.0.1', done));
    frontAddress = `127.0.0.1:${(front.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    upstream?.close();
    await new Promise<void>((done) => (front ? front.close(() => done()) : done()));
    await env?.teardown();
  });

  const apiKey = 'santunan-worker-api-key-0123456789';
  const mtls = (extra: NodeJS.ProcessEnv = {}) =>
    temporal({
      NODE_ENV: 'production',
      TEMPORAL_ADDRESS: frontAddress,
      TEMPORAL_TLS_CLIENT_CERT_PATH: file('client.pem'),
      TEMPORAL_TLS_CLIENT_KEY_PATH: file('client.key'),
      TEMPORAL_TLS_SERVER_CA_CERT_PATH: file('ca.pem'),
      TEMPORAL_TLS_SERVER_NAME: 'temporal-frontend',
      ...extra,
    });

  it("connects the API's and the replayer's client with the agency's client certificate and the API key", async () => {
    const connection = await connectClient(mtls({ TEMPORAL_API_KEY: apiKey }));
    try {
      const info = await connection.workflowService.getSystemInfo({});
      expect(info.serverVersion).toMatch(/\d+\.\d+/);
      await connection.workflowService.describeNamespace({ namespace: 'default' });
    } finally {
      await connection.close();
    }
    const described = calls.find((c) => c.path.endsWith('/DescribeNamespace'));
    expect(described).toEqual({
      subject: 'santunan-worker',
      authorization: `Bearer ${apiKey}`,
      path: '/temporal.api.workflowservice.v1.WorkflowService/DescribeNamespace',
    });
  });

  it("connects the worker's native connection the same way", async () => {
    const before = calls.length;
    const connection = await connectWorker(mtls({ TEMPORAL_API_KEY: apiKey }));
    try {
      const info = await connection.workflowService.getSystemInfo({});
      expect(info.serverVersion).toMatch(/\d+\.\d+/);
    } finally {
      await connection.close();
    }
    const made = calls.slice(before);
    expect(made.length).toBeGreaterThan(0);
    for (const call of made)
      expect(call).toMatchObject({ subject: 'santunan-worker', authorization: `Bearer ${apiKey}` });
  });

  it('sends no authorization header without a key: mutual TLS alone', async () => {
    const before = calls.length;
    const connection = await connectClient(mtls());
    await connection.workflowService.getSystemInfo({});
    await connection.close();
    const made = calls.slice(before);
    expect(made.length).toBeGreaterThan(0);
    for (const call of made)
      expect(call).toMatchObject({ subject: 'santunan-worker', authorization: undefined });
  });

  it('is refused without the client certificate, and without TLS', async () => {
    const serverOnly: TemporalConnection = {
      ...mtls(),
      tls: { serverRootCACertificate: readFileSync(file('ca.pem')), serverNameOverride: 'temporal-frontend' },
    };
    await expect(connectClient(serverOnly, { connectTimeout: 2000 })).rejects.toThrow();
    await expect(connectClient({ ...mtls(), tls: false }, { connectTimeout: 2000 })).rejects.toThrow();
  });
});
