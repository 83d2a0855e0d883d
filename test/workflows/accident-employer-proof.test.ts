// An employer-liable accident case (a late stage-I report) on the time-skipping server: the employer pays first, so
// each payment to it is a reimbursement that needs its proof of payment, checked by the second person who approves.
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { accidentWorkflow } from '../../workflows/accident';
import { quote } from '../../rules';
import type { AccidentInput } from '../../vocabulary/accident';
import {
  decideClosingUpdate,
  decideItemUpdate,
  recordEmployerPaymentUpdate,
  recordItemUpdate,
  submitClosingUpdate,
  verifyItemUpdate,
} from '../../vocabulary/messages/accident';
import { createParticipant } from '../helpers/factories';
import {
  accidentInput,
  approveItem,
  confirmWorkAccident,
  EMPLOYER_ACCOUNT,
  officer1,
  officer2,
  PROVIDER_ACCOUNT,
  supervisor,
  waitForCase,
} from '../helpers/accident';
import { useWorkflowHarness } from '../helpers/workflow-harness';

const h = useWorkflowHarness();

function start(taskQueue: string, input: AccidentInput) {
  return h.env.client.workflow.start<typeof accidentWorkflow>('accidentWorkflow', {
    workflowId: input.claimNumber,
    taskQueue,
    args: [input],
  });
}

/** The validator's refusal: its type and message ("field: why" for a field). */
async function refusal(promise: Promise<unknown>): Promise<{ type?: string; message?: string }> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError) {
      const cause = err.cause as { type?: string; message?: string } | undefined;
      return { type: cause?.type, message: cause?.message };
    }
    throw err;
  }
  return {};
}

