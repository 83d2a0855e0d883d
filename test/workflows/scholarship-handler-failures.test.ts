// ScholarshipWorkflow when a proof, a life event or a new account cannot be recorded (an activity that fails for
// good), on the time-skipping server: that update fails, and the scholarship still takes the next one.
import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import type { StepEvent } from '../../vocabulary/activities';
import {
  reportLifeEventUpdate,
  scholarshipStateQuery,
  submitEnrollmentUpdate,
  type ScholarshipOutcome,
  type SchoolLevel,
} from '../../vocabulary/messages/scholarship';
import { reviewAccountChangeUpdate, updateBankAccountUpdate } from '../../vocabulary/messages/claim';
import type { scholarshipWorkflow } from '../../workflows/scholarship';
import type { Activities } from '../../activities';
import { activityFailureType, failingOnce, TEST_FAILURE } from '../helpers/failing-activities';
import {
  bornYearsBefore,
  family,
  officer1,
  proof,
  proofDue,
  proveYear,
  reviewProof,
  schoolYearOfDate,
  serverToday,
  startScholarship,
  waitForRecord,
  yearRecorded,
} from '../helpers/scholarship';
import { useWorkflowHarness } from '../helpers/workflow-harness';

const h = useWorkflowHarness({ serverPerTest: true });

/**
 * Starts a scholarship for a child at school (its window opens at once) on a worker whose recordScholarship fails
 * for good the first time it records an event of type `failing`, and runs `fn` while the worker polls.
 */
async function withFailingScholarship<T>(
  failing: string | { activity: keyof Activities },
  level: SchoolLevel,
  grade: number,
  age: number,
  fn: (s: {
    workflowId: string;
    year: string;
    handle: WorkflowHandle<typeof scholarshipWorkflow>;
  }) => Promise<T>,
): Promise<T> {
  const today = await serverToday(h.env);
  const child = { dateOfBirth: bornYearsBefore(today, age), schooling: { level, grade } };
  const taskQueue = `claims-${randomUUID()}`;
  const activities =
    typeof failing === 'string'
      ? failingOnce(
          { db: h.t.db, gateway: h.gateway.client },
          'recordScholarship',
          (args) => (args[1] as StepEvent).type === failing,
        )
      : failingOnce({ db: h.t.db, gateway: h.gateway.client }, failing.activity, () => true);
  const worker = await h.newWorker(taskQueue, { activities });
  return worker.runUntil(async () => {
    const { workflowId, handle } = await startScholarship(h.env, h.t.db, taskQueue, child, today);
    const year = schoolYearOfDate(today);
    await proofDue(h.t.db, workflowId, year);
    return fn({ workflowId, year, handle });
  });
}

async function ledger(workflowId: string) {
  return h.t.db('payouts').whereLike('idempotency_key', `${workflowId}:%`).orderBy('id');
}

describe('ScholarshipWorkflow when recording an update fails for good', () => {
  it('fails the proof whose recording failed, then accepts the same proof again and pays the year once', async () => {
    const workflowId = await withFailingScholarship('enrollment_submitted', 'SD', 3, 9, async (s) => {
      const submit = () => s.handle.executeUpdate(submitEnrollmentUpdate, { args: [proof(s.year, 'SD', 3)] });
      expect(await activityFailureType(submit())).toBe(TEST_FAILURE);
      expect(await s.handle.query(scholarshipStateQuery)).toMatchObject({
        status: 'waiting_for_proof',
        proofAccepted: false,
      });
      expect(await submit()).toMatchObject({ payable: true, amount: 1_500_000, review: 'pending' });
      await reviewProof(h.env.client, s.workflowId, s.year);
      await yearRecorded(h.t.db, s.workflowId, s.year);
      return s.workflowId;
    });
    const rows = await ledger(workflowId);
    expect(rows.map((r) => [r.amount, r.status])).toEqual([[1_500_000, 'paid']]);
  });

  it('fails the life event whose recording failed, then records it again and ends the scholarship', async () => {
    const outcome = await withFailingScholarship('life_event_reported', 'SMA', 11, 17, async (s) => {
      const married = () =>
        s.handle.executeUpdate(reportLifeEventUpdate, {
          args: [{ actor: officer1, kind: 'married', date: `${s.year.slice(0, 4)}-08-17` }],
        });
      expect(await activityFailureType(married())).toBe(TEST_FAILURE);
      expect((await s.handle.query(scholarshipStateQuery)).status).toBe('waiting_for_proof');
      expect(await married()).toMatchObject({ stops: true });
      return (await s.handle.result()) as ScholarshipOutcome;
    });
    expect(outcome).toMatchObject({ status: 'ended', reason: 'married', totalPaid: 0 });
  });

  it('fails the account proposal whose recording failed, then takes the next one and pays the year once', async () => {
    const replacement = {
      actor: family,
      bankAccount: { bankCode: 'BNI', accountNumber: '9876543210', accountName: 'Sri Wahyuni' },
    };
    const workflowId = await withFailingScholarship(
      { activity: 'proposeScholarshipAccountChange' },
      'SMP',
      8,
      13,
      async (s) => {
        h.gateway.controls.inject({
          kind: 'refuse_account',
          match: { idempotencyKeyPrefix: `${s.workflowId}:` },
        });
        await proveYear(h.env.client, s.workflowId, proof(s.year, 'SMP', 8));
        await waitForRecord(h.t.db, s.workflowId, (r) => r.status === 'waiting_for_bank_account');
        const replace = () => s.handle.executeUpdate(updateBankAccountUpdate, { args: [replacement] });
        expect(await activityFailureType(replace())).toBe(TEST_FAILURE);
        expect((await s.handle.query(scholarshipStateQuery)).status).toBe('waiting_for_bank_account');
        expect(await replace()).toEqual({ accountRevision: 0, status: 'waiting_for_account_review' });
        await s.handle.executeUpdate(reviewAccountChangeUpdate, {
          args: [
            {
              actor: { kind: 'staff', id: 'officer-2', role: 'officer' },
              decision: 'approve',
              identityCheck: 'KTP seen',
              reason: "The child's mother",
            },
          ],
        });
        await yearRecorded(h.t.db, s.workflowId, s.year);
        return s.workflowId;
      },
    );
    const rows = await ledger(workflowId);
    expect(rows.map((r) => [r.status, r.account_number, r.amount])).toEqual([
      ['paid', '9876543210', 2_000_000],
    ]);
  });
});
