// The one place that reads the environment. Validated once at start-up; a bad value names its variable.
//
// Secrets are never defaults outside development: each entry point asks for the secrets it uses (ENTRY_POINT_NEEDS)
// and nothing else. A secret comes from its variable or from a file named by `<NAME>_FILE` (Docker and Kubernetes
// secrets). When NODE_ENV is `development` or `test`, a missing secret takes its published development value; when
// NODE_ENV is anything else, unset included, a missing secret stops the process, naming the variable, and the
// development payload key id `dev` and HS256 development tokens are refused.
import { readFileSync } from 'node:fs';
import type { TLSConfig } from '@temporalio/client';
import { loadClientConfigProfile, toClientOptions, type ClientConfigProfile } from '@temporalio/envconfig';
import { z } from 'zod';
import { DEV_TRACKING_CODE_SECRET } from './api/middleware/tracking-code';
import { DEV_PAYLOAD_KEYS, parsePayloadKeys, type PayloadKeys } from './codec/keys';
import type { TemporalConnection } from './temporal-connection';

const DEFAULT_OIDC_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).optional(),
  DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/santunan'),
  TEMPORAL_TASK_QUEUE: z.string().default('claims'),
  API_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  GATEWAY_URL: z.string().url().default('http://127.0.0.1:4010'),
  GATEWAY_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
  /** Where the sandbox gateway listens: 0.0.0.0 in a container, loopback on a workstation. */
  GATEWAY_HOST: z.string().default('127.0.0.1'),
  TEMPORAL_UI_PORT: z.coerce.number().int().min(0).max(65535).default(8233),
  DATA_DIR: z.string().default('./data'),
  /** The prebuilt workflow bundle workers and the replayer load; default dist/workflows.bundle.js (`npm run build`). */
  WORKFLOW_BUNDLE_PATH: z.string().min(1).optional(),
  /**
   * The dev server's persistence (npm start only): `file` keeps workflows in DATA_DIR/temporal.sqlite across
   * restarts, `memory` keeps nothing (README, "Performance").
   */
  TEMPORAL_DEV_PERSISTENCE: z.enum(['file', 'memory']).default('file'),
  /**
   * SQLite pragmas for that file, comma separated; empty for SQLite's defaults (a rollback journal, a sync per
   * commit). The default, a write-ahead log synced at checkpoints, loses no commit when a process dies, only the last
   * ones if the machine loses power, and triples the claims/s of npm start (bench/claims).
   */
  TEMPORAL_DEV_SQLITE_PRAGMAS: z
    .string()
    .regex(/^(\w+=\w+(,\w+=\w+)*)?$/, 'must be name=value pairs separated by commas')
    .default('journal_mode=wal,synchronous=normal'),
  /**
   * How long a stopping worker lets running activities finish before it cancels them: keep it below the container's
   * stop period (compose: stop_grace_period 30s), or the process is killed first.
   */
  WORKER_SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(0).max(3600).default(25),
  /**
   * Where a worker serves its SDK metrics for Prometheus (`host:port`, path /metrics): task latencies, workflow and
   * activity outcomes. Unset: no metrics endpoint.
   */
  WORKER_METRICS_ADDRESS: z
    .string()
    .regex(/^(\[[0-9a-fA-F:]+\]|[^:\s]+):\d{1,5}$/, 'must be host:port, e.g. 0.0.0.0:9464')
    .optional(),
  /** How long the worker waits for the bank's answer to one transfer before the activity retries it. */
  GATEWAY_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(10_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The one browser origin (the Temporal web UI) allowed to call the codec server; no CORS when unset. */
  CODEC_CORS_ORIGIN: z
    .string()
    .url()
    .refine((u) => new URL(u).origin === u, 'must be an origin such as http://localhost:8233 (no path)')
    .optional(),
  /** Family tracking-code attempts: per client address (all) and per claim number (failed), in one window. */
  TRACKING_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  TRACKING_RATE_PER_ADDRESS: z.coerce.number().int().min(1).default(100),
  TRACKING_RATE_PER_CLAIM: z.coerce.number().int().min(1).default(10),
  /** Express "trust proxy": how many proxies (or which addresses) to trust for the client address. */
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v === '' ? undefined : /^\d+$/.test(v) ? Number(v) : v)),
  /** The agency's identity provider: staff sign in with its access tokens (required by the API in production). */
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_AUDIENCE: z.string().min(1).optional(),
  /** Its key set; read from the issuer's discovery document when unset. */
  OIDC_JWKS_URI: z.string().url().optional(),
  /** The token claim holding the staff role: a name or a dotted path such as `realm_access.roles`. */
  OIDC_ROLE_CLAIM: z.string().min(1).default('role'),
  OIDC_ALGORITHMS: z
    .string()
    .default(DEFAULT_OIDC_ALGORITHMS.join(','))
    .transform((v) => v.split(',').map((a) => a.trim()))
    .refine((algs) => algs.every((a) => /^(RS|PS|ES)(256|384|512)$|^EdDSA$/.test(a)), {
      message: 'asymmetric JWS algorithms only, comma-separated (RS256, PS256, ES256, EdDSA...)',
    }),
});

