// One death, one claim, past the API: a claim workflow started directly for a death another claim holds (a start
// whose hold the API rolled back, or a client that goes around the API) closes as ineligible and pays nothing.
import { readRun } from '../../replay';
import { jakartaDate } from '../../rules';
import { testLoadedDataConverter } from '../helpers/codec';
import { ONE_CLAIM_PER_DEATH_PATCH } from '../../workflows/claim';
import { claimInput, createParticipant } from '../helpers/factories';
import { useWorkflowHarness } from '../helpers/workflow-harness';

const h = useWorkflowHarness();

describe('ClaimWorkflow, one death, one claim', () => {
  it('closes a second claim for a held death as ineligible, naming the holder, and lets the first go on', async () => {
    const { nik } = await createParticipant(h.t.db);
    const today = jakartaDate(Date.now());
    const first = claimInput({
      participantNik: nik,
      program: 'JKK',
      eventDate: '2026-11-01',
      claimDate: today,
    });
    const second = claimInput({
      participantNik: nik,
      program: 'JKM',
      eventDate: '2026-11-01',
      claimDate: today,
    });
    const outcome = await h.withWorker(async (taskQueue) => {
      const holder = await h.startClaim(taskQueue, first);
      await h.waitForStatus(holder, 'waiting_for_documents');
      const duplicate = await h.startClaim(taskQueue, second);
      const result = await duplicate.result();
      await holder.terminate('test over');
      return { result, history: await duplicate.fetchHistory() };
    });
    expect(outcome.result).toEqual({
      status: 'ineligible',
      reason: `This death is already claimed by claim ${first.claimNumber}: one death, one claim.`,
      total: 0,
    });
    const run = await readRun(
      {
        workflowId: second.claimNumber,
        runId: 'run',
        workflowType: 'claimWorkflow',
        history: outcome.history,
      },
      testLoadedDataConverter,
    );
    expect(run.patches).toContain(ONE_CLAIM_PER_DEATH_PATCH);
    const claims = await h.t.db('claims').whereIn('claim_number', [first.claimNumber, second.claimNumber]);
    expect(Object.fromEntries(claims.map((c) => [c.claim_number, c.status]))).toEqual({
      [first.claimNumber]: 'waiting_for_documents',
      [second.claimNumber]: 'ineligible',
    });
    const events = await h.t.db('claim_events').where({ claim_number: second.claimNumber }).pluck('type');
    expect(events).toEqual(['claim_received', 'duplicate_claim_refused']);
    expect(await h.t.db('payouts').where({ claim_number: second.claimNumber })).toEqual([]);
    // The duplicate held nothing, so closing it left the first claim holding the death.
    expect(
      await h.t
        .db('claimed_deaths')
        .where({ participant_nik: nik })
        .whereNull('released_at')
        .pluck('claim_number'),
    ).toEqual([first.claimNumber]);
  });
});
