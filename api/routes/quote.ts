// POST /benefits/quote: the benefit for a hypothetical case, the same answer as `npm run quote` (refusals included).
import { quote } from '../../rules';
import { quoteRequestSchema, quoteResponseSchema } from '../../rules/schema';
import { PROBLEM_TYPE_BASE, problemFromError } from '../../rules/problem';
import { HttpProblem } from '../middleware/problem';
import { json, route, staffErrors } from './route';
import { STAFF_ROLES } from '../../vocabulary/actors';

/** The rules' own problem (as the CLI prints it) for a malformed request or a case the rules refuse. */
function rulesProblem(err: unknown): HttpProblem | undefined {
  const problem = problemFromError(err);
  if (!problem) return undefined;
  const { type, title, detail, errors } = problem.body;
  return new HttpProblem(problem.status, type.slice(PROBLEM_TYPE_BASE.length), title, detail, errors);
}

export const quoteBenefit = route({
  operationId: 'quoteBenefit',
  summary: 'The benefit for a hypothetical case, with explanations (staff)',
  method: 'post',
  path: '/benefits/quote',
  access: { staff: STAFF_ROLES },
  request: { body: quoteRequestSchema },
  invalidBody: (error) => rulesProblem(error)!,
  responses: { 200: json(quoteResponseSchema), ...staffErrors },
  handle({ body, res }) {
    try {
      res.json(quote(body));
    } catch (err) {
      const problem = rulesProblem(err);
      if (!problem) throw err;
      throw problem;
    }
  },
});
