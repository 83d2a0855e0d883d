import { ApplicationFailure, heartbeat } from '@temporalio/activity';
import type { Db } from '../db/config';
import { GatewayRefusedError, GatewayRejectedError, type PaymentGateway } from '../gateway/client';
import { FailureType } from '../vocabulary/failures';
import type { BankAccount } from '../vocabulary/claim';

export interface PayoutRequest {
  claimNumber: string;
  component: string;
  amount: number;
  account: BankAccount;
  /** 0 for the account on the claim; +1 for each replacement after a refusal. */
  accountRevision: number;
  /** The ledger key when it is not `<claimNumber>:<component>`: a scholarship year's is `<workflowId>:<schoolYear>`. */
  idempotencyKey?: string;
}

export type PayoutResult =
  | { status: 'paid'; idempotencyKey: string; gatewayReference: string }
  | { status: 'refused'; idempotencyKey: string; failureCode: string };

export function payoutKey(claimNumber: string, component: string): string {
  return `${claimNumber}:${component}`;
}

/**
 * The key the gateway sees. A refused transfer is final at the gateway, so a replacement account needs its
 * own transfer: revision n > 0 appends `:r<n>`. The ledger row keeps one key per component either way.
 */
export function gatewayKey(key: string, accountRevision: number): string {
  return accountRevision === 0 ? key : `${key}:r${accountRevision}`;
}

export function createPayoutActivities(db: Db, gateway: PaymentGateway) {
  return {
    /** One ledger row per claim component, one transfer per account revision; never pays a key twice. */
    async payout(req: PayoutRequest): Promise<PayoutResult> {
      const idempotencyKey = req.idempotencyKey ?? payoutKey(req.claimNumber, req.component);
      const transferKey = gatewayKey(idempotencyKey, req.accountRevision);
      const row = await db.transaction(async (trx) => {
        await trx('payouts')
          .insert({
            idempotency_key: idempotencyKey,
            claim_number: req.claimNumber,
            component: req.component,
            amount: req.amount,
            status: 'pending',
            gateway_key: transferKey,
            account_revision: req.accountRevision,
            bank_code: req.account.bankCode,
            account_number: req.account.accountNumber,
          })
          .onConflict('idempotency_key')
          .ignore();
        const current = await trx('payouts').where({ idempotency_key: idempotencyKey }).forUpdate().first();
        if (current.status === 'paid') return current;
        if (current.amount !== req.amount) {
          throw ApplicationFailure.nonRetryable(
            `payout ${idempotencyKey} was recorded for another amount`,
            FailureType.InvalidInput,
          );
        }
        if (current.account_revision !== req.accountRevision) {
          await trx('payouts').where({ id: current.id }).update({
            status: 'pending',
            gateway_key: transferKey,
            account_revision: req.accountRevision,
            bank_code: req.account.bankCode,
            account_number: req.account.accountNumber,
            failure_code: null,
            updated_at: trx.fn.now(),
          });
        }
        return current;
      });
      if (row.status === 'paid') {
        return { status: 'paid', idempotencyKey, gatewayReference: row.gateway_reference };
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
        await db('payouts')
          .where({ idempotency_key: idempotencyKey })
          .update({
            status: 'paid',
            gateway_reference: disbursement.id,
            // The gateway's settlement time: the ledger and the statement put it on the same day.
            paid_at: disbursement.completedAt ?? db.fn.now(),
            updated_at: db.fn.now(),
          });
        return { status: 'paid', idempotencyKey, gatewayReference: disbursement.id };
      } catch (err) {
        if (err instanceof GatewayRefusedError) {
          await db('payouts')
            .where({ idempotency_key: idempotencyKey })
            .update({ status: 'refused', failure_code: err.code, updated_at: db.fn.now() });
          return { status: 'refused', idempotencyKey, failureCode: err.code };
        }
        if (err instanceof GatewayRejectedError) {
          throw ApplicationFailure.nonRetryable(err.message, FailureType.GatewayRejected);
        }
        // Unavailable, timed out, or the answer was lost: Temporal retries with the same key.
        throw err;
      }
    },
  };
}
