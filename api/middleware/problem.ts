// Errors as RFC 9457 problem+json: a stable type, a human title, and the failing field(s).
import type { ErrorRequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import { unreachableDependency } from './unavailable';

export interface FieldError {
  field: string;
  message: string;
}

const TYPE_BASE = 'https://santunan.dev/problems/';

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly headers: Record<string, string> = {},
    /** Members beyond the standard ones (RFC 9457 extensions), such as the claim a conflict is with. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
  }
}

export const problems = {
  validation: (errors: FieldError[]) =>
    new HttpProblem(
      400,
      'validation',
      'The request is not valid',
      errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      errors,
    ),
  unprocessable: (field: string, message: string) =>
    new HttpProblem(422, 'unprocessable', 'The request cannot be processed', `${field}: ${message}`, [
      { field, message },
    ]),
  unauthorized: (detail: string) => new HttpProblem(401, 'unauthorized', 'Authentication required', detail),
  forbidden: (detail: string) => new HttpProblem(403, 'forbidden', 'Not allowed', detail),
  notFound: (detail = 'No such claim.') => new HttpProblem(404, 'not-found', 'Not found', detail),
  conflict: (detail: string, type = 'conflict') =>
    new HttpProblem(409, type, 'Conflict with the claim state', detail),
  /** One death, one claim: the participant's death is held by an open or paid claim, named for the officer. */
  alreadyClaimed: (claimNumber: string) =>
    new HttpProblem(
      409,
      'already-claimed',
      'This death is already claimed',
      `participantNik: the participant already has an open or paid death claim, ${claimNumber}`,
      [{ field: 'participantNik', message: 'already has an open or paid death claim' }],
      {},
      { claimNumber },
    ),
  unavailable: (detail: string) =>
    new HttpProblem(503, 'unavailable', 'Service temporarily unavailable', detail, undefined, {
      'Retry-After': '5',
    }),
};

export function fieldErrors(error: z.ZodError, prefix?: string): FieldError[] {
  return error.issues.map((issue) => {
    const path = [...(prefix ? [prefix] : []), ...issue.path.map(String)];
    // An unknown key is reported on the object; name the key itself.
    if (issue.code === 'unrecognized_keys') {
      return { field: [...path, ...issue.keys].join('.') || '(body)', message: 'is not a known field' };
    }
    return { field: path.join('.') || '(body)', message: issue.message };
  });
}

/** Parses with a strict schema or throws a 400 naming every failing field. */
export function parse<S extends z.ZodType>(schema: S, value: unknown, prefix?: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw problems.validation(fieldErrors(result.error, prefix));
  return result.data;
}

export function sendProblem(res: Response, problem: HttpProblem): void {
  for (const [name, value] of Object.entries(problem.headers)) res.setHeader(name, value);
  res
    .status(problem.status)
    .type('application/problem+json')
    .json({
      type: TYPE_BASE + problem.type,
      title: problem.title,
      status: problem.status,
      ...(problem.detail ? { detail: problem.detail } : {}),
      ...(problem.errors ? { errors: problem.errors } : {}),
      ...problem.extensions,
    });
}

/** The one place errors become responses. Anything unexpected is a 500 without internals. */
export function problemHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    if (err instanceof HttpProblem) return sendProblem(res, err);
    const status =
      (err as { status?: number; statusCode?: number }).status ?? (err as { statusCode?: number }).statusCode;
    const type = (err as { type?: string }).type;
    if (type === 'entity.too.large' || status === 413) {
      return sendProblem(res, new HttpProblem(413, 'too-large', 'The request body is too large'));
    }
    if (type === 'entity.parse.failed') {
      return sendProblem(res, problems.validation([{ field: '(body)', message: 'is not valid JSON' }]));
    }
    if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
      return sendProblem(res, new HttpProblem(415, 'unsupported-media-type', 'Unsupported encoding'));
    }
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return sendProblem(res, new HttpProblem(status, 'bad-request', 'Bad request'));
    }
    const down = unreachableDependency(err);
    if (down) {
      logger.warn({ dependency: down, path: req.path }, 'dependency unreachable');
      const what = down === 'postgres' ? 'The database is' : 'The workflow service is';
      return sendProblem(res, problems.unavailable(`${what} not reachable; try again shortly.`));
    }
    logger.error(
      { err: { message: (err as Error).message, name: (err as Error).name }, path: req.path },
      'unhandled',
    );
    return sendProblem(res, new HttpProblem(500, 'internal', 'Internal error'));
  };
}
