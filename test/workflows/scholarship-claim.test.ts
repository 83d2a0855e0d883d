// ClaimWorkflow starting the scholarships on the time-skipping server: one ScholarshipWorkflow per child (at
// most two), the officer's choice when more qualify, and none under PP 44/2015.
import { randomUUID } from 'node:crypto';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { addDays } from '../../rules/dates';
import {
  chooseScholarshipChildrenUpdate,
  scholarshipWorkflowId,
  submitEnrollmentUpdate,
  type ScholarshipChoiceRequest,
} from '../../workflows/definitions';
import { testDataConverter } from '../helpers/codec';
import { createTestDb, type TestDb } from '../helpers/db';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { bundlePath } from '../helpers/paths';
import {
  approvedClaim,
  bornYearsBefore,
  family,
  nextSchoolYear,
  officer1,
  officer2,
  proof,
  proofDue,
  schoolYearOfDate,
  serverToday,
  skipTo,
  waitForRecord,
  waitForClaim,
  yearRecorded,
} from '../helpers/scholarship';
import { timeSkippingEnv } from '../helpers/temporal';

let env: TestWorkflowEnvironment;
let t: TestDb;
let gateway: TestGateway;

beforeAll(async () => {
  [t, gateway] = await Promise.all([createTestDb(), startTestGateway()]);
});
// A time-skipping server per test (about 0.1 s to start): each starts on today's date, and no test's leftovers
// (a terminated run's timer) can hold another's clock.
beforeEach(async () => {
  env = await timeSkippingEnv();
});
afterEach(async () => {
  await env?.teardown();
});
afterAll(async () => {
  await gateway?.close();
  await t?.drop();
});