/** The agency's identity provider. */
export interface OidcSettings {
  /** The `iss` its tokens carry; its discovery document is at `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  /** The `aud` a token for this API carries. */
  audience: string;
  /** Where its signing keys are; read from the discovery document when not given. */
  jwksUri?: string;
  /** The claim that holds the staff role: a name or a dotted path (`realm_access.roles`), a string or a list. */
  roleClaim: string;
  /** Asymmetric algorithms only: an HS256 token "signed" with a public key is refused. */
  algorithms: readonly string[];
}

/** Where Temporal is when neither TEMPORAL_ADDRESS nor a profile says (the dev server's default). */
const DEFAULT_TEMPORAL = { address: '127.0.0.1:7233', namespace: 'default' };

/** The development secret of HS256 staff tokens (`npm run token`); never accepted outside development and tests. */
export const DEV_AUTH_SECRET = 'santunan-dev-secret-change-me';

/** What an entry point may ask for beyond the plain settings. */
export interface Needs {
  /** AES-256-GCM keys for Temporal payloads, `kid:base64key,...`: the first encrypts, all decrypt. */
  PAYLOAD_KEYS: PayloadKeys;
  /** How staff sign in to the API: the identity provider, and HS256 development tokens in development only. */
  STAFF_SIGN_IN: { oidc?: OidcSettings; developmentSecret?: string };
  /** The secret that `npm run token` signs development tokens with. */
  DEVELOPMENT_AUTH_SECRET: string;
  /** The HMAC-SHA-256 key of family tracking codes (at least 32 characters); changing it voids every code given. */
  TRACKING_CODE_SECRET: string;
  /** The Prometheus scraper's bearer token for /metrics (at least 32 characters); /metrics is open without it. */
  METRICS_TOKEN: string | undefined;
  /** How to reach Temporal: address, namespace, TLS or mutual TLS, API key (Temporal's TEMPORAL_* conventions). */
  TEMPORAL: TemporalConnection;
}
export type Need = keyof Needs;

/** Each entry point's needs: it requires these and nothing else (the worker never holds a token secret). */
export const ENTRY_POINT_NEEDS = {
  api: ['PAYLOAD_KEYS', 'STAFF_SIGN_IN', 'TRACKING_CODE_SECRET', 'METRICS_TOKEN', 'TEMPORAL'],
  worker: ['PAYLOAD_KEYS', 'TEMPORAL'],
  replay: ['PAYLOAD_KEYS', 'TEMPORAL'],
  migrate: [],
  gateway: [],
  token: ['DEVELOPMENT_AUTH_SECRET'],
  dev: [
    'PAYLOAD_KEYS',
    'STAFF_SIGN_IN',
    'DEVELOPMENT_AUTH_SECRET',
    'TRACKING_CODE_SECRET',
    'METRICS_TOKEN',
    'TEMPORAL',
  ],
} as const satisfies Record<string, readonly Need[]>;
export type EntryPoint = keyof typeof ENTRY_POINT_NEEDS;

export type Settings = z.infer<typeof schema> & {
  /** From TEMPORAL_ADDRESS, else the TEMPORAL_PROFILE profile of the config file, else 127.0.0.1:7233. */
  TEMPORAL_ADDRESS: string;
  /** From TEMPORAL_NAMESPACE, else the profile, else `default`. */
  TEMPORAL_NAMESPACE: string;
};
export type Config<N extends Need = never> = Settings & Pick<Needs, N>;

export function isDevelopment(env: { NODE_ENV?: string | undefined }): boolean {
  return env.NODE_ENV === 'development' || env.NODE_ENV === 'test';
}

class ConfigError extends Error {
  constructor(lines: string[]) {
    super(`Invalid configuration:\n${lines.map((l) => `  ${l}`).join('\n')}`);
  }
}

/** A secret's value from NAME or the file NAME_FILE names; undefined when neither is set. */
export function readSecret(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  const file = env[`${name}_FILE`];
  if (value !== undefined && value !== '' && file !== undefined && file !== '')
    throw new ConfigError([`${name}: set ${name} or ${name}_FILE, not both`]);
  if (file !== undefined && file !== '') {
    try {
      return readFileSync(file, 'utf8').replace(/\r?\n$/, '');
    } catch (err) {
      throw new ConfigError([`${name}_FILE: cannot read ${file} (${(err as NodeJS.ErrnoException).code})`]);
    }
  }
  return value === '' ? undefined : value;
}

