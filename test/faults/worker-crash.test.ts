// kill -9 the worker in the middle of a payout, then start another: each key is still paid exactly once.
// Three claims stop at three moments of their first payout, in one worker process killed once; the payouts'
// heartbeats stop with it, and Temporal retries them on the new worker after the 20 s heartbeat timeout.
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient, approve, fileClaim, JKM_TOTAL, participant, verify } from './support/claims';
import { expectMoneyInvariants } from './support/invariants';
import { startStack, type FaultStack } from './support/stack';

let stack: FaultStack;
const since = Date.now();

beforeAll(async () => {
  stack = await startStack();
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

async function ledger(key: string) {
  return stack.db('payouts').where({ idempotency_key: key }).first('status', 'gateway_reference');
}

function transfers(key: string) {
  return stack.gateway.all().filter((d) => d.reference === key && d.status === 'completed');
}

describe('a worker killed with -9 during a payout', () => {
  it('pays each key exactly once after a restart, whether killed before the transfer, or just before or just after the ledger commit', async () => {
    const api = new ApiClient(stack.api);
    // One death, one claim: each claim is another participant's death.
    const file = async (key: string) => fileClaim(api, await participant(stack.db), key);
    const plan = join(tmpdir(), `santunan-fault-plan-${process.pid}-${since}.json`);
    const first = await stack.startWorker({ plan });

    const claims = {
      before_transfer: await file(`crash-before-transfer-${since}`),
      before_commit: await file(`crash-before-commit-${since}`),
      after_commit: await file(`crash-after-commit-${since}`),
    };
    writeFileSync(
      plan,
      JSON.stringify(Object.fromEntries(Object.entries(claims).map(([point, c]) => [c, point]))),
    );

    const stoppedAt: Record<string, string> = {};
    for (const [point, claimNumber] of Object.entries(claims)) {
      await verify(api, claimNumber);
      await approve(api, claimNumber);
      const line = await first.waitFor(new RegExp(`^FAULT-STOP ${point} ${claimNumber}:`));
      stoppedAt[point] = line.split(' ')[2]!;
    }

    // The moment of the kill, as each claim left it.
    expect(await ledger(stoppedAt.before_transfer!)).toMatchObject({
      status: 'pending',
      gateway_reference: null,
    });
    expect(transfers(stoppedAt.before_transfer!)).toHaveLength(0);
    expect(await ledger(stoppedAt.before_commit!)).toMatchObject({
      status: 'pending',
      gateway_reference: null,
    });
    expect(transfers(stoppedAt.before_commit!)).toHaveLength(1);
    expect(await ledger(stoppedAt.after_commit!)).toMatchObject({ status: 'paid' });
    expect(transfers(stoppedAt.after_commit!)).toHaveLength(1);

    await first.kill9();
    rmSync(plan);
    expect(first.alive()).toBe(false);
    await stack.startWorker();

    for (const claimNumber of Object.values(claims)) await api.waitForStatus(claimNumber, ['paid'], 150_000);
    for (const key of Object.values(stoppedAt)) {
      expect(transfers(key)).toHaveLength(1);
      expect((await ledger(key))?.status).toBe('paid');
    }
    for (const claimNumber of Object.values(claims)) {
      const paid = await stack
        .db('payouts')
        .where({ claim_number: claimNumber, status: 'paid' })
        .sum({ total: 'amount' });
      expect(Number(paid[0]?.total)).toBe(JKM_TOTAL);
    }
    expect(api.serverErrors()).toEqual([]);
    await expectMoneyInvariants(stack, Object.values(claims), since);
  });
});
