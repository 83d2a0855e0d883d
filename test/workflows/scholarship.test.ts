// A scholarship from a child's second birthday to a bachelor's degree, on the time-skipping server: nineteen
// school years pass in seconds, and every run's history replays against the current workflow code.
import { fetchWorkflowRuns } from '../../replay/fetch';
import { randomUUID } from 'node:crypto';
import { Worker } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { scholarshipPlan } from '../../rules';
import { scholarshipWorkflowId } from '../../vocabulary/ids';
import type { ScholarshipOutcome } from '../../vocabulary/messages/scholarship';
import { testDataConverter } from '../helpers/codec';
import { bundlePath } from '../helpers/paths';
import {
  approvedClaim,
  bornYearsBefore,
  proof,
  proofDue,
  proveYear,
  scholarshipState,
  serverToday,
  skipTo,
  waitForClaim,
  waitForRecord,
  yearRecorded,
} from '../helpers/scholarship';
import { useWorkflowHarness } from '../helpers/workflow-harness';

const h = useWorkflowHarness({ serverPerTest: true });

describe('ScholarshipWorkflow over nineteen school years', () => {
  it('defers a child aged 2 until TK, then pays 19 school years from TK to PT, 87,000,000 in all, and every run replays', async () => {
    const taskQueue = `claims-${randomUUID()}`;
    const worker = await h.newWorker(taskQueue);
    const today = await serverToday(h.env);
    const dateOfBirth = bornYearsBefore(today, 2);

    const {
      input,
      handle: claim,
      workflowId,
      outcome,
    } = await worker.runUntil(async () => {
      const { input, handle } = await approvedClaim(h.env, h.t.db, taskQueue, [
        { name: 'Putri', dateOfBirth },
      ]);
      await waitForClaim(handle, 'paid');
      const workflowId = scholarshipWorkflowId(input.claimNumber, 1);
      const plan = scholarshipPlan({ dateOfBirth }, input.eventDate).plan;
      expect(plan).toHaveLength(19);

      // a. Deferred: the child is not at school; nothing opens before the first TK year.
      const deferred = await waitForRecord(
        h.t.db,
        workflowId,
        (s) => s.status === 'waiting_for_school_start',
      );
      expect(deferred.schoolYear).toBe(plan[0]!.schoolYear);
      expect(await scholarshipState(h.env.client, workflowId)).toMatchObject({
        status: 'waiting_for_school_start',
        expected: { level: 'TK', grade: 1 },
        totalPaid: 0,
      });
      expect(await h.t.db('scholarship_years').where({ workflow_id: workflowId })).toHaveLength(0);

      for (const [i, row] of plan.entries()) {
        await skipTo(h.env, `${row.schoolYear.slice(0, 4)}-07-01`);
        await proofDue(h.t.db, workflowId, row.schoolYear);
        const last = i === plan.length - 1;
        const result = await proveYear(
          h.env.client,
          workflowId,
          proof(row.schoolYear, row.level, row.grade, { graduated: last }),
        );
        expect(result).toMatchObject({ payable: true, amount: row.amount, review: 'pending' });
        await yearRecorded(h.t.db, workflowId, row.schoolYear);
      }
      const outcome: ScholarshipOutcome = await h.env.client.workflow.getHandle(workflowId).result();
      return { input, handle, workflowId, outcome };
    });

    expect(outcome.reason).toBe('graduated');
    expect(outcome.totalPaid).toBe(87_000_000);
    const plan = scholarshipPlan({ dateOfBirth }, input.eventDate).plan;
    expect(outcome.years.map((y) => [y.schoolYear, y.outcome, y.level, y.grade, y.amount])).toEqual(
      plan.map((p) => [p.schoolYear, 'paid', p.level, p.grade, p.amount]),
    );

    // The ledger: one row per school year, keyed <workflowId>:<schoolYear>, each paid once at the h.gateway.
    const payouts = await h.t
      .db('payouts')
      .where({ claim_number: input.claimNumber })
      .andWhereLike('component', 'scholarship:%')
      .orderBy('id');
    expect(payouts.map((p) => p.idempotency_key)).toEqual(plan.map((p) => `${workflowId}:${p.schoolYear}`));
    expect(payouts.every((p) => p.status === 'paid')).toBe(true);
    expect(payouts.reduce((sum, p) => sum + p.amount, 0)).toBe(87_000_000);
    const transfers = h.gateway.controls.all().filter((d) => d.reference.startsWith(`${workflowId}:`));
    expect(transfers).toHaveLength(19);
    expect(transfers.every((d) => d.status === 'completed')).toBe(true);
    const years = await h.t.db('scholarship_years').where({ workflow_id: workflowId }).orderBy('school_year');
    expect(years.map((y) => [y.school_year, y.status, y.amount])).toEqual(
      plan.map((p) => [p.schoolYear, 'paid', p.amount]),
    );
    expect(
      years.every((y) => y.gateway_reference && y.idempotency_key === `${workflowId}:${y.school_year}`),
    ).toBe(true);
    const row = await h.t.db('scholarships').where({ workflow_id: workflowId }).first();
    expect(row).toMatchObject({ status: 'ended', end_reason: 'graduated', total_paid: 87_000_000 });
    const windows = await h.t
      .db('notifications')
      .where({ claim_number: input.claimNumber, kind: 'scholarship_window' });
    expect(windows).toHaveLength(19);

    // One run per school year, each a few dozen events, and all of them (and the claim) replay.
    const firstRunId = (await claim.fetchHistory()).events
      ?.map((e) => e.childWorkflowExecutionStartedEventAttributes?.workflowExecution)
      .find((execution) => execution?.workflowId === workflowId)?.runId;
    expect(firstRunId).toBeTruthy();
    const runs = (await fetchWorkflowRuns(h.env.client, workflowId)) ?? [];
    expect(runs).toHaveLength(19);
    expect(runs[0]!.runId).toBe(firstRunId);
    for (const run of runs) expect(run.history.events!.length).toBeLessThan(60);
    const replays = Worker.runReplayHistories(
      { workflowBundle: { codePath: bundlePath }, dataConverter: testDataConverter },
      [...runs, { workflowId: input.claimNumber, history: await claim.fetchHistory() }],
    );
    let replayed = 0;
    for await (const replay of replays) {
      expect(replay.error).toBeUndefined();
      replayed += 1;
    }
    expect(replayed).toBe(20);

    // Negative control: the same run recorded as another workflow type must not replay.
    const altered = await h.env.client.workflow.getHandle(workflowId, runs[1]!.runId).fetchHistory();
    altered.events![0]!.workflowExecutionStartedEventAttributes!.workflowType!.name = 'claimWorkflow';
    await expect(
      Worker.runReplayHistory(
        { workflowBundle: { codePath: bundlePath }, dataConverter: testDataConverter },
        altered,
      ),
    ).rejects.toThrow(DeterminismViolationError);
    // Nineteen school years, each a proof and its review: minutes on a loaded 2-core machine, not 60 s.
  }, 240_000);
});
