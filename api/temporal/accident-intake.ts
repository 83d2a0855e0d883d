// Starting an accident case: refused at intake for a participant not active on the accident date, an expired case
// and a second case for the same accident; a late stage-I report is found and shown. At most one workflow per
// Idempotency-Key, as for a death claim.
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { Stores } from '../../db/stores';
import { accidentEventDate, accidentRegulation, jakartaDate, stageOneReport } from '../../rules';
import type { AccidentInput, AccidentIntakeBody } from '../../vocabulary/accident';
import { claimWorkflowId, formatClaimNumber, TASK_QUEUE } from '../../vocabulary/ids';
import type { accidentWorkflow } from '../../workflows/accident';
import type { Staff } from '../middleware/auth';
import { HttpProblem, problems } from '../middleware/problem';
import { hashTrackingCode, newTrackingCode, randomCode } from '../middleware/tracking-code';
import { canonicalHash } from './intake';

interface AccidentIntakeDeps {
  stores: Stores;
  temporal: Client;
  taskQueue?: string;
  now?: () => Date;
  trackingCodeSecret: string;
}

export interface AccidentIntakeResult {
  claimNumber: string;
  trackingCode?: string;
  replayed: boolean;
  /** A late stage-I report: why the employer is liable. */
  employerLiable?: string;
}

/** The refusals intake makes before anything is written, each naming its field. */
async function checkIntake(deps: AccidentIntakeDeps, body: AccidentIntakeBody, now: Date): Promise<void> {
  const today = jakartaDate(now.getTime());
  if (body.accidentDate > today) throw problems.unprocessable('accidentDate', 'must not be in the future');
  if (body.diagnosisDate !== undefined && body.diagnosisDate > today) {
    throw problems.unprocessable('diagnosisDate', 'must not be in the future');
  }
  if (body.diagnosisDate !== undefined && body.diagnosisDate < body.accidentDate) {
    throw problems.unprocessable('diagnosisDate', 'must not be before accidentDate');
  }
  if (Date.parse(body.reportedAt) > now.getTime())
    throw problems.unprocessable('reportedAt', 'must not be in the future');
  if (jakartaDate(Date.parse(body.reportedAt)) < body.accidentDate) {
    throw problems.unprocessable('reportedAt', 'must not be before accidentDate');
  }
  const participant = await deps.stores.accidents.participant(body.participantNik);
  if (!participant) {
    throw problems.unprocessable('participantNik', 'is not a registered BPJS Ketenagakerjaan participant');
  }
  if (
    participant.membership_start_date > body.accidentDate ||
    (participant.membership_end_date !== null && participant.membership_end_date < body.accidentDate)
  ) {
    throw problems.unprocessable(
      'participantNik',
      `was not an active participant on the accident date ${body.accidentDate}`,
    );
  }
  const eventDate = accidentEventDate(body.accidentKind, body.accidentDate, body.diagnosisDate);
  const { expiry } = accidentRegulation(eventDate, today);
  if (expiry.expired)
    throw problems.unprocessable(
      body.diagnosisDate ? 'diagnosisDate' : 'accidentDate',
      expiry.reason ?? 'has expired',
    );
  if (stageOneReport(body.accidentDate, body.reportedAt).late && !body.employerBankAccount) {
    throw problems.unprocessable(
      'employerBankAccount',
      'is required: the stage-I report is late, so the employer pays first and is reimbursed',
    );
  }
}

function oneCaseProblem(holder: string): HttpProblem {
  return new HttpProblem(
    409,
    'already-claimed',
    'This accident is already a case',
    `accidentDate: the participant already has a case for this accident, ${holder}`,
    [{ field: 'accidentDate', message: `the participant already has a case for this accident, ${holder}` }],
    { claimNumber: holder },
  );
}

/** Holds the accident and starts the workflow in one transaction: of two concurrent intakes one wins, one gets 409. */
async function holdAndStart(deps: AccidentIntakeDeps, input: AccidentInput): Promise<boolean> {
  return deps.stores.transaction(async (tx) => {
    const hold = await tx.accidents.hold({
      claimNumber: input.claimNumber,
      participantNik: input.participantNik,
      accidentDate: input.accidentDate,
    });
    if ('heldBy' in hold) throw oneCaseProblem(hold.heldBy);
    try {
      await deps.temporal.workflow.start<typeof accidentWorkflow>('accidentWorkflow', {
        workflowId: claimWorkflowId(input.claimNumber),
        taskQueue: deps.taskQueue ?? TASK_QUEUE,
        args: [input],
        workflowIdConflictPolicy: 'FAIL',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
      return true;
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) return false;
      throw err;
    }
  });
}

export async function startAccident(
  deps: AccidentIntakeDeps,
  staff: Staff,
  body: AccidentIntakeBody,
  idempotencyKey: string | undefined,
): Promise<AccidentIntakeResult> {
  const now = deps.now?.() ?? new Date();
  const claimDate = jakartaDate(now.getTime());
  const report = stageOneReport(body.accidentDate, body.reportedAt);
  const shown = report.reason ? { employerLiable: report.reason } : {};
  const trackingCode = newTrackingCode();
  const trackingCodeHash = hashTrackingCode(trackingCode, deps.trackingCodeSecret);
  const claimNumber = formatClaimNumber('JKK', claimDate, randomCode(8, 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'));
  await checkIntake(deps, body, now);
  if (idempotencyKey !== undefined) {
    const requestHash = canonicalHash(body);
    const reserved = await deps.stores.intake.reserve({
      idempotency_key: idempotencyKey,
      request_hash: requestHash,
      claim_number: claimNumber,
      tracking_code_hash: trackingCodeHash,
      claim_date: claimDate,
      created_by: staff.id,
    });
    if (!reserved) {
      const earlier = await deps.stores.intake.find(idempotencyKey);
      if (!earlier || earlier.request_hash !== requestHash) {
        throw problems.unprocessable('Idempotency-Key', 'was already used for a different claim');
      }
      return { claimNumber: earlier.claim_number, replayed: true, ...shown };
    }
  }
  const { program, event, ...fields } = body;
  void program;
  void event;
  const input: AccidentInput = { ...fields, claimNumber, claimDate, trackingCodeHash, createdBy: staff.id };
  if (!(await holdAndStart(deps, input))) throw new Error(`claim number ${claimNumber} is taken`);
  return { claimNumber, trackingCode, replayed: false, ...shown };
}
