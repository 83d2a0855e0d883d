// The claim aggregate: the claim row, its heirs, children, documents, assessment and event log.
import type { Knex } from 'knex';
import type { ClaimInput } from '../../vocabulary/claim';
import type { ClaimStatus } from '../../vocabulary/status';
import type { DocumentCode } from '../../vocabulary/documents';
import type { Program } from '../../rules/programs';
import { recipientPositions } from '../../rules/recipients';
import { atomically } from './atomic';
import { releaseDeath } from './claimed-deaths';
import { CLAIM_STATUSES, isClosedStatus, isRefusedStatus } from '../../vocabulary/status';
import type {
  AssessmentRow,
  ChildRow,
  ClaimChange,
  ClaimCursor,
  ClaimDetail,
  ClaimEventRow,
  ClaimQueueRow,
  ClaimRow,
  DocumentRow,
  HeirRow,
  TrackingCodeReissueRow,
} from './claim-rows';
import type { AssessmentRecord, StepEvent } from '../../vocabulary/activities';

export type * from './claim-rows';

function claimColumns(change: ClaimChange, now: Knex.Raw) {
  const { decision, verified, escalatedAt, bankAccount } = change;
  return {
    ...(change.status !== undefined ? { status: change.status } : {}),
    ...(change.statusReason !== undefined ? { status_reason: change.statusReason } : {}),
    ...(decision
      ? {
          decision: decision.decision,
          decided_by: decision.decidedBy,
          decision_reason: decision.reason,
          decided_at: decision.at,
        }
      : {}),
    ...(verified ? { verified_by: verified.by, verified_at: verified.at } : {}),
    ...(escalatedAt ? { escalated: true, escalated_at: escalatedAt } : {}),
    ...(change.claimDate !== undefined ? { claim_date: change.claimDate } : {}),
    ...(change.verificationDue !== undefined ? { verification_due: change.verificationDue } : {}),
    ...(bankAccount
      ? {
          bank_code: bankAccount.bankCode,
          account_number: bankAccount.accountNumber,
          account_name: bankAccount.accountName,
          account_revision: bankAccount.revision,
        }
      : {}),
    ...(change.closed ? { closed_at: now } : {}),
  };
}

/** The event, then (if it is new) the claim's changes, in `db`'s transaction. */
async function append(
  db: Knex,
  claimNumber: string,
  event: StepEvent,
  change: ClaimChange,
): Promise<boolean> {
  const inserted = await db('claim_events')
    .insert({
      claim_number: claimNumber,
      seq: event.seq,
      type: event.type,
      actor: event.actor ?? null,
      data: JSON.stringify(event.data ?? {}),
    })
    .onConflict(['claim_number', 'seq'])
    .ignore()
    .returning('id');
  if (inserted.length === 0) return false;
  const columns = claimColumns(change, db.fn.now());
  if (Object.keys(columns).length > 0) {
    await db<ClaimRow>('claims')
      .where({ claim_number: claimNumber })
      .update({ ...columns, updated_at: db.fn.now() });
  }
  // A refused claim frees the participant's death in the same transaction as its status (one death, one claim).
  if (change.status !== undefined && isRefusedStatus(change.status)) {
    await releaseDeath(db, claimNumber, change.status);
  }
  return true;
}

export class ClaimStore {
  constructor(private readonly db: Knex) {}

  /** The claim with its heirs, children and first event; false, writing nothing, when the claim number exists. */
  create(input: ClaimInput, event: StepEvent): Promise<boolean> {
    return atomically(this.db, async (db) => {
      const inserted = await db<ClaimRow>('claims')
        .insert({
          claim_number: input.claimNumber,
          program: input.program,
          event: input.event,
          participant_nik: input.participantNik,
          event_date: input.eventDate,
          claim_date: input.claimDate,
          status: 'received',
          tracking_code_hash: input.trackingCodeHash,
          created_by: input.createdBy,
          bank_code: input.bankAccount.bankCode,
          account_number: input.bankAccount.accountNumber,
          account_name: input.bankAccount.accountName,
        })
        .onConflict('claim_number')
        .ignore()
        .returning('claim_number');
      if (inserted.length === 0) return false;
      if (input.heirs.length > 0) {
        const receiving = new Set(recipientPositions(input.heirs));
        await db<HeirRow>('heirs').insert(
          input.heirs.map((h, i) => ({
            claim_number: input.claimNumber,
            position: i + 1,
            name: h.name,
            relationship: h.relationship,
            nik: h.nik ?? null,
            date_of_birth: h.dateOfBirth ?? null,
            recipient: receiving.has(i + 1),
          })),
        );
      }
      if (input.children.length > 0) {
        await db<ChildRow>('children').insert(
          input.children.map((c, i) => ({
            claim_number: input.claimNumber,
            position: i + 1,
            name: c.name ?? null,
            date_of_birth: c.dateOfBirth,
            registered: c.registered ?? false,
            school_level: c.schooling?.level ?? null,
            school_grade: c.schooling?.grade ?? null,
            married: c.married ?? false,
            working: c.working ?? false,
          })),
        );
      }
      await append(db, input.claimNumber, event, {});
      return true;
    });
  }

