// The same request twice at the same moment: two officers approving one claim, and two POST /claims carrying one
// Idempotency-Key. One wins; the other learns it lost; nothing is paid or started twice.
import {
  ApiClient,
  claimBody,
  fileClaim,
  OFFICER_1,
  OFFICER_2,
  OFFICER_3,
  participant,
  approve,
  verify,
} from './support/claims';
import { expectMoneyInvariants } from './support/invariants';
import { until } from './support/ports';
import { startStack, type FaultStack } from './support/stack';

let stack: FaultStack;
let api: ApiClient;
let nik: string;
const since = Date.now();

beforeAll(async () => {
  stack = await startStack();
  await stack.startWorker();
  api = new ApiClient(stack.api);
  nik = await participant(stack.db);
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

describe('concurrent requests', () => {
  it('accepts one of two officers approving the same claim at the same moment, answers the other 409, and pays once', async () => {
    // Three claims, to give the race three chances to go wrong.
    // One death, one claim: each claim is another participant's death.
    const claims = await Promise.all(
      [1, 2, 3].map(async (n) => fileClaim(api, await participant(stack.db), `race-approve-${n}-${since}`)),
    );
    await Promise.all(claims.map((c) => verify(api, c)));
    // Assessed: the workflow itself is now waiting for the decision, not only the projection.
    await until(
      async () => (await stack.db('assessments').whereIn('claim_number', claims)).length === claims.length,
      'the assessments',
    );

    const decision = { decision: 'approve', reason: 'Complete file' };
    for (const claimNumber of claims) {
      const answers = await Promise.all(
        [OFFICER_2, OFFICER_3].map((officer) =>
          api.call('POST', `/claims/${claimNumber}/decision`, officer, decision),
        ),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      const loser = answers.find((a) => a.status === 409)!;
      expect(loser.body.type).toMatch(/wrong-state$/);
    }

    for (const claimNumber of claims) await api.waitForStatus(claimNumber, ['paid']);
    for (const claimNumber of claims) {
      const approvals = await stack
        .db('claim_events')
        .where({ claim_number: claimNumber, type: 'claim_approved' });
      expect(approvals).toHaveLength(1);
      const transfers = stack.gateway.all().filter((d) => d.reference.startsWith(`${claimNumber}:`));
      expect(transfers).toHaveLength(3);
    }
    expect(api.serverErrors()).toEqual([]);
    await expectMoneyInvariants(stack, claims, since);
  });

  it('starts one claim for two POST /claims sent at the same moment with the same Idempotency-Key', async () => {
    const key = `race-intake-${since}`;
    const body = claimBody(nik);
    const answers = await Promise.all(
      [1, 2].map(() => api.call('POST', '/claims', OFFICER_1, body, { 'Idempotency-Key': key })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 201]);
    const [claimNumber, other] = answers.map((a) => a.body.claimNumber as string);
    expect(other).toBe(claimNumber);
    expect(answers.filter((a) => a.body.trackingCode !== undefined)).toHaveLength(1); // shown once

    await verify(api, claimNumber!);
    await approve(api, claimNumber!);
    await api.waitForStatus(claimNumber!, ['paid']);
    expect(await stack.db('intake_requests').where({ idempotency_key: key })).toHaveLength(1);
    const started = await stack.client.workflow.count(`WorkflowId = '${claimNumber}'`);
    expect(started.count).toBe(1);
    expect(api.serverErrors()).toEqual([]);
    await expectMoneyInvariants(stack, [claimNumber!], since);
  });
});