async function withWorker<T>(fn: (taskQueue: string) => Promise<T>): Promise<T> {
  const taskQueue = `claims-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: { codePath: bundlePath },
    dataConverter: testDataConverter,
    activities: createActivities({ db: t.db, gateway: gateway.client }),
  });
  return worker.runUntil(fn(taskQueue));
}

async function failureType(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError) return (err.cause as { type?: string } | undefined)?.type;
    throw err;
  }
  return undefined;
}

describe('ClaimWorkflow and scholarships', () => {
  it('starts one scholarship per child at different levels, each paying its own level every school year', async () => {
    const today = await serverToday(env);
    const year = schoolYearOfDate(addDays(today, -10));
    const children = [
      { name: 'Adi', dateOfBirth: bornYearsBefore(today, 9), schooling: { level: 'SD' as const, grade: 3 } },
      {
        name: 'Bunga',
        dateOfBirth: bornYearsBefore(today, 16),
        schooling: { level: 'SMA' as const, grade: 11 },
      },
    ];
    await withWorker(async (taskQueue) => {
      const { input, handle } = await approvedClaim(env, t.db, taskQueue, children);
      await waitForClaim(handle, 'paid');
      const [s1, s2] = [1, 2].map((n) => scholarshipWorkflowId(input.claimNumber, n)) as [string, string];
      const submitBoth = async (schoolYear: string, sd: number, sma: number) => {
        await Promise.all([proofDue(t.db, s1, schoolYear), proofDue(t.db, s2, schoolYear)]);
        const [a, b] = await Promise.all([
          env.client.workflow
            .getHandle(s1)
            .executeUpdate(submitEnrollmentUpdate, { args: [proof(schoolYear, 'SD', sd)] }),
          env.client.workflow
            .getHandle(s2)
            .executeUpdate(submitEnrollmentUpdate, { args: [proof(schoolYear, 'SMA', sma)] }),
        ]);
        expect([a.amount, b.amount]).toEqual([1_500_000, 3_000_000]);
        await Promise.all([yearRecorded(t.db, s1, schoolYear), yearRecorded(t.db, s2, schoolYear)]);
      };
      await submitBoth(year, 3, 11);
      const next = nextSchoolYear(year);
      await skipTo(env, `${next.slice(0, 4)}-07-01`);
      await submitBoth(next, 4, 12);

      const rows = await t
        .db('scholarships')
        .where({ claim_number: input.claimNumber })
        .orderBy('child_number');
      expect(rows.map((r) => [r.workflow_id, r.child_position, r.total_paid, r.school_year])).toEqual([
        [s1, 1, 3_000_000, nextSchoolYear(year, 2)],
        [s2, 2, 6_000_000, nextSchoolYear(year, 2)],
      ]);
      const started = await t
        .db('claim_events')
        .where({ claim_number: input.claimNumber, type: 'scholarships_started' })
        .first();
      expect(started.data).toEqual({ children: [1, 2], workflowIds: [s1, s2] });
      // The claim is closed; the scholarships run on (parent-close policy: abandon).
      expect((await handle.describe()).status.name).toBe('COMPLETED');
      expect((await env.client.workflow.getHandle(s1).describe()).status.name).toBe('RUNNING');
    });
  });

  it('waits for an officer to choose two of three qualifying children, refusing a family or a wrong child first', async () => {
    const today = await serverToday(env);
    const children = [
      {
        name: 'Anak 1',
        dateOfBirth: bornYearsBefore(today, 7),
        schooling: { level: 'SD' as const, grade: 2 },
      },
      {
        name: 'Anak 2',
        dateOfBirth: bornYearsBefore(today, 10),
        schooling: { level: 'SD' as const, grade: 5 },
      },
      {
        name: 'Anak 3',
        dateOfBirth: bornYearsBefore(today, 13),
        schooling: { level: 'SMP' as const, grade: 8 },
      },
    ];
    await withWorker(async (taskQueue) => {
      const { input, handle } = await approvedClaim(env, t.db, taskQueue, children);
      await waitForClaim(handle, 'waiting_for_scholarship_choice');
      const choose = (request: ScholarshipChoiceRequest) =>
        handle.executeUpdate(chooseScholarshipChildrenUpdate, { args: [request] });

      expect(await failureType(choose({ actor: family, children: [1, 3] }))).toBe('Forbidden');
      expect(await failureType(choose({ actor: officer2, children: [1, 4] }))).toBe('InvalidInput');
      expect(await failureType(choose({ actor: officer2, children: [1] }))).toBe('InvalidInput');
      expect(await failureType(choose({ actor: officer2, children: [2, 2] }))).toBe('InvalidInput');
      expect(await t.db('scholarship_choices').where({ claim_number: input.claimNumber })).toHaveLength(0);
      const officers = await t
        .db('notifications')
        .where({ claim_number: input.claimNumber, audience: 'officers' });
      expect(officers.map((n) => n.kind)).toEqual(['scholarship_choice_needed']);

      expect(
        await choose({ actor: officer1, children: [3, 1], reason: 'The two youngest school-age children' }),
      ).toEqual({
        children: [1, 3],
      });
      expect(await failureType(choose({ actor: officer2, children: [1, 2] }))).toBe('WrongState');
      await waitForClaim(handle, 'paid');

      const choice = await t.db('scholarship_choices').where({ claim_number: input.claimNumber }).first();
      expect(choice).toMatchObject({ children: [1, 3], chosen_by: 'officer-1' });
      const chosen = await t
        .db('claim_events')
        .where({ claim_number: input.claimNumber, type: 'scholarship_children_chosen' })
        .first();
      expect(chosen.actor).toBe('officer-1');
      await waitForRecord(t.db, scholarshipWorkflowId(input.claimNumber, 2), () => true);
      const rows = await t
        .db('scholarships')
        .where({ claim_number: input.claimNumber })
        .orderBy('child_number');
      expect(rows.map((r) => [r.child_number, r.child_position, r.expected_level])).toEqual([
        [1, 1, 'SD'],
        [2, 3, 'SMP'],
      ]);
    });
  });

  it('starts no scholarship workflow under PP 44/2015: the one-off scholarship is paid with the claim', async () => {
    const today = await serverToday(env);
    const child = { name: 'Citra', dateOfBirth: '2010-03-01', schooling: { level: 'SD' as const, grade: 3 } };
    await withWorker(async (taskQueue) => {
      const { input, handle } = await approvedClaim(env, t.db, taskQueue, [child], {
        eventDate: '2019-06-01',
        claimDate: today,
      });
      await waitForClaim(handle, 'paid');
      const payouts = await t.db('payouts').where({ claim_number: input.claimNumber });
      expect(payouts.find((p) => p.component === 'scholarship_lump_sum')).toMatchObject({
        amount: 12_000_000,
        status: 'paid',
      });
      expect(await t.db('scholarships').where({ claim_number: input.claimNumber })).toHaveLength(0);
      await expect(
        env.client.workflow.getHandle(scholarshipWorkflowId(input.claimNumber, 1)).describe(),
      ).rejects.toThrow(WorkflowNotFoundError);
    });
  });
});
