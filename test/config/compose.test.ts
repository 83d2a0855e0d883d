// docker-compose.yml, parsed (there is no Docker engine here to run `docker compose config`): the rules it must keep.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ENTRY_POINT_NEEDS, loadConfig } from '../../config';
import { root } from '../helpers/paths';

interface Service {
  init?: boolean;
  ports?: string[];
  networks?: string[];
  stop_grace_period?: string;
  command?: string[];
  environment?: Record<string, string>;
  secrets?: string[];
}
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
  secrets?: Record<string, { file?: string }>;
};
/** The services built from ./Dockerfile, by the entry point their command runs. */
const app = Object.entries(compose.services)
  .map(([name, service]) => ({
    name,
    service,
    entry: /^node dist\/bin\/(\w+)\.js$/.exec(service.command?.join(' ') ?? '')?.[1],
  }))
  .filter(
    (s): s is { name: string; service: Service; entry: keyof typeof ENTRY_POINT_NEEDS } =>
      s.entry !== undefined,
  );

describe('docker-compose.yml', () => {
  it('runs every entry point of the app in production mode', () => {
    expect(app.map((s) => s.entry).sort()).toEqual(['api', 'gateway', 'migrate', 'worker']);
    for (const { service } of app) expect(service.environment?.NODE_ENV).toBe('production');
  });

  it('runs the compiled code (npm run build in the image) under an init process', () => {
    for (const { name, service, entry } of app) {
      expect({ name, command: service.command }).toEqual({ name, command: ['node', `dist/bin/${entry}.js`] });
      expect(existsSync(join(root, 'bin', `${entry}.ts`))).toBe(true);
      expect({ name, init: service.init }).toEqual({ name, init: true });
    }
  });

  it('gives no service a token secret, and each secret only as a file to the services that use it', () => {
    const SECRETS = {
      PAYLOAD_KEYS: 'payload_keys',
      TRACKING_CODE_SECRET: 'tracking_code_secret',
      METRICS_TOKEN: 'metrics_token',
    } as const;
    for (const { name, service, entry } of app) {
      const env = service.environment ?? {};
      expect({ name, AUTH_SECRET: env.AUTH_SECRET }).toEqual({ name, AUTH_SECRET: undefined });
      const needs = ENTRY_POINT_NEEDS[entry] as readonly string[];
      const given: string[] = [];
      for (const [variable, secret] of Object.entries(SECRETS)) {
        expect({ name, [variable]: env[variable] }).toEqual({ name, [variable]: undefined });
        const used = needs.includes(variable);
        expect({ name, file: env[`${variable}_FILE`] }).toEqual({
          name,
          file: used ? `/run/secrets/${secret}` : undefined,
        });
        if (used) given.push(secret);
      }
      expect({ name, secrets: [...(service.secrets ?? [])].sort() }).toEqual({ name, secrets: given.sort() });
    }
    for (const secret of Object.values(SECRETS)) expect(compose.secrets?.[secret]?.file).toBeDefined();
  });

  it('signs staff in through the identity provider, required at start', () => {
    const api = app.find((s) => s.entry === 'api')!.service.environment!;
    expect(api.OIDC_ISSUER).toMatch(/^\$\{OIDC_ISSUER:\?/);
    expect(api.OIDC_AUDIENCE).toMatch(/^\$\{OIDC_AUDIENCE:\?/);
  });

  it("stops a worker within the container's stop period: the shutdown grace is shorter", () => {
    const worker = app.find((s) => s.entry === 'worker')!.service;
    const stopPeriod = Number(/^(\d+)s$/.exec(worker.stop_grace_period ?? '10s')![1]);
    const set = worker.environment?.WORKER_SHUTDOWN_GRACE_SECONDS;
    const grace = loadConfig([], {
      NODE_ENV: 'production',
      ...(set ? { WORKER_SHUTDOWN_GRACE_SECONDS: set } : {}),
    }).WORKER_SHUTDOWN_GRACE_SECONDS;
    expect(grace).toBeLessThan(stopPeriod);
  });

  it('keeps the Temporal frontend and the bank on networks of their own', () => {
    const on = (network: string) =>
      Object.entries(compose.services)
        .filter(([, service]) => service.networks?.includes(network))
        .map(([name]) => name)
        .sort();
    expect(on('temporal-frontend')).toEqual([
      'api',
      'temporal',
      'temporal-namespace',
      'temporal-ui',
      'worker',
    ]);
    expect(on('bank')).toEqual(['gateway', 'worker']);
    // A scraper joins `monitoring`; it must not reach the frontend or the bank through it.
    expect(on('monitoring')).toEqual(['api', 'worker']);
    // Every service is on named networks only: none falls back to the shared default network.
    for (const [name, service] of Object.entries(compose.services))
      expect({ name, networks: (service.networks ?? []).length > 0 }).toEqual({ name, networks: true });
  });

  it('exports the metrics: the workers’ SDK metrics on the monitoring network, the server’s on loopback', () => {
    const worker = app.find((s) => s.entry === 'worker')!.service;
    const address = loadConfig([], {
      NODE_ENV: 'production',
      WORKER_METRICS_ADDRESS: worker.environment!.WORKER_METRICS_ADDRESS,
    }).WORKER_METRICS_ADDRESS;
    expect(address).toBe('0.0.0.0:9464');
    expect(worker.ports).toBeUndefined(); // replicas would collide; Prometheus finds each by DNS
    const temporal = compose.services.temporal!;
    expect(temporal.environment!.PROMETHEUS_ENDPOINT).toBe('0.0.0.0:8000');
    expect(temporal.ports).toContain('127.0.0.1:8000:8000');
  });

  it('has the web UI sign staff in and take no write action', () => {
    const ui = compose.services['temporal-ui']!.environment!;
    expect(ui.TEMPORAL_AUTH_ENABLED).toBe('true');
    expect(ui.TEMPORAL_AUTH_PROVIDER_URL).toMatch(/OIDC_ISSUER/);
    expect(ui.TEMPORAL_DISABLE_WRITE_ACTIONS).toBe('true');
    expect(ui.TEMPORAL_CODEC_PASS_ACCESS_TOKEN).toBe('true');
  });
});
