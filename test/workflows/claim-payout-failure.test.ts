// ClaimWorkflow when a payout fails for good (the sandbox gateway refuses the request itself, 422), on the
// time-skipping server: never silent. The claim shows payout_failed, its ledger row failed, a supervisor's task is
// opened, and the claim waits for staff's new account, then pays each component once.
import { jakartaDate } from '../../rules';
import {
  claimStateQuery,
  decideUpdate,
  reviewAccountChangeUpdate,
  updateBankAccountUpdate,
  verifyUpdate,
} from '../../vocabulary/messages/claim';
import type { Actor } from '../../vocabulary/actors';
import { FailureType } from '../../vocabulary/failures';
import { PAYOUT_FAILURE_PATCH } from '../../workflows/claim-payouts';
import { claimInput, createParticipant, FULL_CHECKLIST } from '../helpers/factories';
import { updateFailureType, useWorkflowHarness } from '../helpers/workflow-harness';

const officer1: Actor = { kind: 'staff', id: 'officer-1', role: 'officer' };
const officer2: Actor = { kind: 'staff', id: 'officer-2', role: 'officer' };
const family: Actor = { kind: 'family' };

const h = useWorkflowHarness();

describe('ClaimWorkflow when a payout fails for good', () => {
  it('shows payout_failed, opens a supervisor task, waits for a new account from staff, then pays each key once', async () => {
    const { nik } = await createParticipant(h.t.db);
    const input = claimInput({ participantNik: nik, claimDate: jakartaDate(await h.env.currentTimeMs()) });
    h.gateway.controls.inject({
      kind: 'reject_request',
      times: 1,
      match: { idempotencyKeyPrefix: `${input.claimNumber}:` },
    });
    const newAccount = { bankCode: 'BNI', accountNumber: '9876543210', accountName: 'Sri Wahyuni' };

    const outcome = await h.withWorker(async (taskQueue) => {
      const handle = await h.startClaim(taskQueue, input);
      await h.waitForStatus(handle, 'waiting_for_documents');
      await handle.executeUpdate(verifyUpdate, { args: [{ actor: officer1, checklist: FULL_CHECKLIST }] });
      await h.waitForStatus(handle, 'waiting_for_decision');
      await handle.executeUpdate(decideUpdate, {
        args: [{ actor: officer2, decision: 'approve', reason: 'Complete file' }],
      });
      await h.waitForStatus(handle, 'payout_failed');

      const claim = await h.t.db('claims').where({ claim_number: input.claimNumber }).first();
      expect(claim.status_reason).toMatch(/supervisor/);
      const failed = await h.t.db('payouts').where({ claim_number: input.claimNumber });
      expect(failed.map((p) => p.status)).toEqual(['failed']);
      expect(failed[0].failure_code).toBe(FailureType.GatewayRejected);
      const tasks = await h.t.db('supervisor_tasks').where({ claim_number: input.claimNumber });
      expect(tasks).toHaveLength(1);
      expect(tasks[0]).toMatchObject({ kind: 'payout_failed', status: 'open' });
      expect(tasks[0].message).toContain(failed[0].idempotency_key);
      expect(tasks[0].message).not.toContain(input.bankAccount.accountNumber);
      const events = await h.t
        .db('claim_events')
        .where({ claim_number: input.claimNumber, type: 'payout_failed' });
      expect(events).toHaveLength(1);

      // The family's page says a supervisor will call: only staff change the account now.
      expect(
        await updateFailureType(
          handle.executeUpdate(updateBankAccountUpdate, {
            args: [{ actor: family, bankAccount: newAccount }],
          }),
        ),
      ).toBe(FailureType.WrongState);
      expect((await handle.query(claimStateQuery)).status).toBe('payout_failed');

      expect(
        await handle.executeUpdate(updateBankAccountUpdate, {
          args: [{ actor: officer1, bankAccount: newAccount }],
        }),
      ).toEqual({ accountRevision: 0, status: 'waiting_for_account_review' });
      await handle.executeUpdate(reviewAccountChangeUpdate, {
        args: [
          {
            actor: { kind: 'staff', id: 'officer-3', role: 'officer' },
            decision: 'approve',
            identityCheck: 'KTP seen at the branch',
            reason: "The widow's own account",
          },
        ],
      });
      const { events: history } = await handle.fetchHistory();
      // The patch marker's data is plaintext JSON ({"id": ...}): the SDK writes it before any codec.
      const patches = history!.flatMap((e) => {
        const details = e.markerRecordedEventAttributes?.details;
        const payloads = (details?.['patch-data'] ?? details?.patch_data)?.payloads ?? [];
        return payloads.map((p) => (JSON.parse(Buffer.from(p.data!).toString('utf8')) as { id: string }).id);
      });
      expect(patches).toContain(PAYOUT_FAILURE_PATCH);
      expect(history!.filter((e) => e.workflowTaskFailedEventAttributes)).toEqual([]);
      return handle.result();
    });

    expect(outcome).toEqual({ status: 'paid', total: 42_000_000 });
    const payouts = await h.t.db('payouts').where({ claim_number: input.claimNumber });
    expect(payouts).toHaveLength(3);
    expect(payouts.every((p) => p.status === 'paid' && p.account_number === '9876543210')).toBe(true);
    const transfers = h.gateway.controls
      .all()
      .filter((d) => d.reference.startsWith(`${input.claimNumber}:`) && d.status === 'completed');
    expect(transfers.map((d) => d.reference).sort()).toEqual(payouts.map((p) => p.idempotency_key).sort());
    const claim = await h.t.db('claims').where({ claim_number: input.claimNumber }).first();
    expect(claim.status).toBe('paid');
  });
});
