// Service routes for probes, scrapers and clients: liveness, readiness, the OpenAPI document and the metrics.
// Anyone may call them, and they are not audited: they have no actor and no claim. The metrics (payout totals among
// them) take the scraper's bearer token when the app is given one (METRICS_TOKEN, required outside development).
import { createHash, timingSafeEqual } from 'node:crypto';
import { problems } from '../middleware/problem';
import { within } from '../middleware/within';
import { json, problem, route } from './route';

/** The bearer token matches the scraper's, compared in constant time (both hashed: equal lengths). */
function isScraper(header: string | undefined, token: string): boolean {
  const given = /^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '';
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(token));
}

export const getLiveness = route({
  operationId: 'getLiveness',
  summary: 'Liveness',
  method: 'get',
  path: '/healthz',
  alsoAt: '/healthz',
  access: 'public',
  audited: false,
  responses: { 200: json() },
  handle({ res }) {
    res.json({ status: 'ok' });
  },
});

export const getReadiness = route({
  operationId: 'getReadiness',
  summary: 'Readiness: PostgreSQL and Temporal',
  method: 'get',
  path: '/readyz',
  access: 'public',
  audited: false,
  responses: { 200: json(), 503: json('object', 'A dependency is down; Retry-After is set') },
  // Ready when both PostgreSQL and Temporal answer; 503 names the one that does not.
  async handle({ deps, res }) {
    const [postgres, temporal] = await Promise.all([
      within(2000, deps.stores.ping()).then(
        () => 'up' as const,
        () => 'down' as const,
      ),
      within(2000, deps.temporal.workflowService.getSystemInfo({})).then(
        () => 'up' as const,
        () => 'down' as const,
      ),
    ]);
    const ready = postgres === 'up' && temporal === 'up';
    if (!ready) res.setHeader('Retry-After', '5');
    res
      .status(ready ? 200 : 503)
      .json({ status: ready ? 'ready' : 'not ready', checks: { postgres, temporal } });
  },
});

export const getOpenApiDocument = route({
  operationId: 'getOpenApiDocument',
  summary: 'This document',
  method: 'get',
  path: '/openapi.json',
  access: 'public',
  audited: false,
  responses: { 200: json() },
  handle({ deps, res }) {
    res.json(deps.openApi());
  },
});

export const getMetrics = route({
  operationId: 'getMetrics',
  summary: 'Prometheus metrics (text exposition format)',
  method: 'get',
  path: '/metrics',
  alsoAt: '/metrics', // where Prometheus looks by default
  access: 'public',
  audited: false,
  responses: {
    200: {
      description: 'Request durations by route, claims and payouts by status, the process',
      body: 'text',
    },
    401: problem("The scraper's token (METRICS_TOKEN) is required"),
  },
  async handle({ deps, req, res }) {
    if (deps.metricsToken !== undefined && !isScraper(req.get('authorization'), deps.metricsToken))
      throw problems.unauthorized("The metrics need the scraper's bearer token.");
    await deps.metrics.respond(res);
  },
});
