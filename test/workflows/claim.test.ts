// ClaimWorkflow on the time-skipping server, with real PostgreSQL and the sandbox gateway over HTTP.
import { jakartaDate } from '../../rules';
import {
  claimStateQuery,
  decideUpdate,
  reviewAccountChangeUpdate,
  updateBankAccountUpdate,
  verifyUpdate,
} from '../../vocabulary/messages/claim';
import type { Actor } from '../../vocabulary/actors';
import { claimInput, createParticipant, FULL_CHECKLIST } from '../helpers/factories';
import { updateFailureType, useWorkflowHarness } from '../helpers/workflow-harness';

const officer1: Actor = { kind: 'staff', id: 'officer-1', role: 'officer' };
const officer2: Actor = { kind: 'staff', id: 'officer-2', role: 'officer' };

const h = useWorkflowHarness();
const { withWorker, waitForStatus } = h;
const start = h.startClaim;

function today(): string {
  return jakartaDate(Date.now());
}

describe('ClaimWorkflow', () => {
  it('pays a JKM death claim once per component after verification and approval by another officer', async () => {
    const { nik } = await createParticipant(h.t.db, {
      membershipStartDate: '2018-01-01',
      monthlyWage: 6_000_000,
    });
    const input = claimInput({ participantNik: nik, eventDate: '2026-11-01', claimDate: today() });
    const outcome = await withWorker(async (taskQueue) => {
      const handle = await start(taskQueue, input);
      await waitForStatus(handle, 'waiting_for_documents');
      const verified = await handle.executeUpdate(verifyUpdate, {
        args: [{ actor: officer1, checklist: FULL_CHECKLIST }],
      });
      expect(verified).toEqual({ complete: true, missing: [] });
      await waitForStatus(handle, 'waiting_for_decision');
      await handle.executeUpdate(decideUpdate, {
        args: [{ actor: officer2, decision: 'approve', reason: 'Documents complete' }],
      });
      return handle.result();
    });

    // PP 82/2019 JKM death: lump sum 20,000,000 + periodic 12,000,000 + funeral 10,000,000.
    expect(outcome).toEqual({ status: 'paid', total: 42_000_000 });
    const payouts = await h.t.db('payouts').where({ claim_number: input.claimNumber }).orderBy('component');
    expect(payouts.map((p) => [p.component, p.amount, p.status])).toEqual([
      ['funeral', 10_000_000, 'paid'],
      ['lump_sum', 20_000_000, 'paid'],
      ['periodic', 12_000_000, 'paid'],
    ]);
    const transfers = h.gateway.controls.all().filter((d) => d.reference.startsWith(input.claimNumber));
    expect(transfers).toHaveLength(3);
    expect(transfers.reduce((sum, d) => sum + d.amount, 0)).toBe(42_000_000);

    const claim = await h.t.db('claims').where({ claim_number: input.claimNumber }).first();
    expect(claim).toMatchObject({
      status: 'paid',
      verified_by: 'officer-1',
      decided_by: 'officer-2',
      decision: 'approve',
    });
    const events = await h.t
      .db('claim_events')
      .where({ claim_number: input.claimNumber })
      .orderBy('seq')
      .pluck('type');
    expect(events).toEqual([
      'claim_received',
      'membership_confirmed',
      'documents_verified',
      'benefit_assessed',
      'claim_approved',
      'payout_paid',
      'payout_paid',
      'payout_paid',
      'claim_paid',
    ]);
    const assessment = await h.t.db('assessments').where({ claim_number: input.claimNumber }).first();
    expect(assessment.regulation).toBe('PP82-2019');
    expect(assessment.components.every((c: { basis: string }) => c.basis.length > 0)).toBe(true);
  });

  it('refuses approval by the officer who verified, recording nothing, then accepts another officer', async () => {
    const { nik } = await createParticipant(h.t.db);
    const input = claimInput({ participantNik: nik, claimDate: today() });
    const outcome = await withWorker(async (taskQueue) => {
      const handle = await start(taskQueue, input);
      await waitForStatus(handle, 'waiting_for_documents');
      await handle.executeUpdate(verifyUpdate, { args: [{ actor: officer1, checklist: FULL_CHECKLIST }] });
      await waitForStatus(handle, 'waiting_for_decision');
      const eventsBefore = await h.t
        .db('claim_events')
        .where({ claim_number: input.claimNumber })
        .count({ n: '*' });

      const refused = handle.executeUpdate(decideUpdate, {
        args: [{ actor: officer1, decision: 'approve', reason: 'self-approval' }],
      });
      expect(await updateFailureType(refused)).toBe('MakerChecker');

      const eventsAfter = await h.t
        .db('claim_events')
        .where({ claim_number: input.claimNumber })
        .count({ n: '*' });
      expect(eventsAfter).toEqual(eventsBefore);
      expect((await h.t.db('claims').where({ claim_number: input.claimNumber }).first()).decision).toBeNull();
      expect((await handle.query(claimStateQuery)).status).toBe('waiting_for_decision');

      await handle.executeUpdate(decideUpdate, {
        args: [{ actor: officer2, decision: 'approve', reason: 'ok' }],
      });
      return handle.result();
    });
    expect(outcome.status).toBe('paid');
  });

  it('refuses a decision before the documents are verified', async () => {
    const { nik } = await createParticipant(h.t.db);
    const input = claimInput({ participantNik: nik, claimDate: today() });
    await withWorker(async (taskQueue) => {
      const handle = await start(taskQueue, input);
      await waitForStatus(handle, 'waiting_for_documents');
      const early = handle.executeUpdate(decideUpdate, {
        args: [{ actor: officer2, decision: 'approve', reason: 'x' }],
      });
      expect(await updateFailureType(early)).toBe('WrongState');
      await handle.terminate('test finished');
    });
  });

  it('keeps waiting for documents when the checklist is incomplete, naming what is missing', async () => {
    const { nik } = await createParticipant(h.t.db);
    const input = claimInput({ participantNik: nik, claimDate: today() });
    await withWorker(async (taskQueue) => {
      const handle = await start(taskQueue, input);
      await waitForStatus(handle, 'waiting_for_documents');
      const result = await handle.executeUpdate(verifyUpdate, {
        args: [{ actor: officer1, checklist: { ...FULL_CHECKLIST, death_certificate: false } }],
      });
      expect(result).toEqual({ complete: false, missing: ['death_certificate'] });
      expect((await handle.query(claimStateQuery)).status).toBe('waiting_for_documents');
      const doc = await h.t
        .db('documents')
        .where({ claim_number: input.claimNumber, code: 'death_certificate' })
        .first();
      expect(doc.received).toBe(false);
      await handle.terminate('test finished');
    });
  });

  it('ends a rejected claim with the reason and pays nothing', async () => {
    const { nik } = await createParticipant(h.t.db);
    const input = claimInput({ participantNik: nik, claimDate: today() });
    const outcome = await withWorker(async (taskQueue) => {
      const handle = await start(taskQueue, input);
      await waitForStatus(handle, 'waiting_for_documents');
      await handle.executeUpdate(verifyUpdate, { args: [{ actor: officer1, checklist: FULL_CHECKLIST }] });
      await waitForStatus(handle, 'waiting_for_decision');
      await handle.executeUpdate(decideUpdate, {
        args: [{ actor: officer2, decision: 'reject', reason: 'The death certificate is forged.' }],
      });
      return handle.result();
    });
    expect(outcome).toEqual({ status: 'rejected', reason: 'The death certificate is forged.', total: 0 });
    expect(await h.t.db('payouts').where({ claim_number: input.claimNumber })).toHaveLength(0);
    const claim = await h.t.db('claims').where({ claim_number: input.claimNumber }).first();
    expect(claim).toMatchObject({ status: 'rejected', status_reason: 'The death certificate is forged.' });
    expect(claim.closed_at).not.toBeNull();
  });

  it('ends a claim for an unknown participant as ineligible with a reason the family can read', async () => {
    const input = claimInput({ participantNik: '3299999999999999', claimDate: today() });
    const outcome = await withWorker(async (taskQueue) => (await start(taskQueue, input)).result());
    expect(outcome.status).toBe('ineligible');
    expect(outcome.reason).toMatch(/not registered/);
    expect(outcome.reason).not.toContain('3299999999999999');
    const claim = await h.t.db('claims').where({ claim_number: input.claimNumber }).first();
    expect(claim.status).toBe('ineligible');
    const family = await h.t
      .db('notifications')
      .where({ claim_number: input.claimNumber, audience: 'family' });
    expect(family).toHaveLength(1);
  });

  it('ends a claim as ineligible when the membership had ended before the date of death', async () => {
    const { nik } = await createParticipant(h.t.db, { membershipEndDate: '2025-06-30' });
    const input = claimInput({ participantNik: nik, eventDate: '2026-10-01', claimDate: today() });
    const outcome = await withWorker(async (taskQueue) => (await start(taskQueue, input)).result());
    expect(outcome).toMatchObject({ status: 'ineligible', total: 0 });
    expect(outcome.reason).toContain('ended on 2025-06-30');
  });

  it('waits for a new account after the bank refuses one and for its review, then pays each component once', async () => {
    const { nik } = await createParticipant(h.t.db);
    const input = claimInput({
      participantNik: nik,
      claimDate: today(),
      bankAccount: { bankCode: 'BNI', accountNumber: '0001112223', accountName: 'Sri Wahyuni' },
    });
    const outcome = await withWorker(async (taskQueue) => {
      const handle = await start(taskQueue, input);
      await waitForStatus(handle, 'waiting_for_documents');
      await handle.executeUpdate(verifyUpdate, { args: [{ actor: officer1, checklist: FULL_CHECKLIST }] });
      await waitForStatus(handle, 'waiting_for_decision');
      await handle.executeUpdate(decideUpdate, {
        args: [{ actor: officer2, decision: 'approve', reason: 'ok' }],
      });
      await waitForStatus(handle, 'waiting_for_bank_account');
      const claim = await h.t.db('claims').where({ claim_number: input.claimNumber }).first();
      expect(claim.status).toBe('waiting_for_bank_account');
      await handle.executeUpdate(updateBankAccountUpdate, {
        args: [
          {
            actor: { kind: 'family' },
            bankAccount: { bankCode: 'BNI', accountNumber: '9876543210', accountName: 'Sri Wahyuni' },
          },
        ],
      });
      // A change of payee takes two people: nothing is paid to the new account before a third officer approves it.
      await waitForStatus(handle, 'waiting_for_account_review');
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
    const transfers = h.gateway.controls.all().filter((d) => d.reference.startsWith(input.claimNumber));
    const completed = transfers.filter((d) => d.status === 'completed');
    expect(completed).toHaveLength(3);
    expect(new Set(completed.map((d) => d.reference)).size).toBe(3);
    expect(transfers.filter((d) => d.status === 'failed')).toHaveLength(1);
  });

  it('fails at once, without retrying, when started with malformed input', async () => {
    const bad = { ...claimInput({ participantNik: '123' }) };
    await withWorker(async (taskQueue) => {
      const handle = await start(taskQueue, bad);
      await expect(handle.result()).rejects.toThrow(/Workflow execution failed/);
    });
  });
});
