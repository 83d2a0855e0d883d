// Every route the API serves, in the order the OpenAPI document lists them.
import {
  confirmFinding,
  decideClosing,
  decideItem,
  recordEmployerPayment,
  recordFinding,
  recordIncapacity,
  recordReturnToWork,
  recordTreatment,
  replaceItemAccount,
  submitClosing,
  verifyItem,
} from './accidents';
import { getClaimHistory, listAuditLog, replayClaim } from './audit';
import {
  createClaim,
  decideClaim,
  decideClaimDate,
  getClaim,
  listClaims,
  reissueTrackingCode,
  replaceClaimBankAccount,
  reviewClaimBankAccount,
  verifyDocuments,
} from './claims';
import { decodePayloads, encodePayloads } from './codec';
import { decideEmployerReimbursement, recordEmployerSettlement } from './employer-reimbursements';
import { quoteBenefit } from './quote';
import { getReconciliation, listReconciliations } from './reconciliations';
import type { AnyRoute } from './route';
import {
  chooseScholarshipChildren,
  replaceScholarshipBankAccount,
  reportLifeEvent,
  reviewEnrollment,
  reviewScholarshipBankAccount,
  submitEnrollment,
} from './scholarships';
import { getLiveness, getMetrics, getOpenApiDocument, getReadiness } from './service';
import { trackClaim } from './track';

export const ROUTES: readonly AnyRoute[] = [
  createClaim,
  listClaims,
  getClaim,
  verifyDocuments,
  decideClaim,
  replaceClaimBankAccount,
  reissueTrackingCode,
  decideClaimDate,
  recordEmployerSettlement,
  decideEmployerReimbursement,
  reviewClaimBankAccount,
  recordFinding,
  confirmFinding,
  recordTreatment,
  recordIncapacity,
  verifyItem,
  decideItem,
  replaceItemAccount,
  recordEmployerPayment,
  submitClosing,
  decideClosing,
  recordReturnToWork,
  chooseScholarshipChildren,
  submitEnrollment,
  reviewEnrollment,
  replaceScholarshipBankAccount,
  reviewScholarshipBankAccount,
  reportLifeEvent,
  trackClaim,
  quoteBenefit,
  encodePayloads,
  decodePayloads,
  listReconciliations,
  getReconciliation,
  getClaimHistory,
  replayClaim,
  listAuditLog,
  getLiveness,
  getReadiness,
  getOpenApiDocument,
  getMetrics,
];
