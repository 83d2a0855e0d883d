// Proof of enrolment is reviewed (patch enrolment-proof-reviewed), on the time-skipping server: a family's proof is
// paid only after an officer confirms it, a staff member's own proof needs a second staff member, and a rejected
// proof leaves the window open for another. Nothing is paid, and nothing recorded, on a refused review.
import { addDays } from '../../rules/dates';
import {
  submitEnrollmentUpdate,
  type EnrollmentRequest,
  type ProofReviewDecision,
} from '../../vocabulary/messages/scholarship';
import type { Actor } from '../../vocabulary/actors';
import { buildDecisionTrail, fetchWorkflowRuns } from '../../replay';
import { testLoadedDataConverter } from '../helpers/codec';
import {
  bornYearsBefore,
  family,
  officer1,
  officer2,
  proof,
  proofDue,
  reviewProof,
  scholarshipRecord,
  schoolYearOfDate,
  serverToday,
  skipTo,
  startScholarship,
  waitForRecord,
  yearRecorded,
} from '../helpers/scholarship';
import { updateFailureType, useWorkflowHarness } from '../helpers/workflow-harness';

const h = useWorkflowHarness({ serverPerTest: true });

const auditor: Actor = { kind: 'staff', id: 'auditor-1', role: 'auditor' };
const supervisor: Actor = { kind: 'staff', id: 'supervisor-1', role: 'supervisor' };

const submit = (workflowId: string, request: EnrollmentRequest) =>
  h.env.client.workflow.getHandle(workflowId).executeUpdate(submitEnrollmentUpdate, { args: [request] });
const review = (
  workflowId: string,
  schoolYear: string,
  actor: Actor,
  decision: ProofReviewDecision = 'confirm',
  reason = 'Checked against the school’s letter.',
) => reviewProof(h.env.client, workflowId, schoolYear, decision, actor, reason);

/** A child in SD 3 when the parent dies today (server clock): the first window opens at once. */
async function schooledChild() {
  const today = await serverToday(h.env);
  return {
    today,
    year: schoolYearOfDate(today),
    child: { dateOfBirth: bornYearsBefore(today, 9), schooling: { level: 'SD' as const, grade: 3 } },
  };
}

const ledger = (workflowId: string) =>
  h.t.db('payouts').whereLike('idempotency_key', `${workflowId}:%`).orderBy('id');
const events = (workflowId: string) =>
  h.t.db('scholarship_events').where({ workflow_id: workflowId }).orderBy('seq');
const yearRow = (workflowId: string, schoolYear: string) =>
  h.t.db('scholarship_years').where({ workflow_id: workflowId, school_year: schoolYear }).first();

