// Auditors: a claim's Temporal history (with a hash chain), its replay against the current code with the
// decision trail, and the audit log of API actions. Auditors only: officers and supervisors get 403.
import { isGrpcServiceError, type Client } from '@temporalio/client';
import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../../db/config';
import { exportClaimHistory, replayClaim, Replayer } from '../../replay';
import { auditLogQuery, decodeAuditCursor, listAuditLog } from '../audit-log';
import { requireStaff } from '../auth';
import { parse, problems } from '../problem';
import { claimNumberParam } from '../schemas';

export interface AuditRouterDeps {
  db: Db;
  temporal: Client;
  authSecret: string;
  /** Replays with one prebuilt bundle; by default one per router, bundled on first use. */
  replayer?: Replayer;
}

/** The replay request takes no options yet: an empty body (or none). */
export const replayBody = z.strictObject({}).optional();

const UNAVAILABLE = new Set([4, 8, 14]); // DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, UNAVAILABLE

async function fromTemporal<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (isGrpcServiceError(err) && UNAVAILABLE.has(err.code ?? -1)) {
      throw problems.unavailable('The workflow service is not reachable.');
    }
    throw err;
  }
}

export function createAuditRouter(deps: AuditRouterDeps): Router {
  const router = Router();
  const auditor = requireStaff(deps.authSecret, ['auditor']);
  // The production data converter (payload codec included) is the one the API's Temporal client was given.
  const replayer = deps.replayer ?? new Replayer({ dataConverter: deps.temporal.options.dataConverter });

  router.get('/claims/:claimNumber/history', auditor, async (req, res) => {
    const { claimNumber } = parse(claimNumberParam, req.params);
    const exported = await fromTemporal(exportClaimHistory(deps.temporal, claimNumber));
    if (!exported) throw problems.notFound('No workflow history for this claim.');
    res.json(exported);
  });

  router.post('/claims/:claimNumber/replay', auditor, async (req, res) => {
    const { claimNumber } = parse(claimNumberParam, req.params);
    parse(replayBody, req.body);
    const replayed = await fromTemporal(replayClaim(deps.temporal, replayer, claimNumber));
    if (!replayed) throw problems.notFound('No workflow history for this claim.');
    res.json(replayed);
  });

  router.get('/audit-log', auditor, async (req, res) => {
    const query = parse(auditLogQuery, req.query);
    let after: number | undefined;
    if (query.cursor !== undefined) {
      after = decodeAuditCursor(query.cursor);
      if (after === undefined)
        throw problems.validation([{ field: 'cursor', message: 'is not a cursor from this API' }]);
    }
    res.json(await listAuditLog(deps.db, { ...query, ...(after !== undefined ? { after } : {}) }));
  });

  return router;
}
