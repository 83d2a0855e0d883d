// Heirs by legal rank on the time-skipping server, with real PostgreSQL: who receives, under which article, and the
// court determination a claim with no heir of ranks 1–5 waits for.
import { buildDecisionTrail, readRun } from '../../replay';
import { jakartaDate } from '../../rules';
import { HEIRS_BY_RANK_PATCH } from '../../workflows/claim';
import { claimStateQuery, decideUpdate, verifyUpdate } from '../../vocabulary/messages/claim';
import type { Actor } from '../../vocabulary/actors';
import { testLoadedDataConverter } from '../helpers/codec';
import { claimInput, createParticipant, FULL_CHECKLIST } from '../helpers/factories';
import { updateFailureType, useWorkflowHarness } from '../helpers/workflow-harness';

const officer1: Actor = { kind: 'staff', id: 'officer-1', role: 'officer' };
const officer2: Actor = { kind: 'staff', id: 'officer-2', role: 'officer' };

const h = useWorkflowHarness();
const { withWorker, waitForStatus } = h;

const today = () => jakartaDate(Date.now());
const account = { bankCode: 'BRI', accountNumber: '1234567890', accountName: 'Sri Wahyuni' };

describe('ClaimWorkflow, heirs by legal rank', () => {
  it('gives the benefit to the spouse (rank 1) listed after a sibling, and says so under its article', async () => {
    const { nik } = await createParticipant(h.t.db, { membershipStartDate: '2018-01-01' });
    const input = claimInput({
      participantNik: nik,
      claimDate: today(),
      heirs: [
        { name: 'Agus Wahyudi', relationship: 'sibling' },
        { name: 'Sri Wahyuni', relationship: 'spouse', nik: '3201014107800001' },
      ],
      bankAccount: account,
    });
    const history = await withWorker(async (taskQueue) => {
      const handle = await h.startClaim(taskQueue, input);
      await waitForStatus(handle, 'waiting_for_documents');
      const verified = await handle.executeUpdate(verifyUpdate, {
        args: [{ actor: officer1, checklist: FULL_CHECKLIST }],
      });
      expect(verified).toEqual({ complete: true, missing: [] });
      await waitForStatus(handle, 'waiting_for_decision');
      return handle.fetchHistory();
    });

    const heirs = await h.t.db('heirs').where({ claim_number: input.claimNumber }).orderBy('position');
    expect(heirs.map((r) => [r.position, r.relationship, r.recipient])).toEqual([
      [1, 'sibling', false],
      [2, 'spouse', true],
    ]);
    const assessment = await h.t.db('assessments').where({ claim_number: input.claimNumber }).first();
    expect(assessment.recipients).toEqual({
      rank: 1,
      heirs: [{ position: 2, relationship: 'spouse' }],
      receives: { components: ['lump_sum', 'periodic', 'funeral'], amount: 42_000_000 },
      toFund: null,
      courtDetermination: false,
      basis: 'PP 44/2015 Pasal 40(2) (heirs of a JKM death, in order)',
      explanation: 'Rank 1: the widow or widower and the children receive (1).',
    });
    expect(JSON.stringify(assessment.recipients)).not.toContain('3201014107800001');

    // The run records the patch, and the decision trail keeps the recipients as the assessment recorded them.
    const run = await readRun(
      { workflowId: input.claimNumber, runId: 'run', workflowType: 'claimWorkflow', history },
      testLoadedDataConverter,
    );
    expect(run.patches).toContain(HEIRS_BY_RANK_PATCH);
    const trail = await buildDecisionTrail(
      [{ workflowId: input.claimNumber, runId: 'run', workflowType: 'claimWorkflow', history }],
      testLoadedDataConverter,
    );
    expect(trail.assessment?.recipients).toEqual(assessment.recipients);
  });

  it('waits for the court determination of heirs when only relatives outside the order are named', async () => {
    const { nik } = await createParticipant(h.t.db);
    const input = claimInput({
      participantNik: nik,
      claimDate: today(),
      heirs: [
        { name: 'Paman Joko', relationship: 'other' },
        { name: 'Sepupu Rina', relationship: 'other' },
      ],
      bankAccount: account,
    });
    const outcome = await withWorker(async (taskQueue) => {
      const handle = await h.startClaim(taskQueue, input);
      await waitForStatus(handle, 'waiting_for_documents');

      const without = await handle.executeUpdate(verifyUpdate, {
        args: [{ actor: officer1, checklist: FULL_CHECKLIST }],
      });
      expect(without).toEqual({ complete: false, missing: ['court_heir_determination'] });
      expect((await handle.query(claimStateQuery)).status).toBe('waiting_for_documents');
      const early = handle.executeUpdate(decideUpdate, {
        args: [{ actor: officer2, decision: 'approve', reason: 'No court determination yet' }],
      });
      expect(await updateFailureType(early)).toBe('WrongState');

      const withIt = await handle.executeUpdate(verifyUpdate, {
        args: [{ actor: officer1, checklist: { ...FULL_CHECKLIST, court_heir_determination: true } }],
      });
      expect(withIt).toEqual({ complete: true, missing: [] });
      await waitForStatus(handle, 'waiting_for_decision');
      await handle.executeUpdate(decideUpdate, {
        args: [{ actor: officer2, decision: 'reject', reason: 'The court named no heir on the claim' }],
      });
      return handle.result();
    });

    expect(outcome).toMatchObject({ status: 'rejected' });
    const documents = await h.t
      .db('documents')
      .where({ claim_number: input.claimNumber, code: 'court_heir_determination' });
    expect(documents.map((d) => d.received)).toEqual([true]);
    const heirs = await h.t.db('heirs').where({ claim_number: input.claimNumber }).orderBy('position');
    expect(heirs.map((r) => r.recipient)).toEqual([false, false]);
    const assessment = await h.t.db('assessments').where({ claim_number: input.claimNumber }).first();
    expect(assessment.recipients).toMatchObject({
      rank: 6,
      heirs: [],
      receives: { amount: 0 },
      toFund: { amount: 42_000_000 },
      courtDetermination: true,
    });
    expect(assessment.recipients.explanation).toContain('court determination');
  });

  it('pays a funeral payer only the funeral cost, after the court determination; the rest stays with the fund', async () => {
    const { nik } = await createParticipant(h.t.db);
    const input = claimInput({
      participantNik: nik,
      claimDate: today(),
      heirs: [
        { name: 'Tetangga', relationship: 'other' },
        { name: 'PT Pemakaman', relationship: 'funeral_payer' },
      ],
      bankAccount: account,
    });
    const outcome = await withWorker(async (taskQueue) => {
      const handle = await h.startClaim(taskQueue, input);
      await waitForStatus(handle, 'waiting_for_documents');
      const without = await handle.executeUpdate(verifyUpdate, {
        args: [{ actor: officer1, checklist: FULL_CHECKLIST }],
      });
      expect(without.missing).toEqual(['court_heir_determination']);
      await handle.executeUpdate(verifyUpdate, {
        args: [{ actor: officer1, checklist: { ...FULL_CHECKLIST, court_heir_determination: true } }],
      });
      await waitForStatus(handle, 'waiting_for_decision');
      const decided = await handle.executeUpdate(decideUpdate, {
        args: [{ actor: officer2, decision: 'approve', reason: 'Funeral cost to its payer' }],
      });
      expect(decided.total).toBe(42_000_000);
      return handle.result();
    });

    expect(outcome).toEqual({ status: 'paid', total: 10_000_000 });
    const payouts = await h.t.db('payouts').where({ claim_number: input.claimNumber });
    expect(payouts.map((p) => [p.component, p.amount, p.status])).toEqual([['funeral', 10_000_000, 'paid']]);
    const heirs = await h.t.db('heirs').where({ claim_number: input.claimNumber }).orderBy('position');
    expect(heirs.map((r) => r.recipient)).toEqual([false, true]);
    const assessment = await h.t.db('assessments').where({ claim_number: input.claimNumber }).first();
    expect(assessment.total).toBe(42_000_000);
    expect(assessment.recipients).toMatchObject({
      rank: 6,
      heirs: [{ position: 2, relationship: 'funeral_payer' }],
      receives: { components: ['funeral'], amount: 10_000_000 },
      toFund: { components: ['lump_sum', 'periodic'], amount: 32_000_000 },
    });
    const notice = await h.t
      .db('notifications')
      .where({ claim_number: input.claimNumber, kind: 'decision_notified' })
      .first();
    expect(notice.message).toContain('Rp 10,000,000 will be paid');
  });
});
