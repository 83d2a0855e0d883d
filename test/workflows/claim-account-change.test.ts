// A change of payee takes two people (patch 'account-change-reviewed'): a new account after a refusal waits for a
// staff member who is neither the filer, the verifier nor the proposer; nothing is paid to it before.
import { jakartaDate } from '../../rules';
import type { Actor } from '../../vocabulary/actors';
import type { BankAccount } from '../../vocabulary/claim';
import {
  claimStateQuery,
  decideUpdate,
  reviewAccountChangeUpdate,
  updateBankAccountUpdate,
  verifyUpdate,
  type ReviewAccountChangeRequest,
} from '../../vocabulary/messages/claim';
import { FailureType } from '../../vocabulary/failures';
import { claimInput, createParticipant, FULL_CHECKLIST } from '../helpers/factories';
import { updateFailureType, useWorkflowHarness } from '../helpers/workflow-harness';
import type { WorkflowHandle } from '@temporalio/client';
import type { ClaimInput } from '../../vocabulary/claim';

const staff = (id: string, role: 'officer' | 'supervisor' = 'officer'): Actor => ({
  kind: 'staff',
  id,
  role,
});
const filer = staff('officer-intake');
const verifier = staff('officer-1');
const decider = staff('officer-2');
const officer3 = staff('officer-3');
const officer4 = staff('officer-4');
const supervisor = staff('supervisor-1', 'supervisor');
const family: Actor = { kind: 'family' };

const stranger: BankAccount = { bankCode: 'BCA', accountNumber: '5550001111', accountName: 'Budi Santoso' };
const heirAccount: BankAccount = {
  bankCode: 'BNI',
  accountNumber: '9876543210',
  accountName: 'Ibu SRI wahyuni',
};

const h = useWorkflowHarness();

function review(
  actor: Actor,
  decision: 'approve' | 'reject',
  reason = 'Checked',
): [ReviewAccountChangeRequest] {
  return [
    { actor, decision, identityCheck: 'Called the number on the claim; KTP seen at the branch', reason },
  ];
}

/** A claim whose first account the bank refuses, approved by `approver`: it waits for a new account. */
async function refusedClaim(taskQueue: string, input: ClaimInput, approver: Actor): Promise<WorkflowHandle> {
  const handle = await h.startClaim(taskQueue, input);
  await h.waitForStatus(handle, 'waiting_for_documents');
  await handle.executeUpdate(verifyUpdate, { args: [{ actor: verifier, checklist: FULL_CHECKLIST }] });
  await h.waitForStatus(handle, 'waiting_for_decision');
  await handle.executeUpdate(decideUpdate, {
    args: [{ actor: approver, decision: 'approve', reason: 'ok' }],
  });
  await h.waitForStatus(handle, 'waiting_for_bank_account');
  return handle;
}

const refusedAccount: BankAccount = {
  bankCode: 'BNI',
  accountNumber: '0001112223',
  accountName: 'Sri Wahyuni',
};

