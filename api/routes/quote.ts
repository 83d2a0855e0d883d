// POST /benefits/quote: the benefit for a hypothetical case, the same answer as `npm run quote`.
import { Router } from 'express';
import { quote, quoteRequestSchema } from '../../rules';
import { problemFromError } from '../../rules/problem';
import { requireStaff } from '../auth';

export function createQuoteRouter(deps: { authSecret: string }): Router {
  const router = Router();
  router.post(
    '/benefits/quote',
    requireStaff(deps.authSecret, ['officer', 'supervisor', 'auditor']),
    (req, res) => {
      try {
        res.json(quote(quoteRequestSchema.parse(req.body)));
      } catch (err) {
        const problem = problemFromError(err);
        if (!problem) throw err;
        res.status(problem.status).type('application/problem+json').json(problem.body);
      }
    },
  );
  return router;
}
