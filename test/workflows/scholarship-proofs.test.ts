// ScholarshipWorkflow started directly (as the claim starts it), on the time-skipping server: proof checks, the
// level cap, a refused bank account and a worker replaced mid-year. Each test has its own server, whose clock
// starts today and moves only when the test skips it. (Lapses, life events and the age limit: scholarship-stops.)
import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { submitEnrollmentUpdate, type EnrollmentRequest } from '../../vocabulary/messages/scholarship';
import { reviewAccountChangeUpdate, updateBankAccountUpdate } from '../../vocabulary/messages/claim';
import {
  bornYearsBefore,
  family,
  nextSchoolYear,
  proof,
  proofDue,
  proveYear,
  reviewProof,
  scholarshipRecord,
  schoolYearOfDate,
  serverToday,
  skipTo,
  startScholarship,
  waitForRecord,
  yearRecorded,
} from '../helpers/scholarship';
import { updateFailureType, useWorkflowHarness } from '../helpers/workflow-harness';

const h = useWorkflowHarness({ serverPerTest: true });
const { newWorker, withWorker } = h;

const submit = (workflowId: string, request: EnrollmentRequest) =>
  h.env.client.workflow.getHandle(workflowId).executeUpdate(submitEnrollmentUpdate, { args: [request] });
const prove = (workflowId: string, request: EnrollmentRequest) =>
  proveYear(h.env.client, workflowId, request);

/** A child at school when the parent dies today (server clock): the first window opens at once. */
async function schooled(level: EnrollmentRequest['level'], grade: number, age: number) {
  const today = await serverToday(h.env);
  return {
    today,
    year: schoolYearOfDate(today),
    child: { dateOfBirth: bornYearsBefore(today, age), schooling: { level, grade } },
  };
}

async function ledger(workflowId: string) {
  const rows = await h.t.db('payouts').whereLike('idempotency_key', `${workflowId}:%`).orderBy('id');
  const transfers = h.gateway.controls.all().filter((d) => d.reference.startsWith(`${workflowId}:`));
  return { rows, transfers };
}

