// The one place that reads the environment. Validated once at start-up; a bad value names its variable.
import { z } from 'zod';
import { DEV_TRACKING_CODE_SECRET } from './api/middleware/tracking-code';
import { DEV_PAYLOAD_KEYS, parsePayloadKeys } from './codec/keys';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/santunan'),
  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_TASK_QUEUE: z.string().default('claims'),
  AUTH_SECRET: z.string().min(16, 'must be at least 16 characters').default('santunan-dev-secret-change-me'),
  /** HMAC-SHA-256 key for family tracking codes (hashed at intake, checked per request); required in production. */
  TRACKING_CODE_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters')
    .default(DEV_TRACKING_CODE_SECRET),
  API_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  GATEWAY_URL: z.string().url().default('http://127.0.0.1:4010'),
  GATEWAY_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
  /** Where the sandbox gateway listens: 0.0.0.0 in a container, loopback on a workstation. */
  GATEWAY_HOST: z.string().default('127.0.0.1'),
  TEMPORAL_UI_PORT: z.coerce.number().int().min(0).max(65535).default(8233),
  DATA_DIR: z.string().default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** AES-256-GCM keys for Temporal payloads, `kid:base64key,...`: the first encrypts, all decrypt. */
  PAYLOAD_KEYS: z
    .string()
    .default(DEV_PAYLOAD_KEYS)
    .transform((spec, ctx) => {
      try {
        return parsePayloadKeys(spec);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
        return z.NEVER;
      }
    }),
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
});

export type Config = z.infer<typeof schema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  if (parsed.data.NODE_ENV === 'production' && !env.AUTH_SECRET) {
    throw new Error('Invalid configuration:\n  AUTH_SECRET: must be set in production');
  }
  if (parsed.data.NODE_ENV === 'production' && !env.PAYLOAD_KEYS) {
    throw new Error('Invalid configuration:\n  PAYLOAD_KEYS: must be set in production');
  }
  if (parsed.data.NODE_ENV === 'production' && !env.TRACKING_CODE_SECRET) {
    throw new Error('Invalid configuration:\n  TRACKING_CODE_SECRET: must be set in production');
  }
  return parsed.data;
}
