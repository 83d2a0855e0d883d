// kill -9 the Temporal dev server under a load of claims and start it again on the same SQLite file. While it is
// down the API answers 503 (never 500) and /readyz names Temporal; the worker reconnects by itself; every claim
// the API acknowledged completes.
import { ApiClient, claimBody, claimToPaid, OFFICER_1, participant } from './support/claims';
import { expectMoneyInvariants } from './support/invariants';
import { sleep } from './support/ports';
import { startStack, type FaultStack } from './support/stack';

let stack: FaultStack;
const since = Date.now();
const LOAD = 8;

beforeAll(async () => {
  stack = await startStack();
  await stack.startWorker();
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

describe('a Temporal server restart', () => {
  it('completes every acknowledged claim, answering 503 and not 500 while the server is down', async () => {
    const api = new ApiClient(stack.api);
    const nik = await participant(stack.db); // the claim filed while the server is down
    const worker = stack.workers[0]!;

    // The load: claims filed a few hundred milliseconds apart, each driven to payment through the API.
    const drivers: Promise<string>[] = [];
    for (let n = 1; n <= LOAD; n++) {
      // One death, one claim: each claim is another participant's death.
      drivers.push(claimToPaid(api, await participant(stack.db), `temporal-load-${n}-${since}`));
      await sleep(300);
    }
    await sleep(1500);

    await stack.temporal.kill9();
    const ready = await api.call('GET', '/readyz');
    expect(ready).toMatchObject({ status: 503, body: { checks: { postgres: 'up', temporal: 'down' } } });
    const intake = await api.call('POST', '/claims', OFFICER_1, claimBody(nik), {
      'Idempotency-Key': `temporal-down-${since}`,
    });
    expect(intake.status).toBe(503);
    expect(intake.retryAfter).toBe('5');
    expect(intake.body.type).toMatch(/unavailable$/);
    // Filed while the server is down: refused with 503, retried with the same key until acknowledged.
    drivers.push(claimToPaid(api, nik, `temporal-down-${since}`));
    await sleep(8000);
    await stack.temporal.start();

    const acknowledged = await Promise.all(drivers);
    expect(new Set(acknowledged).size).toBe(LOAD + 1);
    // No claim on record that the API did not acknowledge: a start lost with the server was not started twice.
    expect((await stack.db('claims').pluck('claim_number')).sort()).toEqual([...acknowledged].sort());
    expect(worker.alive()).toBe(true);
    expect(stack.workers).toHaveLength(1); // the same worker process, reconnected by itself
    expect(api.answers.filter((a) => a.status === 503).length).toBeGreaterThan(0);
    expect(api.serverErrors()).toEqual([]);
    await expectMoneyInvariants(stack, acknowledged, since);
  });
});
