// A deferred scholarship starts when the child does (patch scholarship-start-on-first-school-year), on the
// time-skipping server: no year lapses before the first school year reported, whether TK or SD, nor while the child
// is under 4; from then on the lapse rule and the age limit are the same as ever.
import { addDays } from '../../rules/dates';
import { submitEnrollmentUpdate, type EnrollmentRequest } from '../../vocabulary/messages/scholarship';
import {
  bornYearsBefore,
  proof,
  proofDue,
  proveYear,
  schoolYearOfDate,
  serverToday,
  skipTo,
  startScholarship,
  waitForRecord,
  yearRecorded,
} from '../helpers/scholarship';
import { updateFailureType, useWorkflowHarness } from '../helpers/workflow-harness';

const h = useWorkflowHarness({ serverPerTest: true });

const submit = (workflowId: string, request: EnrollmentRequest) =>
  h.env.client.workflow.getHandle(workflowId).executeUpdate(submitEnrollmentUpdate, { args: [request] });

/** Lets the year's window pass without proof: skips to the end of its deadline and waits until it is decided. */
async function letPass(workflowId: string, schoolYear: string) {
  const open = await proofDue(h.t.db, workflowId, schoolYear);
  await skipTo(h.env, addDays(open.deadline!, 1));
  return yearRecorded(h.t.db, workflowId, schoolYear);
}

const startYear = (schoolYear: string) => Number(schoolYear.slice(0, 4));
const name = (start: number) => `${start}/${start + 1}`;

describe('A deferred scholarship', () => {
  it('keeps a child who goes straight to SD: the TK years pass without a lapse, then SD 1 is paid and the lapse rule applies', async () => {
    const today = await serverToday(h.env);
    const child = { dateOfBirth: bornYearsBefore(today, 2) }; // not at school
    await h.withWorker(async (taskQueue) => {
      const { workflowId, handle, claim } = await startScholarship(h.env, h.t.db, taskQueue, child, today);
      const deferred = await waitForRecord(
        h.t.db,
        workflowId,
        (s) => s.status === 'waiting_for_school_start',
      );
      const first = startYear(deferred.schoolYear); // the first school year on or after the 4th birthday
      expect(first).toBeGreaterThan(startYear(schoolYearOfDate(today)));

      // At 4 and 5: windows open, no proof comes. Neither year lapses; the scholarship still waits for the start.
      await skipTo(h.env, `${first}-07-01`);
      const atFour = await letPass(workflowId, name(first));
      expect(atFour.status).toBe('waiting_for_school_start');
      await skipTo(h.env, `${first + 1}-07-01`);
      const atFive = await letPass(workflowId, name(first + 1));
      expect(atFive.status).toBe('waiting_for_school_start');
      expect(atFive.years.map((y) => [y.schoolYear, y.status, y.amount])).toEqual([
        [name(first), 'not_yet_at_school', 0],
        [name(first + 1), 'not_yet_at_school', 0],
      ]);
      expect(atFive.years[1]!.reason).toMatch(/has not started school yet: the year does not lapse/);
      const windowNotice = await h.t
        .db('notifications')
        .where({ claim_number: claim.claimNumber, kind: 'scholarship_window' })
        .first();
      expect(windowNotice.message).toContain('nothing is lost');

      // At 6 the child starts SD 1 (no TK): a first proof may be SD, and it is paid. SMP would skip a level.
      await skipTo(h.env, `${first + 2}-07-01`);
      const open = await proofDue(h.t.db, workflowId, name(first + 2));
      expect(open.schoolYear).toBe(name(first + 2));
      expect(await updateFailureType(submit(workflowId, proof(name(first + 2), 'SMP', 7)))).toBe(
        'WrongState',
      );
      expect(await proveYear(h.env.client, workflowId, proof(name(first + 2), 'SD', 1))).toMatchObject({
        payable: true,
        amount: 1_500_000,
      });
      const started = await yearRecorded(h.t.db, workflowId, name(first + 2));
      expect(started.status).toBe('waiting_for_school_year');

      // From then on the lapse rule is unchanged: two school years in a row without proof end it.
      const outcome = await handle.result();
      expect(outcome.reason).toBe('no_longer_enrolled');
      expect(outcome.years.map((y) => [y.schoolYear, y.outcome, y.level ?? null, y.amount])).toEqual([
        [name(first), 'not_yet_at_school', null, 0],
        [name(first + 1), 'not_yet_at_school', null, 0],
        [name(first + 2), 'paid', 'SD', 1_500_000],
        [name(first + 3), 'lapsed', 'SD', 0],
        [name(first + 4), 'lapsed', 'SD', 0],
      ]);
      expect(outcome.totalPaid).toBe(1_500_000);
    });
  });

  it('never lapses a year while the child is under 4, even with schooling given at intake; from 4 it does', async () => {
    const today = await serverToday(h.env);
    const year = schoolYearOfDate(today);
    // Under 4 on 1 July of this school year, 4 on the next: schooling reported at intake (a play group as TK 1).
    const dateOfBirth = addDays(`${startYear(year) - 4}-07-01`, 30);
    const child = { dateOfBirth, schooling: { level: 'TK' as const, grade: 1 } };
    await h.withWorker(async (taskQueue) => {
      const { workflowId, handle } = await startScholarship(h.env, h.t.db, taskQueue, child, today);
      const underFour = await letPass(workflowId, year);
      expect(underFour.years).toMatchObject([{ schoolYear: year, status: 'not_yet_at_school' }]);
      expect(underFour.years[0]!.reason).toMatch(/under 4 on 1 July/);
      expect(underFour.status).toBe('waiting_for_school_year');
      const outcome = await handle.result();
      expect(outcome.reason).toBe('no_longer_enrolled');
      expect(outcome.years.map((y) => y.outcome)).toEqual(['not_yet_at_school', 'lapsed', 'lapsed']);
    });
  });
});
