// Scholarship side effects: the per-child projection, its school years, its event log and the family's
// notifications; the yearly payment through the claim payout ledger. Each write is idempotent on a natural key.
import type { Knex } from 'knex';
import type { Db } from '../db/config';
import type { PaymentGateway } from '../gateway/client';
import type { PlanYear } from '../rules';
import type { BankAccount } from '../vocabulary/claim';
import type { ScholarshipEndReason, ScholarshipStatus } from '../vocabulary/status';
import type { SchoolLevel, SchoolStep } from '../vocabulary/messages/scholarship';
import { appendEvent, type StepEvent } from './events';
import { createPayoutActivities, type PayoutResult } from './payouts';

/** Which scholarship: its workflow id (`<claimNumber>-S<n>`) and the claim and child it belongs to. */
export interface ScholarshipRef {
  workflowId: string;
  claimNumber: string;
  childNumber: number;
  childPosition: number;
}

/** One scholarship step; `seq` runs on across school years, so a retried append is a no-op. */
export type ScholarshipEvent = StepEvent;

/** What the family and staff read about the scholarship, as the workflow sees it after this step. */
export interface ScholarshipProjection {
  status: ScholarshipStatus;
  schoolYear: string;
  expected: SchoolStep;
  totalPaid: number;
  yearsPaid: Partial<Record<SchoolLevel, number>>;
  windowOpensOn: string | null;
  deadline: string | null;
  projected: PlanYear[];
  endReason?: ScholarshipEndReason;
  endMessage?: string;
}

export type ScholarshipYearStatus =
  'window_open' | 'proof_received' | 'payment_refused' | 'paid' | 'lapsed' | 'not_payable';

export interface ScholarshipYearWrite {
  schoolYear: string;
  status: ScholarshipYearStatus;
  level?: SchoolLevel;
  grade?: number;
  institution?: string;
  documentReference?: string;
  graduated?: boolean;
  submittedBy?: string;
  amount?: number;
  reason?: string;
  windowOpensOn?: string;
  deadline?: string;
}

export interface Notice {
  kind: string;
  message: string;
}

export interface ScholarshipPayment {
  schoolYear: string;
  level: SchoolLevel;
  grade: number;
  amount: number;
  account: BankAccount;
  accountRevision: number;
}

/** The ledger key of a scholarship year: `<workflowId>:<schoolYear>`, the same on every retry and every worker. */
export function scholarshipPayoutKey(workflowId: string, schoolYear: string): string {
  return `${workflowId}:${schoolYear}`;
}

async function appendScholarshipEvent(trx: Knex.Transaction, ref: ScholarshipRef, event: ScholarshipEvent) {
  const inserted = await trx('scholarship_events')
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

async function writeProjection(
  trx: Knex.Transaction,
  ref: ScholarshipRef,
  seq: number,
  p: ScholarshipProjection,
) {
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
    ended_at: p.status === 'ended' ? trx.fn.now() : null,
    last_seq: seq,
    updated_at: trx.fn.now(),
  };
  const row = {
    workflow_id: ref.workflowId,
    claim_number: ref.claimNumber,
    child_number: ref.childNumber,
    child_position: ref.childPosition,
    ...changes,
  };
  // Only a later step may overwrite: an update handler's write can finish after the main line's.
  await trx('scholarships')
    .insert(row)
    .onConflict('workflow_id')
    .merge(Object.keys(changes))
    .where('scholarships.last_seq', '<', seq);
}

async function writeYear(
  trx: Knex.Transaction,
  ref: ScholarshipRef,
  year: ScholarshipYearWrite,
  extra: object = {},
) {
  const fields: Record<string, unknown> = {
    status: year.status,
    ...(year.level !== undefined ? { level: year.level } : {}),
    ...(year.grade !== undefined ? { grade: year.grade } : {}),
    ...(year.institution !== undefined ? { institution: year.institution } : {}),
    ...(year.documentReference !== undefined ? { document_reference: year.documentReference } : {}),
    ...(year.graduated !== undefined ? { graduated: year.graduated } : {}),
    ...(year.submittedBy !== undefined ? { submitted_by: year.submittedBy, submitted_at: trx.fn.now() } : {}),
    ...(year.amount !== undefined ? { amount: year.amount } : {}),
    ...(year.reason !== undefined ? { reason: year.reason } : {}),
    ...(year.windowOpensOn !== undefined ? { window_opens_on: year.windowOpensOn } : {}),
    ...(year.deadline !== undefined ? { deadline: year.deadline } : {}),
    ...(['paid', 'lapsed', 'not_payable'].includes(year.status) ? { decided_at: trx.fn.now() } : {}),
    ...extra,
    updated_at: trx.fn.now(),
  };
  // Proof may be recorded while the window's own write is still in flight: opening never overwrites it.
  const merged =
    year.status === 'window_open' ? ['window_opens_on', 'deadline', 'updated_at'] : Object.keys(fields);
  await trx('scholarship_years')
    .insert({
      workflow_id: ref.workflowId,
      claim_number: ref.claimNumber,
      school_year: year.schoolYear,
      ...fields,
    })
    .onConflict(['workflow_id', 'school_year'])
    .merge(merged);
}

