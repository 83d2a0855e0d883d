// Workflows started directly with malformed input, bypassing the API: they fail at once with a non-retryable
// InvalidInput failure, in their first workflow task, and never loop on workflow-task retries.
import { WorkflowFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { FailureType } from '../../vocabulary/failures';
import { startStack, type FaultStack } from './support/stack';

let stack: FaultStack;

beforeAll(async () => {
  stack = await startStack();
  await stack.startWorker();
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

async function startRaw(workflowType: string, args: unknown[]): Promise<WorkflowHandle> {
  return stack.client.workflow.start(workflowType, {
    workflowId: `poison-${workflowType}-${Date.now()}-${Math.random().toString(36).slice(2)}`,
    taskQueue: stack.config.TEMPORAL_TASK_QUEUE,
    args,
  });
}

/** The workflow failed with InvalidInput, non-retryable, after exactly one workflow task and no task failure. */
async function expectFailedFast(handle: WorkflowHandle): Promise<void> {
  const startedAt = Date.now();
  const failure = await handle.result().then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(failure).toBeInstanceOf(WorkflowFailedError);
  const cause = (failure as WorkflowFailedError).cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  expect(cause).toMatchObject({ type: FailureType.InvalidInput, nonRetryable: true });
  expect(Date.now() - startedAt).toBeLessThan(10_000);

  const { events } = await handle.fetchHistory();
  const count = (attribute: string) =>
    events!.filter((e) => (e as Record<string, unknown>)[attribute] != null).length;
  expect(count('workflowTaskStartedEventAttributes')).toBe(1);
  expect(count('workflowTaskFailedEventAttributes')).toBe(0);
  expect(count('activityTaskScheduledEventAttributes')).toBe(0);
  expect(count('workflowExecutionFailedEventAttributes')).toBe(1);
}

describe('poison pills', () => {
  it.each([
    ['no input at all', []],
    ['a string instead of a claim', ['JKM-20261124-ABCDEFGH']],
    ['a national ID of 3 digits', [{ claimNumber: 'JKM-20261124-ABCDEFGH', participantNik: '123' }]],
  ])(
    'fails a claim workflow started with %s at once, without retrying, recording nothing',
    async (_what, args) => {
      await expectFailedFast(await startRaw('claimWorkflow', args));
      expect(await stack.db('claims').where({ claim_number: 'JKM-20261124-ABCDEFGH' })).toEqual([]);
    },
  );

  it.each([
    ['an impossible date', [{ date: '2026-02-30' }]],
    ['an unknown field', [{ day: '2026-11-20' }]],
    ['a number instead of a request', [20261120]],
  ])('fails a reconciliation workflow started with %s at once, without retrying', async (_what, args) => {
    await expectFailedFast(await startRaw('reconciliationWorkflow', args));
    expect(await stack.db('reconciliation_reports')).toEqual([]);
  });
});
