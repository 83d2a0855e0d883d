// ScholarshipWorkflow started directly (as the claim starts it), on the time-skipping server: lapses, life events,
// the age limit and the 2025 work exception. Each test has its own server, whose clock starts today and moves only
// when the test skips it. (Proof checks, the level cap and payments: scholarship-proofs.)
import { addDays, addYears } from '../../rules/dates';
import {
  reportLifeEventUpdate,
  submitEnrollmentUpdate,
  type EnrollmentRequest,
  type LifeEventRequest,
  type ScholarshipOutcome,
} from '../../vocabulary/messages/scholarship';
import { jakartaStartOfDay } from '../../rules/jakarta-time';
import {
  bornYearsBefore,
  family,
  nextSchoolYear,
  officer1,
  proof,
  proofDue,
  proveYear,
  schoolYearOfDate,
  serverToday,
  skipTo,
  startScholarship,
  yearRecorded,
} from '../helpers/scholarship';
import { updateFailureType, useWorkflowHarness } from '../helpers/workflow-harness';

const h = useWorkflowHarness({ serverPerTest: true });
const { withWorker } = h;

const submit = (workflowId: string, request: EnrollmentRequest) =>
  h.env.client.workflow.getHandle(workflowId).executeUpdate(submitEnrollmentUpdate, { args: [request] });
const prove = (workflowId: string, request: EnrollmentRequest) =>
  proveYear(h.env.client, workflowId, request);
const report = (workflowId: string, request: LifeEventRequest) =>
  h.env.client.workflow.getHandle(workflowId).executeUpdate(reportLifeEventUpdate, { args: [request] });

/** A child at school when the parent dies today (server clock): the first window opens at once. */
async function schooled(level: EnrollmentRequest['level'], grade: number, age: number) {
  const today = await serverToday(h.env);
  return {
    today,
    year: schoolYearOfDate(today),
    child: { dateOfBirth: bornYearsBefore(today, age), schooling: { level, grade } },
  };
}

