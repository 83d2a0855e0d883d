// The history archive in PostgreSQL: a closed run's history and its digest are written together, once, and
// neither can be changed or removed afterwards (triggers, which bind the superuser the app uses in development too).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createStores, type RunToArchive } from '../../db/stores';
import { exportRun, historyFromJson } from '../../replay';
import { createTestDb, type TestDb } from '../helpers/db';
import { root } from '../helpers/paths';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.drop();
});

const claimNumber = 'JKM-20261124-HAPPYPTH';

function recordedRun(runId: string): RunToArchive {
  const history = historyFromJson(
    readFileSync(join(root, 'test', 'replay', 'histories', 'happy-path.json'), 'utf8'),
  );
  const exported = exportRun({ workflowId: claimNumber, runId, workflowType: 'claimWorkflow', history });
  return {
    workflowId: claimNumber,
    runId,
    claimNumber,
    namespace: 'default',
    workflowType: 'claimWorkflow',
    closeStatus: 'COMPLETED',
    startedAt: new Date(exported.history.events[0]!.eventTime!),
    closedAt: new Date(exported.history.events.at(-1)!.eventTime!),
    previousRunId: null,
    history: exported.history,
    digest: exported.hashChain,
  };
}

describe('history archive', () => {
  it('archives a run once: a second archive of the same workflow id and run id writes nothing', async () => {
    const archive = createStores(t.db).historyArchive;
    const run = recordedRun('11111111-1111-4111-8111-111111111111');
    expect(await archive.archive(run)).toBe(true);
    expect(await archive.archive(run)).toBe(false);
    expect(await t.db('history_archive').where({ run_id: run.runId })).toHaveLength(1);
    expect(await t.db('history_digests').where({ run_id: run.runId })).toEqual([
      expect.objectContaining({
        workflow_id: claimNumber,
        chain_head: run.digest.head,
        event_count: run.history.events.length,
      }),
    ]);
    const [read] = await archive.runsOfWorkflow(claimNumber);
    expect(read).toMatchObject({ runId: run.runId, recordedHead: run.digest.head, history: run.history });
    expect(await archive.archivedOf([{ workflowId: claimNumber, runId: run.runId }])).toEqual(
      new Set([`${claimNumber}/${run.runId}`]),
    );
  });

  it('writes neither the history nor the digest when the digest cannot be written', async () => {
    const archive = createStores(t.db).historyArchive;
    const run = recordedRun('22222222-2222-4222-8222-222222222222');
    await expect(
      archive.archive({ ...run, digest: { ...run.digest, head: 'x'.repeat(65) } }),
    ).rejects.toThrow();
    expect(await t.db('history_archive').where({ run_id: run.runId })).toHaveLength(0);
    expect(await t.db('history_digests').where({ run_id: run.runId })).toHaveLength(0);
  });

  it.each(['history_digests', 'history_archive'])('%s refuses UPDATE, DELETE and TRUNCATE', async (table) => {
    const run = recordedRun('33333333-3333-4333-8333-333333333333');
    await createStores(t.db).historyArchive.archive(run);
    const row = t.db(table).where({ workflow_id: claimNumber, run_id: run.runId });
    await expect(row.clone().update({ workflow_id: 'JKM-20261124-OTHERONE' })).rejects.toThrow(
      new RegExp(`${table} is append-only: UPDATE is not allowed`),
    );
    await expect(row.clone().delete()).rejects.toThrow(new RegExp(`${table} is append-only: DELETE`));
    await expect(t.db.raw(`truncate ${table} cascade`)).rejects.toThrow(/append-only: TRUNCATE/);
    expect(await row.clone()).toHaveLength(1);
  });
});
