// Scholarships over HTTP against real PostgreSQL and a Temporal dev server: the plan in the family's and the
// staff's views, proof of enrolment by the family or an officer, life events, and the officer's choice.
import request from 'supertest';
import { familyClaimResponse } from '../../api/schemas/track';
import { addDays } from '../../rules/dates';
import { createParticipant, FULL_CHECKLIST } from '../helpers/factories';
import { bornYearsBefore, schoolYearOfDate } from '../helpers/scholarship';
import { startApiHarness, waitForClaimStatus, type ApiHarness } from './harness';
import { jakartaDate } from '../../rules';

let h: ApiHarness;
let officer1: string;
let officer2: string;
let auditor: string;

beforeAll(async () => {
  h = await startApiHarness();
  officer1 = h.token({ id: 'officer-1', role: 'officer' });
  officer2 = h.token({ id: 'officer-2', role: 'officer' });
  auditor = h.token({ id: 'auditor-1', role: 'auditor' });
});
afterAll(async () => {
  await h?.close();
});

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const today = () => jakartaDate(Date.now());

/** A JKM claim with these children, verified by one officer and approved by another, then paid. */
async function paidClaim(children: object[]) {
  const { nik } = await createParticipant(h.t.db, { membershipStartDate: '2012-01-01' });
  const created = await request(h.app)
    .post('/api/v1/claims')
    .set(bearer(officer1))
    .send({
      program: 'JKM',
      participantNik: nik,
      eventDate: addDays(today(), -10),
      heirs: [{ name: 'Sri Wahyuni', relationship: 'spouse' }],
      children,
      bankAccount: { bankCode: 'BRI', accountNumber: '1234567890', accountName: 'Sri Wahyuni' },
    })
    .expect(201);
  const { claimNumber, trackingCode } = created.body as { claimNumber: string; trackingCode: string };
  await waitForClaimStatus(h, claimNumber, 'waiting_for_documents', officer1);
  await request(h.app)
    .post(`/api/v1/claims/${claimNumber}/verification`)
    .set(bearer(officer1))
    .send({ checklist: FULL_CHECKLIST })
    .expect(200);
  await waitForClaimStatus(h, claimNumber, 'waiting_for_decision', officer1);
  await request(h.app)
    .post(`/api/v1/claims/${claimNumber}/decision`)
    .set(bearer(officer2))
    .send({ decision: 'approve', reason: 'Complete' })
    .expect(200);
  return { claimNumber, trackingCode };
}

async function track(claimNumber: string, code: string) {
  const { body } = await request(h.app)
    .get(`/api/v1/track/${claimNumber}`)
    .set('X-Tracking-Code', code)
    .expect(200);
  // Exactly what the OpenAPI document says the family is sent (a strict schema: no field more or less).
  familyClaimResponse.parse(body);
  return body;
}

