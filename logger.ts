// One logger: JSON in production, readable in development. Never log bodies, NIKs, accounts or tokens.
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** The process's logger; `destination` (default stdout) lets a test read what would be written. */
export function createLogger(
  level = process.env.LOG_LEVEL ?? 'info',
  name = 'santunan',
  destination?: DestinationStream,
): Logger {
  const pretty = destination === undefined && process.env.NODE_ENV !== 'production' && process.stdout.isTTY;
  const options = {
    name,
    level,
    redact: {
      paths: [
        '*.nik',
        '*.accountNumber',
        '*.authorization',
        '*.trackingCode',
        'req.headers.authorization',
        'req.headers["x-tracking-code"]',
      ],
      remove: true,
    },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { colorize: true } } } : {}),
  };
  return destination ? pino(options, destination) : pino(options);
}
