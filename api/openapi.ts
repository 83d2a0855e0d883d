// The OpenAPI 3.1 document, generated from the schemas that validate requests: it cannot drift from them.
import { z } from 'zod';
import { quoteRequestSchema, quoteResponseSchema } from '../rules';
import { auditLogQuery } from './audit-log';
import { listReconciliationsQuery, reconciliationDateParam } from './routes/reconciliations';
import {
  bankAccountBody,
  claimNumberParam,
  createClaimBody,
  createdClaimResponse,
  decisionBody,
  idempotencyKeyHeader,
  listClaimsQuery,
  problemResponse,
  trackingCodeHeader,
  verificationBody,
} from './schemas';
import { codecBody, codecResponse } from './routes/codec';
import {
  enrollmentBody,
  lifeEventBody,
  scholarshipChoiceBody,
  scholarshipIdParam,
} from './scholarship-schemas';

function schema(s: z.ZodType, io: 'input' | 'output' = 'input') {
  const json = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema; // embedded in OpenAPI 3.1, whose dialect is already JSON Schema 2020-12
  return json;
}

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});
const json = (s: z.ZodType, description = 'OK') => ({
  description,
  content: { 'application/json': { schema: schema(s, 'output') } },
});
const anyJson = (description = 'OK') => ({
  description,
  content: { 'application/json': { schema: { type: 'object' } } },
});
const body = (s: z.ZodType) => ({ required: true, content: { 'application/json': { schema: schema(s) } } });

const claimNumber = {
  name: 'claimNumber',
  in: 'path',
  required: true,
  schema: schema(claimNumberParam.shape.claimNumber),
};
const staffErrors = {
  '400': problem('Invalid request; the failing fields are named'),
  '401': problem('No valid staff token'),
  '403': problem('Wrong role'),
};
const bearer = [{ bearer: [] }];
const rateLimited = {
  ...problem('Too many tracking-code attempts from this address, or wrong codes for this claim number'),
  headers: {
    'Retry-After': { description: 'Seconds until attempts are counted afresh', schema: { type: 'integer' } },
  },
};
const codecRoute = (summary: string, extra: Record<string, unknown> = {}) => ({
  post: {
    summary,
    security: bearer,
    requestBody: body(codecBody),
    responses: { '200': json(codecResponse, 'The payloads, in the same order'), ...staffErrors, ...extra },
  },
});

let cached: Record<string, unknown> | undefined;

