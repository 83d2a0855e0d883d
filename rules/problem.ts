// Validation and rule errors as RFC 7807 problem details, shared by the quote API route and the CLI so
// both give the same answer. Same type base and field naming as api/problem.ts.
import { z } from 'zod';
import { RuleError } from './errors';

export const PROBLEM_TYPE_BASE = 'https://santunan.dev/problems/';

export interface FieldProblem {
  field: string;
  message: string;
}

interface ProblemBody {
  type: string;
  title: string;
  status: 400;
  detail: string;
  errors: FieldProblem[];
}

export interface Problem {
  status: 400;
  body: ProblemBody;
}

/** A 400 problem for a ZodError or a RuleError; undefined for anything else (a bug, not bad input). */
export function problemFromError(err: unknown): Problem | undefined {
  if (err instanceof z.ZodError) return validationProblem(zodFieldProblems(err));
  if (err instanceof RuleError) {
    return problem('rule-refused', 'The benefit rules refuse this request', [
      { field: err.field, message: err.message },
    ]);
  }
  return undefined;
}

/** A body that is not JSON at all. */
export function invalidJsonProblem(): Problem {
  return validationProblem([{ field: '(body)', message: 'is not valid JSON' }]);
}

export function zodFieldProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map(String);
    // An unknown key is reported on its object; name the key itself.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: [...path, key].join('.'), message: 'is not a known field' }));
    }
    return [{ field: path.join('.') || '(body)', message: issue.message }];
  });
}

function validationProblem(errors: FieldProblem[]): Problem {
  return problem('validation', 'The request is not valid', errors);
}

function problem(type: string, title: string, errors: FieldProblem[]): Problem {
  return {
    status: 400,
    body: {
      type: PROBLEM_TYPE_BASE + type,
      title,
      status: 400,
      detail: errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      errors,
    },
  };
}
