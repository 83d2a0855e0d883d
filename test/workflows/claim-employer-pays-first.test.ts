// ClaimWorkflow for a JKK death with the employer more than 3 months in arrears, on the time-skipping server: the
// benefit is decided as usual but held as "the employer pays first"; an officer records the settlement and the
// employer's proof of payment, another person (a supervisor) approves, and the agency reimburses the employer once.
import { addMonths } from '../../rules/dates';
import { jakartaDate } from '../../rules';
import type { Actor } from '../../vocabulary/actors';
import type { ClaimInput } from '../../vocabulary/claim';
import { FailureType } from '../../vocabulary/failures';
import {
  claimStateQuery,
  decideReimbursementUpdate,
  decideUpdate,
  recordEmployerSettlementUpdate,
  updateBankAccountUpdate,
  verifyUpdate,
  type RecordEmployerSettlementRequest,
} from '../../vocabulary/messages/claim';
import type { WorkflowHandle } from '@temporalio/client';
import { buildDecisionTrail } from '../../replay';
import { testLoadedDataConverter } from '../helpers/codec';
import { claimInput, createParticipant, FULL_CHECKLIST } from '../helpers/factories';
import { updateFailureType, useWorkflowHarness } from '../helpers/workflow-harness';

const officer1: Actor = { kind: 'staff', id: 'officer-1', role: 'officer' };
const officer2: Actor = { kind: 'staff', id: 'officer-2', role: 'officer' };
const supervisor1: Actor = { kind: 'staff', id: 'supervisor-1', role: 'supervisor' };
const auditor: Actor = { kind: 'staff', id: 'auditor-1', role: 'auditor' };
const family: Actor = { kind: 'family' };
/** JKK death at a wage of Rp 3,500,000 under PP 82/2019: 168,000,000 + 10,000,000 + 12,000,000. */
const JKK_TOTAL = 190_000_000;
const EMPLOYER_ACCOUNT = { bankCode: 'BCA', accountNumber: '5550001111', accountName: 'PT Uji Konstruksi' };

const h = useWorkflowHarness();

/** A JKK (or JKM) claim filed today whose employer has been in arrears for `months` whole months at the death. */
async function claimInArrears(months: number, program: 'JKK' | 'JKM' = 'JKK'): Promise<ClaimInput> {
  const now = await h.env.currentTimeMs();
  const eventDate = jakartaDate(now - 3 * 86_400_000);
  const { nik } = await createParticipant(h.t.db, {
    membershipStartDate: '2018-01-01',
    monthlyWage: 3_500_000,
    arrearsSince: addMonths(eventDate, -months),
  });
  return claimInput({ participantNik: nik, program, claimDate: jakartaDate(now), eventDate });
}

async function approved(handle: WorkflowHandle): Promise<void> {
  await h.waitForStatus(handle, 'waiting_for_documents');
  await handle.executeUpdate(verifyUpdate, { args: [{ actor: officer1, checklist: FULL_CHECKLIST }] });
  await h.waitForStatus(handle, 'waiting_for_decision');
  await handle.executeUpdate(decideUpdate, {
    args: [{ actor: officer2, decision: 'approve', reason: 'ok' }],
  });
}

function settlement(actor: Actor, over: Partial<RecordEmployerSettlementRequest> = {}) {
  return {
    args: [
      {
        actor,
        arrearsSettlementReference: 'SETL-2026-0042',
        proofOfPaymentReference: 'TRF-BCA-778812',
        amountPaidToHeirs: JKK_TOTAL,
        paidToHeirsOn: '2026-11-30',
        employerAccount: EMPLOYER_ACCOUNT,
        ...over,
      },
    ] as [RecordEmployerSettlementRequest],
  };
}

const decision = (
  actor: Actor,
  d: 'approve' | 'reject' = 'approve',
  reason = 'Settlement and proof checked',
) => ({
  args: [{ actor, decision: d, reason }] as [
    { actor: Actor; decision: 'approve' | 'reject'; reason: string },
  ],
});

