// AccidentWorkflow over months on the time-skipping server: the finding's 30-day service level escalates, months of
// STMB pass in seconds, a late stage-I report sends every payment to the employer, and the return to work.
import type { accidentWorkflow } from '../../workflows/accident';
import { jakartaDate } from '../../rules';
import { addDays } from '../../rules/dates';
import type { AccidentInput } from '../../vocabulary/accident';
import { accidentStateQuery, recordItemUpdate, returnToWorkUpdate } from '../../vocabulary/messages/accident';
import { createParticipant } from '../helpers/factories';
import {
  accidentInput,
  approveItem,
  closeCase,
  confirmWorkAccident,
  EMPLOYER_ACCOUNT,
  officer1,
  PROVIDER_ACCOUNT,
  waitForCase,
} from '../helpers/accident';
import { updateFailureType, useWorkflowHarness } from '../helpers/workflow-harness';

const h = useWorkflowHarness({ serverPerTest: true });

function start(taskQueue: string, input: AccidentInput) {
  return h.env.client.workflow.start<typeof accidentWorkflow>('accidentWorkflow', {
    workflowId: input.claimNumber,
    taskQueue,
    args: [input],
  });
}

describe('AccidentWorkflow over time', () => {
  it('escalates a finding not confirmed in 30 days, then pays 15 months of STMB recorded after they passed', async () => {
    const { nik } = await createParticipant(h.t.db, {
      membershipStartDate: '2020-01-01',
      monthlyWage: 4_000_000,
    });
    const now = await h.env.currentTimeMs();
    const today = jakartaDate(now);
    const input = accidentInput({
      participantNik: nik,
      accidentDate: today,
      claimDate: today,
      reportedAt: new Date(now).toISOString(),
    });
    const outcome = await h.withWorker(async (tq) => {
      const handle = await start(tq, input);
      await waitForCase(handle, 'waiting_for_finding');
      await h.env.sleep('32 days');
      for (let i = 0; i < 100; i++) {
        const row = await h.t.db('claims').where({ claim_number: input.claimNumber }).first('escalated');
        if (row?.escalated) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      await confirmWorkAccident(handle);
      await waitForCase(handle, 'under_care');
      await h.env.sleep('470 days');
      const from = addDays(today, 1);
      const stmb = await approveItem(handle, {
        incapacity: { from, to: fifteenMonths(from), documentRef: 'SKD' },
      });
      expect(stmb.amount).toBe(54_000_000);
      await closeCase(handle, {
        outcome: 'recovered',
        doctorStatementRef: 'SK-II',
        closedOn: jakartaDate(await h.env.currentTimeMs()),
      });
      return handle.result();
    });
    expect(outcome).toMatchObject({ status: 'closed', paid: 54_000_000 });
    const claim = await h.t.db('claims').where({ claim_number: input.claimNumber }).first();
    expect(claim.escalated).toBe(true);
    const notice = await h.t
      .db('notifications')
      .where({ claim_number: input.claimNumber, audience: 'supervisors' });
    expect(notice).toHaveLength(1);
  });

  it('sends every payment to the employer after a late stage-I report, and records the return to work', async () => {
    const { nik } = await createParticipant(h.t.db, {
      membershipStartDate: '2020-01-01',
      monthlyWage: 4_000_000,
    });
    const input = accidentInput({ participantNik: nik, reportedAt: '2025-01-10T09:00:00+07:00' });
    await h.withWorker(async (tq) => {
      const handle = await start(tq, input);
      await confirmWorkAccident(handle);
      await waitForCase(handle, 'under_care');
      const bill = {
        provider: 'RS',
        from: '2025-01-02',
        to: '2025-01-03',
        amount: 1_000_000,
        documentRef: 'INV',
        payTo: 'provider' as const,
        bankAccount: PROVIDER_ACCOUNT,
        // The employer pays first: its payment to the hospital is proven, and the agency reimburses it.
        employerPaymentRef: 'TRF-EMP-1',
        employerPaidOn: '2025-01-04',
      };
      await approveItem(handle, { treatment: bill });
      const early = handle.executeUpdate(returnToWorkUpdate, {
        args: [{ actor: officer1, step: { step: 'plan', note: 'x' } }],
      });
      expect(await updateFailureType(early)).toBe('InvalidInput');
      for (const step of ['enrolled', 'plan', 'training'] as const) {
        await handle.executeUpdate(returnToWorkUpdate, {
          args: [{ actor: officer1, step: { step, note: `${step} noted` } }],
        });
      }
      await handle.executeUpdate(returnToWorkUpdate, {
        args: [
          {
            actor: officer1,
            step: { step: 'outcome', note: 'Back at the warehouse desk.', outcome: 'other_job' },
          },
        ],
      });
      const again = handle.executeUpdate(returnToWorkUpdate, {
        args: [{ actor: officer1, step: { step: 'training', note: 'more' } }],
      });
      expect(await updateFailureType(again)).toBe('InvalidInput');
      await closeCase(handle, { outcome: 'recovered', doctorStatementRef: 'SK-II', closedOn: '2025-03-01' });
      return handle.result();
    });
    const row = await h.t.db('accident_cases').where({ claim_number: input.claimNumber }).first();
    expect(row.employer_liable).toBe(true);
    expect(row.employer_liable_reason).toContain('later than 2×24 hours');
    expect(row.return_to_work.map((s: { step: string }) => s.step)).toEqual([
      'enrolled',
      'plan',
      'training',
      'outcome',
    ]);
    const payouts = await h.t.db('payouts').where({ claim_number: input.claimNumber });
    expect(payouts.map((p) => p.account_number)).toEqual([EMPLOYER_ACCOUNT.accountNumber]);
  });

  it('pays a hospital bill before the finding (a suspected accident), and it stays paid when it is found not work-related', async () => {
    const { nik } = await createParticipant(h.t.db, {
      membershipStartDate: '2020-01-01',
      monthlyWage: 4_000_000,
    });
    const input = accidentInput({ participantNik: nik });
    const outcome = await h.withWorker(async (tq) => {
      const handle = await start(tq, input);
      await waitForCase(handle, 'waiting_for_finding');
      const bill = {
        provider: 'RS',
        from: '2025-01-02',
        to: '2025-01-03',
        amount: 2_000_000,
        documentRef: 'INV',
        payTo: 'provider' as const,
        bankAccount: PROVIDER_ACCOUNT,
      };
      await approveItem(handle, { treatment: bill });
      const stmb = handle.executeUpdate(recordItemUpdate, {
        args: [
          {
            actor: officer1,
            kind: 'incapacity',
            incapacity: { from: '2025-01-03', to: '2025-01-10', documentRef: 'SKD' },
          },
        ],
      });
      expect(await updateFailureType(stmb)).toBe('WrongState');
      for (let i = 0; i < 100 && (await handle.query(accidentStateQuery)).items[0]!.status !== 'paid'; i++) {
        await new Promise((r) => setTimeout(r, 50));
      }
      await confirmWorkAccident(handle, 'not_work_accident');
      return handle.result();
    });
    expect(outcome).toMatchObject({ status: 'not_work_accident', paid: 2_000_000 });
    const payouts = await h.t.db('payouts').where({ claim_number: input.claimNumber });
    expect(payouts.map((p) => [p.component, p.status])).toEqual([['item-1', 'paid']]);
  });
});

/** The last day of 15 whole months starting on `from`. */
function fifteenMonths(from: string): string {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y, m - 1 + 15, d));
  return addDays(end.toISOString().slice(0, 10), -1);
}
