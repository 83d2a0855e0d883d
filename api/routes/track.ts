// The family's view: claim number plus tracking code. Unknown claim and wrong code give the same 404.
import { Router, type Request } from 'express';
import type { Db } from '../../db/config';
import { parse, problems } from '../problem';
import { claimNumberParam, trackingCodeHeader } from '../schemas';
import { decoyTrackingCodeHash, verifyTrackingCode } from '../tracking-code';
import { familyClaimView, findClaim } from '../views';

/** Checks the X-Tracking-Code header against the claim: 401 when missing, 404 when wrong or no such claim. */
export function checkFamilyAccess(req: Request, claim: Record<string, unknown> | undefined): void {
  const header = req.get('x-tracking-code');
  if (header === undefined) throw problems.unauthorized('The X-Tracking-Code header is required.');
  const code = parse(trackingCodeHeader, header, 'X-Tracking-Code');
  const matches = verifyTrackingCode(
    code,
    (claim?.tracking_code_hash as string | undefined) ?? decoyTrackingCodeHash(),
  );
  if (!claim || !matches) throw problems.notFound();
}

export function createTrackRouter(deps: { db: Db }): Router {
  const router = Router();
  router.get('/track/:claimNumber', async (req, res) => {
    const { claimNumber } = parse(claimNumberParam, req.params);
    const claim = await findClaim(deps.db, claimNumber);
    checkFamilyAccess(req, claim);
    res.json(await familyClaimView(deps.db, claim));
  });
  return router;
}
