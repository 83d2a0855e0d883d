// Late-payment compensation on the time-skipping server: the decision is held past the service level with
// env.sleep, and the claim then pays 1% of the benefit per working day late as its own component, once.
import type { Duration } from '@temporalio/common';
import { addWorkingDays, jakartaDate, lateCompensation, workingDaysBetween } from '../../rules';
import { jakartaStartOfDay } from '../../rules/jakarta-time';
import {
  decideUpdate,
  reviewAccountChangeUpdate,
  updateBankAccountUpdate,
  verifyUpdate,
  type ClaimOutcome,
} from '../../vocabulary/messages/claim';
import type { Actor } from '../../vocabulary/actors';
import type { ClaimInput } from '../../vocabulary/claim';
import { claimInput, createParticipant, FULL_CHECKLIST } from '../helpers/factories';
import { useWorkflowHarness } from '../helpers/workflow-harness';

const officer1: Actor = { kind: 'staff', id: 'officer-1', role: 'officer' };
const officer2: Actor = { kind: 'staff', id: 'officer-2', role: 'officer' };

const h = useWorkflowHarness();

/** Files, verifies, waits `delay` of server time before the decision, approves, and returns the outcome. */
async function decidedAfter(input: ClaimInput, delay: Duration): Promise<ClaimOutcome> {
  return h.withWorker(async (taskQueue) => {
    const handle = await h.startClaim(taskQueue, input);
    await h.waitForStatus(handle, 'waiting_for_documents');
    await handle.executeUpdate(verifyUpdate, { args: [{ actor: officer1, checklist: FULL_CHECKLIST }] });
    await h.waitForStatus(handle, 'waiting_for_decision');
    await h.env.sleep(delay);
    await handle.executeUpdate(decideUpdate, {
      args: [{ actor: officer2, decision: 'approve', reason: 'ok' }],
    });
    return handle.result();
  });
}

/** Filed today and died three days ago, both on the server's clock (which earlier tests have moved on). */
async function filedToday(): Promise<Pick<ClaimInput, 'claimDate' | 'eventDate'>> {
  const now = await h.env.currentTimeMs();
  return { claimDate: jakartaDate(now), eventDate: jakartaDate(now - 3 * 86_400_000) };
}

