// The decision trail, rebuilt from the histories alone: who verified and decided, under which regulation,
// what was paid with which keys. No national ID and no full account number ever enters it.
import type { LoadedDataConverter } from '@temporalio/common';
import type { PayoutRequest, PayoutResult } from '../activities/payouts';
import type { AssessmentRecord, MembershipCheck } from '../activities/claims';
import type {
  Actor,
  ClaimInput,
  ClaimOutcome,
  DecideRequest,
  DecideResult,
  EnrollmentRequest,
  EnrollmentResult,
  LifeEventRequest,
  LifeEventResult,
  ScholarshipChoiceRequest,
  ScholarshipInput,
  ScholarshipOutcome,
  ScholarshipYearRecord,
  UpdateBankAccountRequest,
  VerifyRequest,
  VerifyResult,
} from '../workflows/definitions';
import { readRun, type ActivityCall, type RunCalls } from './events';
import type { RunHistory } from './fetch';

export interface ActedBy {
  /** Staff id from the token, or "family" (claim number + tracking code). */
  by: string;
  role?: string;
  at: string;
}

export interface DecisionTrail {
  claimNumber?: string;
  program?: string;
  filed?: ActedBy & { eventDate: string; claimDate: string; heirs: number; children: number };
  membership?: {
    at: string;
    eligible: boolean;
    reason?: string;
    membershipStartDate?: string;
    monthlyWage?: number;
    employerId?: string;
    employerName?: string;
    arrearsMonths?: number;
  };
  verifications: (ActedBy & {
    checklist: Record<string, boolean>;
    note?: string;
    complete?: boolean;
    missing?: string[];
  })[];
  escalation?: { at: string; due?: string };
  assessment?: { at: string } & Pick<
    AssessmentRecord,
    'regulation' | 'inputs' | 'components' | 'total' | 'employerLiability' | 'notes'
  >;
  decision?: ActedBy & { decision: 'approve' | 'reject'; reason: string; total?: number };
  /** Which children the officer chose for a scholarship (positions on the claim). */
  scholarshipChoice?: ActedBy & { children: number[]; reason?: string };
  bankAccountChanges: (ActedBy & { revision?: number; bankCode: string; accountNumber: string })[];
  payouts: {
    component: string;
    amount: number;
    accountRevision: number;
    requestedAt: string;
    settledAt?: string;
    status: 'paid' | 'refused' | 'failed' | 'pending';
    idempotencyKey?: string;
    gatewayReference?: string;
    failureCode?: string;
    failure?: string;
  }[];
  notifications: { kind: string; at: string }[];
  outcome?: { status: string; at: string; reason?: string; total?: number };
  /** Versioning markers (patched()) the claim's run recorded. */
  patches: string[];
  scholarships: ScholarshipTrail[];
}

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
}

export type ScholarshipYearTrail = Omit<ScholarshipYearRecord, 'outcome' | 'amount'> & {
  outcome: ScholarshipYearRecord['outcome'] | 'undecided';
  amount?: number;
  /** The proof of enrolment: who submitted it, when, for which level and grade. */
  proof?: ActedBy & { level: string; grade: number; institution: string };
};

/** Keeps the last four digits: enough to tell accounts apart, not enough to use one. */
export function maskAccount(value: string): string {
  return value.length <= 4 ? '*'.repeat(value.length) : `${'*'.repeat(value.length - 4)}${value.slice(-4)}`;
}

function actor(a: Actor | undefined): { by: string; role?: string } {
  if (!a || a.kind === 'family') return { by: 'family' };
  return { by: a.id, role: a.role };
}

function payout(call: ActivityCall): DecisionTrail['payouts'][number] {
  const req = call.input[0] as PayoutRequest;
  const res = call.result as PayoutResult | undefined;
  const base = {
    component: req.component,
    amount: req.amount,
    accountRevision: req.accountRevision,
    requestedAt: call.scheduledAt,
    ...(call.closedAt ? { settledAt: call.closedAt } : {}),
  };
  if (call.status === 'completed' && res?.status === 'paid') {
    return {
      ...base,
      status: 'paid',
      idempotencyKey: res.idempotencyKey,
      gatewayReference: res.gatewayReference,
    };
  }
  if (call.status === 'completed' && res?.status === 'refused') {
    return { ...base, status: 'refused', idempotencyKey: res.idempotencyKey, failureCode: res.failureCode };
  }
  if (call.status === 'pending') return { ...base, status: 'pending' };
  return { ...base, status: 'failed', failure: call.failure ?? call.status };
}

