// The scholarship aggregate: one row per child's ScholarshipWorkflow, its school years and step log, and the
// officer's choice of children on a claim.
import type { Knex } from 'knex';
import type {
  ScholarshipChoiceRecord,
  ScholarshipProjection,
  ScholarshipRef,
  ScholarshipYearWrite,
  StepEvent,
} from '../../vocabulary/activities';
import type {
  ScholarshipChoiceRow,
  ScholarshipEventRow,
  ScholarshipRow,
  ScholarshipYearRow,
} from './scholarship-rows';
import { isScholarshipYearOutcome } from '../../vocabulary/status';

export type * from './scholarship-rows';

const NO_REVIEW = { reviewed_by: null, reviewed_at: null, review_decision: null, review_reason: null };

export class ScholarshipStore {
  constructor(private readonly db: Knex) {}

  /** False when the step was already recorded (a retried activity): the caller then writes nothing else. */
  async appendEvent(ref: ScholarshipRef, event: StepEvent): Promise<boolean> {
    const inserted = await this.db('scholarship_events')
      .insert({
        workflow_id: ref.workflowId,
        claim_number: ref.claimNumber,
        seq: event.seq,
        type: event.type,
        actor: event.actor ?? null,
        data: JSON.stringify(event.data ?? {}),
      })
      .onConflict(['workflow_id', 'seq'])
      .ignore()
      .returning('id');
    return inserted.length > 0;
  }

  /** The scholarship's row as of step `seq`; a row written by a later step is left as it is. */
  async writeProjection(ref: ScholarshipRef, seq: number, p: ScholarshipProjection): Promise<void> {
    const now = this.db.fn.now();
    const changes = {
      status: p.status,
      school_year: p.schoolYear,
      expected_level: p.expected.level,
      expected_grade: p.expected.grade,
      window_opens_on: p.windowOpensOn,
      deadline: p.deadline,
      total_paid: p.totalPaid,
      years_paid: JSON.stringify(p.yearsPaid),
      projected: JSON.stringify(p.projected),
      end_reason: p.endReason ?? null,
      end_message: p.endMessage ?? null,
      ended_at: p.status === 'ended' ? now : null,
      last_seq: seq,
      updated_at: now,
    };
    // Only a later step may overwrite: an update handler's write can finish after the main line's.
    await this.db('scholarships')
      .insert({
        workflow_id: ref.workflowId,
        claim_number: ref.claimNumber,
        child_number: ref.childNumber,
        child_position: ref.childPosition,
        ...changes,
      })
      .onConflict('workflow_id')
      .merge(Object.keys(changes))
      .where('scholarships.last_seq', '<', seq);
  }

  /** A school year's row, created or updated; `paid` adds the ledger key and the gateway's reference. */
  async writeYear(
    ref: ScholarshipRef,
    year: ScholarshipYearWrite,
    paid?: { idempotencyKey: string; gatewayReference: string },
  ): Promise<void> {
    const now = this.db.fn.now();
    const fields = {
      status: year.status,
      ...(year.level !== undefined ? { level: year.level } : {}),
      ...(year.grade !== undefined ? { grade: year.grade } : {}),
      ...(year.institution !== undefined ? { institution: year.institution } : {}),
      ...(year.documentReference !== undefined ? { document_reference: year.documentReference } : {}),
      ...(year.graduated !== undefined ? { graduated: year.graduated } : {}),
      // A new proof clears the review of the one before it (the trail keeps both: scholarship_events).
      ...(year.submittedBy !== undefined
        ? { submitted_by: year.submittedBy, submitted_at: now, ...NO_REVIEW }
        : {}),
      ...(year.review
        ? {
            reviewed_by: year.review.reviewedBy,
            reviewed_at: now,
            review_decision: year.review.decision,
            review_reason: year.review.reason,
          }
        : {}),
      ...(year.amount !== undefined ? { amount: year.amount } : {}),
      ...(year.reason !== undefined ? { reason: year.reason } : {}),
      ...(year.windowOpensOn !== undefined ? { window_opens_on: year.windowOpensOn } : {}),
      ...(year.deadline !== undefined ? { deadline: year.deadline } : {}),
      ...(isScholarshipYearOutcome(year.status) ? { decided_at: now } : {}),
      ...(paid ? { idempotency_key: paid.idempotencyKey, gateway_reference: paid.gatewayReference } : {}),
      updated_at: now,
    };
    // Proof may be recorded while the window's own write is still in flight: opening never overwrites it.
    const merged =
      year.status === 'window_open' ? ['window_opens_on', 'deadline', 'updated_at'] : Object.keys(fields);
    await this.db('scholarship_years')
      .insert({
        workflow_id: ref.workflowId,
        claim_number: ref.claimNumber,
        school_year: year.schoolYear,
        ...fields,
      })
      .onConflict(['workflow_id', 'school_year'])
      .merge(merged);
  }

  /** The officer's choice of children for a claim, once. */
  async recordChoice(claimNumber: string, choice: ScholarshipChoiceRecord): Promise<void> {
    await this.db('scholarship_choices')
      .insert({
        claim_number: claimNumber,
        children: JSON.stringify(choice.children),
        chosen_by: choice.chosenBy,
        reason: choice.reason ?? null,
      })
      .onConflict('claim_number')
      .ignore();
  }

  /** One school year's row of a scholarship. */
  year(workflowId: string, schoolYear: string): Promise<ScholarshipYearRow | undefined> {
    return this.db<ScholarshipYearRow>('scholarship_years')
      .where({ workflow_id: workflowId, school_year: schoolYear })
      .first();
  }

  find(workflowId: string): Promise<ScholarshipRow | undefined> {
    return this.db<ScholarshipRow>('scholarships').where({ workflow_id: workflowId }).first();
  }

  /** The claim a scholarship belongs to, if there is such a scholarship. */
  async claimNumberOf(workflowId: string): Promise<string | undefined> {
    const row = await this.db<ScholarshipRow>('scholarships')
      .where({ workflow_id: workflowId })
      .first('claim_number');
    return row?.claim_number;
  }

  /** A claim's scholarships by child number, and all their school years by scholarship and year. */
  async forClaim(
    claimNumber: string,
  ): Promise<{ scholarships: ScholarshipRow[]; years: ScholarshipYearRow[] }> {
    const [scholarships, years] = await Promise.all([
      this.db<ScholarshipRow>('scholarships').where({ claim_number: claimNumber }).orderBy('child_number'),
      this.db<ScholarshipYearRow>('scholarship_years')
        .where({ claim_number: claimNumber })
        .orderBy(['workflow_id', 'school_year']),
    ]);
    return { scholarships, years };
  }

  events(workflowId: string): Promise<ScholarshipEventRow[]> {
    return this.db<ScholarshipEventRow>('scholarship_events')
      .where({ workflow_id: workflowId })
      .orderBy('seq');
  }

  choice(claimNumber: string): Promise<ScholarshipChoiceRow | undefined> {
    return this.db<ScholarshipChoiceRow>('scholarship_choices').where({ claim_number: claimNumber }).first();
  }
}
