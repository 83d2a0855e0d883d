// A route, declared once: method, path, who may call it, what it reads from the request, what it answers, and
// whether it is audited. The router (router.ts), the OpenAPI document (openapi.ts), the family rate limit's paths,
// the audit trail's exceptions and the role-matrix test are all generated from these declarations.
import type { Request, Response } from 'express';
import type { z } from 'zod';
import type { ClaimRow, Stores } from '../../db/stores';
import type { Replayer } from '../../replay';
import type { Actor, StaffRole } from '../../vocabulary/actors';
import type { AppDeps } from '../app';
import type { Staff } from '../middleware/auth';
import type { FamilyAccess } from '../middleware/family-access';
import type { ApiMetrics } from '../middleware/metrics';
import type { HttpProblem } from '../middleware/problem';

/** Anyone; or staff with one of the roles (bearer token) and, with `family`, the family by tracking code. */
type Access = 'public' | { staff: readonly StaffRole[]; family?: FamilyAccess };

export interface ResponseSpec {
  description: string;
  /** A zod schema (documented as its output), a problem+json, any JSON object, or plain text. */
  body: z.ZodType | 'problem' | 'object' | 'text';
  headers?: Record<string, { description: string; schema: Record<string, unknown> }>;
}

export const problem = (description: string): ResponseSpec => ({ description, body: 'problem' });
export const json = (body: ResponseSpec['body'] = 'object', description = 'OK'): ResponseSpec => ({
  description,
  body,
});
/** What a staff route answers a caller it refuses, or a request it cannot read. */
export const staffErrors = {
  400: problem('Invalid request; the failing fields are named'),
  401: problem('No valid staff token'),
  403: problem('Wrong role'),
};
/** The same for a route that takes staff or the family. */
export const staffOrFamilyErrors = {
  ...staffErrors,
  401: problem('Neither a valid staff token nor a tracking code'),
};

/** What every handler may use: the app's dependencies (stores in place of the database) and what createApp builds. */
export interface RouteDeps extends Omit<AppDeps, 'db' | 'trackingCodeSecret'> {
  /** The secret tracking codes are hashed under (AppDeps.trackingCodeSecret, or the development default). */
  trackingCodeSecret: string;
  /** The typed stores over `db`, built once by createApp: handlers read and write through these only. */
  stores: Stores;
  replayer: Replayer;
  metrics: ApiMetrics;
  openApi: () => Record<string, unknown>;
}

type Params = z.ZodObject | undefined;
type Headers = Record<string, z.ZodType> | undefined;
type Body = z.ZodType | undefined;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
type HeaderValues<H> = H extends Record<string, z.ZodType> ? { [K in keyof H]: z.output<H[K]> } : undefined;

/** What the router read from the request before the body: who calls, and the parameters. */
interface RequestContext<P extends Params, Q extends Params, H extends Headers> {
  req: Request;
  res: Response;
  deps: RouteDeps;
  params: Out<P>;
  query: Out<Q>;
  headers: HeaderValues<H>;
  /** The staff member, when a bearer token let the request in. */
  staff: Staff | undefined;
  /** Who acts: the staff member, or the family when its tracking code let the request in; none on public routes. */
  actor: Actor | undefined;
  /** The claim whose tracking code the family sent (family requests only). */
  familyClaim: ClaimRow | undefined;
}

interface RouteContext<
  P extends Params,
  Q extends Params,
  H extends Headers,
  B extends Body,
  F,
> extends RequestContext<P, Q, H> {
  body: Out<B>;
  /** What `find` returned (staff requests; undefined for the family and on routes without `find`). */
  found: F | undefined;
}

export interface Route<
  P extends Params = Params,
  Q extends Params = Params,
  H extends Headers = Headers,
  B extends Body = Body,
  F = unknown,
> {
  operationId: string;
  summary: string;
  method: 'get' | 'post';
  /** Express syntax, under /api/v1: `/claims/:claimNumber`. */
  path: string;
  /** Also served here, outside /api/v1 and its audit trail (where Prometheus and probes look by default). */
  alsoAt?: string;
  access: Access;
  /** Every request is a row in the audit log, unless false (service routes with no actor and no claim). */
  audited?: boolean;
  /** CORS for the one configured browser origin (the Temporal web UI's codec calls), preflight included. */
  cors?: boolean;
  /** Served only when the dependencies allow it (the codec routes need a payload codec). */
  enabled?(deps: RouteDeps): boolean;
  request?: { params?: P; query?: Q; headers?: H; body?: B };
  /** Turns an invalid body into a problem (default: problems.validation naming each field). */
  invalidBody?(error: z.ZodError): HttpProblem;
  responses: Record<number, ResponseSpec>;
  /** The object the path names, or a 404: runs for staff before the body is read (the family's claim is known). */
  find?(ctx: RequestContext<P, Q, H>): Promise<F>;
  handle(ctx: RouteContext<P, Q, H, B, F>): unknown;
}

/** A declaration with its types inferred from its schemas. */
export function route<P extends Params, Q extends Params, H extends Headers, B extends Body, F>(
  declaration: Route<P, Q, H, B, F>,
): Route<P, Q, H, B, F> {
  return declaration;
}

/** Any declaration: methods are bivariant in their parameters, so a list holds routes of every shape. */
export type AnyRoute = Route;

/** `/claims/:claimNumber` → `/claims/{claimNumber}`. */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z]+)/g, '{$1}');
}

/** The routes a family reaches with X-Tracking-Code: one rate limit covers them all. */
export function familyPaths(routes: readonly AnyRoute[]): string[] {
  return routes.filter((r) => r.access !== 'public' && r.access.family).map((r) => r.path);
}

/** `GET /healthz` and the like: not audited (HEAD is answered by the GET route, so it is skipped too). */
export function unauditedRequests(routes: readonly AnyRoute[]): Set<string> {
  const unaudited = routes.filter((r) => r.audited === false);
  // The audit trail compares request paths, before any route has matched: a parameter could not match.
  const templated = unaudited.find((r) => r.path.includes(':'));
  if (templated) throw new Error(`${templated.path}: only a route without parameters can go unaudited`);
  return new Set(unaudited.map((r) => `${r.method.toUpperCase()} ${r.path}`));
}
