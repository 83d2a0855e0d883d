// An accident case pays many times over its life, each payment once with its own key, while the bank misbehaves
// (5xx answers, a lost answer after the money moved, no answer in time): each key is paid once at the gateway and
// the ledger equals the gateway (the suite's money invariants).
import { ApiClient, OFFICER_1, OFFICER_2, participant } from './support/claims';
import { expectMoneyInvariants } from './support/invariants';
import { startStack, type FaultStack } from './support/stack';

let stack: FaultStack;
let api: ApiClient;
const since = Date.now();

beforeAll(async () => {
  stack = await startStack({ gatewayTimeoutMs: 3000, sandboxTimeoutMs: 30_000 });
  await stack.startWorker();
  api = new ApiClient(stack.api);
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

async function ok(method: string, path: string, as: typeof OFFICER_1, body: unknown) {
  const answer = await api.retrying(method, path, as, body);
  if (answer.status >= 300)
    throw new Error(`${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

describe('an accident case with many payments and a misbehaving gateway', () => {
  it('pays each item and the closing once, and the ledger equals the gateway', async () => {
    const nik = await participant(stack.db);
    const created = await ok('POST', '/claims', OFFICER_1, {
      program: 'JKK',
      event: 'accident',
      participantNik: nik,
      accidentDate: '2026-11-02',
      accidentKind: 'work',
      accidentPlace: 'Pabrik, Karawang',
      reportedAt: '2026-11-03T08:00:00+07:00',
      bankAccount: { bankCode: 'BRI', accountNumber: '2234567890', accountName: 'Budi Santoso' },
      employerBankAccount: { bankCode: 'BNI', accountNumber: '3234567890', accountName: 'PT Uji' },
    });
    const n = created.claimNumber as string;
    stack.gateway.inject({ kind: 'http_500', times: 3, match: { idempotencyKeyPrefix: `${n}:` } });
    stack.gateway.inject({ kind: 'lost_response', times: 2, match: { idempotencyKeyPrefix: `${n}:` } });
    stack.gateway.inject({ kind: 'timeout', times: 1, match: { idempotencyKeyPrefix: `${n}:` } });
    await api.waitForStatus(n, ['waiting_for_finding']);
    await ok('POST', `/claims/${n}/finding`, OFFICER_1, {
      finding: 'work_accident',
      reasons: 'Caught in a press.',
    });
    await ok('POST', `/claims/${n}/finding/confirmation`, OFFICER_2, {
      decision: 'approve',
      reason: 'Agreed.',
    });
    await api.waitForStatus(n, ['under_care']);
    const provider = { bankCode: 'MANDIRI', accountNumber: '4234567890', accountName: 'RS Karawang' };
    const items = [
      ...[1, 2, 3].map((i) => ({
        path: 'treatments',
        body: {
          provider: 'RS Karawang',
          from: '2026-11-02',
          to: '2026-11-03',
          amount: 1_000_000 * i,
          documentRef: `INV-${i}`,
          payTo: 'provider',
          bankAccount: provider,
        },
      })),
      ...[
        ['2026-11-03', '2026-11-09'],
        ['2026-11-10', '2026-11-16'],
        ['2026-11-17', '2026-11-23'],
      ].map(([from, to], i) => ({ path: 'incapacity', body: { from, to, documentRef: `SKD-${i}` } })),
    ];
    for (const item of items) {
      const recorded = await ok('POST', `/claims/${n}/${item.path}`, OFFICER_1, item.body);
      await ok('POST', `/claims/${n}/items/verification`, OFFICER_1, { itemNumber: recorded.itemNumber });
      await ok('POST', `/claims/${n}/items/decision`, OFFICER_2, {
        itemNumber: recorded.itemNumber,
        decision: 'approve',
        reason: 'In order.',
      });
    }
    await ok('POST', `/claims/${n}/closing`, OFFICER_1, {
      outcome: 'partial_disability',
      doctorStatementRef: 'SK-II',
      closedOn: '2026-11-24',
      disability: { items: [{ code: 'earlobe_one' }] },
    });
    await ok('POST', `/claims/${n}/closing/decision`, OFFICER_2, {
      decision: 'approve',
      reason: 'In order.',
    });
    await api.waitForStatus(n, ['closed'], 180_000);

    expect(stack.gateway.faults()).toEqual([]); // every fault was served, and retried through
    const ledger = await stack.db('payouts').where({ claim_number: n });
    expect(ledger).toHaveLength(7);
    expect(ledger.every((p) => p.status === 'paid')).toBe(true);
    const completed = stack.gateway
      .all()
      .filter((d) => d.reference.startsWith(`${n}:`) && d.status === 'completed');
    expect(new Set(completed.map((d) => d.reference)).size).toBe(completed.length);
    expect(completed).toHaveLength(7);
    expect(completed.reduce((s, d) => s + d.amount, 0)).toBe(ledger.reduce((s, p) => s + p.amount, 0));
    await expectMoneyInvariants(stack, [], since);
    expect(api.serverErrors()).toEqual([]);
  });
});
