// ClaimWorkflow when an officer's action cannot be recorded (an activity that fails for good), on the time-skipping
// server: that update fails, and the claim is not left busy, so the next action is taken.
import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { Activities } from '../../activities';
import { jakartaDate } from '../../rules';
import {
  claimStateQuery,
  decideUpdate,
  reviewAccountChangeUpdate,
  updateBankAccountUpdate,
  verifyUpdate,
} from '../../vocabulary/messages/claim';
import type { Actor } from '../../vocabulary/actors';
import type { ClaimInput } from '../../vocabulary/claim';
import { activityFailureType, failingOnce, TEST_FAILURE } from '../helpers/failing-activities';
import { claimInput, createParticipant, FULL_CHECKLIST } from '../helpers/factories';
import { useWorkflowHarness } from '../helpers/workflow-harness';

const officer1: Actor = { kind: 'staff', id: 'officer-1', role: 'officer' };
const officer2: Actor = { kind: 'staff', id: 'officer-2', role: 'officer' };

const h = useWorkflowHarness();

/** Starts the claim on a worker whose `failing` activity fails for good once, and runs `fn` while it polls. */
async function withFailingWorker<T>(
  failing: keyof Activities,
  input: ClaimInput,
  fn: (handle: Awaited<ReturnType<typeof h.startClaim>>) => Promise<T>,
): Promise<T> {
  const taskQueue = `claims-${randomUUID()}`;
  const activities = failingOnce({ db: h.t.db, gateway: h.gateway.client }, failing);
  const worker = await h.newWorker(taskQueue, { activities });
  return worker.runUntil(async () => fn(await h.startClaim(taskQueue, input)));
}

async function verified(handle: Awaited<ReturnType<typeof h.startClaim>>): Promise<void> {
  await h.waitForStatus(handle, 'waiting_for_documents');
  await handle.executeUpdate(verifyUpdate, { args: [{ actor: officer1, checklist: FULL_CHECKLIST }] });
  await h.waitForStatus(handle, 'waiting_for_decision');
}

describe('ClaimWorkflow when recording an action fails for good', () => {
  it('fails the decision whose recording failed, then takes the next decision and pays', async () => {
    const { nik } = await createParticipant(h.t.db);
    const input = claimInput({ participantNik: nik, claimDate: jakartaDate(await h.env.currentTimeMs()) });
    const outcome = await withFailingWorker('recordDecision', input, async (handle) => {
      await verified(handle);
      const failed = handle.executeUpdate(decideUpdate, {
        args: [{ actor: officer2, decision: 'approve', reason: 'Complete file' }],
      });
      await expect(failed).rejects.toThrow(WorkflowUpdateFailedError);
      expect(await activityFailureType(failed)).toBe(TEST_FAILURE);
      expect((await handle.query(claimStateQuery)).status).toBe('waiting_for_decision');

      const decided = await handle.executeUpdate(decideUpdate, {
        args: [{ actor: officer2, decision: 'approve', reason: 'Complete file' }],
      });
      expect(decided).toEqual({ decision: 'approve', total: 42_000_000 });
      return handle.result();
    });
    expect(outcome).toEqual({ status: 'paid', total: 42_000_000 });
    const claim = await h.t.db('claims').where({ claim_number: input.claimNumber }).first();
    expect(claim).toMatchObject({ status: 'paid', decided_by: 'officer-2', decision: 'approve' });
    const approvals = await h.t
      .db('claim_events')
      .where({ claim_number: input.claimNumber, type: 'claim_approved' });
    expect(approvals).toHaveLength(1);
  });

  it('fails the account proposal whose recording failed, then takes the next one and pays each component once', async () => {
    const { nik } = await createParticipant(h.t.db);
    const input = claimInput({
      participantNik: nik,
      claimDate: jakartaDate(await h.env.currentTimeMs()),
      bankAccount: { bankCode: 'BNI', accountNumber: '0001112223', accountName: 'Sri Wahyuni' },
    });
    const replacement = {
      actor: { kind: 'family' as const },
      bankAccount: { bankCode: 'BNI', accountNumber: '9876543210', accountName: 'Sri Wahyuni' },
    };
    const outcome = await withFailingWorker('proposeClaimAccountChange', input, async (handle) => {
      await verified(handle);
      await handle.executeUpdate(decideUpdate, {
        args: [{ actor: officer2, decision: 'approve', reason: 'Complete file' }],
      });
      await h.waitForStatus(handle, 'waiting_for_bank_account');
      const failed = handle.executeUpdate(updateBankAccountUpdate, { args: [replacement] });
      expect(await activityFailureType(failed)).toBe(TEST_FAILURE);
      expect((await handle.query(claimStateQuery)).status).toBe('waiting_for_bank_account');

      expect(await handle.executeUpdate(updateBankAccountUpdate, { args: [replacement] })).toEqual({
        accountRevision: 0,
        status: 'waiting_for_account_review',
      });
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
      return handle.result();
    });
    expect(outcome).toEqual({ status: 'paid', total: 42_000_000 });
    const payouts = await h.t.db('payouts').where({ claim_number: input.claimNumber });
    expect(payouts).toHaveLength(3);
    expect(payouts.every((p) => p.status === 'paid' && p.account_number === '9876543210')).toBe(true);
  });
});