describe('a change of payee on a claim', () => {
  it('pays nothing to a proposed account; refuses the filer, verifier, family and an officer for a stranger', async () => {
    const { nik } = await createParticipant(h.t.db);
    const input = claimInput({
      participantNik: nik,
      claimDate: jakartaDate(Date.now()),
      bankAccount: refusedAccount,
    });
    const outcome = await h.withWorker(async (taskQueue) => {
      const handle = await refusedClaim(taskQueue, input, decider);
      const proposed = await handle.executeUpdate(updateBankAccountUpdate, {
        args: [{ actor: family, bankAccount: stranger }],
      });
      expect(proposed).toEqual({ accountRevision: 0, status: 'waiting_for_account_review' });
      await h.waitForStatus(handle, 'waiting_for_account_review');
      expect((await handle.query(claimStateQuery)).accountReview).toMatchObject({
        proposedBy: 'family',
        holderMatches: false,
      });
      // A second proposal waits for the first one's review.
      expect(
        await updateFailureType(
          handle.executeUpdate(updateBankAccountUpdate, {
            args: [{ actor: officer3, bankAccount: heirAccount }],
          }),
        ),
      ).toBe(FailureType.WrongState);
      const attempts: [ReviewAccountChangeRequest][] = [
        review(filer, 'approve'),
        review(verifier, 'approve'),
        review(verifier, 'reject'),
        review(family, 'approve'),
        review(officer3, 'approve'), // the holder is not an heir: a supervisor's
        [{ ...review(officer3, 'reject')[0], identityCheck: '  ' }],
      ];
      const refusals = await Promise.all(
        attempts.map((args) => updateFailureType(handle.executeUpdate(reviewAccountChangeUpdate, { args }))),
      );
      expect(refusals).toEqual([
        FailureType.MakerChecker,
        FailureType.MakerChecker,
        FailureType.MakerChecker,
        FailureType.Forbidden,
        FailureType.SupervisorRequired,
        FailureType.InvalidInput,
      ]);
      expect(
        await h.t
          .db('payouts')
          .where({ claim_number: input.claimNumber, account_number: stranger.accountNumber }),
      ).toEqual([]);

      // Rejected: the claim waits for an account again; the heir's own account is then approved by a third officer.
      expect(
        await handle.executeUpdate(reviewAccountChangeUpdate, {
          args: review(officer3, 'reject', 'Not an heir'),
        }),
      ).toEqual({
        decision: 'reject',
        accountRevision: 0,
      });
      await h.waitForStatus(handle, 'waiting_for_bank_account');
      await handle.executeUpdate(updateBankAccountUpdate, {
        args: [{ actor: family, bankAccount: heirAccount }],
      });
      await h.waitForStatus(handle, 'waiting_for_account_review');
      expect(
        await handle.executeUpdate(reviewAccountChangeUpdate, { args: review(officer3, 'approve') }),
      ).toEqual({
        decision: 'approve',
        accountRevision: 1,
      });
      return handle.result();
    });
    expect(outcome).toEqual({ status: 'paid', total: 42_000_000 });
    const payouts = await h.t.db('payouts').where({ claim_number: input.claimNumber });
    expect(payouts.map((p) => [p.status, p.account_number, p.account_revision])).toEqual(
      payouts.map(() => ['paid', heirAccount.accountNumber, 1]),
    );
    const changes = await h.t
      .db('account_changes')
      .where({ claim_number: input.claimNumber })
      .orderBy('proposal');
    expect(
      changes.map((c) => [c.proposed_by, c.holder_matches, c.status, c.reviewed_by, c.reviewer_role]),
    ).toEqual([
      ['family', false, 'rejected', 'officer-3', 'officer'],
      ['family', true, 'approved', 'officer-3', 'officer'],
    ]);
    expect(changes[1].identity_check).toContain('KTP');
    const events = await h.t.db('claim_events').where({ claim_number: input.claimNumber }).orderBy('seq');
    expect(events.filter((e) => e.type.startsWith('bank_account')).map((e) => [e.type, e.actor])).toEqual([
      ['bank_account_proposed', 'family'],
      ['bank_account_rejected', 'officer-3'],
      ['bank_account_proposed', 'family'],
      ['bank_account_approved', 'officer-3'],
    ]);
    const told = await h.t
      .db('notifications')
      .where({ claim_number: input.claimNumber })
      .where('kind', 'like', 'account_change%');
    expect(told.map((n) => `${n.kind}:${n.audience}`).sort()).toEqual([
      'account_change_approved:account_holder',
      'account_change_approved:family',
      'account_change_proposed:account_holder',
      'account_change_proposed:account_holder',
      'account_change_proposed:family',
      'account_change_proposed:family',
      'account_change_rejected:account_holder',
      'account_change_rejected:family',
    ]);
    expect(told.every((n) => !n.message.includes(heirAccount.accountNumber))).toBe(true);
  });

  it('needs a supervisor above Rp 200,000,000, and never the proposer; a supervisor may approve a stranger with a reason', async () => {
    const { nik } = await createParticipant(h.t.db, { monthlyWage: 5_000_000 });
    const input = claimInput({
      participantNik: nik,
      program: 'JKK',
      claimDate: jakartaDate(Date.now()),
      bankAccount: refusedAccount,
    });
    const outcome = await h.withWorker(async (taskQueue) => {
      const handle = await refusedClaim(taskQueue, input, supervisor);
      await handle.executeUpdate(updateBankAccountUpdate, {
        args: [{ actor: officer3, bankAccount: stranger }],
      });
      await h.waitForStatus(handle, 'waiting_for_account_review');
      expect(
        await updateFailureType(
          handle.executeUpdate(reviewAccountChangeUpdate, { args: review(officer3, 'approve') }),
        ),
      ).toBe(FailureType.MakerChecker);
      expect(
        await updateFailureType(
          handle.executeUpdate(reviewAccountChangeUpdate, { args: review(officer4, 'approve') }),
        ),
      ).toBe(FailureType.SupervisorRequired);
      await handle.executeUpdate(reviewAccountChangeUpdate, {
        args: review(supervisor, 'approve', 'The widow asked in writing that her brother receive it'),
      });
      return handle.result();
    });
    expect(outcome.status).toBe('paid');
    expect(outcome.total).toBeGreaterThan(200_000_000);
    const change = await h.t.db('account_changes').where({ claim_number: input.claimNumber }).first();
    expect(change).toMatchObject({
      proposed_by: 'officer-3',
      reviewed_by: 'supervisor-1',
      reviewer_role: 'supervisor',
      holder_matches: false,
      status: 'approved',
    });
    const claim = await h.t.db('claims').where({ claim_number: input.claimNumber }).first();
    expect([claim.account_number, claim.account_revision]).toEqual([stranger.accountNumber, 1]);
  });
});
