import type { Client } from '@temporalio/client';
import { Router } from 'express';
import type { Db } from '../../db/config';
import { within } from '../within';

export function createHealthRouter(deps: { db: Db; temporal: Client }): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // Ready when both PostgreSQL and Temporal answer; 503 names the one that does not.
  router.get('/readyz', async (_req, res) => {
    const [postgres, temporal] = await Promise.all([
      within(2000, deps.db.raw('select 1')).then(
        () => 'up' as const,
        () => 'down' as const,
      ),
      within(2000, deps.temporal.workflowService.getSystemInfo({})).then(
        () => 'up' as const,
        () => 'down' as const,
      ),
    ]);
    const ready = postgres === 'up' && temporal === 'up';
    if (!ready) res.setHeader('Retry-After', '5');
    res
      .status(ready ? 200 : 503)
      .json({ status: ready ? 'ready' : 'not ready', checks: { postgres, temporal } });
  });
  return router;
}