  /**
   * Appends the event and, if it is new, applies the change to the claim, in one transaction. False when the event
   * was already recorded (a retried activity): the caller then writes nothing else.
   */
  appendEvent(claimNumber: string, event: StepEvent, change: ClaimChange = {}): Promise<boolean> {
    return atomically(this.db, (db) => append(db, claimNumber, event, change));
  }

  /** The officer's checklist: one row per document, the latest check overwriting an earlier one. */
  async recordDocuments(
    claimNumber: string,
    checklist: Partial<Record<DocumentCode, boolean>>,
    checked: { by: string; at: Date },
  ): Promise<void> {
    const rows = Object.entries(checklist).map(([code, received]) => ({
      claim_number: claimNumber,
      code,
      received: Boolean(received),
      checked_by: checked.by,
      checked_at: checked.at,
    }));
    if (rows.length === 0) return;
    await this.db<DocumentRow>('documents')
      .insert(rows)
      .onConflict(['claim_number', 'code'])
      .merge(['received', 'checked_by', 'checked_at']);
  }

  /** The assessment, once: a second one for the same claim is ignored. */
  async recordAssessment(claimNumber: string, a: AssessmentRecord): Promise<void> {
    await this.db('assessments')
      .insert({
        claim_number: claimNumber,
        regulation: a.regulation,
        inputs: JSON.stringify(a.inputs),
        components: JSON.stringify(a.components),
        total: a.total,
        employer_liability: a.employerLiability ? JSON.stringify(a.employerLiability) : null,
        scholarship: a.scholarship === undefined ? null : JSON.stringify(a.scholarship),
        notes: JSON.stringify(a.notes),
        recipients: a.recipients ? JSON.stringify(a.recipients) : null,
      })
      .onConflict('claim_number')
      .ignore();
  }

  async setVerificationDue(claimNumber: string, dueDate: string): Promise<void> {
    await this.db<ClaimRow>('claims')
      .where({ claim_number: claimNumber })
      .update({ verification_due: dueDate });
  }

  /**
   * A new tracking code for the family: the old one stops opening the claim with this commit. The reissue is kept
   * with who issued it and how the family's identity was checked. False when there is no such claim.
   */
  reissueTrackingCode(
    claimNumber: string,
    trackingCodeHash: string,
    reissue: { issuedBy: string; identityCheck: string },
  ): Promise<boolean> {
    return atomically(this.db, async (db) => {
      const updated = await db<ClaimRow>('claims')
        .where({ claim_number: claimNumber })
        .update({ tracking_code_hash: trackingCodeHash, updated_at: db.fn.now() });
      if (updated === 0) return false;
      await db<TrackingCodeReissueRow>('tracking_code_reissues').insert({
        claim_number: claimNumber,
        issued_by: reissue.issuedBy,
        identity_check: reissue.identityCheck,
      });
      return true;
    });
  }

  /** The tracking codes issued again for the claim, oldest first. */
  trackingCodeReissues(claimNumber: string): Promise<TrackingCodeReissueRow[]> {
    return this.db<TrackingCodeReissueRow>('tracking_code_reissues')
      .where({ claim_number: claimNumber })
      .orderBy('id');
  }

  find(claimNumber: string): Promise<ClaimRow | undefined> {
    return this.db<ClaimRow>('claims').where({ claim_number: claimNumber }).first();
  }

  /** Replaces the claim's tracking-code hash if it is still `was` (a legacy hash upgraded on first use). */
  async replaceTrackingCodeHash(claimNumber: string, was: string, hash: string): Promise<boolean> {
    const updated = await this.db<ClaimRow>('claims')
      .where({ claim_number: claimNumber, tracking_code_hash: was })
      .update({ tracking_code_hash: hash });
    return updated > 0;
  }

