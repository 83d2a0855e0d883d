// A backdated claim date on the time-skipping server: the claim waits for a supervisor who did not file it; approved,
// the JKK expiry counts from the accident to the earlier date; refused, to the day the claim reached the system.
import { jakartaDate } from '../../rules';
import type { Actor } from '../../vocabulary/actors';
import type { ClaimInput } from '../../vocabulary/claim';
import {
  claimStateQuery,
  decideBackdatingUpdate,
  verifyUpdate,
  type DecideBackdatingRequest,
} from '../../vocabulary/messages/claim';
import { CLAIM_DATE_BACKDATING_PATCH } from '../../workflows/claim-backdating';
import { buildDecisionTrail } from '../../replay';
import { testLoadedDataConverter } from '../helpers/codec';
import { claimInput, createParticipant, FULL_CHECKLIST } from '../helpers/factories';
import { updateFailureType, useWorkflowHarness } from '../helpers/workflow-harness';

const officer: Actor = { kind: 'staff', id: 'officer-1', role: 'officer' };
const filer = { kind: 'staff', id: 'supervisor-1', role: 'supervisor' } as const;
const supervisor = { kind: 'staff', id: 'supervisor-2', role: 'supervisor' } as const;
const auditor: Actor = { kind: 'staff', id: 'auditor-1', role: 'auditor' };

const h = useWorkflowHarness();

/** A JKK death from an accident of 1 June 2019 (PP 44/2015: the claim expires 2 years on, after 1 June 2021). */
async function backdatedClaim(): Promise<ClaimInput> {
  const { nik } = await createParticipant(h.t.db, {
    membershipStartDate: '2015-01-01',
    monthlyWage: 4_000_000,
  });
  const receivedDate = jakartaDate(await h.env.currentTimeMs());
  return claimInput({
    participantNik: nik,
    program: 'JKK',
    eventDate: '2019-06-01',
    claimDate: '2021-05-20',
    createdBy: filer.id,
    backdating: { reason: 'Paper file stamped received 20 May 2021 at the Medan branch', receivedDate },
  });
}

function decide(
  actor: Actor,
  decision: 'approve' | 'refuse',
  reason = 'Branch receipt stamp checked',
): [DecideBackdatingRequest] {
  return [{ actor, decision, reason }];
}

