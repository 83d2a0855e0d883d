import type { Server } from 'node:http';
import { Client, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';
import { createApp } from '../../api/app';
import { AuditWriter } from '../../api/middleware/audit-trail';
import { AesGcmPayloadCodec, createDataConverter } from '../../codec/data-converter';
import type { Config } from '../../config';
import { createDb } from '../../db/config';
import type { Logger } from '../../logger';
import { Replayer } from '../../replay';
import { lazyClientConnection } from '../../temporal-connection';

/** Starts the HTTP API on API_PORT; resolves once it listens. */
export async function startApi(
  config: Config<'PAYLOAD_KEYS' | 'STAFF_SIGN_IN' | 'TRACKING_CODE_SECRET' | 'METRICS_TOKEN' | 'TEMPORAL'>,
  logger: Logger,
) {
  const db = createDb(config.DATABASE_URL);
  // Lazy, with few retries: the API starts while Temporal is down and answers 503 at once instead of hanging.
  const connection = lazyClientConnection(config.TEMPORAL, {
    interceptors: [makeGrpcRetryInterceptor(defaultGrpcRetryOptions({ maxAttempts: 4 }))],
  });
  const temporal = new Client({
    connection,
    namespace: config.TEMPORAL.namespace,
    dataConverter: createDataConverter(config.PAYLOAD_KEYS),
  });
  const auditWriter = new AuditWriter(db, logger);
  const app = createApp({
    db,
    auditWriter,
    temporal,
    // Replays load the bundle `npm run build` made, as the workers do.
    replayer: new Replayer({ dataConverter: temporal.options.dataConverter, bundleSettings: config }),
    authSecret: config.STAFF_SIGN_IN.developmentSecret,
    oidc: config.STAFF_SIGN_IN.oidc,
    trackingCodeSecret: config.TRACKING_CODE_SECRET,
    metricsToken: config.METRICS_TOKEN,
    logger,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    // The web UI's codec server shows payloads of every age; it decides nothing.
    payloadCodec: new AesGcmPayloadCodec(config.PAYLOAD_KEYS, 'read'),
    codecCorsOrigin: config.CODEC_CORS_ORIGIN,
    trackingLimits: {
      windowMs: config.TRACKING_RATE_WINDOW_SECONDS * 1000,
      perAddress: config.TRACKING_RATE_PER_ADDRESS,
      perClaim: config.TRACKING_RATE_PER_CLAIM,
    },
    trustProxy: config.TRUST_PROXY,
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(config.API_PORT, '0.0.0.0', () => resolve(s));
  });
  return {
    server,
    async close(): Promise<void> {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await connection.close();
      await auditWriter.close();
      await db.destroy();
    },
  };
}