describe('Proof of enrolment review', () => {
  it("pays a family's proof only once an officer confirms it, even after the deadline; the auditor and the family may not review", async () => {
    const { today, year, child } = await schooledChild();
    await h.withWorker(async (taskQueue) => {
      const { workflowId, claim } = await startScholarship(h.env, h.t.db, taskQueue, child, today);
      const open = await proofDue(h.t.db, workflowId, year);
      expect(await updateFailureType(review(workflowId, year, officer1))).toBe('WrongState'); // nothing to review

      expect(await submit(workflowId, proof(year, 'SD', 3))).toMatchObject({
        payable: true,
        amount: 1_500_000,
        review: 'pending',
      });
      const waiting = await waitForRecord(h.t.db, workflowId, (s) => s.status === 'proof_under_review');
      expect(waiting.years).toMatchObject([{ schoolYear: year, status: 'proof_under_review' }]);
      const notice = await h.t
        .db('notifications')
        .where({ claim_number: claim.claimNumber, kind: 'scholarship_proof_review' })
        .first();
      expect(notice).toMatchObject({ audience: 'officers' });
      expect(notice.message).toContain(workflowId);

      // Refused before anything is recorded: a second proof, the auditor, the family, another school year.
      const before = (await events(workflowId)).length;
      expect(await updateFailureType(submit(workflowId, proof(year, 'SD', 3)))).toBe('WrongState');
      expect(await updateFailureType(review(workflowId, year, auditor))).toBe('Forbidden');
      expect(await updateFailureType(review(workflowId, year, family))).toBe('Forbidden');
      const next = `${Number(year.slice(0, 4)) + 1}/${Number(year.slice(0, 4)) + 2}`;
      expect(await updateFailureType(review(workflowId, next, officer1))).toBe('WrongState');
      expect((await events(workflowId)).length).toBe(before);

      // The deadline passes while the proof waits: it came in time, so the year neither lapses nor is paid.
      await skipTo(h.env, addDays(open.deadline!, 3));
      expect(await scholarshipRecord(h.t.db, workflowId)).toMatchObject({
        status: 'proof_under_review',
        years: [{ schoolYear: year, status: 'proof_under_review' }],
      });
      expect(await ledger(workflowId)).toHaveLength(0);

      expect(await review(workflowId, year, officer1)).toEqual({
        schoolYear: year,
        decision: 'confirm',
        payable: true,
        amount: 1_500_000,
      });
      const paid = await yearRecorded(h.t.db, workflowId, year);
      expect(paid.years).toMatchObject([{ schoolYear: year, status: 'paid', amount: 1_500_000 }]);
      expect((await ledger(workflowId)).map((r) => [r.amount, r.status])).toEqual([[1_500_000, 'paid']]);
      expect(await yearRow(workflowId, year)).toMatchObject({
        submitted_by: 'family',
        reviewed_by: 'officer-1',
        review_decision: 'confirm',
      });
    });
  });

  it("needs a second staff member for an officer's own proof; a rejection leaves the window open for another proof", async () => {
    const { today, year, child } = await schooledChild();
    await h.withWorker(async (taskQueue) => {
      const { workflowId, claim } = await startScholarship(h.env, h.t.db, taskQueue, child, today);
      const open = await proofDue(h.t.db, workflowId, year);
      await submit(workflowId, proof(year, 'SD', 3, { actor: officer1 }));
      await waitForRecord(h.t.db, workflowId, (s) => s.status === 'proof_under_review');

      // The sender may not review their own proof, either way; nothing is recorded.
      const before = (await events(workflowId)).length;
      expect(await updateFailureType(review(workflowId, year, officer1))).toBe('MakerChecker');
      expect(await updateFailureType(review(workflowId, year, officer1, 'reject'))).toBe('MakerChecker');
      expect((await events(workflowId)).length).toBe(before);

      // A second officer rejects it after the deadline: the family has 30 more days to send another.
      await skipTo(h.env, addDays(open.deadline!, 1));
      const rejected = await review(workflowId, year, officer2, 'reject', 'The letter is for another child.');
      const resubmitBy = addDays(await serverToday(h.env), 30);
      expect(rejected).toEqual({
        schoolYear: year,
        decision: 'reject',
        payable: false,
        amount: 0,
        deadline: resubmitBy,
      });
      const reopened = await waitForRecord(h.t.db, workflowId, (s) => s.status === 'waiting_for_proof');
      expect(reopened.deadline).toBe(resubmitBy);
      expect(await yearRow(workflowId, year)).toMatchObject({
        status: 'proof_rejected',
        reviewed_by: 'officer-2',
        review_decision: 'reject',
        review_reason: 'The letter is for another child.',
      });
      const told = await h.t
        .db('notifications')
        .where({ claim_number: claim.claimNumber, kind: 'scholarship_proof_rejected' });
      expect(told.map((n) => n.message)).toEqual([
        `The proof of enrolment for ${year} was not accepted: The letter is for another child. Please send another by ${resubmitBy}.`,
      ]);
      expect(await ledger(workflowId)).toHaveLength(0);

      // The family sends another; the officer who sent the first may confirm the family's.
      await submit(workflowId, proof(year, 'SD', 3, { documentReference: 'SKA-2' }));
      expect(await review(workflowId, year, supervisor)).toMatchObject({
        decision: 'confirm',
        payable: true,
      });
      await yearRecorded(h.t.db, workflowId, year);
      expect((await ledger(workflowId)).map((r) => r.status)).toEqual(['paid']);
      expect(await yearRow(workflowId, year)).toMatchObject({
        status: 'paid',
        submitted_by: 'family',
        reviewed_by: 'supervisor-1',
        review_decision: 'confirm',
      });
      const trail = (await events(workflowId))
        .filter((e) => ['enrollment_submitted', 'enrollment_reviewed'].includes(e.type))
        .map((e) => [e.type, e.actor, e.data.decision ?? null]);
      expect(trail).toEqual([
        ['enrollment_submitted', 'officer-1', null],
        ['enrollment_reviewed', 'officer-2', 'reject'],
        ['enrollment_submitted', 'family', null],
        ['enrollment_reviewed', 'supervisor-1', 'confirm'],
      ]);

      // The decision trail, read from the history alone, names both reviews.
      const runs = (await fetchWorkflowRuns(h.env.client, workflowId)) ?? [];
      const { scholarships } = await buildDecisionTrail(runs, testLoadedDataConverter);
      const yearTrail = scholarships[0]!.years.find((y) => y.schoolYear === year);
      expect(yearTrail?.proof).toMatchObject({ by: 'family', level: 'SD', grade: 3 });
      expect(yearTrail?.reviews).toEqual([
        expect.objectContaining({
          by: 'officer-2',
          decision: 'reject',
          reason: 'The letter is for another child.',
        }),
        expect.objectContaining({ by: 'supervisor-1', role: 'supervisor', decision: 'confirm' }),
      ]);
    });
  });

  it('lapses the year when a rejected proof is not replaced by the moved deadline', async () => {
    const { today, year, child } = await schooledChild();
    await h.withWorker(async (taskQueue) => {
      const { workflowId } = await startScholarship(h.env, h.t.db, taskQueue, child, today);
      await proofDue(h.t.db, workflowId, year);
      await submit(workflowId, proof(year, 'SD', 3));
      await waitForRecord(h.t.db, workflowId, (s) => s.status === 'proof_under_review');
      const { deadline } = await review(workflowId, year, officer2, 'reject', 'Unreadable scan.');
      await skipTo(h.env, addDays(deadline!, 1));
      const lapsed = await yearRecorded(h.t.db, workflowId, year);
      expect(lapsed.years).toMatchObject([{ schoolYear: year, status: 'lapsed', amount: 0 }]);
      expect(await ledger(workflowId)).toHaveLength(0);
    });
  });
});
