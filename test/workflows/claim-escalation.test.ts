// ClaimWorkflow's verification service level on the time-skipping server, with real PostgreSQL and the sandbox gateway over HTTP.
import { jakartaDate } from '../../rules';
import { claimStateQuery, verifyUpdate } from '../../vocabulary/messages/claim';
import type { Actor } from '../../vocabulary/actors';
import { claimInput, createParticipant, FULL_CHECKLIST } from '../helpers/factories';
import { useWorkflowHarness } from '../helpers/workflow-harness';

const officer1: Actor = { kind: 'staff', id: 'officer-1', role: 'officer' };

const h = useWorkflowHarness();
const { withWorker, waitForStatus } = h;
const start = h.startClaim;

// Its own file, so its own time-skipping server: the clock starts fresh, with no other claim's timers.
describe('ClaimWorkflow service level', () => {
  it('escalates to supervisors when verification misses the service level, and keeps waiting', async () => {
    const { nik } = await createParticipant(h.t.db);
    // Earlier tests skipped the server's clock ahead: file the claim on the server's today.
    const input = claimInput({ participantNik: nik, claimDate: jakartaDate(await h.env.currentTimeMs()) });
    await withWorker(async (taskQueue) => {
      const handle = await start(taskQueue, input);
      await waitForStatus(handle, 'waiting_for_documents');
      expect((await handle.query(claimStateQuery)).escalated).toBe(false);
      await h.env.sleep('10 days'); // more than 3 working days, whatever the holidays
      for (let i = 0; i < 100 && !(await handle.query(claimStateQuery)).escalated; i++) {
        await new Promise((r) => setTimeout(r, 50));
      }
      expect((await handle.query(claimStateQuery)).escalated).toBe(true);
      const claim = await h.t.db('claims').where({ claim_number: input.claimNumber }).first();
      expect(claim).toMatchObject({ escalated: true, status: 'waiting_for_documents' });
      const notes = await h.t
        .db('notifications')
        .where({ claim_number: input.claimNumber, audience: 'supervisors' });
      expect(notes.map((n) => n.kind)).toEqual(['verification_overdue']);
      // Still waiting: verification is accepted after the escalation.
      const verified = await handle.executeUpdate(verifyUpdate, {
        args: [{ actor: officer1, checklist: FULL_CHECKLIST }],
      });
      expect(verified.complete).toBe(true);
      await handle.terminate('test finished');
    });
  });
});
