// The Express router, generated from the route declarations. The family routes' path parameters are checked first
// (a malformed one never becomes a rate-limit key), then one limiter covers every family route (by path, so a
// claim's lock-out holds on all of them); then, per route: CORS where declared, who may call it, the path, query and
// header parameters, the object the path names (404), the body, and the handler. The order is part of the contract:
// a refused caller learns nothing from validation beyond a path's shape, and an unknown claim is a 404 whatever the
// body.
import { Router, type Express, type Request, type RequestHandler } from 'express';
import type { z } from 'zod';
import { authorizeStaff, type Staff } from '../middleware/auth';
import { corsFor } from '../middleware/cors';
import { fieldErrors, parse, problems } from '../middleware/problem';
import { createFamilyRateLimit, logSecurityEvents } from '../middleware/rate-limit';
import type { Actor } from '../../vocabulary/actors';
import { familyPaths, type AnyRoute, type RouteDeps } from './route';

interface Admitted {
  staff: Staff | undefined;
  actor: Actor | undefined;
  familyClaim: Record<string, unknown> | undefined;
}

/** Staff by bearer token when the route takes staff and one is sent; else the family by tracking code. */
async function admit(route: AnyRoute, req: Request, deps: RouteDeps): Promise<Admitted> {
  const access = route.access;
  if (access === 'public') return { staff: undefined, actor: undefined, familyClaim: undefined };
  if (!access.family || (access.staff.length > 0 && req.get('authorization'))) {
    const staff = authorizeStaff(req, deps.authSecret, access.staff);
    req.staff = staff;
    return { staff, actor: { kind: 'staff', id: staff.id, role: staff.role }, familyClaim: undefined };
  }
  const familyClaim = await access.family.check(req, deps.db);
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
 * The family routes' path parameters, checked before the family rate limit counts them in PostgreSQL: an over-long
 * or NUL-holding claim number is a 400 for anyone, with or without credentials, and never a key the table refuses.
 */
function paramsBeforeCounting(router: Router, routes: readonly AnyRoute[]): void {
  for (const route of routes) {
    const params = route.request?.params;
    if (route.access === 'public' || !route.access.family || !params) continue;
    router.use(route.path, (req, _res, next) => {
      parse(params, req.params);
      next();
    });
  }
}

/** The routes under /api/v1, with the family rate limit in front of the family's. */
export function createApiRouter(routes: readonly AnyRoute[], deps: RouteDeps): Router {
  const router = Router();
  paramsBeforeCounting(router, routes);
  router.use(
    familyPaths(routes),
    createFamilyRateLimit({
      db: deps.db,
      limits: deps.trackingLimits,
      onEvent: deps.securityEvents ?? logSecurityEvents(deps.logger),
    }),
  );
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