export function buildOpenApi(): Record<string, unknown> {
  cached ??= {
    openapi: '3.1.0',
    info: {
      title: 'Santunan',
      version: '1.0.0',
      description:
        'JKK and JKM death-benefit claims: intake, verification, decision, payout and family tracking.',
    },
    servers: [{ url: '/api/v1' }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Problem: schema(problemResponse, 'output') },
    },
    paths: {
      '/claims': {
        post: {
          summary: 'Start a claim (officer)',
          security: bearer,
          parameters: [
            { name: 'Idempotency-Key', in: 'header', required: false, schema: schema(idempotencyKeyHeader) },
          ],
          requestBody: body(createClaimBody),
          responses: {
            '201': json(createdClaimResponse, 'Claim started; the tracking code is shown only now'),
            '200': json(createdClaimResponse, 'The same Idempotency-Key was seen before: the same claim'),
            ...staffErrors,
            '422': problem('Unknown participant, impossible dates, or a reused Idempotency-Key'),
          },
        },
        get: {
          summary: 'Work queue (staff)',
          security: bearer,
          parameters: Object.entries(listClaimsQuery.shape).map(([name, s]) => ({
            name,
            in: 'query',
            required: false,
            schema: schema(s as z.ZodType),
          })),
          responses: { '200': anyJson('A page of claims, newest first, with nextCursor'), ...staffErrors },
        },
      },
      '/claims/{claimNumber}': {
        get: {
          summary: 'A claim with its assessment, payouts and events (staff)',
          security: bearer,
          parameters: [claimNumber],
          responses: { '200': anyJson(), ...staffErrors, '404': problem('No such claim') },
        },
      },
      '/claims/{claimNumber}/verification': {
        post: {
          summary: 'Documents checklist (officer)',
          security: bearer,
          parameters: [claimNumber],
          requestBody: body(verificationBody),
          responses: {
            '200': anyJson('complete, and the missing documents'),
            ...staffErrors,
            '404': problem('No such claim'),
            '409': problem('The claim is not waiting for documents'),
          },
        },
      },
      '/claims/{claimNumber}/decision': {
        post: {
          summary: 'Approve or reject (officer; supervisor above Rp 200,000,000; never the verifier)',
          security: bearer,
          parameters: [claimNumber],
          requestBody: body(decisionBody),
          responses: {
            '200': anyJson(),
            ...staffErrors,
            '404': problem('No such claim'),
            '409': problem('Not verified yet, already decided, or closed'),
          },
        },
      },
      '/claims/{claimNumber}/bank-account': {
        post: {
          summary: 'Replace a refused bank account (officer, or the family with X-Tracking-Code)',
          security: [{ bearer: [] }, {}],
          parameters: [
            claimNumber,
            { name: 'X-Tracking-Code', in: 'header', required: false, schema: schema(trackingCodeHeader) },
          ],
          requestBody: body(bankAccountBody),
          responses: {
            '200': anyJson(),
            ...staffErrors,
            '404': problem('No such claim, or a wrong tracking code'),
            '409': problem('The claim is not waiting for a bank account'),
            '429': rateLimited,
          },
        },
      },
      '/claims/{claimNumber}/scholarship-children': {
        post: {
          summary:
            'Choose which children receive a scholarship when more qualify than may (officer); who chose is recorded',
          security: bearer,
          parameters: [claimNumber],
          requestBody: body(scholarshipChoiceBody),
          responses: {
            '200': anyJson('The children chosen, by position on the claim'),
            ...staffErrors,
            '404': problem('No such claim'),
            '409': problem('No choice is needed, or it was already made'),
            '422': problem(
              'A child that does not qualify, or the wrong number of children (field: children)',
            ),
          },
        },
      },
      '/scholarships/{id}/enrollments': {
        post: {
          summary: 'Proof of enrolment for a school year (officer, or the family with X-Tracking-Code)',
          security: [{ bearer: [] }, {}],
          parameters: [
            { name: 'id', in: 'path', required: true, schema: schema(scholarshipIdParam.shape.id) },
            { name: 'X-Tracking-Code', in: 'header', required: false, schema: schema(trackingCodeHeader) },
          ],
          requestBody: body(enrollmentBody),
          responses: {
            '200': anyJson('Accepted: whether the year is payable, and the amount'),
            ...staffErrors,
            '404': problem('No such scholarship, or a wrong tracking code'),
            '409': problem('Wrong school year, window not open, impossible level jump, duplicate, or ended'),
            '429': rateLimited,
          },
        },
      },
      '/scholarships/{id}/bank-account': {
        post: {
          summary: 'Replace an account the bank refused for a scholarship year (officer, or the family)',
          security: [{ bearer: [] }, {}],
          parameters: [
            { name: 'id', in: 'path', required: true, schema: schema(scholarshipIdParam.shape.id) },
            { name: 'X-Tracking-Code', in: 'header', required: false, schema: schema(trackingCodeHeader) },
          ],
          requestBody: body(bankAccountBody),
          responses: {
            '200': anyJson(),
            ...staffErrors,
            '404': problem('No such scholarship, or a wrong tracking code'),
            '409': problem('The scholarship is not waiting for a bank account'),
            '429': rateLimited,
          },
        },
      },
      '/scholarships/{id}/life-events': {
        post: {
          summary:
            'Report a marriage, work or death (officer): whether it ends the scholarship (2025 work exception)',
          security: bearer,
          parameters: [
            { name: 'id', in: 'path', required: true, schema: schema(scholarshipIdParam.shape.id) },
          ],
          requestBody: body(lifeEventBody),
          responses: {
            '200': anyJson('stops, and the reason'),
            ...staffErrors,
            '404': problem('No such scholarship'),
            '409': problem('The scholarship has ended'),
          },
        },
      },
      '/track/{claimNumber}': {
        get: {
          summary: "The family's view of its claim",
          parameters: [
            claimNumber,
            { name: 'X-Tracking-Code', in: 'header', required: true, schema: schema(trackingCodeHeader) },
          ],
          responses: {
            '200': anyJson(),
            '400': problem('Malformed claim number or tracking code'),
            '401': problem('No tracking code'),
            '404': problem('No such claim, or a wrong tracking code'),
            '429': rateLimited,
          },
        },
      },
      '/benefits/quote': {
        post: {
          summary: 'The benefit for a hypothetical case, with explanations (staff)',
          security: bearer,
          requestBody: body(quoteRequestSchema),
          responses: { '200': json(quoteResponseSchema), ...staffErrors },
        },
      },
      '/codec/encode': codecRoute('Temporal codec server: encrypt payloads (officer, supervisor)'),
      '/codec/decode': codecRoute('Temporal codec server: decrypt payloads for the web UI or CLI (staff)', {
        '422': problem('A payload cannot be decrypted: unknown key id, wrong key or altered data'),
      }),
      '/reconciliations': {
        get: {
          summary:
            "Daily reconciliations of the payout ledger with the gateway's statement, newest first (staff)",
          security: bearer,
          parameters: Object.entries(listReconciliationsQuery.shape).map(([name, s]) => ({
            name,
            in: 'query',
            required: false,
            schema: schema(s as z.ZodType),
          })),
          responses: { '200': anyJson('Reports, each with its mismatches'), ...staffErrors },
        },
      },
      '/reconciliations/{date}': {
        get: {
          summary: 'One day of reconciliation: every item and the supervisor tasks it opened (staff)',
          security: bearer,
          parameters: [
            { name: 'date', in: 'path', required: true, schema: schema(reconciliationDateParam.shape.date) },
          ],
          responses: { '200': anyJson(), ...staffErrors, '404': problem('No reconciliation for that day') },
        },
      },
      '/claims/{claimNumber}/history': {
        get: {
          summary:
            "The claim's Temporal histories (the claim and every run of its scholarships), each as " +
            '`temporal workflow show --output json` prints it, with a sha256 hash chain over its events (auditor)',
          security: bearer,
          parameters: [claimNumber],
          responses: {
            '200': anyJson(),
            ...staffErrors,
            '404': problem('No workflow history for this claim'),
          },
        },
      },
      '/claims/{claimNumber}/replay': {
        post: {
          summary:
            'Replay those histories against the current workflow code: deterministic or not per run (with the ' +
            'first divergence), and the decision trail read back from them (auditor)',
          security: bearer,
          parameters: [claimNumber],
          responses: {
            '200': anyJson(),
            ...staffErrors,
            '404': problem('No workflow history for this claim'),
          },
        },
      },
      '/audit-log': {
        get: {
          summary:
            'Every action through the API, refused ones included, newest first, with nextCursor (auditor)',
          security: bearer,
          parameters: Object.entries(auditLogQuery.shape).map(([name, s]) => ({
            name,
            in: 'query',
            required: false,
            schema: schema(s as z.ZodType),
          })),
          responses: { '200': anyJson('A page of audit entries'), ...staffErrors },
        },
      },
      '/healthz': { get: { summary: 'Liveness', responses: { '200': anyJson() } } },
      '/readyz': {
        get: {
          summary: 'Readiness: PostgreSQL and Temporal',
          responses: { '200': anyJson(), '503': anyJson('A dependency is down; Retry-After is set') },
        },
      },
      '/openapi.json': { get: { summary: 'This document', responses: { '200': anyJson() } } },
      '/metrics': {
        get: {
          summary: 'Prometheus metrics (text exposition format)',
          responses: {
            '200': {
              description: 'Request durations by route, claims and payouts by status, the process',
              content: { 'text/plain': { schema: { type: 'string' } } },
            },
          },
        },
      },
    },
  };
  // Every body is refused above 100 kB, before any route sees it.
  for (const operations of Object.values(
    cached.paths as Record<string, Record<string, Record<string, unknown>>>,
  )) {
    for (const operation of Object.values(operations)) {
      const responses = operation.responses as Record<string, unknown>;
      if (operation.requestBody && !responses['413'])
        responses['413'] = problem('The request body is over 100 kB');
    }
  }
  return cached;
}