describe('late-payment compensation', () => {
  it('pays 1% of the benefit per working day late as its own component, once, when a JKM claim is paid after 3 working days', async () => {
    const { nik } = await createParticipant(h.t.db, { membershipStartDate: '2018-01-01' });
    const input = claimInput({ participantNik: nik, program: 'JKM', ...(await filedToday()) });
    const outcome = await decidedAfter(input, '15 days');

    const [assessed] = await h.t
      .db('claim_events')
      .where({ claim_number: input.claimNumber, type: 'late_compensation_assessed' });
    const { completeFileDate, paidDate, workingDaysLate, amount } = assessed.data;
    const expected = lateCompensation({ program: 'JKM', benefit: 42_000_000, completeFileDate, paidDate });
    expect(workingDaysLate).toBe(expected.workingDaysLate);
    expect(workingDaysLate).toBeGreaterThan(0);
    expect(amount).toBe(expected.amount);
    expect(amount).toBe(420_000 * workingDaysLate);
    expect(outcome).toEqual({ status: 'paid', total: 42_000_000 + amount, lateCompensation: amount });

    const key = `${input.claimNumber}:late_compensation`;
    const row = await h.t.db('payouts').where({ idempotency_key: key }).first();
    expect(row).toMatchObject({ component: 'late_compensation', amount, status: 'paid' });
    const transfers = h.gateway.controls.all().filter((d) => d.reference === key);
    expect(transfers).toHaveLength(1);
    expect(transfers[0]).toMatchObject({ amount, status: 'completed' });
    const events = await h.t
      .db('claim_events')
      .where({ claim_number: input.claimNumber })
      .orderBy('seq')
      .pluck('type');
    expect(events.slice(-5)).toEqual([
      'payout_paid',
      'payout_paid',
      'late_compensation_assessed',
      'payout_paid',
      'claim_paid',
    ]);
  });

  it('adds nothing when a JKK claim is paid within its 7 working days (8 calendar days hold at most 6)', async () => {
    const { nik } = await createParticipant(h.t.db, {
      membershipStartDate: '2018-01-01',
      monthlyWage: 3_500_000,
    });
    const input = claimInput({ participantNik: nik, program: 'JKK', ...(await filedToday()) });
    const outcome = await decidedAfter(input, '8 days');
    expect(outcome).toEqual({ status: 'paid', total: 190_000_000 });
    expect(
      await h.t.db('payouts').where({ claim_number: input.claimNumber }).pluck('component'),
    ).not.toContain('late_compensation');
  });

  it('pays a JKK claim decided after 20 days for the working days beyond its 7', async () => {
    const { nik } = await createParticipant(h.t.db, {
      membershipStartDate: '2018-01-01',
      monthlyWage: 3_500_000,
    });
    const input = claimInput({ participantNik: nik, program: 'JKK', ...(await filedToday()) });
    const outcome = await decidedAfter(input, '20 days');
    const [assessed] = await h.t
      .db('claim_events')
      .where({ claim_number: input.claimNumber, type: 'late_compensation_assessed' });
    const expected = lateCompensation({
      program: 'JKK',
      benefit: 190_000_000,
      completeFileDate: assessed.data.completeFileDate,
      paidDate: assessed.data.paidDate,
    });
    expect(expected.amount).toBeGreaterThan(0);
    expect(outcome).toEqual({
      status: 'paid',
      total: 190_000_000 + expected.amount,
      lateCompensation: expected.amount,
    });
  });

  it("stops the clock while the family replaces a refused account: 100 working days earn nothing, the agency's own delay still does", async () => {
    const { nik } = await createParticipant(h.t.db, { membershipStartDate: '2018-01-01' });
    const input = claimInput({
      participantNik: nik,
      program: 'JKM',
      ...(await filedToday()),
      bankAccount: { bankCode: 'BNI', accountNumber: '0001112223', accountName: 'Sri Wahyuni' }, // refused
    });
    const family: Actor = { kind: 'family' };
    let refusedOn = '';
    let replacedOn = '';
    const outcome = await h.withWorker(async (taskQueue) => {
      const handle = await h.startClaim(taskQueue, input);
      await h.waitForStatus(handle, 'waiting_for_documents');
      await handle.executeUpdate(verifyUpdate, { args: [{ actor: officer1, checklist: FULL_CHECKLIST }] });
      await h.waitForStatus(handle, 'waiting_for_decision');
      await h.env.sleep('15 days'); // the agency's delay: it counts
      await handle.executeUpdate(decideUpdate, {
        args: [{ actor: officer2, decision: 'approve', reason: 'ok' }],
      });
      await h.waitForStatus(handle, 'waiting_for_bank_account');
      refusedOn = jakartaDate(await h.env.currentTimeMs());
      replacedOn = addWorkingDays(refusedOn, 100);
      // The family's delay: the new account arrives at 10:00 in Jakarta, 100 working days after the refusal.
      await h.env.sleep(jakartaStartOfDay(replacedOn) + 10 * 3_600_000 - (await h.env.currentTimeMs()));
      await handle.executeUpdate(updateBankAccountUpdate, {
        args: [{ actor: family, bankAccount: { ...input.bankAccount, accountNumber: '1234567890' } }],
      });
      // A change of payee takes two people: a third officer reviews it the same day (staff time is the agency's).
      await handle.executeUpdate(reviewAccountChangeUpdate, {
        args: [
          {
            actor: { kind: 'staff', id: 'officer-3', role: 'officer' },
            decision: 'approve',
            identityCheck: 'KTP seen at the branch',
            reason: 'The widow named in the claim',
          },
        ],
      });
      return handle.result();
    });

    const [assessed] = await h.t
      .db('claim_events')
      .where({ claim_number: input.claimNumber, type: 'late_compensation_assessed' });
    const { completeFileDate, paidDate, familyWaits } = assessed.data;
    expect(paidDate).toBe(replacedOn);
    expect(familyWaits).toEqual([{ reason: 'new_bank_account', from: refusedOn, to: replacedOn }]);
    const agencyLate = workingDaysBetween(completeFileDate, refusedOn) - 3;
    expect(agencyLate).toBeGreaterThan(0);
    expect(assessed.data).toMatchObject({ familyWaitWorkingDays: 100, workingDaysLate: agencyLate });
    expect(assessed.data.amount).toBe(420_000 * agencyLate);
    expect(outcome).toEqual({
      status: 'paid',
      total: 42_000_000 + assessed.data.amount,
      lateCompensation: assessed.data.amount,
    });
    // Counting the family's 100 working days too, the claim would have earned 100% of the benefit more.
    const everyDay = lateCompensation({ program: 'JKM', benefit: 42_000_000, completeFileDate, paidDate });
    expect(everyDay.workingDaysLate).toBe(agencyLate + 100);
    expect(everyDay.amount - assessed.data.amount).toBe(42_000_000);
  });

  it('stops the clock again when staff reject the proposed account: both waits of the family are left out, the review days are not', async () => {
    const { nik } = await createParticipant(h.t.db, { membershipStartDate: '2018-01-01' });
    const input = claimInput({
      participantNik: nik,
      program: 'JKM',
      ...(await filedToday()),
      bankAccount: { bankCode: 'BNI', accountNumber: '0001112223', accountName: 'Sri Wahyuni' }, // refused
    });
    const family: Actor = { kind: 'family' };
    const reviewer: Actor = { kind: 'staff', id: 'officer-3', role: 'officer' };
    const days: Record<string, string> = {};
    /** Sleeps on the server's clock until 10:00 in Jakarta, `workingDays` after `from`; returns that date. */
    const until = async (from: string, workingDays: number): Promise<string> => {
      const day = addWorkingDays(from, workingDays);
      await h.env.sleep(jakartaStartOfDay(day) + 10 * 3_600_000 - (await h.env.currentTimeMs()));
      return day;
    };
    const outcome = await h.withWorker(async (taskQueue) => {
      const handle = await h.startClaim(taskQueue, input);
      await h.waitForStatus(handle, 'waiting_for_documents');
      await handle.executeUpdate(verifyUpdate, { args: [{ actor: officer1, checklist: FULL_CHECKLIST }] });
      await h.waitForStatus(handle, 'waiting_for_decision');
      await handle.executeUpdate(decideUpdate, {
        args: [{ actor: officer2, decision: 'approve', reason: 'ok' }],
      });
      await h.waitForStatus(handle, 'waiting_for_bank_account');
      days.refused = jakartaDate(await h.env.currentTimeMs());
      // The family's first account arrives 10 working days later; the reviewer rejects it 5 working days after that.
      days.firstProposal = await until(days.refused, 10);
      await handle.executeUpdate(updateBankAccountUpdate, {
        args: [{ actor: family, bankAccount: { ...input.bankAccount, accountNumber: '5550001112' } }],
      });
      days.rejected = await until(days.firstProposal, 5);
      await handle.executeUpdate(reviewAccountChangeUpdate, {
        args: [
          {
            actor: reviewer,
            decision: 'reject',
            identityCheck: 'KTP seen at the branch',
            reason: 'The holder is not an heir of the claim',
          },
        ],
      });
      await h.waitForStatus(handle, 'waiting_for_bank_account');
      // The family's second account arrives 20 working days after the rejection and is approved the same day.
      days.secondProposal = await until(days.rejected, 20);
      await handle.executeUpdate(updateBankAccountUpdate, {
        args: [{ actor: family, bankAccount: { ...input.bankAccount, accountNumber: '1234567890' } }],
      });
      await handle.executeUpdate(reviewAccountChangeUpdate, {
        args: [
          {
            actor: reviewer,
            decision: 'approve',
            identityCheck: 'KTP seen at the branch',
            reason: 'The widow named in the claim',
          },
        ],
      });
      return handle.result();
    });

    const [assessed] = await h.t
      .db('claim_events')
      .where({ claim_number: input.claimNumber, type: 'late_compensation_assessed' });
    const { completeFileDate, paidDate, familyWaits } = assessed.data;
    expect(paidDate).toBe(days.secondProposal);
    expect(familyWaits).toEqual([
      { reason: 'new_bank_account', from: days.refused, to: days.firstProposal },
      { reason: 'new_bank_account', from: days.rejected, to: days.secondProposal },
    ]);
    expect(assessed.data.familyWaitWorkingDays).toBe(30);
    // The 5 working days the account waited for its review are the agency's: they count.
    const everyDay = lateCompensation({ program: 'JKM', benefit: 42_000_000, completeFileDate, paidDate });
    expect(assessed.data.workingDaysLate).toBe(everyDay.workingDaysLate - 30);
    expect(assessed.data.workingDaysLate).toBe(workingDaysBetween(completeFileDate, days.refused!) - 3 + 5);
    expect(outcome).toMatchObject({ status: 'paid', lateCompensation: assessed.data.amount });
  });
});
