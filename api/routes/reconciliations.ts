// Reconciliation reports for staff and auditors: each day's ledger against the gateway's statement.
import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../../db/config';
import { isoDate } from '../../vocabulary/primitives';
import { requireStaff } from '../auth';
import { parse, problems } from '../problem';

export const listReconciliationsQuery = z.strictObject({
  from: isoDate.optional().describe('First day (Asia/Jakarta), inclusive'),
  to: isoDate.optional().describe('Last day (Asia/Jakarta), inclusive'),
  status: z.enum(['balanced', 'mismatched']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

export const reconciliationDateParam = z.strictObject({ date: isoDate });

type Row = Record<string, unknown>;

function itemView(item: Row) {
  return {
    transferKey: item.transfer_key,
    outcome: item.outcome,
    claimNumber: item.claim_number,
    component: item.component,
    ledgerAmount: item.ledger_amount,
    gatewayAmount: item.gateway_amount,
    gatewayReference: item.gateway_reference,
  };
}

function reportView(report: Row) {
  return {
    date: report.business_date,
    status: report.status,
    ledgerTotal: report.ledger_total,
    gatewayTotal: report.gateway_total,
    matched: report.matched,
    mismatched: report.mismatched,
    reconciledAt: report.reconciled_at,
  };
}

export function createReconciliationsRouter(deps: { db: Db; authSecret: string }): Router {
  const { db } = deps;
  const router = Router();
  const readers = requireStaff(deps.authSecret, ['officer', 'supervisor', 'auditor']);

  // Newest day first, each with its mismatches (the matched items are in the day's own report).
  router.get('/reconciliations', readers, async (req, res) => {
    const query = parse(listReconciliationsQuery, req.query);
    const reports: Row[] = await db('reconciliation_reports')
      .modify((q) => {
        if (query.from) q.where('business_date', '>=', query.from);
        if (query.to) q.where('business_date', '<=', query.to);
        if (query.status) q.where('status', query.status);
      })
      .orderBy('business_date', 'desc')
      .limit(query.limit);
    const dates = reports.map((r) => r.business_date as string);
    const mismatches: Row[] =
      dates.length === 0
        ? []
        : await db('reconciliation_items')
            .whereIn('business_date', dates)
            .whereNot('outcome', 'matched')
            .orderBy(['business_date', 'transfer_key']);
    res.json({
      reports: reports.map((r) => ({
        ...reportView(r),
        mismatches: mismatches.filter((i) => i.business_date === r.business_date).map(itemView),
      })),
    });
  });

  router.get('/reconciliations/:date', readers, async (req, res) => {
    const { date } = parse(reconciliationDateParam, req.params);
    const report: Row | undefined = await db('reconciliation_reports').where({ business_date: date }).first();
    if (!report) throw problems.notFound('No reconciliation for that day.');
    const [items, tasks] = await Promise.all([
      db('reconciliation_items').where({ business_date: date }).orderBy('transfer_key'),
      db('supervisor_tasks').where({ business_date: date }).orderBy('id'),
    ]);
    res.json({
      ...reportView(report),
      items: items.map(itemView),
      tasks: tasks.map((t: Row) => ({
        kind: t.kind,
        status: t.status,
        message: t.message,
        createdAt: t.created_at,
      })),
    });
  });

  return router;
}
