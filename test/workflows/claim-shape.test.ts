// The claim's shape since patch 'claim-shape-fewer-round-trips' (workflows/claim-shape.ts), on the time-skipping
// server with real PostgreSQL and the sandbox gateway: the database writes run as local activities, each step in the
// write of the activity doing it, only the transfers on the task queue; the claim's record, its event log and the
// auditor's decision trail are what they were, and the run replays.
import { buildDecisionTrail, readRun, Replayer } from '../../replay';
import { jakartaDate } from '../../rules';
import { CLAIM_SHAPE_PATCH } from '../../workflows/claim-shape';
import { decideUpdate, verifyUpdate } from '../../vocabulary/messages/claim';
import type { Actor } from '../../vocabulary/actors';
import { testDataConverter, testLoadedDataConverter } from '../helpers/codec';
import { claimInput, createParticipant, FULL_CHECKLIST } from '../helpers/factories';
import { bundlePath } from '../helpers/paths';
import { useWorkflowHarness } from '../helpers/workflow-harness';

const officer1: Actor = { kind: 'staff', id: 'officer-1', role: 'officer' };
const officer2: Actor = { kind: 'staff', id: 'officer-2', role: 'officer' };

const h = useWorkflowHarness();

describe('ClaimWorkflow, fewer round trips', () => {
  it('pays a claim with only the transfers on the task queue, recording the same steps, and replays', async () => {
    const { nik } = await createParticipant(h.t.db, {
      membershipStartDate: '2018-01-01',
      monthlyWage: 6_000_000,
    });
    const input = claimInput({ participantNik: nik, claimDate: jakartaDate(await h.env.currentTimeMs()) });
    const { outcome, history } = await h.withWorker(async (taskQueue) => {
      const handle = await h.startClaim(taskQueue, input);
      await h.waitForStatus(handle, 'waiting_for_documents');
      await handle.executeUpdate(verifyUpdate, { args: [{ actor: officer1, checklist: FULL_CHECKLIST }] });
      await h.waitForStatus(handle, 'waiting_for_decision');
      await handle.executeUpdate(decideUpdate, {
        args: [{ actor: officer2, decision: 'approve', reason: 'Documents complete' }],
      });
      return { outcome: await handle.result(), history: await handle.fetchHistory() };
    });
    expect(outcome).toEqual({ status: 'paid', total: 42_000_000 });

    const runHistory = {
      workflowId: input.claimNumber,
      runId: 'run',
      workflowType: 'claimWorkflow',
      history,
    };
    const run = await readRun(runHistory, testLoadedDataConverter);
    expect(run.patches).toContain(CLAIM_SHAPE_PATCH);
    const regular = run.activities.filter((a) => !a.local).map((a) => a.type);
    const local = run.activities.filter((a) => a.local).map((a) => a.type);
    expect(regular).toEqual(['payout', 'payout', 'payout']);
    expect(local).toEqual([
      'recordClaim',
      'checkMembership',
      'recordMembershipConfirmed',
      'recordVerification',
      'recordAssessment',
      'recordDecision',
      'notifyFamily',
      'recordClosing',
    ]);

    // The same event log as before the patch, numbered without a gap; each payout_paid with its key and reference.
    const events = await h.t
      .db('claim_events')
      .where({ claim_number: input.claimNumber })
      .orderBy('seq')
      .select('seq', 'type', 'data');
    expect(events.map((e) => e.type)).toEqual([
      'claim_received',
      'membership_confirmed',
      'documents_verified',
      'benefit_assessed',
      'claim_approved',
      'payout_paid',
      'payout_paid',
      'payout_paid',
      'claim_paid',
    ]);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    const ledger = await h.t.db('payouts').where({ claim_number: input.claimNumber });
    for (const event of events.filter((e) => e.type === 'payout_paid')) {
      const row = ledger.find((p) => p.component === event.data.component);
      expect(event.data).toEqual({
        component: row.component,
        amount: row.amount,
        idempotencyKey: row.idempotency_key,
        gatewayReference: row.gateway_reference,
      });
    }
    const claim = await h.t.db('claims').where({ claim_number: input.claimNumber }).first();
    expect(claim).toMatchObject({ status: 'paid', verified_by: 'officer-1', decided_by: 'officer-2' });
    expect(claim.verification_due).not.toBeNull();
    const notices = await h.t.db('notifications').where({ claim_number: input.claimNumber }).orderBy('id');
    expect(notices.map((n) => n.kind)).toEqual(['decision_notified', 'claim_paid']);

    // The auditor's trail, rebuilt from the history alone, still holds what the local activities recorded.
    const trail = await buildDecisionTrail([runHistory], testLoadedDataConverter);
    expect(trail.membership).toMatchObject({ eligible: true, monthlyWage: 6_000_000 });
    expect(trail.assessment).toMatchObject({ total: 42_000_000 });
    expect(trail.assessment?.components.map((c) => c.code).sort()).toEqual([
      'funeral',
      'lump_sum',
      'periodic',
    ]);
    expect(trail.notifications.map((n) => n.kind)).toEqual(['decision_notified', 'claim_paid']);
    expect(trail.payouts.map((p) => p.status)).toEqual(['paid', 'paid', 'paid']);

    const replayer = new Replayer({
      workflowBundle: { codePath: bundlePath },
      dataConverter: testDataConverter,
    });
    const [replayed] = await replayer.replay([{ workflowId: input.claimNumber, history }]);
    expect(replayed?.deterministic).toBe(true);
  });
});
