// The one place that reads the environment. Validated once at start-up; a bad value names its variable.
import { z } from 'zod';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/santunan'),
  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_TASK_QUEUE: z.string().default('claims'),
  AUTH_SECRET: z.string().min(16, 'must be at least 16 characters').default('santunan-dev-secret-change-me'),
  API_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  GATEWAY_URL: z.string().url().default('http://127.0.0.1:4010'),
  GATEWAY_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
  /** Where the sandbox gateway listens: 0.0.0.0 in a container, loopback on a workstation. */
  GATEWAY_HOST: z.string().default('127.0.0.1'),
  TEMPORAL_UI_PORT: z.coerce.number().int().min(0).max(65535).default(8233),
  DATA_DIR: z.string().default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
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
  return parsed.data;
}
