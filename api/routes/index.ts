// Every route the API serves, in the order the OpenAPI document lists them.
import { getClaimHistory, listAuditLogRoute, replayClaimRoute } from './audit';
import {
  createClaim,
  decideClaim,
  getClaim,
  listClaimsRoute,
  replaceClaimBankAccount,
  verifyDocuments,
} from './claims';
import { decodePayloads, encodePayloads } from './codec';
import { quoteBenefit } from './quote';
import { getReconciliation, listReconciliationsRoute } from './reconciliations';
import type { AnyRoute } from './route';
import {
  chooseScholarshipChildren,
  replaceScholarshipBankAccount,
  reportLifeEvent,
  submitEnrollment,
} from './scholarships';
import { liveness, metrics, openApiDocument, readiness } from './service';
import { trackClaim } from './track';

export const ROUTES: readonly AnyRoute[] = [
  createClaim,
  listClaimsRoute,
  getClaim,
  verifyDocuments,
  decideClaim,
  replaceClaimBankAccount,
  chooseScholarshipChildren,
  submitEnrollment,
  replaceScholarshipBankAccount,
  reportLifeEvent,
  trackClaim,
  quoteBenefit,
  encodePayloads,
  decodePayloads,
  listReconciliationsRoute,
  getReconciliation,
  getClaimHistory,
  replayClaimRoute,
  listAuditLogRoute,
  liveness,
  readiness,
  openApiDocument,
  metrics,
];
