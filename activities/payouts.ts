import { ApplicationFailure, heartbeat } from '@temporalio/activity';
import type { Db } from '../db/config';
import { createStores } from '../db/stores';
import { GatewayRefusedError, GatewayRejectedError, type PaymentGateway } from '../gateway/client';
import { FailureType } from '../vocabulary/failures';
import { jakartaDate } from '../rules/jakarta-time';
import type { PayoutFailure, PayoutRequest, PayoutResult, StepEvent } from '../vocabulary/activities';
import { gatewayKey, payoutKey } from '../vocabulary/ids';

/** What the family and staff read on a claim whose payout failed for good (the details are in the task). */
const PAYOUT_FAILED_REASON =
  'A payment could not be made and a supervisor has been asked to act. Nothing was paid twice.';

/** The claim's payout_paid event as the workflow built it, with what only the transfer knows. */
function paidStep(event: StepEvent, idempotencyKey: string, gatewayReference: string): StepEvent {
  return { ...event, data: { ...event.data, idempotencyKey, gatewayReference } };
}

export function createPayoutActivities(db: Db, gateway: PaymentGateway) {
  const stores = createStores(db);
  return {
    /** One ledger row per claim component, one transfer per account revision; never pays a key twice. */
    async payout(req: PayoutRequest): Promise<PayoutResult> {
      const idempotencyKey = req.idempotencyKey ?? payoutKey(req.claimNumber, req.component);
      const transferKey = gatewayKey(idempotencyKey, req.accountRevision);
      const target = {
        gatewayKey: transferKey,
        accountRevision: req.accountRevision,
        bankCode: req.account.bankCode,
        accountNumber: req.account.accountNumber,
      };
      const row = await stores.transaction(async (tx) => {
        const current = await tx.payouts.lockOrCreate(idempotencyKey, req, target);
        if (current.status === 'paid') return current;
        if (current.amount !== req.amount) {
          throw ApplicationFailure.nonRetryable(
            `payout ${idempotencyKey} was recorded for another amount`,
            FailureType.InvalidInput,
          );
        }
        if (current.account_revision !== req.accountRevision) await tx.payouts.retarget(current.id, target);
        return current;
      });
      if (row.status === 'paid') {
        // markPaid writes the status and the reference in one statement: a paid row always has a reference.
        const gatewayReference = row.gateway_reference ?? '';
        // A retry after the answer was lost: the step is recorded here if the first attempt did not get to it.
        if (req.paidEvent)
          await stores.claims.appendEvent(
            req.claimNumber,
            paidStep(req.paidEvent, idempotencyKey, gatewayReference),
          );
        return { status: 'paid', idempotencyKey, gatewayReference };
      }

      // Alive, with the ledger row written: the heartbeat timeout now covers the transfer (workflows/activity-options.ts).
      heartbeat();
      try {
        const disbursement = await gateway.disburse({
          idempotencyKey: transferKey,
          amount: req.amount,
          bankCode: req.account.bankCode,
          accountNumber: req.account.accountNumber,
          accountName: req.account.accountName,
          reference: idempotencyKey,
          description: `Santunan ${req.component} for claim ${req.claimNumber}`,
        });
        await stores.transaction(async (tx) => {
          await tx.payouts.markPaid(idempotencyKey, disbursement.id, disbursement.completedAt);
          const event = req.paidEvent;
          if (event)
            await tx.claims.appendEvent(req.claimNumber, paidStep(event, idempotencyKey, disbursement.id));
        });
        return { status: 'paid', idempotencyKey, gatewayReference: disbursement.id };
      } catch (err) {
        if (err instanceof GatewayRefusedError) {
          await stores.payouts.markRefused(idempotencyKey, err.code);
          return { status: 'refused', idempotencyKey, failureCode: err.code };
        }
        if (err instanceof GatewayRejectedError) {
          throw ApplicationFailure.nonRetryable(err.message, FailureType.GatewayRejected);
        }
        // Unavailable, timed out, or the answer was lost: Temporal retries with the same key.
        throw err;
      }
    },

    /**
     * A component's payout failed for good: the claim shows payout_failed, its ledger row failed (no transfer took
     * place), and a supervisor's task is opened, at once; a retried call writes nothing twice.
     */
    async recordPayoutFailure(claimNumber: string, event: StepEvent, failure: PayoutFailure): Promise<void> {
      const key = payoutKey(claimNumber, failure.component);
      const transferKey = gatewayKey(key, failure.accountRevision);
      await stores.transaction(async (tx) => {
        const fresh = await tx.claims.appendEvent(claimNumber, event, {
          status: 'payout_failed',
          statusReason: PAYOUT_FAILED_REASON,
        });
        if (!fresh) return;
        await tx.payouts.markFailed(key, failure.failureType);
        await tx.supervisorTasks.open(
          [
            {
              dedupKey: `payout_failed:${transferKey}`,
              kind: 'payout_failed',
              message:
                `Claim ${claimNumber}: the payout of ${failure.component} (Rp ${failure.amount}, transfer ` +
                `${transferKey}) failed for good: ${failure.failureType}: ${failure.message}. Nothing was paid; ` +
                (failure.remedy ??
                  'the claim waits for a new bank account (POST /claims/{claimNumber}/bank-account).'),
              claimNumber,
            },
          ],
          jakartaDate(Date.now()),
        );
      });
    },
  };
}
