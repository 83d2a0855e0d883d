// The accident case's closing (stage II) on the time-skipping server: disability paid as the quote prices it, a
// supervisor above the threshold, scholarships with the worker alive, and a death that becomes a JKK death claim.
import type { accidentWorkflow } from '../../workflows/accident';
import { quote } from '../../rules';
import type { AccidentInput } from '../../vocabulary/accident';
import { decideClosingUpdate, submitClosingUpdate } from '../../vocabulary/messages/accident';
import { claimStateQuery } from '../../vocabulary/messages/claim';
import { createParticipant } from '../helpers/factories';
import {
  accidentInput,
  approveItem,
  closeCase,
  confirmWorkAccident,
  officer1,
  officer2,
  supervisor,
  waitForCase,
} from '../helpers/accident';
import { updateFailureType, useWorkflowHarness } from '../helpers/workflow-harness';

const h = useWorkflowHarness();

function start(taskQueue: string, input: AccidentInput) {
  return h.env.client.workflow.start<typeof accidentWorkflow>('accidentWorkflow', {
    workflowId: input.claimNumber,
    taskQueue,
    args: [input],
  });
}

const facts = { program: 'JKK' as const, eventDate: '2025-01-02', membershipStartDate: '2020-01-01' };

describe('AccidentWorkflow closing', () => {
  it('pays a partial disability as the quote prices it', async () => {
    const { nik } = await createParticipant(h.t.db, {
      membershipStartDate: '2020-01-01',
      monthlyWage: 5_000_000,
    });
    const input = accidentInput({ participantNik: nik });
    const disability = { items: [{ code: 'eye_one' }, { code: 'hearing_one', functionLossPercent: 50 }] };
    const outcome = await h.withWorker(async (tq) => {
      const handle = await start(tq, input);
      await confirmWorkAccident(handle);
      await waitForCase(handle, 'under_care');
      const unknown = closeCase(handle, {
        outcome: 'partial_disability',
        doctorStatementRef: 'SK-II',
        closedOn: '2025-05-01',
        disability: { items: [{ code: 'tail' }] },
      });
      expect(await updateFailureType(unknown)).toBe('InvalidInput');
      await closeCase(handle, {
        outcome: 'partial_disability',
        doctorStatementRef: 'SK-II',
        closedOn: '2025-05-01',
        disability,
      });
      return handle.result();
    });
    const quoted = quote({ ...facts, event: 'partial_disability', monthlyWage: 5_000_000, disability });
    // 35% × 80 × 5,000,000 + 50% × 20% × 80 × 5,000,000
    expect(quoted.total).toBe(140_000_000 + 40_000_000);
    expect(outcome).toMatchObject({ status: 'closed', paid: quoted.total });
    const payouts = await h.t.db('payouts').where({ claim_number: input.claimNumber });
    expect(payouts.map((p) => [p.component, p.amount])).toEqual([
      ['closing-disability_compensation', quoted.total],
    ]);
  });

  it('needs a supervisor above Rp 200,000,000 and starts scholarships for two children on a total disability', async () => {
    const { nik } = await createParticipant(h.t.db, {
      membershipStartDate: '2020-01-01',
      monthlyWage: 5_000_000,
    });
    const input = accidentInput({ participantNik: nik });
    const children = [
      { dateOfBirth: '2015-03-01', schooling: { level: 'SD' as const, grade: 4 } },
      { dateOfBirth: '2012-05-01', schooling: { level: 'SMP' as const, grade: 7 } },
    ];
    const outcome = await h.withWorker(async (tq) => {
      const handle = await start(tq, input);
      await confirmWorkAccident(handle);
      await waitForCase(handle, 'under_care');
      await handle.executeUpdate(submitClosingUpdate, {
        args: [
          {
            actor: officer1,
            closing: {
              outcome: 'total_disability',
              doctorStatementRef: 'SK-II',
              closedOn: '2025-05-01',
              children,
            },
          },
        ],
      });
      const byOfficer = handle.executeUpdate(decideClosingUpdate, {
        args: [{ actor: officer2, decision: 'approve', reason: 'ok' }],
      });
      expect(await updateFailureType(byOfficer)).toBe('SupervisorRequired');
      const bySubmitter = handle.executeUpdate(decideClosingUpdate, {
        args: [{ actor: officer1, decision: 'approve', reason: 'ok' }],
      });
      expect(await updateFailureType(bySubmitter)).toBe('MakerChecker');
      await handle.executeUpdate(decideClosingUpdate, {
        args: [{ actor: supervisor, decision: 'approve', reason: 'Doctor and board agree.' }],
      });
      return handle.result();
    });
    const quoted = quote({ ...facts, event: 'permanent_total_disability', monthlyWage: 5_000_000, children });
    // 70% × 80 × 5,000,000 = 280,000,000 + periodic 12,000,000
    expect(quoted.total).toBe(292_000_000);
    expect(outcome).toMatchObject({ status: 'closed', paid: 292_000_000 });
    for (const n of [1, 2]) {
      const described = await h.env.client.workflow.getHandle(`${input.claimNumber}-S${n}`).describe();
      expect(described.type).toBe('scholarshipWorkflow');
    }
    const events = await h.t.db('claim_events').where({ claim_number: input.claimNumber }).pluck('type');
    expect(events).toContain('scholarships_started');
  });

  it('becomes a JKK death claim when the worker dies: the accident date sets the regulation, what was paid stays paid', async () => {
    const { nik } = await createParticipant(h.t.db, {
      membershipStartDate: '2020-01-01',
      monthlyWage: 5_000_000,
    });
    const input = accidentInput({ participantNik: nik });
    const outcome = await h.withWorker(async (tq) => {
      const handle = await start(tq, input);
      await confirmWorkAccident(handle);
      await waitForCase(handle, 'under_care');
      await approveItem(handle, {
        incapacity: { from: '2025-01-03', to: '2025-02-02', documentRef: 'SKD-1' },
      });
      await closeCase(handle, {
        outcome: 'died',
        doctorStatementRef: 'SK-MATI',
        closedOn: '2025-03-01',
        heirs: [{ name: 'Siti Aminah', relationship: 'spouse' }],
        heirBankAccount: { bankCode: 'BRI', accountNumber: '5234567890', accountName: 'Siti Aminah' },
      });
      const result = await handle.result();
      const death = h.env.client.workflow.getHandle(result.deathClaimNumber!);
      for (
        let i = 0;
        i < 100 && (await death.query(claimStateQuery)).status !== 'waiting_for_documents';
        i++
      ) {
        await new Promise((r) => setTimeout(r, 50));
      }
      return result;
    });
    expect(outcome).toMatchObject({
      status: 'became_death_claim',
      paid: 5_000_000,
      deathClaimNumber: `${input.claimNumber}D`,
    });
    const death = await h.t
      .db('claims')
      .where({ claim_number: `${input.claimNumber}D` })
      .first();
    expect(death).toMatchObject({
      program: 'JKK',
      event: 'death',
      event_date: '2025-01-02',
      claim_date: '2025-03-01',
      status: 'waiting_for_documents',
    });
    const paid = await h.t.db('payouts').where({ claim_number: input.claimNumber, status: 'paid' });
    expect(paid.map((p) => p.amount)).toEqual([5_000_000]);
  });

  it('never closes silently over a refused closing payment: a supervisor is tasked and the worker told', async () => {
    const { nik } = await createParticipant(h.t.db, {
      membershipStartDate: '2020-01-01',
      monthlyWage: 5_000_000,
    });
    const input = accidentInput({ participantNik: nik });
    h.gateway.controls.inject({
      kind: 'refuse_account',
      match: { idempotencyKeyPrefix: `${input.claimNumber}:closing-` },
    });
    const outcome = await h.withWorker(async (tq) => {
      const handle = await start(tq, input);
      await confirmWorkAccident(handle);
      await waitForCase(handle, 'under_care');
      await closeCase(handle, {
        outcome: 'partial_disability',
        doctorStatementRef: 'SK-II',
        closedOn: '2025-05-01',
        disability: { items: [{ code: 'earlobe_one' }] },
      });
      return handle.result();
    });
    expect(outcome).toMatchObject({ status: 'closed', paid: 0 });
    expect(outcome.reason).toContain('Not paid yet: disability_compensation');
    const [payout] = await h.t.db('payouts').where({ claim_number: input.claimNumber });
    expect(payout).toMatchObject({ status: 'refused', component: 'closing-disability_compensation' });
    const tasks = await h.t.db('supervisor_tasks').where({ claim_number: input.claimNumber });
    expect(tasks).toHaveLength(1);
  });
});
