// The bank misbehaves: transient 5xx, no answer in time, an answer lost after the money moved, a refused account.
// Each claim is paid once per component whatever the gateway did, and the ledger still equals the gateway.
import type { FaultInput } from '../../gateway/types';
import {
  ApiClient,
  approve,
  fileClaim,
  JKM_TOTAL,
  OFFICER_1,
  OFFICER_3,
  participant,
  verify,
} from './support/claims';
import { expectMoneyInvariants } from './support/invariants';
import { startStack, type FaultStack } from './support/stack';

let stack: FaultStack;
let api: ApiClient;
const since = Date.now();

beforeAll(async () => {
  // The workers give up on the gateway after 3 s (10 s in production); a held request is answered after 30 s.
  stack = await startStack({ gatewayTimeoutMs: 3000, sandboxTimeoutMs: 30_000 });
  await stack.startWorker();
  api = new ApiClient(stack.api);
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

/** Files and verifies a claim, arms the gateway fault for its payouts, then approves it. */
async function approvedWithFault(key: string, fault: Omit<FaultInput, 'match'>): Promise<string> {
  // One death, one claim: each claim is another participant's death.
  const claimNumber = await fileClaim(api, await participant(stack.db), `${key}-${since}`);
  stack.gateway.inject({ ...fault, match: { idempotencyKeyPrefix: `${claimNumber}:` } });
  await verify(api, claimNumber);
  await approve(api, claimNumber);
  return claimNumber;
}

function transfersOf(claimNumber: string) {
  return stack.gateway.all().filter((d) => d.reference.startsWith(`${claimNumber}:`));
}

async function expectPaidOncePerComponent(claimNumber: string): Promise<void> {
  const completed = transfersOf(claimNumber).filter((d) => d.status === 'completed');
  expect(completed).toHaveLength(3);
  expect(new Set(completed.map((d) => d.reference)).size).toBe(3);
  expect(completed.reduce((sum, d) => sum + d.amount, 0)).toBe(JKM_TOTAL);
  const ledger = await stack.db('payouts').where({ claim_number: claimNumber });
  expect(ledger.map((p) => p.status)).toEqual(['paid', 'paid', 'paid']);
}

describe('a misbehaving gateway', () => {
  it('retries transient 5xx answers with the same key and pays once', async () => {
    const claimNumber = await approvedWithFault('gw-5xx', { kind: 'http_500', times: 2 });
    await api.waitForStatus(claimNumber, ['paid']);
    expect(stack.gateway.faults()).toEqual([]); // both 500s were served, and retried
    await expectPaidOncePerComponent(claimNumber);
    await expectMoneyInvariants(stack, [claimNumber], since);
  });

  it('retries a request the bank does not answer in time, and pays once', async () => {
    const claimNumber = await approvedWithFault('gw-timeout', { kind: 'timeout' });
    await api.waitForStatus(claimNumber, ['paid']);
    expect(stack.gateway.faults()).toEqual([]);
    await expectPaidOncePerComponent(claimNumber);
    await expectMoneyInvariants(stack, [claimNumber], since);
  });

  it('does not pay twice when the answer is lost after the transfer went through', async () => {
    const claimNumber = await approvedWithFault('gw-lost', { kind: 'lost_response' });
    await api.waitForStatus(claimNumber, ['paid']);
    expect(stack.gateway.faults()).toEqual([]);
    await expectPaidOncePerComponent(claimNumber);
    await expectMoneyInvariants(stack, [claimNumber], since);
  });

  it('waits for a new account after a refusal, then pays that component once, to the new account', async () => {
    const claimNumber = await approvedWithFault('gw-refused', { kind: 'refuse_account' });
    await api.waitForStatus(claimNumber, ['waiting_for_bank_account']);
    const replaced = await api.retrying('POST', `/claims/${claimNumber}/bank-account`, OFFICER_1, {
      bankCode: 'BNI',
      accountNumber: '9876543210',
      accountName: 'Sri Wahyuni',
    });
    expect(replaced.status).toBe(200);
    // A change of payee takes two people: another officer approves it before anything is paid to it.
    await api.waitForStatus(claimNumber, ['waiting_for_account_review']);
    const reviewed = await api.retrying('POST', `/claims/${claimNumber}/bank-account/review`, OFFICER_3, {
      decision: 'approve',
      identityCheck: 'Called the widow on the number on file',
      reason: "The widow's own account",
    });
    expect(reviewed.status).toBe(200);
    await api.waitForStatus(claimNumber, ['paid']);

    const refused = transfersOf(claimNumber).filter((d) => d.status === 'failed');
    expect(refused).toHaveLength(1);
    expect(refused[0]!.accountNumber).toBe('******7890');
    await expectPaidOncePerComponent(claimNumber);
    const again = transfersOf(claimNumber).find(
      (d) => d.reference === refused[0]!.reference && d.status === 'completed',
    );
    expect(again).toMatchObject({
      idempotencyKey: `${refused[0]!.reference}:r1`,
      accountNumber: '******3210',
    });
    await expectMoneyInvariants(stack, [claimNumber], since);
    expect(api.serverErrors()).toEqual([]);
  });
});
