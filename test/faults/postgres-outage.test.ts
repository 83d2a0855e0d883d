// PostgreSQL (the test's own server) stops for about 20 seconds while payouts and intake activities run. The API
// answers 503 with Retry-After meanwhile and /readyz names PostgreSQL; activities retry; nothing is lost.
import { ApiClient, approve, claimBody, fileClaim, OFFICER_1, participant, verify } from './support/claims';
import { expectMoneyInvariants } from './support/invariants';
import { sleep, until } from './support/ports';
import { startStack, type FaultStack } from './support/stack';

let stack: FaultStack;
const since = Date.now();
const OUTAGE_MS = 20_000;

beforeAll(async () => {
  // knex reports each failed connection attempt on console.log; the outage is on purpose.
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  stack = await startStack();
  // A slow bank: each transfer's answer comes 3 s after the money moved, so the outage catches payouts mid-way.
  await stack.startWorker({ transferDelayMs: 3000 });
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

describe('a PostgreSQL outage', () => {
  it('answers 503 while the database is down, retries the activities, and loses nothing', async () => {
    const api = new ApiClient(stack.api);
    const nik = await participant(stack.db); // the claim filed during the outage
    // One death, one claim: each claim is another participant's death.
    const file = async (key: string) => fileClaim(api, await participant(stack.db), key);

    // Three claims approved and paying, and two just filed (their first activities still to run).
    const paying = await Promise.all([1, 2, 3].map((n) => file(`pg-paying-${n}-${since}`)));
    await Promise.all(paying.map((c) => verify(api, c)));
    await Promise.all(paying.map((c) => approve(api, c)));
    await until(
      () => paying.every((c) => stack.gateway.all().some((d) => d.reference.startsWith(`${c}:`))),
      'a transfer for each paying claim',
      30_000,
    );
    const filed = await Promise.all([1, 2].map((n) => file(`pg-filed-${n}-${since}`)));

    stack.pg.stop();
    const downAt = Date.now();
    const ready = await api.call('GET', '/readyz');
    expect(ready).toMatchObject({ status: 503, body: { checks: { postgres: 'down', temporal: 'up' } } });
    expect(ready.retryAfter).not.toBeNull();
    const read = await api.call('GET', `/claims/${paying[0]}`, OFFICER_1);
    expect(read.status).toBe(503);
    expect(read.retryAfter).toBe('5');
    expect(read.body.type).toMatch(/unavailable$/);
    const intake = await api.call('POST', '/claims', OFFICER_1, claimBody(nik), {
      'Idempotency-Key': `pg-down-${since}`,
    });
    expect(intake.status).toBe(503);
    const track = await api.call('GET', `/track/${filed[0]}`, undefined, undefined, {
      'X-Tracking-Code': 'ABCDEFGHJK23',
    });
    expect(track.status).toBe(503);
    await sleep(OUTAGE_MS - (Date.now() - downAt));
    stack.pg.start();

    await until(
      async () => (await api.call('GET', '/readyz')).status === 200,
      '/readyz to be ready again',
      30_000,
    );
    filed.push(await fileClaim(api, nik, `pg-down-${since}`)); // the intake refused during the outage, sent again
    await Promise.all(
      filed.map(async (c) => {
        await verify(api, c);
        await approve(api, c);
      }),
    );
    const all = [...paying, ...filed];
    for (const claimNumber of all) await api.waitForStatus(claimNumber, ['paid'], 150_000);

    // The outage made activities fail and Temporal retry them.
    const retried = await Promise.all(
      paying.map(async (c) => {
        const { events } = await stack.client.workflow.getHandle(c).fetchHistory();
        return events!.some((e) => (e.activityTaskStartedEventAttributes?.attempt ?? 1) > 1);
      }),
    );
    expect(retried).toContain(true);
    expect(api.serverErrors()).toEqual([]);
    await expectMoneyInvariants(stack, all, since);

    // The requests answered 503 during the outage are in the audit log: kept in memory, written once it was back.
    const outageRows = () =>
      stack.db('audit_log').where({ status: 503 }).where('at', '>=', new Date(downAt)).orderBy('id');
    await until(async () => (await outageRows()).length >= 3, 'the outage in the audit log', 60_000);
    // The tracking request is refused by the rate limiter (its counts are in PostgreSQL), before a route matched.
    expect((await outageRows()).map((r) => [r.method, r.route ?? r.path])).toEqual([
      ['GET', '/claims/:claimNumber'],
      ['POST', '/claims'],
      ['GET', `/api/v1/track/${filed[0]}`],
    ]);
  });
});