function missing(name: string): ConfigError {
  return new ConfigError([`${name}: must be set (or ${name}_FILE) unless NODE_ENV is development or test`]);
}

function payloadKeys(env: NodeJS.ProcessEnv, development: boolean): PayloadKeys {
  const spec = readSecret(env, 'PAYLOAD_KEYS');
  if (spec === undefined && !development) throw missing('PAYLOAD_KEYS');
  let keys: PayloadKeys;
  try {
    keys = parsePayloadKeys(spec ?? DEV_PAYLOAD_KEYS);
  } catch (err) {
    throw new ConfigError([`PAYLOAD_KEYS: ${(err as Error).message}`]);
  }
  if (!development && keys.keyIds.includes('dev'))
    throw new ConfigError([
      'PAYLOAD_KEYS: the development key id "dev" is refused unless NODE_ENV is development or test',
    ]);
  return keys;
}

function staffSignIn(
  env: NodeJS.ProcessEnv,
  settings: Settings,
  development: boolean,
): Needs['STAFF_SIGN_IN'] {
  const oidc =
    settings.OIDC_ISSUER !== undefined && settings.OIDC_AUDIENCE !== undefined
      ? {
          issuer: settings.OIDC_ISSUER,
          audience: settings.OIDC_AUDIENCE,
          jwksUri: settings.OIDC_JWKS_URI,
          roleClaim: settings.OIDC_ROLE_CLAIM,
          algorithms: settings.OIDC_ALGORITHMS,
        }
      : undefined;
  if ((settings.OIDC_ISSUER === undefined) !== (settings.OIDC_AUDIENCE === undefined))
    throw new ConfigError([
      `${settings.OIDC_ISSUER ? 'OIDC_AUDIENCE' : 'OIDC_ISSUER'}: must be set with the other`,
    ]);
  if (development) return { oidc, developmentSecret: developmentSecret(env) };
  if (readSecret(env, 'AUTH_SECRET') !== undefined)
    throw new ConfigError([
      'AUTH_SECRET: HS256 development tokens are refused unless NODE_ENV is development or test; staff sign in through OIDC_ISSUER',
    ]);
  if (!oidc) throw missing('OIDC_ISSUER');
  return { oidc };
}

function trackingCodeSecret(env: NodeJS.ProcessEnv, development: boolean): string {
  const secret = readSecret(env, 'TRACKING_CODE_SECRET');
  if (secret === undefined && !development) throw missing('TRACKING_CODE_SECRET');
  if (secret !== undefined && secret.length < 32)
    throw new ConfigError(['TRACKING_CODE_SECRET: must be at least 32 characters']);
  if (secret === DEV_TRACKING_CODE_SECRET && !development)
    throw new ConfigError([
      'TRACKING_CODE_SECRET: the development value is refused unless NODE_ENV is development or test',
    ]);
  return secret ?? DEV_TRACKING_CODE_SECRET;
}

/** Outside development the payout totals at /metrics are not public: the scraper's token is required. */
function metricsToken(env: NodeJS.ProcessEnv, development: boolean): string | undefined {
  const token = readSecret(env, 'METRICS_TOKEN');
  if (token === undefined && !development) throw missing('METRICS_TOKEN');
  if (token !== undefined && token.length < 32)
    throw new ConfigError(['METRICS_TOKEN: must be at least 32 characters']);
  return token;
}

/**
 * Temporal's client profile, as the Temporal CLI and SDKs read it: the TOML profile (TEMPORAL_CONFIG_FILE, else
 * ~/.config/temporalio/temporal.toml; TEMPORAL_PROFILE, else `default`), overridden by the TEMPORAL_* variables.
 * TEMPORAL_API_KEY may also come from TEMPORAL_API_KEY_FILE, as every secret here may.
 */
function temporalProfile(env: NodeJS.ProcessEnv): ClientConfigProfile {
  const vars: Record<string, string> = {};
  for (const [name, value] of Object.entries(env))
    if (value !== undefined && (value !== '' || name.startsWith('TEMPORAL_GRPC_META_'))) vars[name] = value;
  delete vars.TEMPORAL_API_KEY;
  delete vars.TEMPORAL_API_KEY_FILE;
  const apiKey = readSecret(env, 'TEMPORAL_API_KEY');
  if (apiKey !== undefined) vars.TEMPORAL_API_KEY = apiKey;
  try {
    return loadClientConfigProfile({ overrideEnvVars: vars });
  } catch (err) {
    throw new ConfigError([`TEMPORAL_CONFIG_FILE, TEMPORAL_PROFILE: ${(err as Error).message}`]);
  }
}

const asBuffer = (data: Uint8Array | undefined) => (data ? Buffer.from(data) : undefined);

