// A scholarship's part of the decision trail: each school year (paid with its ledger key, lapsed, not payable, or
// undecided yet), the proofs of enrolment and the life events, rebuilt run by run (one run per school year).
import {
  reportLifeEventUpdate,
  reviewEnrollmentUpdate,
  submitEnrollmentUpdate,
  type ScholarshipInput,
  type ScholarshipOutcome,
  type ScholarshipYearRecord,
} from '../vocabulary/messages/scholarship';
import { updateOf, type RunCalls } from './events';
import { accountChangeFrom, type AccountChangeTrail } from './account-trail';
import { actedBy, type ActedBy } from './acted-by';

export interface ScholarshipTrail {
  workflowId: string;
  childNumber?: number;
  childPosition?: number;
  /** One run per school year (continue-as-new). */
  runs: number;
  status: 'running' | 'ended' | 'failed' | 'terminated' | 'canceled' | 'timed_out';
  endReason?: string;
  endMessage?: string;
  totalPaid?: number;
  /** Each school year: paid (with its ledger key and gateway reference), lapsed, not payable, or undecided yet. */
  years: ScholarshipYearTrail[];
  lifeEvents: (ActedBy & { kind: string; date: string; stops?: boolean; reason?: string })[];
  /** The patches its runs recorded (scholarship-start-on-first-school-year, enrolment-proof-reviewed). */
  patches: string[];
  /** Each new account after a refusal: who proposed it and who reviewed it (account masked). */
  bankAccountChanges: AccountChangeTrail[];
}

type ScholarshipYearTrail = Omit<ScholarshipYearRecord, 'outcome' | 'amount'> & {
  outcome: ScholarshipYearRecord['outcome'] | 'undecided';
  amount?: number;
  /** The proof of enrolment: who submitted it, when, for which level and grade. */
  proof?: ActedBy & { level: string; grade: number; institution: string };
  /** Each review of a proof (patch enrolment-proof-reviewed): who, when, confirmed or rejected, and why. */
  reviews?: (ActedBy & { decision: string; reason: string })[];
};

export function scholarshipTrail(trails: ScholarshipTrail[], run: RunCalls): void {
  const input = run.input[0] as ScholarshipInput | undefined;
  let trail = trails.find((t) => t.workflowId === run.workflowId);
  if (!trail) {
    trail = {
      workflowId: run.workflowId,
      runs: 0,
      status: 'running',
      years: [],
      lifeEvents: [],
      patches: [],
      bankAccountChanges: [],
    };
    if (input) Object.assign(trail, { childNumber: input.childNumber, childPosition: input.childPosition });
    trails.push(trail);
  }
  trail.runs += 1;
  for (const patch of run.patches) if (!trail.patches.includes(patch)) trail.patches.push(patch);
  // The years decided so far travel from run to run; the last word on them is the latest run's.
  const carried = (run.close?.status === 'continued_as_new' ? (run.close.result as ScholarshipInput) : input)
    ?.carried;
  const outcome = run.close?.status === 'completed' ? (run.close.result as ScholarshipOutcome) : undefined;
  const years = outcome?.years ?? carried?.years;
  if (years) {
    const before = new Map(trail.years.map((y) => [y.schoolYear, y]));
    const decided: ScholarshipYearTrail[] = years.map((y) => {
      const { proof, reviews } = before.get(y.schoolYear) ?? {};
      return { ...y, ...(proof ? { proof } : {}), ...(reviews ? { reviews } : {}) };
    });
    const undecided = trail.years.filter(
      (y) => y.outcome === 'undecided' && !years.some((d) => d.schoolYear === y.schoolYear),
    );
    trail.years = [...decided, ...undecided];
  }
  for (const update of run.updates) {
    if (update.status === 'failed') continue;
    const enrollment = updateOf(update, submitEnrollmentUpdate);
    const lifeEvent = updateOf(update, reportLifeEventUpdate);
    const review = updateOf(update, reviewEnrollmentUpdate);
    if (review) {
      const { request } = review;
      const entry = {
        ...actedBy(request.actor),
        at: update.acceptedAt,
        decision: request.decision,
        reason: request.reason,
      };
      const year = trail.years.find((y) => y.schoolYear === request.schoolYear);
      if (year) year.reviews = [...(year.reviews ?? []), entry];
      else trail.years.push({ schoolYear: request.schoolYear, outcome: 'undecided', reviews: [entry] });
    } else if (enrollment) {
      const { request, result } = enrollment;
      const proof = {
        ...actedBy(request.actor),
        at: update.acceptedAt,
        level: result?.level ?? request.level,
        grade: result?.grade ?? request.grade,
        institution: request.institution,
      };
      const year = trail.years.find((y) => y.schoolYear === request.schoolYear);
      if (year) year.proof = proof;
      else trail.years.push({ schoolYear: request.schoolYear, outcome: 'undecided', proof });
    } else if (lifeEvent) {
      const { request, result } = lifeEvent;
      trail.lifeEvents.push({
        ...actedBy(request.actor),
        at: update.acceptedAt,
        kind: request.kind,
        date: request.date,
        ...(result ? { stops: result.stops, reason: result.reason } : {}),
      });
    } else {
      accountChangeFrom(trail.bankAccountChanges, update);
    }
  }
  if (!run.close || run.close.status === 'continued_as_new') {
    trail.status = 'running';
  } else if (run.close.status === 'completed') {
    trail.status = 'ended';
    if (outcome)
      Object.assign(trail, {
        endReason: outcome.reason,
        endMessage: outcome.message,
        totalPaid: outcome.totalPaid,
      });
  } else {
    trail.status = run.close.status;
    if (run.close.failure) trail.endMessage = run.close.failure;
  }
  if (trail.totalPaid === undefined && carried) trail.totalPaid = carried.totalPaid;
}
