// The versioning policy, shown once: the claim workflow tells the family of an approval before the transfers,
// behind patched('decision-notified'). Histories recorded before that change replay without the step; new runs
// take it and record the patch marker.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { historyFromJson, readRun, Replayer, type History } from '../../replay';
import { jakartaDate } from '../../rules';
import type { claimWorkflow } from '../../workflows/claim';
import { claimStateQuery, decideUpdate, verifyUpdate } from '../../vocabulary/messages/claim';
import type { ClaimStatus } from '../../vocabulary/status';
import { testDataConverter, testLoadedDataConverter } from '../helpers/codec';
import { createTestDb, type TestDb } from '../helpers/db';
import { claimInput, createParticipant, FULL_CHECKLIST } from '../helpers/factories';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { bundlePath, root } from '../helpers/paths';
import { timeSkippingEnv } from '../helpers/temporal';

const PATCH = 'decision-notified';
const converter = testLoadedDataConverter;
const legacyHappyPath = join(root, 'test', 'replay', 'histories', 'legacy', 'happy-path.json');

function calls(history: History) {
  return readRun({ workflowId: 'claim', runId: 'run', workflowType: 'claimWorkflow', history }, converter);
}

/** The activities the run scheduled, in order, with the family notifications named by kind. */
function steps(run: Awaited<ReturnType<typeof calls>>): string[] {
  return run.activities.map((a) =>
    // A local call (patch claim-shape-fewer-round-trips) keeps no arguments: notifyFamily answers with its kind.
    a.type === 'notifyFamily'
      ? `notifyFamily:${String(a.local ? (a.result as { kind: string }).kind : a.input[1])}`
      : a.type,
  );
}

describe('patched("decision-notified")', () => {
  it('replays an approval recorded before the change, which never notified the family of the decision', async () => {
    const json = readFileSync(legacyHappyPath, 'utf8');
    const before = await calls(historyFromJson(json));
    expect(before.patches).toEqual([]);
    expect(steps(before)).not.toContain('notifyFamily:decision_notified');
    expect(steps(before)).toContain('payout');

    const replayer = new Replayer({
      workflowBundle: { codePath: bundlePath },
      dataConverter: testDataConverter,
    });
    const [result] = await replayer.replay([{ workflowId: 'legacy-happy-path', history: JSON.parse(json) }]);
    expect(result).toMatchObject({ deterministic: true });
  });

  describe('a new run', () => {
    let env: TestWorkflowEnvironment;
    let t: TestDb;
    let gateway: TestGateway;

    beforeAll(async () => {
      [env, t, gateway] = await Promise.all([timeSkippingEnv(), createTestDb(), startTestGateway()]);
    });
    afterAll(async () => {
      await env?.teardown();
      await gateway?.close();
      await t?.drop();
    });

    it('records the patch marker and tells the family of the approval before the first transfer', async () => {
      const { nik } = await createParticipant(t.db);
      const input = claimInput({ participantNik: nik, claimDate: jakartaDate(await env.currentTimeMs()) });
      const taskQueue = `versioning-${randomUUID()}`;
      const worker = await Worker.create({
        connection: env.nativeConnection,
        taskQueue,
        workflowBundle: { codePath: bundlePath },
        dataConverter: testDataConverter,
        activities: createActivities({ db: t.db, gateway: gateway.client }),
      });
      const history = await worker.runUntil(async () => {
        const handle = await env.client.workflow.start<typeof claimWorkflow>('claimWorkflow', {
          workflowId: input.claimNumber,
          taskQueue,
          args: [input],
        });
        const waitFor = async (status: ClaimStatus) => {
          for (let i = 0; i < 200 && (await handle.query(claimStateQuery)).status !== status; i++) {
            await new Promise((r) => setTimeout(r, 50));
          }
        };
        await waitFor('waiting_for_documents');
        await handle.executeUpdate(verifyUpdate, {
          args: [{ actor: { kind: 'staff', id: 'officer-1', role: 'officer' }, checklist: FULL_CHECKLIST }],
        });
        await waitFor('waiting_for_decision');
        await handle.executeUpdate(decideUpdate, {
          args: [
            { actor: { kind: 'staff', id: 'officer-2', role: 'officer' }, decision: 'approve', reason: 'ok' },
          ],
        });
        await handle.result();
        return handle.fetchHistory();
      });

      const run = await calls(history);
      expect(run.patches).toContain(PATCH);
      const order = steps(run);
      expect(order.indexOf('notifyFamily:decision_notified')).toBeGreaterThan(
        order.indexOf('recordDecision'),
      );
      expect(order.indexOf('notifyFamily:decision_notified')).toBeLessThan(order.indexOf('payout'));
      const notice = await t
        .db('notifications')
        .where({ claim_number: input.claimNumber, kind: 'decision_notified' });
      expect(notice).toHaveLength(1);
      expect(notice[0].message).toContain('approved');

      // And the new history replays too.
      const replayer = new Replayer({
        workflowBundle: { codePath: bundlePath },
        dataConverter: testDataConverter,
      });
      const [result] = await replayer.replay([{ workflowId: input.claimNumber, history }]);
      expect(result?.deterministic).toBe(true);
    });
  });
});