describe('ClaimWorkflow, a backdated claim date', () => {
  it('waits for a supervisor other than the filer; approved, the claim is assessed on the earlier date', async () => {
    const input = await backdatedClaim();
    const trail = await h.withWorker(async (taskQueue) => {
      const handle = await h.startClaim(taskQueue, input);
      await h.waitForStatus(handle, 'waiting_for_backdating_approval');
      // Refused before anything is recorded: an officer, an auditor, the filer, an empty reason.
      expect(
        await updateFailureType(
          handle.executeUpdate(decideBackdatingUpdate, { args: decide(officer, 'approve') }),
        ),
      ).toBe('SupervisorRequired');
      expect(
        await updateFailureType(
          handle.executeUpdate(decideBackdatingUpdate, { args: decide(auditor, 'approve') }),
        ),
      ).toBe('SupervisorRequired');
      expect(
        await updateFailureType(
          handle.executeUpdate(decideBackdatingUpdate, { args: decide(filer, 'approve') }),
        ),
      ).toBe('MakerChecker');
      expect(
        await updateFailureType(
          handle.executeUpdate(decideBackdatingUpdate, { args: decide(supervisor, 'approve', '  ') }),
        ),
      ).toBe('InvalidInput');
      // Nor verified while it waits.
      expect(
        await updateFailureType(
          handle.executeUpdate(verifyUpdate, { args: [{ actor: officer, checklist: FULL_CHECKLIST }] }),
        ),
      ).toBe('WrongState');

      expect(
        await handle.executeUpdate(decideBackdatingUpdate, { args: decide(supervisor, 'approve') }),
      ).toEqual({
        decision: 'approve',
        claimDate: '2021-05-20',
      });
      expect(
        await updateFailureType(
          handle.executeUpdate(decideBackdatingUpdate, { args: decide(supervisor, 'refuse') }),
        ),
      ).toBe('WrongState');
      await h.waitForStatus(handle, 'waiting_for_documents');
      await handle.executeUpdate(verifyUpdate, { args: [{ actor: officer, checklist: FULL_CHECKLIST }] });
      await h.waitForStatus(handle, 'waiting_for_decision');
      expect((await handle.query(claimStateQuery)).total).toBeGreaterThan(0);
      await handle.terminate('test over');
      const history = await handle.fetchHistory();
      return buildDecisionTrail(
        [{ workflowId: input.claimNumber, runId: 'run', workflowType: 'claimWorkflow', history }],
        testLoadedDataConverter,
      );
    });
    // The decision trail, from the history alone: the reason filed, and who decided the date and why.
    expect(trail.patches).toContain(CLAIM_DATE_BACKDATING_PATCH);
    expect(trail.filed?.backdating).toEqual(input.backdating);
    expect(trail.backdatingDecision).toMatchObject({
      by: supervisor.id,
      role: 'supervisor',
      decision: 'approve',
      reason: 'Branch receipt stamp checked',
      claimDate: '2021-05-20',
    });
    const claim = await h.t.db('claims').where({ claim_number: input.claimNumber }).first();
    expect(claim).toMatchObject({ claim_date: '2021-05-20', status: 'waiting_for_decision' });
    const events = await h.t.db('claim_events').where({ claim_number: input.claimNumber }).orderBy('seq');
    expect(events.slice(0, 3).map((e) => [e.type, e.actor])).toEqual([
      ['claim_received', filer.id],
      ['backdating_requested', filer.id],
      ['backdating_approved', supervisor.id],
    ]);
    expect(events[1].data).toMatchObject({ claimDate: '2021-05-20', reason: input.backdating!.reason });
    expect(events[2].data).toEqual({ reason: 'Branch receipt stamp checked', claimDate: '2021-05-20' });
  });

  it('refused, takes the day the claim reached the system as its claim date, and the JKK claim has expired', async () => {
    const input = await backdatedClaim();
    const outcome = await h.withWorker(async (taskQueue) => {
      const handle = await h.startClaim(taskQueue, input);
      await h.waitForStatus(handle, 'waiting_for_backdating_approval');
      expect(
        await handle.executeUpdate(decideBackdatingUpdate, {
          args: decide(supervisor, 'refuse', 'No receipt stamp'),
        }),
      ).toEqual({
        decision: 'refuse',
        claimDate: input.backdating!.receivedDate,
      });
      await h.waitForStatus(handle, 'waiting_for_documents');
      await handle.executeUpdate(verifyUpdate, { args: [{ actor: officer, checklist: FULL_CHECKLIST }] });
      return handle.result();
    });
    expect(outcome).toMatchObject({ status: 'ineligible', total: 0 });
    expect(outcome.reason).toContain(`The JKK claim of ${input.backdating!.receivedDate}`);
    const claim = await h.t.db('claims').where({ claim_number: input.claimNumber }).first();
    expect(claim).toMatchObject({ claim_date: input.backdating!.receivedDate, status: 'ineligible' });
  });

  it('does not wait for a claim filed with the day it reached the system', async () => {
    const { nik } = await createParticipant(h.t.db);
    const today = jakartaDate(await h.env.currentTimeMs());
    const input = claimInput({ participantNik: nik, eventDate: '2026-11-01', claimDate: today });
    await h.withWorker(async (taskQueue) => {
      const handle = await h.startClaim(taskQueue, input);
      await h.waitForStatus(handle, 'waiting_for_documents');
      expect(
        await updateFailureType(
          handle.executeUpdate(decideBackdatingUpdate, { args: decide(supervisor, 'approve') }),
        ),
      ).toBe('WrongState');
      await handle.terminate('test over');
    });
    const types = await h.t.db('claim_events').where({ claim_number: input.claimNumber }).pluck('type');
    expect(types).not.toContain('backdating_requested');
  });
});
