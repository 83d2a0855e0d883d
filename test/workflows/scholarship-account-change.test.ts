// A scholarship's change of payee takes two people, as a claim's does (patch 'account-change-reviewed'): the account
// proposed after a refusal is paid nothing until a staff member other than the filer, verifier and proposer approves
// it; a holder who is neither the child nor the guardian needs a supervisor.
import type { Actor } from '../../vocabulary/actors';
import type { BankAccount } from '../../vocabulary/claim';
import { FailureType } from '../../vocabulary/failures';
import {
  reviewAccountChangeUpdate,
  updateBankAccountUpdate,
  type ReviewAccountChangeRequest,
} from '../../vocabulary/messages/claim';
import { scholarshipStateQuery } from '../../vocabulary/messages/scholarship';
import {
  bornYearsBefore,
  family,
  proof,
  proofDue,
  proveYear,
  schoolYearOfDate,
  serverToday,
  startScholarship,
  waitForRecord,
  yearRecorded,
} from '../helpers/scholarship';
import { updateFailureType, useWorkflowHarness } from '../helpers/workflow-harness';
import { testLoadedDataConverter } from '../helpers/codec';
import { buildDecisionTrail } from '../../replay';

const h = useWorkflowHarness({ serverPerTest: true });

const staff = (id: string, role: 'officer' | 'supervisor' = 'officer'): Actor => ({
  kind: 'staff',
  id,
  role,
});
const filer = staff('officer-intake'); // recordedClaim's createdBy
const officer1 = staff('officer-1');
const officer2 = staff('officer-2');
const supervisor = staff('supervisor-1', 'supervisor');

const review = (
  actor: Actor,
  decision: 'approve' | 'reject',
  reason = 'Checked',
): [ReviewAccountChangeRequest] => [
  { actor, decision, identityCheck: 'KTP and family card seen at the branch', reason },
];

const uncle: BankAccount = { bankCode: 'BCA', accountNumber: '5550002222', accountName: 'Paman Joko' };
const mother: BankAccount = { bankCode: 'BNI', accountNumber: '9876543210', accountName: 'Ibu Sri Wahyuni' };

async function refusedYear(taskQueue: string) {
  const today = await serverToday(h.env);
  const year = schoolYearOfDate(today);
  const child = { dateOfBirth: bornYearsBefore(today, 13), schooling: { level: 'SMP' as const, grade: 8 } };
  const { workflowId, claim } = await startScholarship(h.env, h.t.db, taskQueue, child, today);
  h.gateway.controls.inject({ kind: 'refuse_account', match: { idempotencyKeyPrefix: `${workflowId}:` } });
  await proofDue(h.t.db, workflowId, year);
  const handle = h.env.client.workflow.getHandle(workflowId);
  await proveYear(h.env.client, workflowId, proof(year, 'SMP', 8));
  await waitForRecord(h.t.db, workflowId, (s) => s.status === 'waiting_for_bank_account');
  // The run of this school year (the next one starts after it is paid).
  const firstRunId = (await handle.describe()).runId;
  return { workflowId, claim, year, handle, firstRunId };
}

