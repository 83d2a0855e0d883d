// The worker as bin/worker.ts runs it (createClaimsWorker), with its gateway and database adapters wrapped so it
// can stop at a chosen moment of one claim's first payout, for the test to kill -9 it there. FAULT_PLAN names a
// JSON file { "<claimNumber>": "before_transfer" | "before_commit" | "after_commit" }, read at each payout:
//   before_transfer  the ledger row is pending; the gateway has not been called.
//   before_commit    the gateway made the transfer; the ledger row is still pending.
//   after_commit     the ledger row says paid; Temporal has not heard the activity finish.
// FAULT_GATEWAY_TIMEOUT_MS shortens the gateway client's timeout (10 s in production) to keep the suite quick.
// FAULT_TRANSFER_DELAY_MS holds each transfer's answer that long after the money moved: a slow bank.
import { existsSync, readFileSync, writeSync } from 'node:fs';
import { heartbeat } from '@temporalio/activity';
import type { Knex } from 'knex';
import { createClaimsWorker } from '../../../bin/lib/worker';
import { loadConfig } from '../../../config';
import { createDb } from '../../../db/config';
import { createHttpGateway, type PaymentGateway } from '../../../gateway/client';

type StopPoint = 'before_transfer' | 'before_commit' | 'after_commit';

const stoppedClaims = new Set<string>();

function plannedStop(claimNumber: string): StopPoint | undefined {
  const file = process.env.FAULT_PLAN;
  if (!file || !existsSync(file)) return undefined;
  return (JSON.parse(readFileSync(file, 'utf8')) as Record<string, StopPoint>)[claimNumber];
}

/** True (once per claim) when the plan stops this payout here; tells the test on stdout, synchronously. */
function stopsHere(point: StopPoint, payoutKey: string): boolean {
  const claimNumber = payoutKey.split(':')[0] ?? '';
  if (stoppedClaims.has(claimNumber) || plannedStop(claimNumber) !== point) return false;
  stoppedClaims.add(claimNumber);
  writeSync(1, `FAULT-STOP ${point} ${payoutKey}\n`);
  return true;
}

/**
 * Stuck but alive: the payout never returns, and keeps heartbeating as a live worker's would, so only the kill
 * (which stops the heartbeats) makes Temporal retry it elsewhere.
 */
const stuck = <T>() =>
  new Promise<T>(() => {
    setInterval(() => heartbeat(), 2000);
  });

async function main(): Promise<void> {
  const config = loadConfig(['PAYLOAD_KEYS', 'TEMPORAL']);
  const timeoutMs = Number(process.env.FAULT_GATEWAY_TIMEOUT_MS ?? 10_000);
  const real = createHttpGateway({ baseUrl: config.GATEWAY_URL, timeoutMs });
  const delayMs = Number(process.env.FAULT_TRANSFER_DELAY_MS ?? 0);
  const gateway: PaymentGateway = {
    ...real,
    async disburse(req) {
      if (stopsHere('before_transfer', req.reference)) return stuck();
      const disbursement = await real.disburse(req);
      if (stopsHere('before_commit', req.reference)) return stuck();
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      return disbursement;
    },
  };
  const db = createDb(config.DATABASE_URL);
  /** The payout key a statement marks paid, if it is one. */
  const paidKey = (query: { sql?: string; bindings?: unknown[] }) =>
    query.sql?.startsWith('update "payouts"') && query.bindings?.[0] === 'paid'
      ? query.bindings.find((b): b is string => typeof b === 'string' && /^(JKM|JKK)-[^:]+:/.test(b))
      : undefined;
  // Freeze the whole process, so the activity's result never reaches Temporal.
  const freeze = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  // A payout marked paid on its own: it has committed when its statement answers.
  db.on(
    'query-response',
    (_response: unknown, query: { sql?: string; bindings?: unknown[]; __knexTxId?: string }) => {
      const key = query.__knexTxId ? undefined : paidKey(query);
      if (key && stopsHere('after_commit', key)) freeze();
    },
  );
  // A payout marked paid inside a transaction (with its step, patch claim-shape-fewer-round-trips): it has committed
  // when the transaction has, so the stop waits for that, before the activity goes on.
  const transaction = db.transaction.bind(db);
  const watchedTransaction = (fn: unknown, ...rest: unknown[]) => {
    if (typeof fn !== 'function') return (transaction as (...a: unknown[]) => unknown)(fn, ...rest);
    let key: string | undefined;
    const seen = (_response: unknown, query: { sql?: string; bindings?: unknown[] }) => {
      key = paidKey(query) ?? key;
    };
    return transaction(async (trx) => {
      trx.on('query-response', seen);
      try {
        return await (fn as (trx: Knex.Transaction) => Promise<unknown>)(trx);
      } finally {
        trx.removeListener('query-response', seen);
      }
    }).then((value) => {
      if (key && stopsHere('after_commit', key)) freeze();
      return value;
    });
  };
  // knex's own property is read-only: the worker gets the same knex behind a proxy that watches its transactions.
  const watched = new Proxy(db, {
    get: (target, prop, receiver) =>
      prop === 'transaction' ? watchedTransaction : Reflect.get(target, prop, receiver),
  });
  const { run } = await createClaimsWorker(config, { db: watched, gateway });
  writeSync(1, `WORKER-READY ${process.pid}\n`);
  await run();
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
