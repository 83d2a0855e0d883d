// The worker's codec refuses payloads that are not encrypted: a client without the payload keys (anyone who can
// reach the Temporal frontend) can neither start a claim nor push an update into one. On the dev server,
// a real Temporal server, with the real worker bundle and activities.
import { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { verifyUpdate } from '../../vocabulary/messages/claim';
import type { Actor } from '../../vocabulary/actors';
import { claimInput, createParticipant, FULL_CHECKLIST } from '../helpers/factories';
import { useWorkflowHarness } from '../helpers/workflow-harness';
import { jakartaDate } from '../../rules';

const officer: Actor = { kind: 'staff', id: 'officer-1', role: 'officer' };
const h = useWorkflowHarness({ server: 'dev' });

/** A client with Temporal's default (plaintext) data converter. */
const plainClient = () =>
  new Client({ connection: h.env.connection, namespace: h.env.client.options.namespace });

const { EventType } = temporal.api.enums.v1;

async function eventTypes(client: Client, workflowId: string): Promise<number[]> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  return (history.events ?? []).map((e) => Number(e.eventType));
}

describe('plaintext payloads', () => {
  it('a claim started without the codec never runs: its first workflow task fails, no activity is scheduled', async () => {
    const { nik } = await createParticipant(h.t.db);
    const input = claimInput({ participantNik: nik, claimDate: jakartaDate(Date.now()) });
    await h.withWorker(async (taskQueue) => {
      await plainClient().workflow.start('claimWorkflow', {
        workflowId: input.claimNumber,
        taskQueue,
        args: [input],
      });
      let types: number[] = [];
      for (let i = 0; i < 100 && !types.includes(EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED); i++) {
        await new Promise((r) => setTimeout(r, 100));
        types = await eventTypes(h.env.client, input.claimNumber);
      }
      expect(types).toContain(EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED);
      expect(types).not.toContain(EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED);
      await h.env.client.workflow.getHandle(input.claimNumber).terminate('test: forged start');
    });
    const row = await h.t.db('claims').where({ claim_number: input.claimNumber }).first();
    expect(row).toBeUndefined();
  });

  it('an update sent without the codec is not applied; the same update with it is', async () => {
    const { nik } = await createParticipant(h.t.db);
    const input = claimInput({ participantNik: nik, claimDate: jakartaDate(Date.now()) });
    await h.withWorker(async (taskQueue) => {
      const handle = await h.startClaim(taskQueue, input);
      await h.waitForStatus(handle, 'waiting_for_documents');
      const forged = plainClient()
        .workflow.getHandle(input.claimNumber)
        .executeUpdate(verifyUpdate, { args: [{ actor: officer, checklist: FULL_CHECKLIST }] });
      const outcome = await Promise.race([
        forged.then(
          () => 'applied',
          () => 'refused',
        ),
        new Promise((r) => setTimeout(() => r('not applied within 5 s'), 5000)),
      ]);
      // Rejected inside the workflow, whose payload converter cannot read it; the claim goes on.
      expect(outcome).toBe('refused');
      const row = await h.t.db('claims').where({ claim_number: input.claimNumber }).first();
      expect(row?.status).toBe('waiting_for_documents');
      const verified = await handle.executeUpdate(verifyUpdate, {
        args: [{ actor: officer, checklist: FULL_CHECKLIST }],
      });
      expect(verified).toEqual({ complete: true, missing: [] });
      await handle.terminate('test: done');
    });
  });
});