const events = (claimNumber: string) =>
  h.t.db('claim_events').where({ claim_number: claimNumber }).orderBy('seq').pluck('type');

describe('ClaimWorkflow when the employer pays first (JKK, more than 3 months in arrears)', () => {
  it('holds the payout, takes the settlement from one person and its approval from a supervisor, then reimburses the employer once', async () => {
    const input = await claimInArrears(5);
    const outcome = await h.withWorker(async (taskQueue) => {
      const handle = await h.startClaim(taskQueue, input);
      await approved(handle);
      await h.waitForStatus(handle, 'waiting_for_employer_payment');

      // Nothing paid to the heirs; the family is told why, with the legal basis on record.
      expect(await h.t.db('payouts').where({ claim_number: input.claimNumber })).toEqual([]);
      const claim = await h.t.db('claims').where({ claim_number: input.claimNumber }).first();
      expect(claim.status_reason).toContain('5 months in arrears at the accident, more than 3');
      const [held] = await h.t
        .db('claim_events')
        .where({ claim_number: input.claimNumber, type: 'employer_pays_first' });
      expect(held.data).toMatchObject({ amount: JKK_TOTAL, basis: expect.stringContaining('PP 44/2015') });
      // The notice is written just after the status: wait for it.
      let notices: string[] = [];
      for (let i = 0; i < 100 && !notices.includes('employer_pays_first'); i++) {
        if (i > 0) await new Promise((r) => setTimeout(r, 50));
        notices = await h.t.db('notifications').where({ claim_number: input.claimNumber }).pluck('kind');
      }
      expect(notices).toContain('employer_pays_first');
      expect(notices).not.toContain('decision_notified');

      // Refused: a decision before any settlement; the family or an auditor recording; the heirs paid short.
      expect(
        await updateFailureType(handle.executeUpdate(decideReimbursementUpdate, decision(supervisor1))),
      ).toBe(FailureType.WrongState);
      for (const actor of [family, auditor]) {
        expect(
          await updateFailureType(handle.executeUpdate(recordEmployerSettlementUpdate, settlement(actor))),
        ).toBe(FailureType.Forbidden);
      }
      expect(
        await updateFailureType(
          handle.executeUpdate(
            recordEmployerSettlementUpdate,
            settlement(officer1, { amountPaidToHeirs: JKK_TOTAL - 1 }),
          ),
        ),
      ).toBe(FailureType.InvalidInput);
      expect(
        await updateFailureType(
          handle.executeUpdate(
            recordEmployerSettlementUpdate,
            settlement(officer1, { proofOfPaymentReference: ' ' }),
          ),
        ),
      ).toBe(FailureType.InvalidInput);

      // Recorded by an officer.
      expect(await handle.executeUpdate(recordEmployerSettlementUpdate, settlement(officer1))).toEqual({
        status: 'waiting_for_reimbursement_approval',
        reimbursement: JKK_TOTAL,
      });
      await h.waitForStatus(handle, 'waiting_for_reimbursement_approval');
      expect(
        await updateFailureType(handle.executeUpdate(recordEmployerSettlementUpdate, settlement(officer2))),
      ).toBe(FailureType.WrongState);

      // Refused: the recorder (even a supervisor would be); another officer (not a supervisor).
      expect(
        await updateFailureType(handle.executeUpdate(decideReimbursementUpdate, decision(officer1))),
      ).toBe(FailureType.MakerChecker);
      expect(
        await updateFailureType(handle.executeUpdate(decideReimbursementUpdate, decision(officer2))),
      ).toBe(FailureType.SupervisorRequired);

      // A supervisor rejects; the claim waits for a new record, which the same supervisor may then not approve.
      await handle.executeUpdate(
        decideReimbursementUpdate,
        decision(supervisor1, 'reject', 'Proof unreadable'),
      );
      await h.waitForStatus(handle, 'waiting_for_employer_payment');
      await handle.executeUpdate(recordEmployerSettlementUpdate, settlement(supervisor1));
      expect(
        await updateFailureType(handle.executeUpdate(decideReimbursementUpdate, decision(supervisor1))),
      ).toBe(FailureType.MakerChecker);
      const supervisor2: Actor = { kind: 'staff', id: 'supervisor-2', role: 'supervisor' };
      expect(await handle.executeUpdate(decideReimbursementUpdate, decision(supervisor2))).toEqual({
        decision: 'approve',
        reimbursement: JKK_TOTAL,
      });
      return handle.result();
    });

    expect(outcome).toEqual({ status: 'paid', total: JKK_TOTAL, reimbursedToEmployer: JKK_TOTAL });
    const ledger = await h.t.db('payouts').where({ claim_number: input.claimNumber });
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({
      idempotency_key: `${input.claimNumber}:employer_reimbursement`,
      component: 'employer_reimbursement',
      amount: JKK_TOTAL,
      status: 'paid',
      account_number: EMPLOYER_ACCOUNT.accountNumber,
    });
    const transfers = h.gateway.controls.all().filter((d) => d.reference.startsWith(`${input.claimNumber}:`));
    expect(transfers.map((d) => [d.reference, d.amount, d.status])).toEqual([
      [`${input.claimNumber}:employer_reimbursement`, JKK_TOTAL, 'completed'],
    ]);
    const row = await h.t.db('employer_reimbursements').where({ claim_number: input.claimNumber }).first();
    expect(row).toMatchObject({
      status: 'approved',
      recorded_by: 'supervisor-1',
      decided_by: 'supervisor-2',
      proof_of_payment_reference: 'TRF-BCA-778812',
      arrears_settlement_reference: 'SETL-2026-0042',
    });
    expect(await events(input.claimNumber)).toEqual(
      expect.arrayContaining([
        'employer_pays_first',
        'employer_settlement_recorded',
        'employer_reimbursement_rejected',
        'employer_reimbursement_approved',
        'employer_reimbursed',
        'claim_paid',
      ]),
    );
    expect(await events(input.claimNumber)).not.toContain('late_compensation_assessed');

    // The decision trail, from the history alone: who recorded, who decided, the employer's account masked.
    const history = await h.env.client.workflow.getHandle(input.claimNumber).fetchHistory();
    const trail = await buildDecisionTrail(
      [{ workflowId: input.claimNumber, runId: 'run', workflowType: 'claimWorkflow', history }],
      testLoadedDataConverter,
    );
    expect(trail.employerSettlements.map((s) => [s.by, s.proofOfPaymentReference, s.accountNumber])).toEqual([
      ['officer-1', 'TRF-BCA-778812', '******1111'],
      ['supervisor-1', 'TRF-BCA-778812', '******1111'],
    ]);
    expect(trail.reimbursementDecisions.map((d) => [d.by, d.decision])).toEqual([
      ['supervisor-1', 'reject'],
      ['supervisor-2', 'approve'],
    ]);
    expect(trail.patches).toContain('employer-pays-first');
  });

  it("waits for a new record with another account when the bank refuses the employer's, then pays once", async () => {
    const input = await claimInArrears(7);
    const outcome = await h.withWorker(async (taskQueue) => {
      const handle = await h.startClaim(taskQueue, input);
      await approved(handle);
      await h.waitForStatus(handle, 'waiting_for_employer_payment');
      const refused = { ...EMPLOYER_ACCOUNT, accountNumber: '0009998887' };
      await handle.executeUpdate(
        recordEmployerSettlementUpdate,
        settlement(officer1, { employerAccount: refused }),
      );
      await handle.executeUpdate(decideReimbursementUpdate, decision(supervisor1));
      await h.waitForStatus(handle, 'waiting_for_employer_payment');
      expect((await handle.query(claimStateQuery)).status).toBe('waiting_for_employer_payment');
      const claim = await h.t.db('claims').where({ claim_number: input.claimNumber }).first();
      expect(claim.status_reason).toContain("refused the employer's account");
      await handle.executeUpdate(recordEmployerSettlementUpdate, settlement(officer1));
      await handle.executeUpdate(decideReimbursementUpdate, decision(supervisor1));
      return handle.result();
    });
    expect(outcome).toEqual({ status: 'paid', total: JKK_TOTAL, reimbursedToEmployer: JKK_TOTAL });
    const transfers = h.gateway.controls.all().filter((d) => d.reference.startsWith(`${input.claimNumber}:`));
    expect(transfers.map((d) => [d.idempotencyKey, d.status])).toEqual([
      [`${input.claimNumber}:employer_reimbursement`, 'failed'], // the sandbox's word for a refused account
      [`${input.claimNumber}:employer_reimbursement:r1`, 'completed'],
    ]);
    const ledger = await h.t.db('payouts').where({ claim_number: input.claimNumber });
    expect(ledger.map((p) => [p.status, p.account_number])).toEqual([
      ['paid', EMPLOYER_ACCOUNT.accountNumber],
    ]);
  });

  it('shows payout_failed and opens a supervisor task when the transfer fails for good, then takes a new record', async () => {
    const input = await claimInArrears(6);
    h.gateway.controls.inject({
      kind: 'reject_request',
      times: 1,
      match: { idempotencyKeyPrefix: `${input.claimNumber}:` },
    });
    const outcome = await h.withWorker(async (taskQueue) => {
      const handle = await h.startClaim(taskQueue, input);
      await approved(handle);
      await h.waitForStatus(handle, 'waiting_for_employer_payment');
      await handle.executeUpdate(recordEmployerSettlementUpdate, settlement(officer1));
      await handle.executeUpdate(decideReimbursementUpdate, decision(supervisor1));
      await h.waitForStatus(handle, 'payout_failed');
      const tasks = await h.t.db('supervisor_tasks').where({ claim_number: input.claimNumber });
      expect(tasks.map((t) => t.kind)).toEqual(['payout_failed']);
      expect(tasks[0].message).toContain('/employer-settlement');
      expect(tasks[0].message).not.toContain(EMPLOYER_ACCOUNT.accountNumber);
      // The heirs' account is not what failed: a new bank account for the claim is refused, a new record is not.
      expect(
        await updateFailureType(
          handle.executeUpdate(updateBankAccountUpdate, {
            args: [{ actor: officer1, bankAccount: EMPLOYER_ACCOUNT }],
          }),
        ),
      ).toBe(FailureType.WrongState);
      await handle.executeUpdate(recordEmployerSettlementUpdate, settlement(officer2));
      await handle.executeUpdate(decideReimbursementUpdate, decision(supervisor1));
      return handle.result();
    });
    expect(outcome).toEqual({ status: 'paid', total: JKK_TOTAL, reimbursedToEmployer: JKK_TOTAL });
    const ledger = await h.t.db('payouts').where({ claim_number: input.claimNumber });
    expect(ledger.map((p) => [p.idempotency_key, p.status, p.gateway_key])).toEqual([
      [
        `${input.claimNumber}:employer_reimbursement`,
        'paid',
        `${input.claimNumber}:employer_reimbursement:r1`,
      ],
    ]);
  });

  it.each([
    ['JKK', 3],
    ['JKM', 5],
  ] as const)('pays the heirs as usual for %s with %i months of arrears', async (program, months) => {
    const input = await claimInArrears(months, program);
    const outcome = await h.withWorker(async (taskQueue) => {
      const handle = await h.startClaim(taskQueue, input);
      await approved(handle);
      return handle.result();
    });
    expect(outcome.status).toBe('paid');
    expect(outcome.reimbursedToEmployer).toBeUndefined();
    const components = await h.t.db('payouts').where({ claim_number: input.claimNumber }).pluck('component');
    expect(components).not.toContain('employer_reimbursement');
    expect(components.length).toBeGreaterThan(0);
    expect(await events(input.claimNumber)).not.toContain('employer_pays_first');
  });
});
