// What every fault test ends by showing, in SQL and against the gateway:
//   1. no idempotency key is paid twice;
//   2. the ledger total equals the gateway total (and the day's reconciliation balances);
//   3. every claim the API acknowledged exists and completes;
//   4. no participant has two paid death claims (one death, one claim);
//   5. no ledger row stayed pending past the reconciliation window without a supervisor's task.
import type { Knex } from 'knex';
//   6. no account change took effect without two distinct staff members (./account-changes.ts).
import { createHttpGateway } from '../../../gateway/client';
import { jakartaDate } from '../../../rules';
import { reconciliationWorkflowId } from '../../../vocabulary/ids';
import type { ClaimOutcome } from '../../../vocabulary/messages/claim';
import type { ReconciliationSummary } from '../../../vocabulary/messages/reconciliation';
import type { reconciliationWorkflow } from '../../../workflows/reconciliation';
import { accountChangesWithoutTwoPeople } from './account-changes';
import { pendingWithoutTask } from './pending-overdue';
import type { FaultStack } from './stack';

let checks = 0;

/**
 * Participants with more than one paid death claim, JKM and JKK together: a claim counts as paid when its status is
 * paid or any of its payouts was paid. One death, one claim says there are none.
 */
export async function participantsPaidTwice(
  db: Knex,
): Promise<{ participantNik: string; claims: string[] }[]> {
  const rows: { participant_nik: string; claims: string[] }[] = await db('claims as c')
    .where('c.status', 'paid')
    .orWhereExists(
      db('payouts as p')
        .whereRaw('p.claim_number = c.claim_number')
        .where('p.status', 'paid')
        .select(db.raw('1')),
    )
    .groupBy('c.participant_nik')
    .havingRaw('count(distinct c.claim_number) > 1')
    .select(
      'c.participant_nik',
      db.raw('array_agg(distinct c.claim_number order by c.claim_number) as claims'),
    );
  return rows.map((r) => ({ participantNik: r.participant_nik, claims: r.claims }));
}

/** The Jakarta days from `sinceMs` to now: the statements a test's payouts can be on. */
function daysSince(sinceMs: number): string[] {
  const days: string[] = [];
  for (let t = sinceMs; jakartaDate(t) <= jakartaDate(Date.now()); t += 86_400_000) days.push(jakartaDate(t));
  return [...new Set([...days, jakartaDate(Date.now())])];
}

export async function expectMoneyInvariants(
  stack: FaultStack,
  acknowledged: readonly string[],
  sinceMs: number,
): Promise<void> {
  const { db } = stack;

  // 3. Every acknowledged claim is on record, and its workflow completed with the claim paid.
  for (const claimNumber of acknowledged) {
    const outcome: ClaimOutcome = await stack.client.workflow.getHandle(claimNumber).result();
    expect({ claimNumber, outcome: outcome.status }).toEqual({ claimNumber, outcome: 'paid' });
    const claim = await db('claims').where({ claim_number: claimNumber }).first('status');
    expect({ claimNumber, status: claim?.status }).toEqual({ claimNumber, status: 'paid' });
  }

  // 4. One death, one claim: no participant was paid twice.
  expect(await participantsPaidTwice(db)).toEqual([]);

  // 1. No key paid twice: in the ledger (one row per key), and at the gateway (one completed transfer per key).
  const twiceInLedger = await db('payouts')
    .select('idempotency_key')
    .count({ n: '*' })
    .groupBy('idempotency_key')
    .havingRaw('count(*) > 1');
  expect(twiceInLedger).toEqual([]);
  const gateway = createHttpGateway({ baseUrl: stack.gatewayUrl });
  const statements = await Promise.all(daysSince(sinceMs).map((day) => gateway.statement(day)));
  const completed = statements.flatMap((s) => s.disbursements).filter((d) => d.status === 'completed');
  const perKey = new Map<string, number>();
  for (const d of completed) perKey.set(d.reference, (perKey.get(d.reference) ?? 0) + 1);
  expect([...perKey].filter(([, n]) => n > 1)).toEqual([]);
  const paid = await db('payouts')
    .where({ status: 'paid' })
    .select('idempotency_key', 'amount', 'gateway_reference');
  const byReference = new Map(completed.map((d) => [d.reference, d]));
  for (const row of paid) {
    const transfer = byReference.get(row.idempotency_key);
    expect({ key: row.idempotency_key, id: transfer?.id, amount: transfer?.amount }).toEqual({
      key: row.idempotency_key,
      id: row.gateway_reference,
      amount: row.amount,
    });
  }

  // 2. The ledger total equals the gateway total, and the reconciliation of each day finds nothing to report.
  const [ledger] = await db('payouts').where({ status: 'paid' }).sum({ total: 'amount' });
  const gatewayTotal = statements.reduce((sum, s) => sum + s.total, 0);
  expect(Number(ledger?.total ?? 0)).toBe(gatewayTotal);
  for (const day of daysSince(sinceMs)) {
    const summary: ReconciliationSummary = await stack.client.workflow.execute<typeof reconciliationWorkflow>(
      'reconciliationWorkflow',
      {
        workflowId: `${reconciliationWorkflowId(day)}-check-${process.pid}-${++checks}`,
        taskQueue: stack.config.TEMPORAL_TASK_QUEUE,
        args: [{ date: day }],
      },
    );
    expect(summary).toMatchObject({ date: day, status: 'balanced', mismatched: 0 });
  }

  // 4. Every row pending past its reconciliation deadline has its supervisor's task (the reconciliation opened it).
  const pending = await db('payouts')
    .where({ status: 'pending' })
    .select('gateway_key', 'status', 'updated_at');
  const taskKeys = await db('supervisor_tasks').pluck('dedup_key');
  expect(pendingWithoutTask(pending, taskKeys, Date.now())).toEqual([]);
  // 5. Every account in effect after a refusal was approved by a second staff member (a change of payee).
  expect(await accountChangesWithoutTwoPeople(db)).toEqual([]);
}
