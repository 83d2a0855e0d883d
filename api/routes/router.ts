// The Express router, generated from the route declarations. One limiter covers every family route (by path, so a
// claim's lock-out holds on all of them; a malformed path is not counted); then, per route: CORS where declared, who
// may call it, the path, query and header parameters, the object the path names (404), the body, and the handler.
// The order is part of the contract: a refused caller learns nothing from validation, and an unknown claim is a 404
// whatever the body.
import { Router, type Express, type Request, type RequestHandler } from 'express';
import type { z } from 'zod';
import { authorizeStaff, type Staff } from '../middleware/auth';
import { corsFor } from '../middleware/cors';
import { fieldErrors, parse, problems } from '../middleware/problem';
import { createFamilyRateLimit, logSecurityEvents } from '../middleware/rate-limit';
import type { ClaimRow } from '../../db/stores';
import type { Actor } from '../../vocabulary/actors';
import { familyPaths, type AnyRoute, type RouteDeps } from './route';

interface Admitted {
  staff: Staff | undefined;
  actor: Actor | undefined;
  familyClaim: ClaimRow | undefined;
}

/** Staff by bearer token when the route takes staff and one is sent; else the family by tracking code. */
async function admit(route: AnyRoute, req: Request, deps: RouteDeps): Promise<Admitted> {
  const access = route.access;
  if (access === 'public') return { staff: undefined, actor: undefined, familyClaim: undefined };
  if (!access.family || (access.staff.length > 0 && req.get('authorization'))) {
    const staff = authorizeStaff(req, access.staff);
    return { staff, actor: { kind: 'staff', id: staff.id, role: staff.role }, familyClaim: undefined };
  }
  const familyClaim = await access.family.check(req, deps);
  return { staff: undefined, actor: { kind: 'family' }, familyClaim };
}

function parseHeaders(headers: Record<string, z.ZodType>, req: Request): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, schema]) => [name, parse(schema, req.get(name), name)]),
  );
}

function parseBody(route: AnyRoute, schema: z.ZodType, body: unknown): unknown {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw route.invalidBody ? route.invalidBody(result.error) : problems.validation(fieldErrors(result.error));
}

function handlerFor(route: AnyRoute, deps: RouteDeps): RequestHandler {
  const { params, query, headers, body } = route.request ?? {};
  return async (req, res) => {
    const admitted = await admit(route, req, deps);
    const ctx = {
      req,
      res,
      deps,
      ...admitted,
      params: params ? parse(params, req.params) : undefined,
      query: query ? parse(query, req.query) : undefined,
      headers: headers ? parseHeaders(headers, req) : undefined,
    };
    const found = route.find && admitted.actor?.kind !== 'family' ? await route.find(ctx) : undefined;
    await route.handle({ ...ctx, found, body: body ? parseBody(route, body, req.body) : undefined });
  };
}

/**
 * The family rate limit, once per family path. It counts in PostgreSQL, keyed by the path's claim number, so a request
 * whose path parameters are malformed is not counted: its route refuses it (401 or 400) before any database use, and
 * such a key (over-long, or holding NUL) is one the table would refuse with a 500.
 */
function mountFamilyRateLimit(router: Router, routes: readonly AnyRoute[], deps: RouteDeps): void {
  const limiter = (readsFamilyView: boolean) =>
    createFamilyRateLimit({
      counters: deps.stores.rateLimits,
      limits: deps.trackingLimits,
      onEvent: deps.securityEvents ?? logSecurityEvents(deps.logger),
      trackingCodeSecret: deps.trackingCodeSecret,
      readsFamilyView,
    });
  for (const path of new Set(familyPaths(routes))) {
    const atPath = routes.filter((r) => r.path === path);
    const params = atPath[0]?.request?.params;
    const wellFormed = (req: Request) => !params || params.safeParse(req.params).success;
    const limit = limiter(
      atPath.some((r) => r.method === 'get' && r.access !== 'public' && r.access.family?.readsFamilyView),
    );
    router.use(path, (req, res, next) => (wellFormed(req) ? limit(req, res, next) : next()));
  }
}

/** The routes under /api/v1, with the family rate limit in front of the family's. */
export function createApiRouter(routes: readonly AnyRoute[], deps: RouteDeps): Router {
  const router = Router();
  mountFamilyRateLimit(router, routes, deps);
  for (const route of routes) {
    if (route.enabled && !route.enabled(deps)) continue;
    const chain: RequestHandler[] = [];
    if (route.cors) {
      const cors = corsFor(deps.codecCorsOrigin);
      router.options(route.path, cors);
      chain.push(cors);
    }
    router[route.method](route.path, ...chain, handlerFor(route, deps));
  }
  return router;
}

/** The routes also served outside /api/v1 (`alsoAt`), where probes and Prometheus look by default. */
export function mountAliases(app: Express, routes: readonly AnyRoute[], deps: RouteDeps): void {
  for (const route of routes) {
    if (route.alsoAt) app[route.method](route.alsoAt, handlerFor(route, deps));
  }
}
