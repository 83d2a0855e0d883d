// Workflows started directly with malformed input, bypassing the API: they fail at once with a non-retryable
// InvalidInput failure, in their first workflow task, and never loop on workflow-task retries. And input that
// PostgreSQL, the rules or the gateway would refuse downstream is refused by the API first: a 400 naming the field,
// with nothing started in Temporal and nothing written in PostgreSQL.
import { WorkflowFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { MAX_RUPIAH } from '../../rules';
import { FailureType } from '../../vocabulary/failures';
import { claimInput } from '../helpers/factories';
import { ApiClient, claimBody, fileClaim, OFFICER_1, OFFICER_2, participant, verify } from './support/claims';
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
    [
      'NUL in an heir name',
      [
        claimInput({
          claimNumber: 'JKM-20261124-ABCDEFGH',
          participantNik: '3171010101800003',
          heirs: [{ name: 'Sri\u0000Wahyuni', relationship: 'spouse' }],
        }),
      ],
    ],
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

/** How many claim workflows Temporal has: an API that refuses starts none. */
async function claimWorkflows(): Promise<number> {
  return (await stack.client.workflow.count('WorkflowType = "claimWorkflow"')).count;
}

describe('input the API used to accept, which jammed a claim downstream', () => {
  type Body = ReturnType<typeof claimBody> & Record<string, unknown>;
  it.each([
    ['NUL in an heir name', 'heirs.0.name', (b: Body) => (b.heirs[0]!.name = 'Sri\u0000Wahyuni')],
    [
      'an accountName longer than the gateway takes',
      'bankAccount.accountName',
      (b: Body) => (b.bankAccount.accountName = 'S'.repeat(101)),
    ],
    [
      'an actualMonthlyWage above the rules',
      'actualMonthlyWage',
      (b: Body) => (b.actualMonthlyWage = MAX_RUPIAH + 1),
    ],
  ])('refuses a claim with %s: 400 naming it, nothing started or written', async (_what, field, spoil) => {
    const api = new ApiClient(stack.api);
    const nik = await participant(stack.db);
    const body: Body = claimBody(nik);
    spoil(body);
    const workflowsBefore = await claimWorkflows();
    const key = `poison-${nik}`;
    const answer = await api.call('POST', '/claims', OFFICER_1, body, { 'Idempotency-Key': key });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    expect(await claimWorkflows()).toBe(workflowsBefore);
    expect(await stack.db('claims').where({ participant_nik: nik })).toEqual([]);
    expect(await stack.db('intake_requests').where({ idempotency_key: key })).toEqual([]);
  });

  it('refuses a lone surrogate in a decision reason: 400 naming it, the claim untouched', async () => {
    const api = new ApiClient(stack.api);
    const claimNumber = await fileClaim(api, await participant(stack.db), `poison-reason-${Date.now()}`);
    await verify(api, claimNumber);
    await api.waitForStatus(claimNumber, ['waiting_for_decision']);
    const answer = await api.call('POST', `/claims/${claimNumber}/decision`, OFFICER_2, {
      decision: 'approve',
      reason: 'Complete file \ud800',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
    expect(await api.status(claimNumber)).toBe('waiting_for_decision');
    const decided = await stack
      .db('claim_events')
      .where({ claim_number: claimNumber, type: 'claim_approved' });
    expect(decided).toEqual([]);
    const { events } = await stack.client.workflow.getHandle(claimNumber).fetchHistory();
    expect(events!.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes)).toHaveLength(1); // verify only
    expect(events!.filter((e) => e.workflowTaskFailedEventAttributes)).toEqual([]);
    expect(api.serverErrors()).toEqual([]);
  });
});
