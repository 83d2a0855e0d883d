// Scholarship side effects: the per-child projection, its school years, its event log and the family's
// notifications; the yearly payment through the claim payout ledger. Each write is idempotent on a natural key.
import type { Db } from '../db/config';
import { claimNotice, createStores, type NewNotification } from '../db/stores';
import type {
  Notice,
  PayoutResult,
  ScholarshipChoiceRecord,
  ScholarshipPayment,
  ScholarshipProjection,
  ScholarshipRef,
  ScholarshipYearWrite,
  StepEvent,
} from '../vocabulary/activities';
import { scholarshipPayoutKey } from '../vocabulary/ids';
import type { PaymentGateway } from '../gateway/client';
import { createPayoutActivities } from './payouts';

function noticeFor(
  ref: ScholarshipRef,
  notice: Notice,
  audience: 'family' | 'officers' = 'family',
): NewNotification {
  return {
    dedupKey: `${ref.workflowId}:${notice.kind}`,
    claimNumber: ref.claimNumber,
    audience,
    kind: `scholarship_${notice.kind.split(':')[0]}`,
    message: notice.message,
  };
}

export function createScholarshipActivities(db: Db, gateway: PaymentGateway) {
  const stores = createStores(db);
  const { payout } = createPayoutActivities(db, gateway);

  async function record(
    ref: ScholarshipRef,
    event: StepEvent,
    projection: ScholarshipProjection,
    extra: {
      year?: ScholarshipYearWrite;
      notify?: Notice;
      notifyOfficers?: Notice;
      paid?: { idempotencyKey: string; gatewayReference: string };
    },
  ): Promise<void> {
    await stores.transaction(async (tx) => {
      if (!(await tx.scholarships.appendEvent(ref, event))) return;
      await tx.scholarships.writeProjection(ref, event.seq, projection);
      if (extra.year) await tx.scholarships.writeYear(ref, extra.year, extra.paid);
      if (extra.notify) await tx.notifications.add(noticeFor(ref, extra.notify));
      if (extra.notifyOfficers) await tx.notifications.add(noticeFor(ref, extra.notifyOfficers, 'officers'));
    });
  }

  return {
    /** A scholarship step: its event, the projection after it, and optionally its school year row and notices. */
    async recordScholarship(
      ref: ScholarshipRef,
      event: StepEvent,
      projection: ScholarshipProjection,
      extra: { year?: ScholarshipYearWrite; notify?: Notice; notifyOfficers?: Notice } = {},
    ): Promise<void> {
      await record(ref, event, projection, extra);
    },

    /**
     * Pays a school year through the claim payout ledger and gateway (key `<workflowId>:<schoolYear>`), then
     * records it. A retry after a crash finds the ledger row paid and only records; a refusal records nothing.
     */
    async payScholarshipYear(
      ref: ScholarshipRef,
      event: StepEvent,
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
      choice: ScholarshipChoiceRecord,
    ): Promise<void> {
      await stores.transaction(async (tx) => {
        if (!(await tx.claims.appendEvent(claimNumber, event))) return;
        await tx.scholarships.recordChoice(claimNumber, choice);
      });
    },

    /** A message for the officers, kept in the outbox (dedup key: claim number + kind). */
    async notifyOfficers(claimNumber: string, kind: string, message: string): Promise<void> {
      await stores.notifications.add(claimNotice(claimNumber, 'officers', kind, message));
    },
  };
}
