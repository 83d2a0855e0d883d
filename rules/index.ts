// The benefit rules: pure, deterministic, safe to import into Temporal workflow code.
export { quote } from './quote';
export {
  quoteRequestSchema,
  quoteResponseSchema,
  benefitComponentSchema,
  quoteChildSchema,
  COMPONENT_CODES,
  EVENTS,
  PROGRAMS,
  MAX_RUPIAH,
  type BenefitComponent,
  type BenefitEvent,
  type Child,
  type ChildScholarship,
  type ComponentCode,
  type PlanYear,
  type Program,
  type QuoteRequest,
  type QuoteResponse,
  type ScholarshipSummary,
} from './schema';
export { RuleError } from './errors';
export { problemFromError, invalidJsonProblem, type Problem, type ProblemBody } from './problem';
export {
  regulationFor,
  REGULATIONS,
  REGULATION_IDS,
  PP44_2015,
  PP82_2019,
  PARTIAL_DISABILITY_TABLE,
  TRANSPORT_MODES,
  type Regulation,
  type RegulationId,
  type StagedScholarship,
  type LumpSumScholarship,
  type TransportMode,
  type PartialDisabilityEntry,
} from './regulations';
export { addWorkingDays, workingDaysBetween, isWorkingDay } from './calendar';
export { jakartaDate, jakartaStartOfDay, jakartaEndOfDay } from './jakarta-time';
export { PUBLIC_HOLIDAYS, PUBLIC_HOLIDAY_LIST, type PublicHoliday } from './holidays';
export { serviceLevelWorkingDays, lateCompensation, type LateCompensation } from './late-compensation';
export { contributionMonths } from './contribution';
export { scholarshipPlan, type ChildPlan, type PlanChild } from './scholarship-plan';
export {
  lifeEventDecision,
  LIFE_EVENT_KINDS,
  type LifeEvent,
  type LifeEventDecision,
  type LifeEventKind,
} from './scholarship-life-events';
export { scholarshipFor, scholarshipGrant, childEligibility, selectChildren } from './scholarship';
export {
  heirsEntitled,
  HEIR_ORDER,
  HEIR_RELATIONSHIPS,
  type FamilyMember,
  type HeirRelationship,
} from './heirs';
export {
  benefitRecipients,
  needsCourtDetermination,
  recipientPositions,
  type BenefitRecipients,
  type BenefitShare,
  type RecipientHeir,
} from './recipients';
export { claimExpiry, type ClaimExpiry } from './expiry';
export {
  decisionRefusal,
  totalCanRefuse,
  SUPERVISOR_APPROVAL_THRESHOLD,
  type DecisionFacts,
  type DecisionRefusal,
} from './maker-checker';
export { employerLiability, type EmployerLiability } from './employer-liability';
export { jkmDeathComponents } from './jkm';
export { jkkDeathCompensation, jkkDeathComponents } from './jkk-death';
export {
  totalDisabilityComponents,
  partialDisabilityComponent,
  partialDisabilityLines,
  partialDisabilityPercent,
} from './jkk-disability';
export { temporaryIncapacityComponent, incapacitySegments } from './incapacity';
export { transportComponent, transportLines } from './transport';
export { SCHOOL_LEVELS, GRADES, schoolYearName, schoolYearStart, type SchoolLevel } from './school';
