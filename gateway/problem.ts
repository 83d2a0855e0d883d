// application/problem+json for the sandbox: one error class, one middleware that renders it.
import type { ErrorRequestHandler, Response } from 'express';
import type { z } from 'zod';

const PROBLEM_TYPE_BASE = 'urn:santunan:sandbox-gateway:';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  field?: string;
  errors?: { field: string; message: string }[];
}

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: string,
    readonly extra: Pick<ProblemBody, 'detail' | 'field' | 'errors'> = {},
  ) {
    super(title);
    this.name = 'HttpProblem';
  }

  toBody(): ProblemBody {
    return { type: PROBLEM_TYPE_BASE + this.slug, title: this.title, status: this.status, ...this.extra };
  }
}

/** Turns a zod error into a 400 that names the failing field(s); `where` names the root (body, query). */
export function invalidRequest(error: z.ZodError, where: string): HttpProblem {
  const errors = error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: [...issue.path, key].join('.'), message: 'unknown field' }));
    }
    return [{ field: issue.path.length > 0 ? issue.path.join('.') : where, message: issue.message }];
  });
  const first = errors[0] ?? { field: where, message: 'invalid' };
  return new HttpProblem(400, 'invalid-request', 'The request is invalid', {
    detail: `${first.field}: ${first.message}`,
    field: first.field,
    errors,
  });
}

export function sendProblem(res: Response, problem: HttpProblem): void {
  res.status(problem.status).type('application/problem+json').json(problem.toBody());
}

function isBodyParserError(err: unknown): err is { status: number; type: string } {
  return typeof err === 'object' && err !== null && 'status' in err && 'type' in err;
}

/** Renders problems; anything else is the sandbox's own bug, reported to `onUnexpected` and answered 500. */
export const problemMiddleware =
  (onUnexpected: (err: unknown) => void): ErrorRequestHandler =>
  (err: unknown, _req, res, next) => {
    if (res.headersSent) return next(err);
    if (err instanceof HttpProblem) return sendProblem(res, err);
    if (isBodyParserError(err) && err.status >= 400 && err.status < 500) {
      const problem = new HttpProblem(err.status, 'malformed-body', 'The request body could not be read', {
        detail: err.type,
        field: 'body',
      });
      return sendProblem(res, problem);
    }
    onUnexpected(err);
    return sendProblem(res, new HttpProblem(500, 'internal', 'The sandbox gateway failed'));
  };