async function writeNotice(trx: Knex.Transaction, ref: ScholarshipRef, notice: Notice) {
  await trx('notifications')
    .insert({
      dedup_key: `${ref.workflowId}:${notice.kind}`,
      claim_number: ref.claimNumber,
      audience: 'family',
      kind: `scholarship_${notice.kind.split(':')[0]}`,
      message: notice.message,
    })
    .onConflict('dedup_key')
    .ignore();
}

export function createScholarshipActivities(db: Db, gateway: PaymentGateway) {
  const { payout } = createPayoutActivities(db, gateway);

  async function record(
    ref: ScholarshipRef,
    event: ScholarshipEvent,
    projection: ScholarshipProjection,
    extra: {
      year?: ScholarshipYearWrite;
      notify?: Notice;
      paid?: { idempotencyKey: string; gatewayReference: string };
    },
  ): Promise<void> {
    await db.transaction(async (trx) => {
      if (!(await appendScholarshipEvent(trx, ref, event))) return;
      await writeProjection(trx, ref, event.seq, projection);
      if (extra.year) {
        const paid = extra.paid
          ? { idempotency_key: extra.paid.idempotencyKey, gateway_reference: extra.paid.gatewayReference }
          : {};
        await writeYear(trx, ref, extra.year, paid);
      }
      if (extra.notify) await writeNotice(trx, ref, extra.notify);
    });
  }

  return {
    /** A scholarship step: its event, the projection after it, and optionally its school year row and a notice. */
    async recordScholarship(
      ref: ScholarshipRef,
      event: ScholarshipEvent,
      projection: ScholarshipProjection,
      extra: { year?: ScholarshipYearWrite; notify?: Notice } = {},
    ): Promise<void> {
      await record(ref, event, projection, extra);
    },

    /**
     * Pays a school year through the claim payout ledger and gateway (key `<workflowId>:<schoolYear>`), then
     * records it. A retry after a crash finds the ledger row paid and only records; a refusal records nothing.
     */
    async payScholarshipYear(
      ref: ScholarshipRef,
      event: ScholarshipEvent,
      projection: ScholarshipProjection,
      payment: ScholarshipPayment,
    ): Promise<PayoutResult> {
      const result = await payout({
        claimNumber: ref.claimNumber,
        component: `scholarship:${payment.schoolYear}`,
        amount: payment.amount,
        account: payment.account,
        accountRevision: payment.accountRevision,
        idempotencyKey: scholarshipPayoutKey(ref.workflowId, payment.schoolYear),
      });
      if (result.status !== 'paid') return result;
      await record(ref, event, projection, {
        year: {
          schoolYear: payment.schoolYear,
          status: 'paid',
          level: payment.level,
          grade: payment.grade,
          amount: payment.amount,
        },
        paid: { idempotencyKey: result.idempotencyKey, gatewayReference: result.gatewayReference },
        notify: {
          kind: `paid:${payment.schoolYear}`,
          message: `The scholarship for ${payment.schoolYear} (${payment.level} ${payment.grade}) has been paid: Rp ${payment.amount.toLocaleString('en-US')}.`,
        },
      });
      return result;
    },

    /** The officer's choice of children for the scholarships: a claim event and a row naming who chose. */
    async recordScholarshipChoice(
      claimNumber: string,
      event: StepEvent,
      choice: { children: number[]; chosenBy: string; reason?: string },
    ): Promise<void> {
      await db.transaction(async (trx) => {
        if (!(await appendEvent(trx, claimNumber, event))) return;
        await trx('scholarship_choices')
          .insert({
            claim_number: claimNumber,
            children: JSON.stringify(choice.children),
            chosen_by: choice.chosenBy,
            reason: choice.reason ?? null,
          })
          .onConflict('claim_number')
          .ignore();
      });
    },

    /** A message for the officers, kept in the outbox (dedup key: claim number + kind). */
    async notifyOfficers(claimNumber: string, kind: string, message: string): Promise<void> {
      await db('notifications')
        .insert({
          dedup_key: `${claimNumber}:${kind}`,
          claim_number: claimNumber,
          audience: 'officers',
          kind,
          message,
        })
        .onConflict('dedup_key')
        .ignore();
    },
  };
}
