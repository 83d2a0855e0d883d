// One logger: JSON in production, readable in development. Never log bodies, NIKs, accounts or tokens.
import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(level = process.env.LOG_LEVEL ?? 'info', name = 'santunan'): Logger {
  const pretty = process.env.NODE_ENV !== 'production' && process.stdout.isTTY;
  return pino({
    name,
    level,
    redact: {
      paths: ['*.nik', '*.accountNumber', '*.authorization', 'req.headers.authorization'],
      remove: true,
    },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { colorize: true } } } : {}),
  });
}