describe('AccidentWorkflow, the employer pays first', () => {
  it('refuses to reimburse the employer without its proof of payment, then pays it to the employer with the proof, recorded in the rows', async () => {
    const { nik } = await createParticipant(h.t.db, {
      membershipStartDate: '2020-01-01',
      monthlyWage: 5_000_000,
    });
    // Reported 8 days after the accident: later than 2×24 hours, the employer is liable.
    const input = accidentInput({ participantNik: nik, reportedAt: '2025-01-10T09:00:00+07:00' });
    const disability = { items: [{ code: 'eye_one' }] };
    const outcome = await h.withWorker(async (tq) => {
      const handle = await start(tq, input);
      await confirmWorkAccident(handle);
      await waitForCase(handle, 'under_care');

      // A bill without proof: recorded and verified, but its approval is refused naming the field.
      const bill = await handle.executeUpdate(recordItemUpdate, {
        args: [
          {
            actor: officer1,
            kind: 'treatment',
            treatment: {
              provider: 'RS Trauma',
              from: '2025-01-02',
              to: '2025-01-04',
              amount: 2_000_000,
              documentRef: 'INV-1',
              payTo: 'provider',
              bankAccount: PROVIDER_ACCOUNT,
            },
          },
        ],
      });
      await handle.executeUpdate(verifyItemUpdate, {
        args: [{ actor: officer1, itemNumber: bill.itemNumber }],
      });
      const approve = (actor: typeof officer2) =>
        handle.executeUpdate(decideItemUpdate, {
          args: [{ actor, itemNumber: bill.itemNumber, decision: 'approve', reason: 'In order.' }],
        });
      const unproven = await refusal(approve(officer2));
      expect(unproven.type).toBe('InvalidInput');
      expect(unproven.message).toMatch(/^employerPaymentRef: the employer pays first/);

      // The proof: not dated in the future; then added by officer 2, who may therefore not approve it.
      const proof = (employerPaidOn: string) =>
        handle.executeUpdate(recordEmployerPaymentUpdate, {
          args: [
            { actor: officer2, itemNumber: bill.itemNumber, employerPaymentRef: 'TRF-EMP-1', employerPaidOn },
          ],
        });
      expect((await refusal(proof('2099-01-01'))).message).toMatch(/^employerPaidOn: /);
      expect((await refusal(proof('2024-12-31'))).message).toMatch(/^employerPaidOn: /);
      await proof('2025-01-05');
      expect((await refusal(approve(officer2))).type).toBe('MakerChecker');
      expect((await approve(supervisor)).status).toBe('paying');

      // An STMB period recorded with its proof: approved by the second person and paid.
      const stmb = await approveItem(handle, {
        incapacity: {
          from: '2025-01-03',
          to: '2025-01-31',
          documentRef: 'SKD-1',
          employerPaymentRef: 'PAYSLIP-2025-01',
          employerPaidOn: '2025-02-01',
        },
      });
      expect(stmb.status).toBe('paying');

      // The closing's benefit: its approval waits for the proof too.
      const submitted = await handle.executeUpdate(submitClosingUpdate, {
        args: [
          {
            actor: officer1,
            closing: {
              outcome: 'partial_disability',
              doctorStatementRef: 'SK-II',
              closedOn: '2025-03-01',
              disability,
            },
          },
        ],
      });
      expect(submitted.total).toBeGreaterThan(0);
      const decide = () =>
        handle.executeUpdate(decideClosingUpdate, {
          args: [{ actor: officer2, decision: 'approve', reason: "Doctor's statement in order." }],
        });
      expect((await refusal(decide())).message).toMatch(/^employerPaymentRef: /);
      await handle.executeUpdate(recordEmployerPaymentUpdate, {
        args: [{ actor: officer1, employerPaymentRef: 'TRF-EMP-9', employerPaidOn: '2025-03-05' }],
      });
      await decide();
      return handle.result();
    });

    expect(outcome.status).toBe('closed');
    const quoted = quote({
      program: 'JKK',
      event: 'partial_disability',
      eventDate: '2025-01-02',
      membershipStartDate: '2020-01-01',
      monthlyWage: 5_000_000,
      disability,
    });
    const payouts = await h.t.db('payouts').where({ claim_number: input.claimNumber }).orderBy('id');
    // Every payment went to the employer, once, as its reimbursement.
    expect(payouts.map((p) => [p.component, p.status, p.account_number])).toEqual([
      ['item-1', 'paid', EMPLOYER_ACCOUNT.accountNumber],
      ['item-2', 'paid', EMPLOYER_ACCOUNT.accountNumber],
      ...quoted.components
        .filter((c) => c.amount > 0)
        .map((c) => [`closing-${c.code}`, 'paid', EMPLOYER_ACCOUNT.accountNumber]),
    ]);
    const items = await h.t
      .db('accident_items')
      .where({ claim_number: input.claimNumber })
      .orderBy('item_number');
    expect(
      items.map((i) => [
        i.pay_to,
        i.status,
        i.employer_payment_ref,
        i.employer_paid_on,
        i.employer_payment_by,
      ]),
    ).toEqual([
      ['employer', 'paid', 'TRF-EMP-1', '2025-01-05', 'officer-2'],
      ['employer', 'paid', 'PAYSLIP-2025-01', '2025-02-01', 'officer-1'],
    ]);
    const row = await h.t.db('accident_cases').where({ claim_number: input.claimNumber }).first();
    expect(row.employer_pays_first).toContain('later than 2×24 hours');
    expect(row.closing.employerPayment).toEqual({
      ref: 'TRF-EMP-9',
      paidOn: '2025-03-05',
      recordedBy: 'officer-1',
    });
    const events = await h.t
      .db('claim_events')
      .where({ claim_number: input.claimNumber, type: 'employer_payment_recorded' })
      .orderBy('seq');
    expect(events.map((e) => e.actor)).toEqual(['officer-2', 'officer-1']);
  });

  it('asks the proof of an employer more than 3 months in arrears too, for an STMB period', async () => {
    const { nik } = await createParticipant(h.t.db, {
      membershipStartDate: '2020-01-01',
      monthlyWage: 4_000_000,
      arrearsSince: '2024-06-01',
    });
    const input = accidentInput({ participantNik: nik });
    await h.withWorker(async (tq) => {
      const handle = await start(tq, input);
      await confirmWorkAccident(handle);
      await waitForCase(handle, 'under_care');
      const period = await handle.executeUpdate(recordItemUpdate, {
        args: [
          {
            actor: officer1,
            kind: 'incapacity',
            incapacity: { from: '2025-01-03', to: '2025-01-31', documentRef: 'SKD-1' },
          },
        ],
      });
      await handle.executeUpdate(verifyItemUpdate, {
        args: [{ actor: officer1, itemNumber: period.itemNumber }],
      });
      const unproven = handle.executeUpdate(decideItemUpdate, {
        args: [{ actor: officer2, itemNumber: period.itemNumber, decision: 'approve', reason: 'ok' }],
      });
      expect((await refusal(unproven)).message).toMatch(/^employerPaymentRef: the employer pays first/);
      await handle.terminate('test done');
    });
    const row = await h.t.db('accident_cases').where({ claim_number: input.claimNumber }).first();
    expect(row.employer_liable).toBe(false);
    expect(row.employer_pays_first).toContain('arrears');
    expect(await h.t.db('payouts').where({ claim_number: input.claimNumber })).toHaveLength(0);
  });

  it('refuses a proof of payment on a payment that does not go to the employer', async () => {
    const { nik } = await createParticipant(h.t.db, { membershipStartDate: '2020-01-01' });
    const input = accidentInput({ participantNik: nik });
    await h.withWorker(async (tq) => {
      const handle = await start(tq, input);
      await confirmWorkAccident(handle);
      await waitForCase(handle, 'under_care');
      const toProvider = handle.executeUpdate(recordItemUpdate, {
        args: [
          {
            actor: officer1,
            kind: 'treatment',
            treatment: {
              provider: 'RS Trauma',
              from: '2025-01-02',
              to: '2025-01-04',
              amount: 2_000_000,
              documentRef: 'INV-1',
              payTo: 'provider',
              bankAccount: PROVIDER_ACCOUNT,
              employerPaymentRef: 'TRF-1',
              employerPaidOn: '2025-01-05',
            },
          },
        ],
      });
      expect((await refusal(toProvider)).message).toMatch(
        /^employerPaymentRef: is only for a payment to the employer/,
      );
      // A case where the employer is not liable is paid as before: no proof asked.
      expect(
        (
          await approveItem(handle, {
            treatment: {
              provider: 'RS Trauma',
              from: '2025-01-02',
              to: '2025-01-04',
              amount: 2_000_000,
              documentRef: 'INV-1',
              payTo: 'provider',
              bankAccount: PROVIDER_ACCOUNT,
            },
          })
        ).status,
      ).toBe('paying');
      await handle.terminate('test done');
    });
    const row = await h.t.db('accident_cases').where({ claim_number: input.claimNumber }).first();
    expect(row.employer_pays_first).toBeNull();
  });
});