  heirs(claimNumber: string): Promise<HeirRow[]> {
    return this.db<HeirRow>('heirs').where({ claim_number: claimNumber }).orderBy('position');
  }

  children(claimNumber: string): Promise<ChildRow[]> {
    return this.db<ChildRow>('children').where({ claim_number: claimNumber }).orderBy('position');
  }

  documents(claimNumber: string): Promise<DocumentRow[]> {
    return this.db<DocumentRow>('documents').where({ claim_number: claimNumber }).orderBy('code');
  }

  /** The codes of the documents checked and found missing. */
  async missingDocuments(claimNumber: string): Promise<string[]> {
    const rows = await this.db<DocumentRow>('documents')
      .where({ claim_number: claimNumber, received: false })
      .select('code');
    return rows.map((d) => d.code);
  }

  assessment(claimNumber: string): Promise<AssessmentRow | undefined> {
    return this.db<AssessmentRow>('assessments').where({ claim_number: claimNumber }).first();
  }

  events(claimNumber: string): Promise<ClaimEventRow[]> {
    return this.db<ClaimEventRow>('claim_events').where({ claim_number: claimNumber }).orderBy('seq');
  }

  /** The steps without actors or data: what the family's timeline shows. */
  timeline(claimNumber: string): Promise<Pick<ClaimEventRow, 'type' | 'created_at'>[]> {
    return this.db<ClaimEventRow>('claim_events')
      .where({ claim_number: claimNumber })
      .orderBy('seq')
      .select('type', 'created_at');
  }

  /** The claim and everything recorded on it but its payouts and scholarships (their own stores). */
  async detail(claimNumber: string): Promise<ClaimDetail | undefined> {
    const [claim, heirs, children, documents, assessment, events] = await Promise.all([
      this.find(claimNumber),
      this.heirs(claimNumber),
      this.children(claimNumber),
      this.documents(claimNumber),
      this.assessment(claimNumber),
      this.events(claimNumber),
    ]);
    return claim ? { claim, heirs, children, documents, assessment, events } : undefined;
  }

  /** The work queue: newest first, keyset-paged on (created_at, claim_number); `next` is null on the last page. */
  async listPage(query: {
    status?: ClaimStatus;
    limit: number;
    after?: ClaimCursor;
  }): Promise<{ rows: ClaimQueueRow[]; next: ClaimCursor | null }> {
    const q = this.db<ClaimRow>('claims')
      .select(
        'claim_number',
        'program',
        'status',
        'event_date',
        'claim_date',
        'escalated',
        'verification_due',
        'created_at',
      )
      .select<(ClaimQueueRow & { cursor_at: string })[]>(
        this.db.raw(`to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_at`),
      )
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'claim_number', order: 'desc' },
      ])
      .limit(query.limit + 1);
    if (query.status) q.where('status', query.status);
    if (query.after) q.whereRaw('(created_at, claim_number) < (?::timestamptz, ?)', query.after);
    const found = await q;
    const page = found.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      rows: page.map(({ cursor_at: _cursor, ...row }) => row),
      next: found.length > query.limit && last ? [last.cursor_at, last.claim_number] : null,
    };
  }

  /** How many claims per programme and status (the metrics): kept by triggers, so the read is a few rows. */
  async countByProgramAndStatus(): Promise<{ program: Program; status: ClaimStatus; n: number }[]> {
    const rows = await this.db<{ program: Program; status: ClaimStatus; n: number }>('claim_totals')
      .where('n', '>', 0)
      .select('program', 'status', 'n');
    return rows.map((r) => ({ program: r.program, status: r.status, n: Number(r.n) }));
  }

  /** Open claims escalated to a supervisor (the metrics): read from the partial index of escalated claims. */
  async countEscalatedOpen(): Promise<{ program: Program; n: number }[]> {
    const open = CLAIM_STATUSES.filter((s) => !isClosedStatus(s));
    const rows = await this.db('claims')
      .where('escalated', true)
      .whereIn('status', open)
      .groupBy('program')
      .select<{ program: Program; n: string }[]>('program', this.db.raw('count(*) as n'));
    return rows.map((r) => ({ program: r.program, n: Number(r.n) }));
  }
}
