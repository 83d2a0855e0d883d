// The OpenAPI 3.1 document, generated from the route declarations and the zod schemas that validate each request
// (z.toJSONSchema, whose JSON Schema 2020-12 is OpenAPI 3.1's own dialect): it cannot drift from the router.
import { z } from 'zod';
import { problemResponse } from '../schemas/claims';
import { ROUTES } from '.';
import { openApiPath, problem, type AnyRoute, type ResponseSpec } from './route';

function schema(s: z.ZodType, io: 'input' | 'output' = 'input'): Record<string, unknown> {
  const json = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema; // embedded in OpenAPI 3.1, whose dialect is already JSON Schema 2020-12
  return json;
}

function response(spec: ResponseSpec) {
  const content =
    spec.body === 'problem'
      ? { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } }
      : spec.body === 'text'
        ? { 'text/plain': { schema: { type: 'string' } } }
        : {
            'application/json': {
              schema: spec.body === 'object' ? { type: 'object' } : schema(spec.body, 'output'),
            },
          };
  return { description: spec.description, ...(spec.headers ? { headers: spec.headers } : {}), content };
}

const rateLimited: ResponseSpec = {
  ...problem('Too many tracking-code attempts from this address, or wrong codes for this claim number'),
  headers: {
    'Retry-After': { description: 'Seconds until attempts are counted afresh', schema: { type: 'integer' } },
  },
};

function parameters(route: AnyRoute) {
  const { params, query, headers } = route.request ?? {};
  const each = (where: 'path' | 'query' | 'header', fields: Record<string, z.ZodType>) =>
    Object.entries(fields).map(([name, s]) => ({
      name,
      in: where,
      required: where === 'path' || !s.isOptional(),
      schema: schema(s),
    }));
  return [
    ...(params ? each('path', params.shape) : []),
    ...(query ? each('query', query.shape) : []),
    ...(headers ? each('header', headers) : []),
  ];
}

function security(route: AnyRoute) {
  if (route.access === 'public') return [];
  return [
    ...(route.access.staff.length > 0 ? [{ bearer: [] }] : []),
    ...(route.access.family ? [{ trackingCode: [] }] : []),
  ];
}

function operation(route: AnyRoute) {
  const body = route.request?.body;
  const responses: Record<string, ResponseSpec> = { ...route.responses };
  // Every body is parsed before any route sees it: malformed JSON is a 400, and one over 100 kB a 413.
  responses['400'] ??= problem('A request body that is not valid JSON');
  if (body) responses['413'] ??= problem('The request body is over 100 kB');
  if (route.access !== 'public' && route.access.family) responses['429'] ??= rateLimited;
  const params = parameters(route);
  return {
    operationId: route.operationId,
    summary: route.summary,
    security: security(route),
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(body
      ? {
          requestBody: {
            required: !body.isOptional(),
            content: { 'application/json': { schema: schema(body) } },
          },
        }
      : {}),
    responses: Object.fromEntries(
      Object.entries(responses)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([status, spec]) => [status, response(spec)]),
    ),
  };
}

const cache = new WeakMap<readonly AnyRoute[], Record<string, unknown>>();

export function buildOpenApi(routes: readonly AnyRoute[] = ROUTES): Record<string, unknown> {
  const cached = cache.get(routes);
  if (cached) return cached;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) (paths[openApiPath(route.path)] ??= {})[route.method] = operation(route);
  const document = {
    openapi: '3.1.0',
    info: {
      title: 'Santunan',
      version: '1.0.0',
      description:
        'JKK and JKM death-benefit claims: intake, verification, decision, payout and family tracking.',
      license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
    },
    servers: [{ url: '/api/v1' }],
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'Staff: officer, supervisor or auditor',
        },
        trackingCode: {
          type: 'apiKey',
          in: 'header',
          name: 'X-Tracking-Code',
          description: 'The family: the tracking code given at intake, for the claim the path names',
        },
      },
      schemas: { Problem: schema(problemResponse, 'output') },
    },
    paths,
  };
  cache.set(routes, document);
  return document;
}