function claimTrail(trail: DecisionTrail, run: RunCalls): void {
  const input = run.input[0] as ClaimInput | undefined;
  if (input) {
    trail.claimNumber = input.claimNumber;
    trail.program = input.program;
    trail.filed ??= {
      by: input.createdBy,
      at: run.startedAt,
      eventDate: input.eventDate,
      claimDate: input.claimDate,
      heirs: input.heirs?.length ?? 0,
      children: input.children?.length ?? 0,
    };
  }
  trail.patches.push(...run.patches.filter((p) => !trail.patches.includes(p)));

  for (const update of run.updates) {
    if (update.status === 'failed') continue; // refused by the handler: nothing was decided
    if (update.name === 'verify') {
      const req = update.input[0] as VerifyRequest;
      const res = update.result as VerifyResult | undefined;
      trail.verifications.push({
        ...actor(req.actor),
        at: update.acceptedAt,
        checklist: req.checklist as Record<string, boolean>,
        ...(req.note ? { note: req.note } : {}),
        ...(res ? { complete: res.complete, missing: res.missing } : {}),
      });
    } else if (update.name === 'decide') {
      const req = update.input[0] as DecideRequest;
      const res = update.result as DecideResult | undefined;
      trail.decision = {
        ...actor(req.actor),
        at: update.acceptedAt,
        decision: req.decision,
        reason: req.reason,
        ...(res ? { total: res.total } : {}),
      };
    } else if (update.name === 'chooseScholarshipChildren') {
      const req = update.input[0] as ScholarshipChoiceRequest;
      const res = update.result as { children?: number[] } | undefined;
      trail.scholarshipChoice = {
        ...actor(req.actor),
        at: update.acceptedAt,
        children: res?.children ?? req.children,
        ...(req.reason ? { reason: req.reason } : {}),
      };
    } else if (update.name === 'updateBankAccount') {
      const req = update.input[0] as UpdateBankAccountRequest;
      const res = update.result as { accountRevision?: number } | undefined;
      trail.bankAccountChanges.push({
        ...actor(req.actor),
        at: update.acceptedAt,
        ...(res?.accountRevision !== undefined ? { revision: res.accountRevision } : {}),
        bankCode: req.bankAccount.bankCode,
        accountNumber: maskAccount(req.bankAccount.accountNumber),
      });
    }
  }

  for (const call of run.activities) {
    if (call.type === 'checkMembership' && call.status === 'completed') {
      const check = call.result as MembershipCheck;
      trail.membership = check.eligible
        ? { at: call.scheduledAt, eligible: true, ...check.facts }
        : { at: call.scheduledAt, eligible: false, reason: check.reason };
    } else if (call.type === 'escalate') {
      trail.escalation = {
        at: call.scheduledAt,
        ...(typeof call.input[2] === 'string' ? { due: call.input[2] } : {}),
      };
    } else if (call.type === 'recordAssessment') {
      const a = call.input[2] as AssessmentRecord;
      trail.assessment = {
        at: call.scheduledAt,
        regulation: a.regulation,
        inputs: a.inputs,
        components: a.components,
        total: a.total,
        ...(a.employerLiability ? { employerLiability: a.employerLiability } : {}),
        notes: a.notes,
      };
    } else if (call.type === 'payout') {
      trail.payouts.push(payout(call));
    } else if (call.type === 'notifyFamily') {
      trail.notifications.push({ kind: String(call.input[1]), at: call.scheduledAt });
    }
  }

  if (run.close) {
    const outcome = run.close.result as ClaimOutcome | undefined;
    trail.outcome =
      run.close.status === 'completed' && outcome
        ? {
            status: outcome.status,
            at: run.close.at,
            ...(outcome.reason ? { reason: outcome.reason } : {}),
            total: outcome.total,
          }
        : {
            status: run.close.status,
            at: run.close.at,
            ...(run.close.failure ? { reason: run.close.failure } : {}),
          };
  }
}

function scholarshipTrail(trails: ScholarshipTrail[], run: RunCalls): void {
  const input = run.input[0] as ScholarshipInput | undefined;
  let trail = trails.find((t) => t.workflowId === run.workflowId);
  if (!trail) {
    trail = { workflowId: run.workflowId, runs: 0, status: 'running', years: [], lifeEvents: [] };
    if (input) Object.assign(trail, { childNumber: input.childNumber, childPosition: input.childPosition });
    trails.push(trail);
  }
  trail.runs += 1;
  // The years decided so far travel from run to run; the last word on them is the latest run's.
  const carried = (run.close?.status === 'continued_as_new' ? (run.close.result as ScholarshipInput) : input)
    ?.carried;
  const outcome = run.close?.status === 'completed' ? (run.close.result as ScholarshipOutcome) : undefined;
  const years = outcome?.years ?? carried?.years;
  if (years) {
    const before = new Map(trail.years.map((y) => [y.schoolYear, y]));
    const decided: ScholarshipYearTrail[] = years.map((y) => {
      const proof = before.get(y.schoolYear)?.proof;
      return proof ? { ...y, proof } : { ...y };
    });
    const undecided = trail.years.filter(
      (y) => y.outcome === 'undecided' && !years.some((d) => d.schoolYear === y.schoolYear),
    );
    trail.years = [...decided, ...undecided];
  }
  for (const update of run.updates) {
    if (update.status === 'failed') continue;
    if (update.name === 'submitEnrollment') {
      const req = update.input[0] as EnrollmentRequest;
      const res = update.result as EnrollmentResult | undefined;
      const proof = {
        ...actor(req.actor),
        at: update.acceptedAt,
        level: res?.level ?? req.level,
        grade: res?.grade ?? req.grade,
        institution: req.institution,
      };
      const year = trail.years.find((y) => y.schoolYear === req.schoolYear);
      if (year) year.proof = proof;
      else trail.years.push({ schoolYear: req.schoolYear, outcome: 'undecided', proof });
    } else if (update.name === 'reportLifeEvent') {
      const req = update.input[0] as LifeEventRequest;
      const res = update.result as LifeEventResult | undefined;
      trail.lifeEvents.push({
        ...actor(req.actor),
        at: update.acceptedAt,
        kind: req.kind,
        date: req.date,
        ...(res ? { stops: res.stops, reason: res.reason } : {}),
      });
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

/** Rebuilds the trail from the claim's runs, then its scholarship runs (as fetchClaimHistories orders them). */
export async function buildDecisionTrail(
  runs: readonly RunHistory[],
  converter: LoadedDataConverter,
): Promise<DecisionTrail> {
  const trail: DecisionTrail = {
    verifications: [],
    bankAccountChanges: [],
    payouts: [],
    notifications: [],
    patches: [],
    scholarships: [],
  };
  for (const run of runs) {
    const calls = await readRun(run, converter);
    if (run.workflowType === 'claimWorkflow') claimTrail(trail, calls);
    else scholarshipTrail(trail.scholarships, calls);
  }
  return trail;
}
