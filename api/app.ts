// createApp(deps): the HTTP API. Only bin/api.ts listens.
import type { Client } from '@temporalio/client';
import type { PayloadCodec } from '@temporalio/common';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { Db } from '../db/config';
import { createStores } from '../db/stores';
import { Replayer } from '../replay';
import { auditTrail, AuditWriter } from './middleware/audit-trail';
import type { OidcSettings } from '../config';
import { createStaffAuthenticator, identifyStaff } from './middleware/auth';
import { createApiMetrics } from './middleware/metrics';
import { problemHandler, problems, sendProblem } from './middleware/problem';
import { DEV_TRACKING_CODE_SECRET } from './middleware/tracking-code';
import type { SecurityEventSink, TrackingLimits } from './middleware/rate-limit';
import { ROUTES } from './routes';
import { buildOpenApi } from './routes/openapi';
import { unauditedRequests, type RouteDeps } from './routes/route';
import { createApiRouter, mountAliases } from './routes/router';
import { webFrontEnd } from './web';

export interface AppDeps {
  db: Db;
  temporal: Client;
  /** The Prometheus scraper's bearer token for /metrics; the metrics are open without one (development). */
  metricsToken?: string;
  /** The secret of HS256 development tokens: give it only in development and tests. */
  authSecret?: string;
  /** The agency's identity provider, whose access tokens staff sign in with. */
  oidc?: OidcSettings;
  logger: Logger;
  taskQueue?: string;
  /** The clock, for "today" at intake. */
  now?: () => Date;
  /** The Temporal payload codec: serves /codec/encode and /codec/decode when given. */
  payloadCodec?: PayloadCodec;
  /** The one browser origin (the Temporal web UI) allowed to call the codec routes; no CORS without it. */
  codecCorsOrigin?: string;
  /** The server secret tracking codes are hashed under (HMAC); default: the development secret `npm start` uses. */
  trackingCodeSecret?: string;
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
  /** The built web front end served at / (default: web/dist when built; false: none). */
  webDist?: string | false;
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  if (deps.trustProxy !== undefined) app.set('trust proxy', deps.trustProxy);
  app.use(helmet());
  const stores = createStores(deps.db);
  const auditWriter = deps.auditWriter ?? new AuditWriter(deps.db, deps.logger);
  const metrics = createApiMetrics({ stores, auditWriter });
  // Before body parsing, so requests refused for their body are timed and recorded too.
  app.use('/api/v1', metrics.requests);
  // Every route, the aliases outside /api/v1 included, knows its caller before it runs.
  app.use(identifyStaff(createStaffAuthenticator({ oidc: deps.oidc, developmentSecret: deps.authSecret })));
  app.use('/api/v1', auditTrail({ writer: auditWriter, unaudited: unauditedRequests(ROUTES) }));
  app.use(express.json({ limit: '100kb', strict: true, type: ['application/json', 'application/*+json'] }));

  const routeDeps: RouteDeps = {
    ...deps,
    trackingCodeSecret: deps.trackingCodeSecret ?? DEV_TRACKING_CODE_SECRET,
    stores,
    metrics,
    openApi: () => buildOpenApi(),
    // The production data converter (payload codec included) is the one the API's Temporal client was given.
    replayer: deps.replayer ?? new Replayer({ dataConverter: deps.temporal.options.dataConverter }),
  };
  app.use('/api/v1', createApiRouter(ROUTES, routeDeps));
  mountAliases(app, ROUTES, routeDeps);
  const web = deps.webDist === false ? undefined : webFrontEnd(deps.webDist);
  if (web) app.use(web);
  app.use((_req, res) => sendProblem(res, problems.notFound('No such route.')));
  app.use(problemHandler(deps.logger));
  return app;
}
