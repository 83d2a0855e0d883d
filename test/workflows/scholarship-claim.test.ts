// ClaimWorkflow starting the scholarships on the time-skipping server: one ScholarshipWorkflow per child (at
// most two), the officer's choice when more qualify, and none under PP 44/2015.
import { WorkflowNotFoundError } from '@temporalio/client';
import { addDays } from '../../rules/dates';
import {
  chooseScholarshipChildrenUpdate,
  type ScholarshipChoiceRequest,
} from '../../vocabulary/messages/scholarship';
import { scholarshipWorkflowId } from '../../vocabulary/ids';
import {
  approvedClaim,
  bornYearsBefore,
  family,
  nextSchoolYear,
  officer1,
  officer2,
  proof,
  proofDue,
  proveYear,
  schoolYearOfDate,
  serverToday,
  skipTo,
  waitForRecord,
  waitForClaim,
  yearRecorded,
} from '../helpers/scholarship';
import { updateFailureType, useWorkflowHarness } from '../helpers/workflow-harness';

const h = useWorkflowHarness({ serverPerTest: true });
const { withWorker } = h;

describe('ClaimWorkflow and scholarships', () => {
  it('starts one scholarship per child at different levels, each paying its own level every school year', async () => {
    const today = await serverToday(h.env);
    const year = schoolYearOfDate(addDays(today, -10));
    const children = [
      { name: 'Adi', dateOfBirth: bornYearsBefore(today, 9), schooling: { level: 'SD' as const, grade: 3 } },
      {
        name: 'Bunga',
        dateOfBirth: bornYearsBefore(today, 16),
        schooling: { level: 'SMA' as const, grade: 11 },
      },
    ];
    await withWorker(async (taskQueue) => {
      const { input, handle } = await approvedClaim(h.env, h.t.db, taskQueue, children);
      await waitForClaim(handle, 'paid');
      const [s1, s2] = [1, 2].map((n) => scholarshipWorkflowId(input.claimNumber, n)) as [string, string];
      const submitBoth = async (schoolYear: string, sd: number, sma: number) => {
        await Promise.all([proofDue(h.t.db, s1, schoolYear), proofDue(h.t.db, s2, schoolYear)]);
        const [a, b] = await Promise.all([
          proveYear(h.env.client, s1, proof(schoolYear, 'SD', sd)),
          proveYear(h.env.client, s2, proof(schoolYear, 'SMA', sma)),
        ]);
        expect([a.amount, b.amount]).toEqual([1_500_000, 3_000_000]);
        await Promise.all([yearRecorded(h.t.db, s1, schoolYear), yearRecorded(h.t.db, s2, schoolYear)]);
      };
      await submitBoth(year, 3, 11);
      const next = nextSchoolYear(year);
      await skipTo(h.env, `${next.slice(0, 4)}-07-01`);
      await submitBoth(next, 4, 12);

      const rows = await h.t
        .db('scholarships')
        .where({ claim_number: input.claimNumber })
        .orderBy('child_number');
      expect(rows.map((r) => [r.workflow_id, r.child_position, r.total_paid, r.school_year])).toEqual([
        [s1, 1, 3_000_000, nextSchoolYear(year, 2)],
        [s2, 2, 6_000_000, nextSchoolYear(year, 2)],
      ]);
      const started = await h.t
        .db('claim_events')
        .where({ claim_number: input.claimNumber, type: 'scholarships_started' })
        .first();
      expect(started.data).toEqual({ children: [1, 2], workflowIds: [s1, s2] });
      // The claim is closed; the scholarships run on (parent-close policy: abandon).
      expect((await handle.describe()).status.name).toBe('COMPLETED');
      expect((await h.env.client.workflow.getHandle(s1).describe()).status.name).toBe('RUNNING');
    });
  });

  it('waits for an officer to choose two of three qualifying children, refusing a family or a wrong child first', async () => {
    const today = await serverToday(h.env);
    const children = [
      {
        name: 'Anak 1',
        dateOfBirth: bornYearsBefore(today, 7),
        schooling: { level: 'SD' as const, grade: 2 },
      },
      {
        name: 'Anak 2',
        dateOfBirth: bornYearsBefore(today, 10),
        schooling: { level: 'SD' as const, grade: 5 },
      },
      {
        name: 'Anak 3',
        dateOfBirth: bornYearsBefore(today, 13),
        schooling: { level: 'SMP' as const, grade: 8 },
      },
    ];
    await withWorker(async (taskQueue) => {
      const { input, handle } = await approvedClaim(h.env, h.t.db, taskQueue, children);
      await waitForClaim(handle, 'waiting_for_scholarship_choice');
      const choose = (request: ScholarshipChoiceRequest) =>
        handle.executeUpdate(chooseScholarshipChildrenUpdate, { args: [request] });

      expect(await updateFailureType(choose({ actor: family, children: [1, 3] }))).toBe('Forbidden');
      expect(await updateFailureType(choose({ actor: officer2, children: [1, 4] }))).toBe('InvalidInput');
      expect(await updateFailureType(choose({ actor: officer2, children: [1] }))).toBe('InvalidInput');
      expect(await updateFailureType(choose({ actor: officer2, children: [2, 2] }))).toBe('InvalidInput');
      expect(await h.t.db('scholarship_choices').where({ claim_number: input.claimNumber })).toHaveLength(0);
      const officers = await h.t
        .db('notifications')
        .where({ claim_number: input.claimNumber, audience: 'officers' });
      expect(officers.map((n) => n.kind)).toEqual(['scholarship_choice_needed']);

      expect(
        await choose({ actor: officer1, children: [3, 1], reason: 'The two youngest school-age children' }),
      ).toEqual({
        children: [1, 3],
      });
      expect(await updateFailureType(choose({ actor: officer2, children: [1, 2] }))).toBe('WrongState');
      await waitForClaim(handle, 'paid');

      const choice = await h.t.db('scholarship_choices').where({ claim_number: input.claimNumber }).first();
      expect(choice).toMatchObject({ children: [1, 3], chosen_by: 'officer-1' });
      const chosen = await h.t
        .db('claim_events')
        .where({ claim_number: input.claimNumber, type: 'scholarship_children_chosen' })
        .first();
      expect(chosen.actor).toBe('officer-1');
      await waitForRecord(h.t.db, scholarshipWorkflowId(input.claimNumber, 2), () => true);
      const rows = await h.t
        .db('scholarships')
        .where({ claim_number: input.claimNumber })
        .orderBy('child_number');
      expect(rows.map((r) => [r.child_number, r.child_position, r.expected_level])).toEqual([
        [1, 1, 'SD'],
        [2, 3, 'SMP'],
      ]);
    });
  });

  it('starts no scholarship workflow under PP 44/2015: the one-off scholarship is paid with the claim', async () => {
    const today = await serverToday(h.env);
    const child = { name: 'Citra', dateOfBirth: '2010-03-01', schooling: { level: 'SD' as const, grade: 3 } };
    await withWorker(async (taskQueue) => {
      const { input, handle } = await approvedClaim(h.env, h.t.db, taskQueue, [child], {
        eventDate: '2019-06-01',
        claimDate: today,
      });
      await waitForClaim(handle, 'paid');
      const payouts = await h.t.db('payouts').where({ claim_number: input.claimNumber });
      expect(payouts.find((p) => p.component === 'scholarship_lump_sum')).toMatchObject({
        amount: 12_000_000,
        status: 'paid',
      });
      expect(await h.t.db('scholarships').where({ claim_number: input.claimNumber })).toHaveLength(0);
      await expect(
        h.env.client.workflow.getHandle(scholarshipWorkflowId(input.claimNumber, 1)).describe(),
      ).rejects.toThrow(WorkflowNotFoundError);
    });
  });
});