describe('ScholarshipWorkflow', () => {
  it('records a lapsed year with reminders at 30 and 60 days, resumes, and ends after two lapses in a row', async () => {
    const { today, year, child } = await schooled('SD', 3, 9);
    const years = [0, 1, 2, 3, 4].map((n) => nextSchoolYear(year, n));
    const outcome = await withWorker(async (taskQueue) => {
      const { workflowId, handle, claim } = await startScholarship(h.env, h.t.db, taskQueue, child, today);
      await proofDue(h.t.db, workflowId, years[0]!);
      await prove(workflowId, proof(years[0]!, 'SD', 3));
      await yearRecorded(h.t.db, workflowId, years[0]!);

      // Year 2: nothing comes. Reminders at 30 and 60 days, then the year lapses on 31 December.
      await skipTo(h.env, `${years[1]!.slice(0, 4)}-07-01`);
      const open = await proofDue(h.t.db, workflowId, years[1]!);
      expect(open.deadline).toBe(`${years[1]!.slice(0, 4)}-12-31`);
      await skipTo(h.env, addDays(open.deadline!, 1)); // the deadline's timer: the end of 31 December
      await yearRecorded(h.t.db, workflowId, years[1]!);
      const reminders = await h.t
        .db('notifications')
        .where({ claim_number: claim.claimNumber, kind: 'scholarship_reminder' });
      expect(reminders.map((r) => r.dedup_key).sort()).toEqual([
        `${workflowId}:reminder:${years[1]}:30`,
        `${workflowId}:reminder:${years[1]}:60`,
      ]);

      // Year 3: proof again (two grades up after a year without proof), paid.
      await skipTo(h.env, `${years[2]!.slice(0, 4)}-07-01`);
      await proofDue(h.t.db, workflowId, years[2]!);
      expect(await prove(workflowId, proof(years[2]!, 'SD', 5))).toMatchObject({
        payable: true,
        amount: 1_500_000,
      });
      await yearRecorded(h.t.db, workflowId, years[2]!);

      // Years 4 and 5: nothing. Two lapses in a row end it (waiting for the result lets the server skip time).
      return handle.result();
    });
    expect(outcome.reason).toBe('no_longer_enrolled');
    expect(outcome.years.map((y) => [y.schoolYear, y.outcome])).toEqual([
      [years[0], 'paid'],
      [years[1], 'lapsed'],
      [years[2], 'paid'],
      [years[3], 'lapsed'],
      [years[4], 'lapsed'],
    ]);
    expect(outcome.totalPaid).toBe(3_000_000);
  });

  it('ends on marriage in PT year 2, keeping the first year paid, and refuses proof afterwards', async () => {
    const { today, year, child } = await schooled('PT', 1, 19);
    const outcome = await withWorker(async (taskQueue) => {
      const { workflowId, handle } = await startScholarship(h.env, h.t.db, taskQueue, child, today);
      await proofDue(h.t.db, workflowId, year);
      await prove(workflowId, proof(year, 'PT', 1, { institution: 'Universitas Indonesia' }));
      await yearRecorded(h.t.db, workflowId, year);
      const pt2 = nextSchoolYear(year);
      await skipTo(h.env, `${pt2.slice(0, 4)}-07-01`);
      await proofDue(h.t.db, workflowId, pt2);
      const married = await report(workflowId, {
        actor: officer1,
        kind: 'married',
        date: `${pt2.slice(0, 4)}-08-17`,
      });
      expect(married.stops).toBe(true);
      const outcome: ScholarshipOutcome = await handle.result();
      await expect(submit(workflowId, proof(pt2, 'PT', 2))).rejects.toThrow();
      return outcome;
    });
    expect(outcome).toMatchObject({ reason: 'married', totalPaid: 12_000_000 });
    expect(outcome.years.map((y) => [y.outcome, y.level, y.amount])).toEqual([['paid', 'PT', 12_000_000]]);
  });

  it('pays the last school year that starts before the 23rd birthday, then ends on the birthday', async () => {
    const today = await serverToday(h.env);
    const year = schoolYearOfDate(today);
    const birthday = addDays(today, 1); // before the next school year starts
    const child = { dateOfBirth: addYears(birthday, -23), schooling: { level: 'PT' as const, grade: 3 } };
    await withWorker(async (taskQueue) => {
      const { workflowId, handle } = await startScholarship(h.env, h.t.db, taskQueue, child, today);
      await proofDue(h.t.db, workflowId, year);
      expect(await prove(workflowId, proof(year, 'PT', 3))).toMatchObject({
        payable: true,
        amount: 12_000_000,
      });
      const after = await yearRecorded(h.t.db, workflowId, year);
      expect(after.status).toBe('waiting_for_school_year');
      expect((await h.t.db('scholarships').where({ workflow_id: workflowId }).first()).projected).toEqual([]);
      const outcome: ScholarshipOutcome = await handle.result(); // the server skips to the birthday
      expect(outcome).toMatchObject({ reason: 'age_limit', totalPaid: 12_000_000 });
      expect(outcome.message).toContain(birthday);
      expect(await h.env.currentTimeMs()).toBeGreaterThanOrEqual(jakartaStartOfDay(birthday));
    });
  });

  it('keeps paying through self-employment, an apprenticeship and up to 6 months of wage work (2025 exception), not 7', async () => {
    const { today, year, child } = await schooled('SMA', 10, 16);
    await withWorker(async (taskQueue) => {
      const { workflowId, handle } = await startScholarship(h.env, h.t.db, taskQueue, child, today);
      await proofDue(h.t.db, workflowId, year);
      const from = today;
      expect(
        await updateFailureType(
          report(workflowId, {
            actor: family,
            kind: 'working',
            date: from,
            work: { type: 'apprenticeship' },
          }),
        ),
      ).toBe('Forbidden');
      for (const work of [
        { type: 'self_employment' },
        { type: 'apprenticeship' },
        { type: 'wage', consecutiveMonths: 6 },
      ] as const) {
        const result = await report(workflowId, { actor: officer1, kind: 'working', date: from, work });
        expect(result).toMatchObject({ stops: false });
        expect(result.reason).toContain('Permenaker 1/2025');
      }
      expect(await prove(workflowId, proof(year, 'SMA', 10))).toMatchObject({
        payable: true,
        amount: 3_000_000,
      });
      await yearRecorded(h.t.db, workflowId, year);
      // The next school year: wage work for 7 consecutive months ends it.
      const next = nextSchoolYear(year);
      await skipTo(h.env, `${next.slice(0, 4)}-07-01`);
      await proofDue(h.t.db, workflowId, next);
      const longer = await report(workflowId, {
        actor: officer1,
        kind: 'working',
        date: `${next.slice(0, 4)}-07-01`,
        work: { type: 'wage', consecutiveMonths: 7 },
      });
      expect(longer.stops).toBe(true);
      const outcome: ScholarshipOutcome = await handle.result();
      expect(outcome).toMatchObject({ reason: 'working', totalPaid: 3_000_000 });
      const events = await h.t
        .db('scholarship_events')
        .where({ workflow_id: workflowId, type: 'life_event_reported' });
      expect(events.map((e) => e.data.stops)).toEqual([false, false, false, true]);
    });
  });
});