describe('a change of payee on a scholarship', () => {
  it('pays nothing before review; refuses the filer, the proposer and an officer for a stranger; pays the guardian once approved', async () => {
    await h.withWorker(async (taskQueue) => {
      const { workflowId, claim, year, handle } = await refusedYear(taskQueue);
      expect(
        await handle.executeUpdate(updateBankAccountUpdate, {
          args: [{ actor: officer1, bankAccount: uncle }],
        }),
      ).toEqual({ accountRevision: 0, status: 'waiting_for_account_review' });
      await waitForRecord(h.t.db, workflowId, (s) => s.status === 'waiting_for_account_review');
      expect((await handle.query(scholarshipStateQuery)).accountReview).toMatchObject({
        proposedBy: 'officer-1',
        holderMatches: false,
      });
      const refusals = await Promise.all(
        [
          review(filer, 'approve'),
          review(officer1, 'reject'),
          review(officer2, 'approve'),
          review(family, 'approve'),
        ].map((args) => updateFailureType(handle.executeUpdate(reviewAccountChangeUpdate, { args }))),
      );
      expect(refusals).toEqual([
        FailureType.MakerChecker,
        FailureType.MakerChecker,
        FailureType.SupervisorRequired,
        FailureType.Forbidden,
      ]);
      expect(
        await handle.executeUpdate(reviewAccountChangeUpdate, {
          args: review(officer2, 'reject', 'An uncle'),
        }),
      ).toEqual({
        decision: 'reject',
        accountRevision: 0,
      });
      await waitForRecord(h.t.db, workflowId, (s) => s.status === 'waiting_for_bank_account');

      await handle.executeUpdate(updateBankAccountUpdate, { args: [{ actor: family, bankAccount: mother }] });
      await waitForRecord(h.t.db, workflowId, (s) => s.status === 'waiting_for_account_review');
      const paidBefore = await h.t.db('payouts').where({ account_number: mother.accountNumber });
      expect(paidBefore).toEqual([]);
      expect(
        await handle.executeUpdate(reviewAccountChangeUpdate, { args: review(officer2, 'approve') }),
      ).toEqual({
        decision: 'approve',
        accountRevision: 1,
      });
      await yearRecorded(h.t.db, workflowId, year);
      const rows = await h.t.db('payouts').whereLike('idempotency_key', `${workflowId}:%`);
      expect(rows.map((r) => [r.status, r.account_number, r.account_revision])).toEqual([
        ['paid', mother.accountNumber, 1],
      ]);
      const changes = await h.t.db('account_changes').where({ workflow_id: workflowId }).orderBy('proposal');
      expect(changes.map((c) => [c.proposed_by, c.holder_matches, c.status, c.reviewed_by])).toEqual([
        ['officer-1', false, 'rejected', 'officer-2'],
        ['family', true, 'approved', 'officer-2'],
      ]);
      const told = await h.t
        .db('notifications')
        .where({ claim_number: claim.claimNumber })
        .where('kind', 'like', 'scholarship_account_change%');
      expect(new Set(told.map((n) => n.audience))).toEqual(new Set(['family', 'account_holder']));
      expect(told).toHaveLength(8);
    });
  });

  it('lets a supervisor approve a holder who is neither the child nor the guardian, with a reason', async () => {
    await h.withWorker(async (taskQueue) => {
      const { workflowId, year, handle, firstRunId } = await refusedYear(taskQueue);
      await handle.executeUpdate(updateBankAccountUpdate, { args: [{ actor: family, bankAccount: uncle }] });
      await waitForRecord(h.t.db, workflowId, (s) => s.status === 'waiting_for_account_review');
      await handle.executeUpdate(reviewAccountChangeUpdate, {
        args: review(supervisor, 'approve', 'Court-appointed guardian since the mother died (decision seen)'),
      });
      await yearRecorded(h.t.db, workflowId, year);
      const change = await h.t.db('account_changes').where({ workflow_id: workflowId }).first();
      expect(change).toMatchObject({
        status: 'approved',
        reviewed_by: 'supervisor-1',
        holder_matches: false,
      });
      const events = await h.t.db('scholarship_events').where({ workflow_id: workflowId }).orderBy('seq');
      expect(events.filter((e) => e.type.startsWith('bank_account')).map((e) => [e.type, e.actor])).toEqual([
        ['bank_account_proposed', 'family'],
        ['bank_account_approved', 'supervisor-1'],
      ]);
      // The decision trail, read from the year's run alone: who proposed the account and who approved it.
      const history = await h.env.client.workflow.getHandle(workflowId, firstRunId).fetchHistory();
      const trail = await buildDecisionTrail(
        [{ workflowId, runId: 'run-1', workflowType: 'scholarshipWorkflow', history }],
        testLoadedDataConverter,
      );
      expect(trail.scholarships[0]!.bankAccountChanges).toEqual([
        expect.objectContaining({
          by: 'family',
          revision: 1,
          accountNumber: '******2222',
          review: expect.objectContaining({ by: 'supervisor-1', role: 'supervisor', decision: 'approve' }),
        }),
      ]);
    });
  });
});