/** Polls the family's view until the first scholarship's status matches. */
async function waitForPlan(
  claimNumber: string,
  code: string,
  ready: (s: { status: string; pastYears: unknown[] }) => boolean,
) {
  for (let i = 0; i < 200; i++) {
    const view = await track(claimNumber, code);
    if (view.scholarships?.[0] && ready(view.scholarships[0])) return view;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the plan of ${claimNumber} never got ready`);
}

describe('POST /scholarships/{id}/enrollments and the plan in the views', () => {
  it('shows the window, takes the family proof once, and shows the paid year with its reference and the years to come', async () => {
    const year = schoolYearOfDate(addDays(today(), -10));
    const next = `${Number(year.slice(0, 4)) + 1}/${Number(year.slice(0, 4)) + 2}`;
    const { claimNumber, trackingCode } = await paidClaim([
      { name: 'Adi', dateOfBirth: bornYearsBefore(today(), 9), schooling: { level: 'SD', grade: 3 } },
    ]);
    const other = await paidClaim([]);
    const id = `${claimNumber}-S1`;
    const url = `/api/v1/scholarships/${id}/enrollments`;
    const body = {
      schoolYear: year,
      level: 'SD',
      grade: 3,
      institution: 'SD Negeri 1 Bogor',
      documentReference: 'SKA-0042',
    };

    const open = await waitForPlan(claimNumber, trackingCode, (s) => s.status === 'waiting_for_proof');
    const plan = open.scholarships[0];
    expect(plan).toMatchObject({ id, childNumber: 1, childPosition: 1, totalPaid: 0, pastYears: [] });
    expect(plan.currentYear).toMatchObject({
      schoolYear: year,
      status: 'window_open',
      expected: { level: 'SD', grade: 3 },
      expectedAmount: 1_500_000,
    });
    expect(plan.currentYear.deadline >= `${year.slice(0, 4)}-12-31`).toBe(true);
    expect(plan.projectedYears[0]).toEqual({ schoolYear: next, level: 'SD', grade: 4, amount: 1_500_000 });

    // Who may: the family with its own code, not another's; an auditor may not; nobody without credentials.
    expect((await request(h.app).post(url).send(body)).status).toBe(401);
    expect((await request(h.app).post(url).set(bearer(auditor)).send(body)).status).toBe(403);
    expect(
      (await request(h.app).post(url).set('X-Tracking-Code', other.trackingCode).send(body)).status,
    ).toBe(404);
    const unknown = await request(h.app)
      .post(`/api/v1/scholarships/${other.claimNumber}-S1/enrollments`)
      .set('X-Tracking-Code', other.trackingCode)
      .send(body);
    expect(unknown.status).toBe(404);

    // The body: strict, every failing field named.
    const invalid: [object, string][] = [
      [{ ...body, grade: 9 }, 'grade'],
      [{ ...body, schoolYear: '2026/2028' }, 'schoolYear'],
      [{ ...body, approved: true }, 'approved'],
      [{ ...body, institution: ' ' }, 'institution'],
    ];
    for (const [bad, field] of invalid) {
      const res = await request(h.app).post(url).set('X-Tracking-Code', trackingCode).send(bad);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    // Refused by the workflow's validator: 409, and nothing recorded.
    const wrongYear = await request(h.app)
      .post(url)
      .set('X-Tracking-Code', trackingCode)
      .send({ ...body, schoolYear: next });
    expect(wrongYear.status).toBe(409);
    expect(wrongYear.body.detail).toContain(year);
    const jump = await request(h.app)
      .post(url)
      .set(bearer(officer1))
      .send({ ...body, level: 'SMA', grade: 10 });
    expect(jump.status).toBe(409);
    // A first proof that does not fit the child's age (8 on 1 July; SD 6 from 10): 422 naming the grade.
    const tooOld = await request(h.app)
      .post(url)
      .set('X-Tracking-Code', trackingCode)
      .send({ ...body, grade: 6 });
    expect(tooOld.status).toBe(422);
    expect(tooOld.body.errors).toEqual([expect.objectContaining({ field: 'grade' })]);
    expect(tooOld.body.detail).toMatch(/SD 6 does not fit the child's age/);
    expect((await h.t.db('scholarship_years').where({ workflow_id: id }).first()).status).toBe('window_open');

    const accepted = await request(h.app).post(url).set('X-Tracking-Code', trackingCode).send(body);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      schoolYear: year,
      payable: true,
      amount: 1_500_000,
      review: 'pending',
    });
    const again = await request(h.app).post(url).set('X-Tracking-Code', trackingCode).send(body);
    expect(again.status).toBe(409);

    // The family's proof waits for an officer: the family reads so, and nothing is paid yet.
    const pending = await waitForPlan(claimNumber, trackingCode, (s) => s.status === 'proof_under_review');
    expect(pending.scholarships[0].statusText).toMatch(/waiting for a claims officer to check it/);
    expect(pending.scholarships[0].currentYear).toMatchObject({
      status: 'proof_under_review',
      submitted: { level: 'SD', grade: 3, institution: 'SD Negeri 1 Bogor' },
    });
    expect(pending.payouts.some((p: { component: string }) => p.component.startsWith('scholarship:'))).toBe(
      false,
    );

    // The review: staff only, a year in the path, a decision and a reason; the family and an auditor may not.
    const reviewUrl = `/api/v1/scholarships/${id}/enrollments/${year.slice(0, 4)}/review`;
    const confirm = { decision: 'confirm', reason: 'The letter matches the school register.' };
    expect(
      (await request(h.app).post(reviewUrl).set('X-Tracking-Code', trackingCode).send(confirm)).status,
    ).toBe(401);
    expect((await request(h.app).post(reviewUrl).set(bearer(auditor)).send(confirm)).status).toBe(403);
    const badReview: [string, object, string][] = [
      [reviewUrl, { decision: 'approve', reason: 'x' }, 'decision'],
      [reviewUrl, { decision: 'reject', reason: ' ' }, 'reason'],
      [reviewUrl, { ...confirm, amount: 1 }, 'amount'],
      [`/api/v1/scholarships/${id}/enrollments/${year.replace('/', '-')}/review`, confirm, 'year'],
    ];
    for (const [path, bad, field] of badReview) {
      const res = await request(h.app).post(path).set(bearer(officer1)).send(bad);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const nextYearReview = await request(h.app)
      .post(`/api/v1/scholarships/${id}/enrollments/${next.slice(0, 4)}/review`)
      .set(bearer(officer1))
      .send(confirm);
    expect(nextYearReview.status).toBe(409);
    const confirmed = await request(h.app).post(reviewUrl).set(bearer(officer1)).send(confirm);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toEqual({
      schoolYear: year,
      decision: 'confirm',
      payable: true,
      amount: 1_500_000,
    });

    const paid = await waitForPlan(claimNumber, trackingCode, (s) => s.pastYears.length === 1);
    const after = paid.scholarships[0];
    expect(after.pastYears).toEqual([
      expect.objectContaining({
        schoolYear: year,
        status: 'paid',
        amount: 1_500_000,
        idempotencyKey: `${id}:${year}`,
        institution: 'SD Negeri 1 Bogor',
      }),
    ]);
    expect(after.pastYears[0].reference).toMatch(/^dsb_/);
    expect(after.pastYears[0].submittedBy).toBeUndefined(); // staff only
    expect(after.currentYear).toMatchObject({
      schoolYear: next,
      status: 'not_open',
      windowOpensOn: `${next.slice(0, 4)}-07-01`,
      deadline: `${next.slice(0, 4)}-12-31`,
    });
    expect(after.projectedYears[0].schoolYear > next).toBe(true);
    expect(
      paid.payouts.find((p: { component: string }) => p.component === `scholarship:${year}`),
    ).toMatchObject({ amount: 1_500_000, status: 'paid' });

    const staff = await request(h.app).get(`/api/v1/claims/${claimNumber}`).set(bearer(officer1)).expect(200);
    expect(staff.body.scholarships[0].pastYears[0]).toMatchObject({
      submittedBy: 'family',
      reviewedBy: 'officer-1',
      status: 'paid',
    });
    expect(staff.body.scholarshipChoice).toBeNull();
  });

  it("refuses the officer who sent a proof as its reviewer (403 maker-checker, on the audit log), then takes a second officer's rejection", async () => {
    const year = schoolYearOfDate(addDays(today(), -10));
    const { claimNumber, trackingCode } = await paidClaim([
      { name: 'Adi', dateOfBirth: bornYearsBefore(today(), 9), schooling: { level: 'SD', grade: 3 } },
    ]);
    const id = `${claimNumber}-S1`;
    await waitForPlan(claimNumber, trackingCode, (s) => s.status === 'waiting_for_proof');
    const body = {
      schoolYear: year,
      level: 'SD',
      grade: 3,
      institution: 'SD Negeri 1 Bogor',
      documentReference: 'SKA-0042',
    };
    await request(h.app)
      .post(`/api/v1/scholarships/${id}/enrollments`)
      .set(bearer(officer1))
      .send(body)
      .expect(200);
    const reviewUrl = `/api/v1/scholarships/${id}/enrollments/${year.slice(0, 4)}/review`;
    const own = await request(h.app)
      .post(reviewUrl)
      .set(bearer(officer1))
      .send({ decision: 'confirm', reason: 'Mine and fine.' });
    expect(own.status).toBe(403);
    expect(own.body).toMatchObject({ type: expect.stringContaining('maker-checker') });
    // The refusal is on the audit log (written once the answer is sent).
    const refusals = () =>
      h.t
        .db('audit_log')
        .where({ actor_id: 'officer-1', problem_type: 'maker-checker' })
        .andWhereLike('path', `%${id}/enrollments/%/review`);
    for (let i = 0; i < 50 && (await refusals()).length === 0; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(await refusals()).toHaveLength(1);

    const rejected = await request(h.app)
      .post(reviewUrl)
      .set(bearer(officer2))
      .send({ decision: 'reject', reason: 'The letter names another pupil.' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ decision: 'reject', payable: false, amount: 0 });
    const reopened = await waitForPlan(claimNumber, trackingCode, (s) => s.status === 'waiting_for_proof');
    expect(reopened.scholarships[0].currentYear).toMatchObject({
      status: 'proof_rejected',
      review: { decision: 'reject', reason: 'The letter names another pupil.' },
    });
    expect(reopened.scholarships[0].currentYear.review.reviewedBy).toBeUndefined(); // staff only
    const staff = await request(h.app).get(`/api/v1/claims/${claimNumber}`).set(bearer(officer1)).expect(200);
    expect(staff.body.scholarships[0].currentYear.review).toMatchObject({ reviewedBy: 'officer-2' });
  });

  it('lets an officer report work under the 2025 exception, naming a missing field', async () => {
    const { claimNumber, trackingCode } = await paidClaim([
      { name: 'Bunga', dateOfBirth: bornYearsBefore(today(), 17), schooling: { level: 'SMA', grade: 11 } },
    ]);
    await waitForPlan(claimNumber, trackingCode, (s) => s.status === 'waiting_for_proof');
    const url = `/api/v1/scholarships/${claimNumber}-S1/life-events`;
    const missing = await request(h.app)
      .post(url)
      .set(bearer(officer1))
      .send({ kind: 'working', date: today(), work: { type: 'wage' } });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].field).toBe('work.consecutiveMonths');
    expect(
      (
        await request(h.app)
          .post(url)
          .set('X-Tracking-Code', trackingCode)
          .send({ kind: 'married', date: today() })
      ).status,
    ).toBe(401);
    const res = await request(h.app)
      .post(url)
      .set(bearer(officer1))
      .send({ kind: 'working', date: today(), work: { type: 'wage', consecutiveMonths: 4 } });
    expect(res.status).toBe(200);
    expect(res.body.stops).toBe(false);
    const married = await request(h.app)
      .post(url)
      .set(bearer(officer1))
      .send({ kind: 'married', date: today() });
    expect(married.body.stops).toBe(true);
    const ended = await waitForPlan(claimNumber, trackingCode, (s) => s.status === 'ended');
    expect(ended.scholarships[0]).toMatchObject({
      endReason: 'married',
      currentYear: null,
      projectedYears: [],
    });
    const late = await request(h.app).post(url).set(bearer(officer1)).send({ kind: 'died', date: today() });
    expect(late.status).toBe(409);
  });
});

describe('POST /scholarships/{id}/bank-account and its review', () => {
  it("pays a year to a proposed account only after a second officer reviews it, never the claim's filer", async () => {
    const year = schoolYearOfDate(addDays(today(), -10));
    const { claimNumber, trackingCode } = await paidClaim([
      { name: 'Adi', dateOfBirth: bornYearsBefore(today(), 9), schooling: { level: 'SD', grade: 3 } },
    ]);
    const id = `${claimNumber}-S1`;
    h.gateway.controls.inject({ kind: 'refuse_account', match: { idempotencyKeyPrefix: `${id}:` } });
    await waitForPlan(claimNumber, trackingCode, (s) => s.status === 'waiting_for_proof');
    await request(h.app)
      .post(`/api/v1/scholarships/${id}/enrollments`)
      .set('X-Tracking-Code', trackingCode)
      .send({
        schoolYear: year,
        level: 'SD',
        grade: 3,
        institution: 'SD Negeri 1',
        documentReference: 'SKA-1',
      })
      .expect(200);
    // The family's proof is paid only once an officer confirms it.
    await waitForPlan(claimNumber, trackingCode, (s) => s.status === 'proof_under_review');
    await request(h.app)
      .post(`/api/v1/scholarships/${id}/enrollments/${year.slice(0, 4)}/review`)
      .set(bearer(officer2))
      .send({ decision: 'confirm', reason: 'Letter from the school seen' })
      .expect(200);
    await waitForPlan(claimNumber, trackingCode, (s) => s.status === 'waiting_for_bank_account');
    const proposed = await request(h.app)
      .post(`/api/v1/scholarships/${id}/bank-account`)
      .set('X-Tracking-Code', trackingCode)
      .send({ bankCode: 'BNI', accountNumber: '5557654321', accountName: 'Sri Wahyuni' });
    expect(proposed.status).toBe(200);
    expect(proposed.body).toEqual({ accountRevision: 0, status: 'waiting_for_account_review' });
    await waitForPlan(claimNumber, trackingCode, (s) => s.status === 'waiting_for_account_review');

    const url = `/api/v1/scholarships/${id}/bank-account/review`;
    const review = {
      decision: 'approve',
      identityCheck: 'KTP seen at the branch',
      reason: "The child's mother",
    };
    const byFiler = await request(h.app).post(url).set(bearer(officer1)).send(review);
    expect(byFiler.status).toBe(403);
    expect(byFiler.body.type).toMatch(/maker-checker/);
    expect((await request(h.app).post(url).set(bearer(auditor)).send(review)).status).toBe(403);
    const noReason = await request(h.app)
      .post(url)
      .set(bearer(officer2))
      .send({ decision: 'approve', identityCheck: 'KTP seen' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors.map((e: { field: string }) => e.field)).toContain('reason');
    expect(await h.t.db('payouts').where({ account_number: '5557654321' })).toEqual([]);

    const approved = await request(h.app).post(url).set(bearer(officer2)).send(review);
    expect(approved.status).toBe(200);
    expect(approved.body).toEqual({ decision: 'approve', accountRevision: 1 });
    await waitForPlan(claimNumber, trackingCode, (s) => s.pastYears.length === 1);
    const change = await h.t.db('account_changes').where({ workflow_id: id }).first();
    expect(change).toMatchObject({ proposed_by: 'family', reviewed_by: 'officer-2', status: 'approved' });
    const staff = await request(h.app).get(`/api/v1/claims/${claimNumber}`).set(bearer(officer1)).expect(200);
    expect(staff.body.accountChanges).toEqual([
      expect.objectContaining({ workflowId: id, proposedBy: 'family', reviewedBy: 'officer-2' }),
    ]);
  });
});

describe('POST /claims/{claimNumber}/scholarship-children', () => {
  it('records the officer who chose two of three children, after refusing the family and a child who does not qualify', async () => {
    const { claimNumber, trackingCode } = await paidClaim([
      { name: 'Anak 1', dateOfBirth: bornYearsBefore(today(), 8), schooling: { level: 'SD', grade: 2 } },
      { name: 'Anak 2', dateOfBirth: bornYearsBefore(today(), 11), schooling: { level: 'SD', grade: 5 } },
      { name: 'Anak 3', dateOfBirth: bornYearsBefore(today(), 14), schooling: { level: 'SMP', grade: 8 } },
    ]);
    await waitForClaimStatus(h, claimNumber, 'waiting_for_scholarship_choice', officer1);
    expect((await track(claimNumber, trackingCode)).statusText).toMatch(/choosing/);
    const url = `/api/v1/claims/${claimNumber}/scholarship-children`;
    expect(
      (
        await request(h.app)
          .post(url)
          .set('X-Tracking-Code', trackingCode)
          .send({ children: [1, 2] })
      ).status,
    ).toBe(401);
    const outside = await request(h.app)
      .post(url)
      .set(bearer(officer2))
      .send({ children: [1, 4] });
    expect(outside.status).toBe(422);
    expect(outside.body.errors[0].field).toBe('children');
    const repeated = await request(h.app)
      .post(url)
      .set(bearer(officer2))
      .send({ children: [2, 2] });
    expect(repeated.status).toBe(400);
    expect(repeated.body.errors[0].field).toBe('children');

    const chosen = await request(h.app)
      .post(url)
      .set(bearer(officer2))
      .send({ children: [2, 3], reason: 'At school' });
    expect(chosen.status).toBe(200);
    expect(chosen.body).toEqual({ children: [2, 3] });
    expect(
      (
        await request(h.app)
          .post(url)
          .set(bearer(officer1))
          .send({ children: [1, 2] })
      ).status,
    ).toBe(409);

    const claim = await waitForClaimStatus(h, claimNumber, 'paid', officer1);
    expect(claim.scholarshipChoice).toMatchObject({
      children: [2, 3],
      chosenBy: 'officer-2',
      reason: 'At school',
    });
    expect(claim.events.find((e: { type: string }) => e.type === 'scholarship_children_chosen').actor).toBe(
      'officer-2',
    );
    for (let i = 0; i < 100 && (await track(claimNumber, trackingCode)).scholarships.length < 2; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const plans = (await track(claimNumber, trackingCode)).scholarships;
    expect(plans.map((s: { childPosition: number }) => s.childPosition)).toEqual([2, 3]);
  });

  it('lists the new routes in the OpenAPI document', async () => {
    const doc = (await request(h.app).get('/api/v1/openapi.json').expect(200)).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/scholarships/{id}/enrollments',
        '/scholarships/{id}/enrollments/{year}/review',
        '/scholarships/{id}/life-events',
        '/scholarships/{id}/bank-account',
        '/scholarships/{id}/bank-account/review',
        '/claims/{claimNumber}/scholarship-children',
      ]),
    );
  });
});
