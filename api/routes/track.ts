// The family's view: claim number plus tracking code. Unknown claim and wrong code give the same 404.
import { familyStatusOfClaim, familyViewRead } from '../middleware/family-access';
import { claimNumberParam } from '../schemas/claims';
import { z } from 'zod';
import { familyAccidentResponse, familyClaimResponse } from '../schemas/track';
import { familyAccidentView } from '../views/accidents';
import { familyClaimView } from '../views/claims';
import { json, problem, route } from './route';

export const trackClaim = route({
  operationId: 'trackClaim',
  summary: "The family's view of its claim, or the worker's view of an accident case in plain words",
  method: 'get',
  path: '/track/:claimNumber',
  // No staff: a token is not a tracking code.
  access: { staff: [], family: familyStatusOfClaim },
  request: { params: claimNumberParam },
  responses: {
    200: json(
      z.union([familyClaimResponse, familyAccidentResponse]),
      "The claim in the family's words (steps, payouts, scholarships), or the accident case in the worker's",
    ),
    400: problem('Malformed claim number or tracking code'),
    401: problem('No tracking code'),
    404: problem('No such claim, or a wrong tracking code'),
  },
  async handle({ deps, familyClaim, req, res }) {
    const claim = familyClaim!;
    res.json(
      claim.event === 'accident'
        ? await familyAccidentView(deps.stores, claim)
        : await familyClaimView(deps.stores, claim, familyViewRead(req, claim)),
    );
  },
});