/** The connection the profile describes, its certificate files read; a half-given pair or a clear API key is refused. */
function temporalConnection(
  settings: Settings,
  profile: ClientConfigProfile,
  development: boolean,
): TemporalConnection {
  const tls = profile.tls;
  if (tls?.clientCert !== undefined && tls.clientKey === undefined)
    throw new ConfigError([
      'TEMPORAL_TLS_CLIENT_KEY_PATH: a client certificate needs its private key (or TEMPORAL_TLS_CLIENT_KEY_DATA)',
    ]);
  if (tls?.clientKey !== undefined && tls.clientCert === undefined)
    throw new ConfigError([
      'TEMPORAL_TLS_CLIENT_CERT_PATH: a client key needs its certificate (or TEMPORAL_TLS_CLIENT_CERT_DATA)',
    ]);
  let option: TLSConfig | boolean | null | undefined;
  try {
    option = toClientOptions(profile).connectionOptions.tls;
  } catch (err) {
    throw new ConfigError([`TEMPORAL_TLS_*: ${(err as Error).message}`]);
  }
  const tlsConfig: TLSConfig | false =
    option === undefined || option === null || option === false
      ? false
      : option === true
        ? {}
        : {
            ...(option.serverNameOverride !== undefined
              ? { serverNameOverride: option.serverNameOverride }
              : {}),
            ...(option.serverRootCACertificate
              ? { serverRootCACertificate: asBuffer(option.serverRootCACertificate) }
              : {}),
            ...(option.clientCertPair
              ? {
                  clientCertPair: {
                    crt: asBuffer(option.clientCertPair.crt)!,
                    key: asBuffer(option.clientCertPair.key)!,
                  },
                }
              : {}),
          };
  if (profile.apiKey !== undefined && tlsConfig === false && !development)
    throw new ConfigError([
      'TEMPORAL_API_KEY: an API key travels only over TLS; TEMPORAL_TLS=false with a key is refused unless NODE_ENV is development or test',
    ]);
  return {
    address: settings.TEMPORAL_ADDRESS,
    namespace: settings.TEMPORAL_NAMESPACE,
    tls: tlsConfig,
    ...(profile.apiKey !== undefined ? { apiKey: profile.apiKey } : {}),
    ...(profile.grpcMeta !== undefined && Object.keys(profile.grpcMeta).length > 0
      ? { metadata: profile.grpcMeta }
      : {}),
  };
}

function developmentSecret(env: NodeJS.ProcessEnv): string {
  const secret = readSecret(env, 'AUTH_SECRET') ?? DEV_AUTH_SECRET;
  if (secret.length < 16) throw new ConfigError(['AUTH_SECRET: must be at least 16 characters']);
  return secret;
}

/**
 * The settings, and the secrets the entry point needs (ENTRY_POINT_NEEDS). Throws naming each bad variable.
 */
export function loadConfig<const N extends Need = never>(
  needs: readonly N[] = [],
  env: NodeJS.ProcessEnv = process.env,
): Config<N> {
  const parsed = schema.safeParse(env);
  if (!parsed.success)
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  const profile = temporalProfile(env);
  const settings: Settings = {
    ...parsed.data,
    TEMPORAL_ADDRESS: profile.address ?? DEFAULT_TEMPORAL.address,
    TEMPORAL_NAMESPACE: profile.namespace ?? DEFAULT_TEMPORAL.namespace,
  };
  const development = isDevelopment(settings);
  const loaded: Partial<Needs> = {};
  for (const need of needs) {
    if (need === 'PAYLOAD_KEYS') loaded.PAYLOAD_KEYS = payloadKeys(env, development);
    if (need === 'STAFF_SIGN_IN') loaded.STAFF_SIGN_IN = staffSignIn(env, settings, development);
    if (need === 'TRACKING_CODE_SECRET') loaded.TRACKING_CODE_SECRET = trackingCodeSecret(env, development);
    if (need === 'METRICS_TOKEN') loaded.METRICS_TOKEN = metricsToken(env, development);
    if (need === 'TEMPORAL') loaded.TEMPORAL = temporalConnection(settings, profile, development);
    if (need === 'DEVELOPMENT_AUTH_SECRET') {
      if (!development)
        throw new ConfigError([
          'NODE_ENV: development tokens are minted only when NODE_ENV is development or test',
        ]);
      loaded.DEVELOPMENT_AUTH_SECRET = developmentSecret(env);
    }
  }
  return { ...settings, ...(loaded as Pick<Needs, N>) };
}

/** The configuration of one entry point: exactly the secrets it uses. */
export function loadEntryPointConfig<E extends EntryPoint>(
  entryPoint: E,
  env: NodeJS.ProcessEnv = process.env,
): Config<(typeof ENTRY_POINT_NEEDS)[E][number]> {
  return loadConfig<(typeof ENTRY_POINT_NEEDS)[E][number]>(ENTRY_POINT_NEEDS[entryPoint], env);
}
