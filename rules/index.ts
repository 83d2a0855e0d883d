// The benefit rules: pure, deterministic, safe to import into Temporal workflow code.
export { quote } from './quote';
// No zod from here: workflow code imports this index. The schemas are in ./schema, the problems in ./problem.
export { COMPONENT_CODES, MAX_RUPIAH } from './quote-request';
export type { BenefitComponent, ComponentCode, QuoteRequest, QuoteResponse } from './schema';
export { RuleError } from './errors';
export {
  regulationFor,
  REGULATIONS,
  REGULATION_IDS,
  PP44_2015,
  PP82_2019,
  PARTIAL_DISABILITY_TABLE,
  type Regulation,
  type StagedScholarship,
} from './regulations';
export { addWorkingDays, workingDaysBetween, isWorkingDay } from './calendar';
export { jakartaDate, jakartaEndOfDay } from './jakarta-time';
export { PUBLIC_HOLIDAYS } from './holidays';
export { serviceLevelWorkingDays, lateCompensation, type FamilyWait } from './late-compensation';
export { contributionMonths } from './contribution';
export { scholarshipPlan } from './scholarship-plan';
export { lifeEventDecision, type LifeEvent } from './scholarship-life-events';
export { childEligibility, selectChildren } from './scholarship';
export { heirsEntitled, HEIR_RELATIONSHIPS, type HeirRelationship } from './heirs';
export {
  benefitRecipients,
  needsCourtDetermination,
  recipientPositions,
  type BenefitRecipients,
} from './recipients';
export { claimExpiry } from './expiry';
export { backdatingRefusal, isBackdated, type BackdatingFacts } from './backdating';
export {
  decisionRefusal,
  reimbursementDeciderRefusal,
  totalCanRefuse,
  SUPERVISOR_APPROVAL_THRESHOLD,
  accountReviewRefusal,
  type AccountReviewFacts,
  type DecisionFacts,
  type DecisionRefusal,
} from './maker-checker';
export {
  claimPayeeNames,
  holderMatches,
  normaliseHolderName,
  scholarshipPayeeNames,
  type NamedHeir,
} from './account-holder';
export { type EmployerLiability } from './employer-liability';
export { arrearsPayout, reimbursementRefusal, type ArrearsPayout } from './employer-pays-first';
export { jkmDeathComponents } from './jkm';
export { jkkDeathComponents } from './jkk-death';
export { partialDisabilityComponent } from './jkk-disability';
export { incapacitySegments } from './incapacity';
export { transportLines } from './transport';
export { SCHOOL_LEVELS, GRADES } from './school';
export {
  accidentEventDate,
  accidentRegulation,
  incapacityPeriodComponent,
  incapacityPeriodRefusal,
  repeatedDisabilityItem,
  stageOneReport,
  transportPayable,
  FINDING_SERVICE_LEVEL_DAYS,
  type AccidentKind,
  type StageOneReport,
} from './accident';
export { totalDisabilityComponents } from './jkk-disability';