describe('ScholarshipWorkflow proofs and payments', () => {
  it('refuses a wrong school year, an impossible level jump and a duplicate before recording anything, and pays the same proof once', async () => {
    const { today, year, child } = await schooled('SD', 3, 9);
    await withWorker(async (taskQueue) => {
      const { workflowId } = await startScholarship(h.env, h.t.db, taskQueue, child, today);
      await proofDue(h.t.db, workflowId, year);
      const eventsBefore = await h.t
        .db('scholarship_events')
        .where({ workflow_id: workflowId })
        .count({ n: '*' });

      expect(await updateFailureType(submit(workflowId, proof(nextSchoolYear(year), 'SD', 3)))).toBe(
        'WrongState',
      );
      expect(await updateFailureType(submit(workflowId, proof(year, 'SMA', 10)))).toBe('WrongState'); // skips SMP
      expect(await updateFailureType(submit(workflowId, proof(year, 'TK', 2)))).toBe('WrongState'); // goes back
      // A first proof must fit the child's age (8 on 1 July): SD 6 (from 10) and SMP 7 (from 11) do not.
      expect(await updateFailureType(submit(workflowId, proof(year, 'SD', 6)))).toBe('InvalidInput');
      expect(await updateFailureType(submit(workflowId, proof(year, 'SMP', 7)))).toBe('InvalidInput');
      expect(
        await updateFailureType(
          submit(workflowId, proof(year, 'SD', 3, { actor: { kind: 'staff', id: 'a-1', role: 'auditor' } })),
        ),
      ).toBe('Forbidden');
      expect(await h.t.db('scholarship_events').where({ workflow_id: workflowId }).count({ n: '*' })).toEqual(
        eventsBefore,
      );
      expect((await h.t.db('scholarship_years').where({ workflow_id: workflowId }).first()).status).toBe(
        'window_open',
      );

      // The same proof twice at once, then once more: accepted once, paid once.
      const twice = await Promise.allSettled([
        submit(workflowId, proof(year, 'SD', 3)),
        submit(workflowId, proof(year, 'SD', 3)),
      ]);
      expect(twice.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const refused = twice.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect((refused.reason as WorkflowUpdateFailedError).cause).toMatchObject({ type: 'WrongState' });
      await reviewProof(h.env.client, workflowId, year);
      await yearRecorded(h.t.db, workflowId, year);

      const { rows, transfers } = await ledger(workflowId);
      expect(rows.map((r) => [r.idempotency_key, r.amount, r.status])).toEqual([
        [`${workflowId}:${year}`, 1_500_000, 'paid'],
      ]);
      expect(transfers).toHaveLength(1);
    });
  });

  it('records a repeated year beyond the level cap as not payable, then pays the next level', async () => {
    const { today, year, child } = await schooled('TK', 1, 5); // 4 on 1 July: TK takes no child under 4
    const years = [0, 1, 2, 3].map((n) => nextSchoolYear(year, n));
    await withWorker(async (taskQueue) => {
      const { workflowId } = await startScholarship(h.env, h.t.db, taskQueue, child, today);
      const steps = [
        ['TK', 1, true],
        ['TK', 2, true],
        ['TK', 2, false], // repeated: TK is paid for at most 2 school years
        ['SD', 1, true],
      ] as const;
      for (const [i, [level, grade, payable]] of steps.entries()) {
        await skipTo(h.env, `${years[i]!.slice(0, 4)}-07-01`);
        await proofDue(h.t.db, workflowId, years[i]!);
        const result = await prove(workflowId, proof(years[i]!, level, grade));
        expect(result.payable).toBe(payable);
        if (!payable) expect(result.reason).toMatch(/^not payable: level cap/);
        await yearRecorded(h.t.db, workflowId, years[i]!);
      }
      const state = await scholarshipRecord(h.t.db, workflowId);
      expect(state!.years.map((y) => [y.schoolYear, y.status, y.amount])).toEqual([
        [years[0], 'paid', 1_500_000],
        [years[1], 'paid', 1_500_000],
        [years[2], 'not_payable', 0],
        [years[3], 'paid', 1_500_000],
      ]);
      expect(state!.yearsPaid).toEqual({ TK: 2, SD: 1 });
      const row = await h.t
        .db('scholarship_years')
        .where({ workflow_id: workflowId, school_year: years[2] })
        .first();
      expect(row).toMatchObject({ status: 'not_payable', level: 'TK', grade: 2, amount: 0 });
      expect(row.reason).toMatch(/^not payable: level cap/);
      expect((await ledger(workflowId)).rows).toHaveLength(3);
    });
  });

  it('waits for a new account when the bank refuses one and for its review, then pays the year once', async () => {
    const { today, year, child } = await schooled('SMP', 8, 13);
    await withWorker(async (taskQueue) => {
      const { workflowId, claim } = await startScholarship(h.env, h.t.db, taskQueue, child, today);
      h.gateway.controls.inject({
        kind: 'refuse_account',
        match: { idempotencyKeyPrefix: `${workflowId}:` },
      });
      await proofDue(h.t.db, workflowId, year);
      await prove(workflowId, proof(year, 'SMP', 8));
      await waitForRecord(h.t.db, workflowId, (s) => s.status === 'waiting_for_bank_account');
      const handle = h.env.client.workflow.getHandle(workflowId);
      await handle.executeUpdate(updateBankAccountUpdate, {
        args: [
          {
            actor: family,
            bankAccount: { bankCode: 'BNI', accountNumber: '9876543210', accountName: 'Sri Wahyuni' },
          },
        ],
      });
      await handle.executeUpdate(reviewAccountChangeUpdate, {
        args: [
          {
            actor: { kind: 'staff', id: 'officer-2', role: 'officer' },
            decision: 'approve',
            identityCheck: 'KTP seen',
            reason: "The child's mother",
          },
        ],
      });
      await yearRecorded(h.t.db, workflowId, year);
      const { rows, transfers } = await ledger(workflowId);
      expect(rows.map((r) => [r.status, r.account_number, r.amount])).toEqual([
        ['paid', '9876543210', 2_000_000],
      ]);
      expect(transfers.filter((d) => d.status === 'completed')).toHaveLength(1);
      const refusedNotice = await h.t
        .db('notifications')
        .where({ claim_number: claim.claimNumber, kind: 'scholarship_account_refused' });
      expect(refusedNotice).toHaveLength(1);
    });
  });

  it('loses nothing and pays nothing twice when a new worker replaces the old one in the middle of a payment', async () => {
    const { today, year, child } = await schooled('SD', 2, 8);
    const taskQueue = `claims-${randomUUID()}`;
    // No sticky cache: the time-skipping server does not hand a stopped worker's sticky tasks back to the queue.
    const first = await newWorker(taskQueue, { maxCachedWorkflows: 0 });
    const firstRun = first.run();
    const { workflowId } = await startScholarship(h.env, h.t.db, taskQueue, child, today);
    try {
      await proofDue(h.t.db, workflowId, year);
      // The gateway pays, but its answer is lost: the first worker's attempt fails after the money moved.
      h.gateway.controls.inject({ kind: 'lost_response', match: { idempotencyKeyPrefix: `${workflowId}:` } });
      await prove(workflowId, proof(year, 'SD', 2));
      for (
        let i = 0;
        i < 200 && !h.gateway.controls.all().some((d) => d.reference === `${workflowId}:${year}`);
        i++
      ) {
        await new Promise((r) => setTimeout(r, 25));
      }
    } finally {
      first.shutdown();
      await firstRun;
    }

    const second = await newWorker(taskQueue);
    await second.runUntil(async () => {
      const decided = await yearRecorded(h.t.db, workflowId, year);
      expect(decided.years).toMatchObject([{ schoolYear: year, status: 'paid', amount: 1_500_000 }]);
      const next = nextSchoolYear(year);
      await skipTo(h.env, `${next.slice(0, 4)}-07-01`);
      await proofDue(h.t.db, workflowId, next);
      await prove(workflowId, proof(next, 'SD', 3));
      const state = await yearRecorded(h.t.db, workflowId, next);
      expect(state).toMatchObject({ totalPaid: 3_000_000, yearsPaid: { SD: 2 } });
    });
    const { rows, transfers } = await ledger(workflowId);
    expect(rows.map((r) => [r.idempotency_key, r.status])).toEqual([
      [`${workflowId}:${year}`, 'paid'],
      [`${workflowId}:${nextSchoolYear(year)}`, 'paid'],
    ]);
    expect(transfers).toHaveLength(2);
    expect(rows[0]!.gateway_reference).toBe(
      transfers.find((d) => d.reference === `${workflowId}:${year}`)!.id,
    );
  });
});
