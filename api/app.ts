// createApp(deps): the HTTP API. Only bin/api.ts listens.
import type { Client } from '@temporalio/client';
import type { PayloadCodec } from '@temporalio/common';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { Db } from '../db/config';
import type { Replayer } from '../replay';
import { auditTrail, AuditWriter } from './audit-log';
import { createApiMetrics } from './metrics';
import { buildOpenApi } from './openapi';
import { problemHandler, problems, sendProblem } from './problem';
import {
  createFamilyRateLimit,
  FAMILY_ROUTES,
  logSecurityEvents,
  type SecurityEventSink,
  type TrackingLimits,
} from './rate-limit';
import { createAuditRouter } from './routes/audit';
import { createClaimsRouter } from './routes/claims';
import { createCodecRouter } from './routes/codec';
import { createHealthRouter } from './routes/health';
import { createQuoteRouter } from './routes/quote';
import { createReconciliationsRouter } from './routes/reconciliations';
import { createScholarshipsRouter } from './routes/scholarships';
import { createTrackRouter } from './routes/track';

export interface AppDeps {
  db: Db;
  temporal: Client;
  authSecret: string;
  logger: Logger;
  taskQueue?: string;
  /** The clock, for "today" at intake. */
  now?: () => Date;
  /** The Temporal payload codec: serves /codec/encode and /codec/decode when given. */
  payloadCodec?: PayloadCodec;
  /** The one browser origin (the Temporal web UI) allowed to call the codec routes; no CORS without it. */
  codecCorsOrigin?: string;
  /** Family tracking-code limits (defaults: DEFAULT_TRACKING_LIMITS). */
  trackingLimits?: Partial<TrackingLimits>;
  /** Where rate-limit and lock-out events go (default: structured warnings in the log). */
  securityEvents?: SecurityEventSink;
  /** Express "trust proxy", so the client address behind a load balancer is the real one. */
  trustProxy?: boolean | number | string;
  /** Where the audit trail's rows go (default: a writer of its own; pass one to flush it at shutdown). */
  auditWriter?: AuditWriter;
  /** Replays for auditors with one prebuilt workflow bundle (default: bundled once, on first use). */
  replayer?: Replayer;
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  if (deps.trustProxy !== undefined) app.set('trust proxy', deps.trustProxy);
  app.use(helmet());
  const auditWriter = deps.auditWriter ?? new AuditWriter(deps.db, deps.logger);
  const metrics = createApiMetrics({ db: deps.db, auditWriter });
  // Before body parsing, so requests refused for their body are timed and recorded too.
  app.use('/api/v1', metrics.requests);
  app.use('/api/v1', auditTrail({ authSecret: deps.authSecret, writer: auditWriter }));
  app.use(express.json({ limit: '100kb', strict: true, type: ['application/json', 'application/*+json'] }));

  const api = express.Router();
  api.use(createHealthRouter(deps));
  api.get('/metrics', metrics.handler);
  api.get('/openapi.json', (_req, res) => {
    res.json(buildOpenApi());
  });
  api.use(
    FAMILY_ROUTES,
    createFamilyRateLimit({
      db: deps.db,
      limits: deps.trackingLimits,
      onEvent: deps.securityEvents ?? logSecurityEvents(deps.logger),
    }),
  );
  if (deps.payloadCodec) {
    api.use(createCodecRouter({ ...deps, codec: deps.payloadCodec, corsOrigin: deps.codecCorsOrigin }));
  }
  api.use(createClaimsRouter(deps));
  api.use(createScholarshipsRouter(deps));
  api.use(createTrackRouter(deps));
  api.use(createQuoteRouter(deps));
  api.use(createReconciliationsRouter(deps));
  api.use(createAuditRouter(deps));

  app.use('/api/v1', api);
  app.get('/metrics', metrics.handler); // where Prometheus looks by default
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use((_req, res) => sendProblem(res, problems.notFound('No such route.')));
  app.use(problemHandler(deps.logger));
  return app;
}
