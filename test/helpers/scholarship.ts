// Scholarship test helpers: claims with children through approval, direct starts, server-clock jumps to a
// Jakarta date, and polling a scholarship's state through its query.
import type { Client, WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createClaimActivities } from '../../activities/claims';
import type { Db } from '../../db/config';
import { jakartaDate } from '../../rules';
import { addYears, addDays } from '../../rules/dates';
import type { claimWorkflow } from '../../workflows/claim';
import { claimStateQuery, decideUpdate, verifyUpdate } from '../../vocabulary/messages/claim';
import {
  reviewEnrollmentUpdate,
  scholarshipStateQuery,
  submitEnrollmentUpdate,
  type EnrollmentResult,
  type ProofReviewDecision,
  type EnrollmentRequest,
  type ScholarshipInput,
  type ScholarshipState,
  type SchoolLevel,
} from '../../vocabulary/messages/scholarship';
import type { Actor } from '../../vocabulary/actors';
import type { Child, ClaimInput } from '../../vocabulary/claim';
import { isScholarshipYearOutcome, type ClaimStatus } from '../../vocabulary/status';
import { jakartaStartOfDay } from '../../rules/jakarta-time';
import type { scholarshipWorkflow } from '../../workflows/scholarship';
import { claimInput, createParticipant, FULL_CHECKLIST } from './factories';

export const officer1: Actor = { kind: 'staff', id: 'officer-1', role: 'officer' };
export const officer2: Actor = { kind: 'staff', id: 'officer-2', role: 'officer' };
export const family: Actor = { kind: 'family' };

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Today in Jakarta on the server's clock (which earlier tests in the file may have moved years ahead). */
export async function serverToday(env: TestWorkflowEnvironment): Promise<string> {
  return jakartaDate(await env.currentTimeMs());
}

/** A date of birth making the child `years` old (and a few months) on `date`. */
export function bornYearsBefore(date: string, years: number, extraDays = 100): string {
  return addDays(addYears(date, -years), -extraDays);
}

/**
 * Moves the time-skipping server's clock to `hours` into the Jakarta day `date` (no-op if already past). Aim at a
 * timer's instant (1 July, midnight, opens the window): the server sleeps past its last timer in real time.
 */
export async function skipTo(env: TestWorkflowEnvironment, date: string, hours = 0): Promise<void> {
  const target = jakartaStartOfDay(date) + hours * 3_600_000;
  const now = await env.currentTimeMs();
  if (target > now) await env.sleep(target - now);
}

export async function scholarshipState(client: Client, workflowId: string): Promise<ScholarshipState> {
  return client.workflow.getHandle(workflowId).query(scholarshipStateQuery);
}

/** Polls the latest run's query until `ready` holds (the run may be continuing as new meanwhile). */
export async function waitForScholarship(
  client: Client,
  workflowId: string,
  ready: (state: ScholarshipState) => boolean,
  what = 'the expected state',
): Promise<ScholarshipState> {
  let last: ScholarshipState | undefined;
  const until = Date.now() + 20_000;
  while (Date.now() < until) {
    try {
      // A deadline per query: the time-skipping server sometimes leaves a query unanswered; ask again.
      last = await client.withDeadline(Date.now() + 2000, () => scholarshipState(client, workflowId));
      if (ready(last)) return last;
    } catch {
      // not started yet, between runs, or unanswered: ask again
    }
    await pause(25);
  }
  throw new Error(`${workflowId} never reached ${what}; last state: ${JSON.stringify(last)}`);
}

export function waitingForProof(client: Client, workflowId: string, schoolYear: string) {
  return waitForScholarship(
    client,
    workflowId,
    (s) => s.status === 'waiting_for_proof' && s.schoolYear === schoolYear,
    `waiting for proof for ${schoolYear}`,
  );
}

