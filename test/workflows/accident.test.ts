// AccidentWorkflow on the time-skipping server, with real PostgreSQL and the sandbox gateway over HTTP.
import type { accidentWorkflow } from '../../workflows/accident';
import { quote } from '../../rules';
import type { AccidentInput } from '../../vocabulary/accident';
import {
  accidentStateQuery,
  decideItemUpdate,
  recordItemUpdate,
  replaceItemAccountUpdate,
  verifyItemUpdate,
} from '../../vocabulary/messages/accident';
import { createParticipant } from '../helpers/factories';
import {
  accidentInput,
  approveItem,
  closeCase,
  confirmWorkAccident,
  officer1,
  officer2,
  PROVIDER_ACCOUNT,
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

const treatment = {
  provider: 'RS Trauma Center Bekasi',
  from: '2025-01-02',
  to: '2025-01-10',
  amount: 17_500_000,
  documentRef: 'INV-001',
  payTo: 'provider' as const,
  bankAccount: PROVIDER_ACCOUNT,
};

describe('AccidentWorkflow', () => {
  it('pays treatment, capped transport and 15 months of STMB (Rp 54,000,000 on Rp 4,000,000) once each, then closes recovered', async () => {
    const { nik } = await createParticipant(h.t.db, {
      membershipStartDate: '2020-01-01',
      monthlyWage: 4_000_000,
    });
    const input = accidentInput({ participantNik: nik });
    const outcome = await h.withWorker(async (tq) => {
      const handle = await start(tq, input);
      await confirmWorkAccident(handle);
      await waitForCase(handle, 'under_care');
      expect((await approveItem(handle, { treatment })).amount).toBe(17_500_000);
      const transport = await approveItem(handle, {
        treatment: {
          ...treatment,
          provider: 'Ambulans',
          amount: 7_000_000,
          mode: 'land',
          payTo: 'participant',
          bankAccount: undefined,
        },
      });
      expect(transport.amount).toBe(5_000_000);
      // 15 months off work in three certified periods.
      for (const [from, to] of [
        ['2025-01-03', '2025-07-02'],
        ['2025-07-03', '2026-01-02'],
        ['2026-01-03', '2026-04-02'],
      ]) {
        await approveItem(handle, { incapacity: { from: from!, to: to!, documentRef: `SKD-${from}` } });
      }
      await closeCase(handle, {
        outcome: 'recovered',
        doctorStatementRef: 'SK-II-1',
        closedOn: '2026-04-03',
      });
      return handle.result();
    });
    const payouts = await h.t.db('payouts').where({ claim_number: input.claimNumber }).orderBy('id');
    const stmb = payouts.filter((p) => ['item-3', 'item-4', 'item-5'].includes(p.component));
    expect(stmb.reduce((s, p) => s + p.amount, 0)).toBe(54_000_000);
    // The quote for the same facts gives the same STMB.
    const quoted = quote({
      program: 'JKK',
      event: 'temporary_incapacity',
      eventDate: '2025-01-02',
      membershipStartDate: '2020-01-01',
      monthlyWage: 4_000_000,
      incapacity: { from: '2025-01-03', to: '2026-04-02' },
    });
    expect(quoted.components.find((c) => c.code === 'temporary_incapacity')!.amount).toBe(54_000_000);
    expect(payouts.map((p) => [p.component, p.status, p.idempotency_key])).toEqual(
      [1, 2, 3, 4, 5].map((n) => [`item-${n}`, 'paid', `${input.claimNumber}:item-${n}`]),
    );
    // Ledger equals the gateway: each key transferred once.
    const transfers = h.gateway.controls.all().filter((d) => d.reference.startsWith(input.claimNumber));
    expect(transfers).toHaveLength(5);
    expect(transfers.reduce((s, d) => s + d.amount, 0)).toBe(17_500_000 + 5_000_000 + 54_000_000);
    expect(outcome).toMatchObject({ status: 'closed', paid: 76_500_000 });
    // A wage worker's STMB goes to the employer.
    expect(payouts.filter((p) => p.component === 'item-3')[0].account_number).toBe('3234567890');
    const claim = await h.t.db('claims').where({ claim_number: input.claimNumber }).first();
    expect(claim).toMatchObject({ status: 'closed', event: 'accident', program: 'JKK' });
    const items = await h.t
      .db('accident_items')
      .where({ claim_number: input.claimNumber })
      .orderBy('item_number');
    expect(items.map((i) => i.status)).toEqual(['paid', 'paid', 'paid', 'paid', 'paid']);
  });

  it('ends a case found not to be a work accident with the reason, paying nothing', async () => {
    const { nik } = await createParticipant(h.t.db);
    const input = accidentInput({ participantNik: nik });
    const outcome = await h.withWorker(async (tq) => {
      const handle = await start(tq, input);
      await confirmWorkAccident(handle, 'not_work_accident');
      return handle.result();
    });
    expect(outcome.status).toBe('not_work_accident');
    expect(outcome.reason).toContain('Fell from a ladder');
    const claim = await h.t.db('claims').where({ claim_number: input.claimNumber }).first();
    expect(claim).toMatchObject({ status: 'not_work_accident' });
    expect(claim.status_reason).toContain('not a work accident');
    expect(await h.t.db('payouts').where({ claim_number: input.claimNumber })).toHaveLength(0);
  });

  it('refuses overlapping periods, approval by the verifier, and a bill after the closing statement', async () => {
    const { nik } = await createParticipant(h.t.db, { monthlyWage: 4_000_000 });
    const input = accidentInput({ participantNik: nik });
    await h.withWorker(async (tq) => {
      const handle = await start(tq, input);
      await confirmWorkAccident(handle);
      await waitForCase(handle, 'under_care');
      await approveItem(handle, {
        incapacity: { from: '2025-01-03', to: '2025-02-02', documentRef: 'SKD-1' },
      });
      const overlap = handle.executeUpdate(recordItemUpdate, {
        args: [
          {
            actor: officer1,
            kind: 'incapacity',
            incapacity: { from: '2025-02-01', to: '2025-03-01', documentRef: 'SKD-2' },
          },
        ],
      });
      expect(await updateFailureType(overlap)).toBe('InvalidInput');
      const early = handle.executeUpdate(recordItemUpdate, {
        args: [
          {
            actor: officer1,
            kind: 'incapacity',
            incapacity: { from: '2024-12-01', to: '2024-12-05', documentRef: 'SKD-3' },
          },
        ],
      });
      expect(await updateFailureType(early)).toBe('InvalidInput');
      const item = await handle.executeUpdate(recordItemUpdate, {
        args: [{ actor: officer2, kind: 'treatment', treatment }],
      });
      await handle.executeUpdate(verifyItemUpdate, {
        args: [{ actor: officer1, itemNumber: item.itemNumber }],
      });
      expect(
        await updateFailureType(
          handle.executeUpdate(decideItemUpdate, {
            args: [{ actor: officer1, itemNumber: item.itemNumber, decision: 'approve', reason: 'ok' }],
          }),
        ),
      ).toBe('MakerChecker');
      await handle.executeUpdate(decideItemUpdate, {
        args: [
          {
            actor: { kind: 'staff', id: 'officer-3', role: 'officer' },
            itemNumber: item.itemNumber,
            decision: 'reject',
            reason: 'Not related to the accident.',
          },
        ],
      });
      const repeated = closeCase(handle, {
        outcome: 'partial_disability',
        doctorStatementRef: 'SK-II',
        closedOn: '2025-06-01',
        disability: { items: [{ code: 'eye_one' }, { code: 'eye_one' }] },
      });
      expect(await updateFailureType(repeated)).toBe('InvalidInput');
      await closeCase(handle, { outcome: 'recovered', doctorStatementRef: 'SK-II', closedOn: '2025-06-01' });
      const late = handle.executeUpdate(recordItemUpdate, {
        args: [{ actor: officer1, kind: 'treatment', treatment }],
      });
      expect(await updateFailureType(late)).toBe('WrongState');
      return handle.result();
    });
    const items = await h.t
      .db('accident_items')
      .where({ claim_number: input.claimNumber })
      .orderBy('item_number');
    expect(items.map((i) => [i.status, i.reason])).toEqual([
      ['paid', 'Bill in order.'],
      ['refused', 'Not related to the accident.'],
    ]);
  });
});

describe('AccidentWorkflow, a refused account', () => {
  it('pays an item again to a new account once someone other than who gave it approves it, under the same ledger key', async () => {
    const { nik } = await createParticipant(h.t.db, { monthlyWage: 4_000_000 });
    const input = accidentInput({ participantNik: nik });
    await h.withWorker(async (tq) => {
      const handle = await start(tq, input);
      await confirmWorkAccident(handle);
      await waitForCase(handle, 'under_care');
      h.gateway.controls.inject({
        kind: 'refuse_account',
        match: { idempotencyKeyPrefix: `${input.claimNumber}:item-1` },
      });
      await approveItem(handle, { treatment });
      for (
        let i = 0;
        i < 100 && (await handle.query(accidentStateQuery)).items[0]!.status !== 'payment_refused';
        i++
      ) {
        await new Promise((r) => setTimeout(r, 50));
      }
      const closing = closeCase(handle, {
        outcome: 'recovered',
        doctorStatementRef: 'SK-II',
        closedOn: '2025-06-01',
      });
      expect(await updateFailureType(closing)).toBe('WrongState');
      const account = { bankCode: 'BNI', accountNumber: '7234567890', accountName: 'RS Trauma Center' };
      await handle.executeUpdate(replaceItemAccountUpdate, {
        args: [{ actor: officer2, itemNumber: 1, bankAccount: account }],
      });
      const byProposer = handle.executeUpdate(decideItemUpdate, {
        args: [{ actor: officer2, itemNumber: 1, decision: 'approve', reason: 'ok' }],
      });
      expect(await updateFailureType(byProposer)).toBe('MakerChecker');
      const officer3 = { kind: 'staff' as const, id: 'officer-3', role: 'officer' as const };
      await handle.executeUpdate(decideItemUpdate, {
        args: [{ actor: officer3, itemNumber: 1, decision: 'approve', reason: 'Called the hospital.' }],
      });
      await closeCase(
        handle,
        { outcome: 'recovered', doctorStatementRef: 'SK-II', closedOn: '2025-06-01' },
        officer3,
      );
      return handle.result();
    });
    const [row] = await h.t.db('payouts').where({ claim_number: input.claimNumber });
    expect(row).toMatchObject({
      status: 'paid',
      account_number: '7234567890',
      account_revision: 1,
      idempotency_key: `${input.claimNumber}:item-1`,
    });
    const transfers = h.gateway.controls.all().filter((d) => d.reference === `${input.claimNumber}:item-1`);
    expect(transfers.map((d) => [d.idempotencyKey, d.status])).toEqual([
      [`${input.claimNumber}:item-1`, 'failed'],
      [`${input.claimNumber}:item-1:r1`, 'completed'],
    ]);
  });
});
