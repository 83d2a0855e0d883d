// Family access: the claim number, or a scholarship of the claim, and the claim's tracking code. A wrong code,
// another family's claim and an unknown one give the same 404 after the same work (one HMAC; an unknown claim is
// checked against no hash), so neither the answer nor its timing says whether a claim exists.
import type { Request } from 'express';
import type { ClaimRow, Stores } from '../../db/stores';
import type { FamilyViewRows } from '../../db/stores/claim-views';
import { claimNumberParam, trackingCodeHeader } from '../schemas/claims';
import { scholarshipIdParam } from '../schemas/scholarships';
import { parse, problems } from './problem';
import { familyClaimKey } from './rate-limit';
import { hashTrackingCode, isLegacyTrackingCodeHash, verifyTrackingCode } from './tracking-code';

type FamilyStores = Pick<Stores, 'claims' | 'scholarships' | 'rateLimits'>;

/** What a family check needs: the stores and the secret tracking codes are hashed under. */
export interface FamilyDeps {
  stores: FamilyStores;
  trackingCodeSecret: string;
}

/**
 * Checks the X-Tracking-Code header against the claim: 401 when missing, 404 when wrong or no such claim. A right
 * code whose claim still holds a scrypt hash (written before the HMAC) costs one scrypt, then the claim gets the
 * HMAC, and the rate limit's count of this attempt (it compared HMACs, so it counted a wrong code) is taken back.
 */
async function checkFamilyAccess(
  req: Request,
  deps: FamilyDeps,
  claim: ClaimRow | undefined,
): Promise<ClaimRow> {
  const header = req.get('x-tracking-code');
  if (header === undefined) throw problems.unauthorized('The X-Tracking-Code header is required.');
  const code = parse(trackingCodeHeader, header, 'X-Tracking-Code');
  const stored = claim?.tracking_code_hash;
  const matches = await verifyTrackingCode(code, stored, deps.trackingCodeSecret);
  if (!claim || !matches) throw problems.notFound();
  if (stored !== undefined && isLegacyTrackingCodeHash(stored)) {
    const upgraded = hashTrackingCode(code, deps.trackingCodeSecret);
    if (await deps.stores.claims.replaceTrackingCodeHash(claim.claim_number, stored, upgraded)) {
      await deps.stores.rateLimits.decrement(familyClaimKey(claim.claim_number));
    }
    return { ...claim, tracking_code_hash: upgraded };
  }
  return claim;
}

/** The claim, as the rate limit's statement read it (when the code's hash matched) or from the claims table. */
function claimOf(req: Request, deps: FamilyDeps, claimNumber: string): Promise<ClaimRow | undefined> {
  const read = req.familyClaimRead;
  return read?.claim_number === claimNumber ? Promise.resolve(read) : deps.stores.claims.find(claimNumber);
}

/** How a family route finds the claim whose tracking code opens it. */
export interface FamilyAccess {
  /** What the path names, for the OpenAPI document: "claim" or "scholarship". */
  names: string;
  /** The claim, when the X-Tracking-Code header is its code; else a 401, 400 or 404 problem. */
  check(req: Request, deps: FamilyDeps): Promise<ClaimRow>;
  /** A status page: the rate limit's statement also reads the family view of a claim the code opens (GET only). */
  readsFamilyView?: boolean;
}

/** The path's claim number: looked up first, so an unknown claim costs what a wrong code costs. */
export const familyOfClaim: FamilyAccess = {
  names: 'claim',
  async check(req, deps) {
    const { claimNumber } = parse(claimNumberParam, req.params);
    return checkFamilyAccess(req, deps, await claimOf(req, deps, claimNumber));
  },
};

/** The family's status page of a claim: as familyOfClaim, the family view read in the same statement. */
export const familyStatusOfClaim: FamilyAccess = { ...familyOfClaim, readsFamilyView: true };

/** The family view the rate limit's statement read with `claim`, if it did (else the view reads it itself). */
export function familyViewRead(req: Request, claim: ClaimRow): FamilyViewRows | undefined {
  return req.familyClaimRead?.claim_number === claim.claim_number ? req.familyViewRead : undefined;
}

/** The path's scholarship id (`<claimNumber>-S<n>`): the tracking code of the claim that started it. */
export const familyOfScholarship: FamilyAccess = {
  names: 'scholarship',
  async check(req, deps) {
    if (req.get('x-tracking-code') === undefined) {
      throw problems.unauthorized('A staff bearer token or the X-Tracking-Code header is required.');
    }
    const { id } = parse(scholarshipIdParam, { id: req.params.id });
    const claimNumber = await deps.stores.scholarships.claimNumberOf(id);
    const claim = claimNumber !== undefined ? await claimOf(req, deps, claimNumber) : undefined;
    return checkFamilyAccess(req, deps, claim);
  },
};
