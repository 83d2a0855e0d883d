// createApp(deps): the HTTP API. Only bin/api.ts listens.
import type { Client } from '@temporalio/client';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { Db } from '../db/config';
import { buildOpenApi } from './openapi';
import { problemHandler, problems, sendProblem } from './problem';
import { createClaimsRouter } from './routes/claims';
import { createHealthRouter } from './routes/health';
import { createQuoteRouter } from './routes/quote';
import { createTrackRouter } from './routes/track';

export interface AppDeps {
  db: Db;
  temporal: Client;
  authSecret: string;
  logger: Logger;
  taskQueue?: string;
  /** The clock, for "today" at intake. */
  now?: () => Date;
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(helmet());
  app.use(express.json({ limit: '100kb', strict: true, type: ['application/json', 'application/*+json'] }));

  const api = express.Router();
  api.use(createHealthRouter(deps));
  api.get('/openapi.json', (_req, res) => {
    res.json(buildOpenApi());
  });
  api.use(createClaimsRouter(deps));
  api.use(createTrackRouter(deps));
  api.use(createQuoteRouter(deps));

  app.use('/api/v1', api);
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use((_req, res) => sendProblem(res, problems.notFound('No such route.')));
  app.use(problemHandler(deps.logger));
  return app;
}
