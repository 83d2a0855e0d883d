// Family access: the claim number, or a scholarship of the claim, and the claim's tracking code. A wrong code,
// another family's claim and an unknown one give the same 404 after the same scrypt work (a decoy hash when there
// is no claim), so neither the answer nor its timing says whether a claim exists.
import type { Request } from 'express';
import type { ClaimRow, Stores } from '../../db/stores';
import { claimNumberParam, trackingCodeHeader } from '../schemas/claims';
import { scholarshipIdParam } from '../schemas/scholarships';
import { parse, problems } from './problem';
import { decoyTrackingCodeHash, verifyTrackingCode } from './tracking-code';

/** Checks the X-Tracking-Code header against the claim: 401 when missing, 404 when wrong or no such claim. */
function checkFamilyAccess(req: Request, claim: ClaimRow | undefined): asserts claim is ClaimRow {
  const header = req.get('x-tracking-code');
  if (header === undefined) throw problems.unauthorized('The X-Tracking-Code header is required.');
  const code = parse(trackingCodeHeader, header, 'X-Tracking-Code');
  const matches = verifyTrackingCode(code, claim?.tracking_code_hash ?? decoyTrackingCodeHash());
  if (!claim || !matches) throw problems.notFound();
}

/** How a family route finds the claim whose tracking code opens it. */
export interface FamilyAccess {
  /** What the path names, for the OpenAPI document: "claim" or "scholarship". */
  names: string;
  /** The claim, when the X-Tracking-Code header is its code; else a 401, 400 or 404 problem. */
  check(req: Request, stores: Pick<Stores, 'claims' | 'scholarships'>): Promise<ClaimRow>;
}

/** The path's claim number: looked up first, so an unknown claim costs what a wrong code costs. */
export const familyOfClaim: FamilyAccess = {
  names: 'claim',
  async check(req, stores) {
    const { claimNumber } = parse(claimNumberParam, req.params);
    const claim = await stores.claims.find(claimNumber);
    checkFamilyAccess(req, claim);
    return claim;
  },
};

/** The path's scholarship id (`<claimNumber>-S<n>`): the tracking code of the claim that started it. */
export const familyOfScholarship: FamilyAccess = {
  names: 'scholarship',
  async check(req, stores) {
    if (req.get('x-tracking-code') === undefined) {
      throw problems.unauthorized('A staff bearer token or the X-Tracking-Code header is required.');
    }
    const { id } = parse(scholarshipIdParam, { id: req.params.id });
    const claimNumber = await stores.scholarships.claimNumberOf(id);
    const claim = claimNumber !== undefined ? await stores.claims.find(claimNumber) : undefined;
    checkFamilyAccess(req, claim);
    return claim;
  },
};