/** Polls until the year is decided (paid, lapsed or not payable) or the scholarship has ended. */
export function yearDecided(client: Client, workflowId: string, schoolYear: string) {
  return waitForScholarship(
    client,
    workflowId,
    (s) =>
      s.status === 'ended' || (s.years.some((y) => y.schoolYear === schoolYear) && s.status !== 'paying'),
    `${schoolYear} decided`,
  );
}

/** A scholarship as its activities recorded it: the projection row and its school years. */
export interface ScholarshipRecord {
  status: string;
  schoolYear: string;
  totalPaid: number;
  yearsPaid: Record<string, number>;
  deadline: string | null;
  endReason: string | null;
  years: {
    schoolYear: string;
    status: string;
    level: string | null;
    grade: number | null;
    amount: number;
    reason: string | null;
  }[];
}

export async function scholarshipRecord(db: Db, workflowId: string): Promise<ScholarshipRecord | undefined> {
  // One snapshot: a year and the status after it are written in one transaction, and two separate reads could
  // see the status from before it and the year from after it.
  const { row, years } = await db.transaction(
    async (trx) => {
      const years = await trx('scholarship_years').where({ workflow_id: workflowId }).orderBy('school_year');
      const row = await trx('scholarships').where({ workflow_id: workflowId }).first();
      return { row, years };
    },
    { isolationLevel: 'repeatable read' },
  );
  if (!row) return undefined;
  return {
    status: row.status,
    schoolYear: row.school_year,
    totalPaid: row.total_paid,
    yearsPaid: row.years_paid,
    deadline: row.deadline,
    endReason: row.end_reason,
    years: years.map((y) => ({
      schoolYear: y.school_year,
      status: y.status,
      level: y.level,
      grade: y.grade,
      amount: y.amount,
      reason: y.reason,
    })),
  };
}

/**
 * Polls the recorded projection until `ready` holds. Prefer it to the query on the time-skipping server: a query
 * that server leaves unanswered also holds its clock.
 */
export async function waitForRecord(
  db: Db,
  workflowId: string,
  ready: (record: ScholarshipRecord) => boolean,
  what = 'the expected state',
): Promise<ScholarshipRecord> {
  let last: ScholarshipRecord | undefined;
  for (let i = 0; i < 800; i++) {
    last = await scholarshipRecord(db, workflowId);
    if (last && ready(last)) return last;
    await pause(25);
  }
  throw new Error(`${workflowId} never reached ${what}; last recorded: ${JSON.stringify(last)}`);
}

export function proofDue(db: Db, workflowId: string, schoolYear: string) {
  return waitForRecord(
    db,
    workflowId,
    (s) => s.status === 'waiting_for_proof' && s.schoolYear === schoolYear,
    `waiting for proof for ${schoolYear}`,
  );
}

/** Polls until the year is decided (paid, lapsed or not payable) or the scholarship has ended. */
export function yearRecorded(db: Db, workflowId: string, schoolYear: string) {
  return waitForRecord(
    db,
    workflowId,
    (s) =>
      s.status === 'ended' ||
      (s.years.some((y) => y.schoolYear === schoolYear && isScholarshipYearOutcome(y.status)) &&
        s.status !== 'paying'),
    `${schoolYear} decided`,
  );
}

export function proof(
  schoolYear: string,
  level: SchoolLevel,
  grade: number,
  extra: Partial<EnrollmentRequest> = {},
): EnrollmentRequest {
  return {
    actor: family,
    schoolYear,
    level,
    grade,
    institution: `Sekolah ${level} Negeri 1`,
    documentReference: `SKA-${schoolYear.slice(0, 4)}-${level}${grade}`,
    ...extra,
  };
}

/** "2027/2028" for the school year containing a date. */
export function schoolYearOfDate(date: string): string {
  const year = Number(date.slice(0, 4));
  const start = Number(date.slice(5, 7)) >= 7 ? year : year - 1;
  return `${start}/${start + 1}`;
}

export function nextSchoolYear(name: string, by = 1): string {
  const start = Number(name.slice(0, 4)) + by;
  return `${start}/${start + 1}`;
}

