// Prometheus metrics for the API (prom-client): request counts and durations by route pattern (never by claim
// number, so the series stay few and carry no personal data), the Node process, the claims and payouts in
// PostgreSQL read at scrape time, and the audit rows waiting to be written.
import type { Request, RequestHandler, Response } from 'express';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Stores } from '../../db/stores';
import type { AuditWriter } from './audit-trail';
import { within } from './within';

export interface ApiMetrics {
  registry: Registry;
  /** Times every request under the mount it is used on; label `route` is the matched route pattern. */
  requests: RequestHandler;
  /** Answers GET /metrics: the text exposition format. */
  respond(res: Response): Promise<void>;
}

export function createApiMetrics(deps: {
  stores: Pick<Stores, 'claims' | 'payouts' | 'reconciliation'>;
  auditWriter: AuditWriter;
}): ApiMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'santunan_api_' });

  const duration = new Histogram({
    name: 'santunan_http_request_duration_seconds',
    help: 'API requests by method, route pattern and status, and how long they took',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  const databaseUp = new Gauge({
    name: 'santunan_database_up',
    help: '1 if PostgreSQL answered the last scrape, else 0',
    registers: [registry],
  });
  const claims = new Gauge({
    name: 'santunan_claims',
    help: 'Claims by programme and status (PostgreSQL, at scrape time)',
    labelNames: ['program', 'status'] as const,
    registers: [registry],
  });
  const payouts = new Gauge({
    name: 'santunan_payouts',
    help: 'Payout ledger rows by status (PostgreSQL, at scrape time)',
    labelNames: ['status'] as const,
    registers: [registry],
  });
  const payoutAmount = new Gauge({
    name: 'santunan_payouts_amount_rupiah',
    help: 'Sum of payout ledger amounts by status, in rupiah (PostgreSQL, at scrape time)',
    labelNames: ['status'] as const,
    registers: [registry],
  });
  const escalatedOpen = new Gauge({
    name: 'santunan_claims_escalated_open',
    help: 'Open claims escalated to a supervisor, by programme (PostgreSQL, at scrape time)',
    labelNames: ['program'] as const,
    registers: [registry],
  });
  const reconciliationMismatched = new Gauge({
    name: 'santunan_reconciliation_latest_mismatched',
    help: "Transfers that did not match the gateway's statement in the latest day reconciled (business_date)",
    labelNames: ['business_date'] as const,
    registers: [registry],
  });
  const reconciliationRunAt = new Gauge({
    name: 'santunan_reconciliation_latest_run_timestamp_seconds',
    help: 'When the latest day (business_date) was reconciled, Unix time; absent before the first reconciliation',
    labelNames: ['business_date'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'santunan_audit_log_pending',
    help: 'Audit rows waiting in memory to be written (above 0 while PostgreSQL is unreachable)',
    registers: [registry],
    collect() {
      this.set(deps.auditWriter.pending);
    },
  });

  /** The database figures, or santunan_database_up 0 (and no stale figures) when PostgreSQL does not answer. */
  async function readDatabase(): Promise<void> {
    for (const gauge of [
      claims,
      payouts,
      payoutAmount,
      escalatedOpen,
      reconciliationMismatched,
      reconciliationRunAt,
    ])
      gauge.reset();
    try {
      const [claimRows, payoutRows, escalated, latest] = await within(
        2000,
        Promise.all([
          deps.stores.claims.countByProgramAndStatus(),
          deps.stores.payouts.totalsByStatus(),
          deps.stores.claims.countEscalatedOpen(),
          deps.stores.reconciliation.latestReport(),
        ]),
      );
      for (const r of escalated) escalatedOpen.set({ program: r.program }, r.n);
      if (latest) {
        const day = { business_date: latest.business_date };
        reconciliationMismatched.set(day, latest.mismatched);
        reconciliationRunAt.set(day, new Date(latest.reconciled_at).getTime() / 1000);
      }
      for (const r of claimRows) claims.set({ program: r.program, status: r.status }, r.n);
      for (const r of payoutRows) {
        payouts.set({ status: r.status }, r.n);
        payoutAmount.set({ status: r.status }, r.amount);
      }
      databaseUp.set(1);
    } catch {
      databaseUp.set(0);
    }
  }

  const requests: RequestHandler = (req: Request, res: Response, next) => {
    const end = duration.startTimer();
    const mount = req.baseUrl; // the mount path now; Express changes it as the request leaves each router
    res.once('finish', () => {
      const pattern = (req.route as { path?: unknown } | undefined)?.path;
      end({
        method: req.method,
        route: typeof pattern === 'string' ? `${mount}${pattern}` : 'unmatched',
        status: String(res.statusCode),
      });
    });
    next();
  };

  async function respond(res: Response): Promise<void> {
    await readDatabase();
    res.setHeader('Content-Type', registry.contentType);
    res.send(await registry.metrics());
  }

  return { registry, requests, respond };
}