export async function waitForClaim(handle: WorkflowHandle, status: ClaimStatus): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if ((await handle.query(claimStateQuery)).status === status) return;
    await pause(25);
  }
  throw new Error(`claim never reached ${status}`);
}

/** A JKM claim with children, filed today (server clock), started, verified and approved by two officers. */
export async function approvedClaim(
  env: TestWorkflowEnvironment,
  db: Db,
  taskQueue: string,
  children: Child[],
  overrides: Partial<ClaimInput> = {},
): Promise<{ input: ClaimInput; handle: WorkflowHandle<typeof claimWorkflow> }> {
  const today = await serverToday(env);
  const { nik } = await createParticipant(db, { membershipStartDate: '2010-01-01' });
  const input = claimInput({
    participantNik: nik,
    eventDate: addDays(today, -10),
    claimDate: today,
    children,
    ...overrides,
  });
  const handle = await env.client.workflow.start<typeof claimWorkflow>('claimWorkflow', {
    workflowId: input.claimNumber,
    taskQueue,
    args: [input],
  });
  await waitForClaim(handle, 'waiting_for_documents');
  await handle.executeUpdate(verifyUpdate, { args: [{ actor: officer1, checklist: FULL_CHECKLIST }] });
  await waitForClaim(handle, 'waiting_for_decision');
  await handle.executeUpdate(decideUpdate, {
    args: [{ actor: officer2, decision: 'approve', reason: 'Complete file' }],
  });
  return { input, handle };
}

/** Records a claim (the scholarships' parent rows) without running its workflow, for direct starts. */
export async function recordedClaim(db: Db, children: Child[], eventDate: string): Promise<ClaimInput> {
  const { nik } = await createParticipant(db, { membershipStartDate: '2010-01-01' });
  const input = claimInput({ participantNik: nik, eventDate, claimDate: eventDate, children });
  await createClaimActivities(db).recordClaim(input, { seq: 1, type: 'claim_received' });
  return input;
}

/** Starts a scholarship directly (as the claim would), for child 1 of the recorded claim. */
export async function startScholarship(
  env: TestWorkflowEnvironment,
  db: Db,
  taskQueue: string,
  child: Child,
  eventDate: string,
  options?: ScholarshipInput['options'],
): Promise<{ claim: ClaimInput; workflowId: string; handle: WorkflowHandle<typeof scholarshipWorkflow> }> {
  const claim = await recordedClaim(db, [child], eventDate);
  const workflowId = `${claim.claimNumber}-S1`;
  const handle = await env.client.workflow.start<typeof scholarshipWorkflow>('scholarshipWorkflow', {
    workflowId,
    taskQueue,
    args: [
      {
        claimNumber: claim.claimNumber,
        childNumber: 1,
        childPosition: 1,
        dateOfBirth: child.dateOfBirth,
        ...(child.schooling ? { schooling: child.schooling } : {}),
        eventDate,
        account: claim.bankAccount,
        ...(options ? { options } : {}),
      },
    ],
  });
  return { claim, workflowId, handle };
}

/** A staff member's review of the proof waiting for `schoolYear`: officer-2 by default, who sends no proof here. */
export function reviewProof(
  client: Client,
  workflowId: string,
  schoolYear: string,
  decision: ProofReviewDecision = 'confirm',
  actor: Actor = officer2,
  reason = 'Checked against the school’s letter.',
) {
  return client.workflow
    .getHandle(workflowId)
    .executeUpdate(reviewEnrollmentUpdate, { args: [{ actor, schoolYear, decision, reason }] });
}

/** Sends the proof and has a second staff member confirm it; answers what the proof's answer said the year pays. */
export async function proveYear(
  client: Client,
  workflowId: string,
  request: EnrollmentRequest,
): Promise<EnrollmentResult> {
  const sent = await client.workflow
    .getHandle(workflowId)
    .executeUpdate(submitEnrollmentUpdate, { args: [request] });
  await reviewProof(client, workflowId, request.schoolYear);
  return sent;
}
