// An accident case through the API (real PostgreSQL, Temporal dev server, worker, sandbox gateway): intake with its
// refusals, the finding, bills and STMB reviewed by two people and paid once, the closing, and the worker's view.
import request from 'supertest';
import { createParticipant } from '../helpers/factories';
import { startApiHarness, waitForClaimStatus, type ApiHarness } from './harness';
import { familyAccidentResponse } from '../../api/schemas/track';

let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness();
});
afterAll(async () => {
  await h?.close();
});

const auth = (id: string, role: 'officer' | 'supervisor' | 'auditor' = 'officer') => ({
  Authorization: `Bearer ${h.token({ id, role })}`,
});
const o1 = () => auth('officer-1');
const o2 = () => auth('officer-2');

function intake(nik: string, extra: Record<string, unknown> = {}) {
  return {
    program: 'JKK',
    event: 'accident',
    participantNik: nik,
    accidentDate: '2026-11-20',
    accidentKind: 'work',
    accidentPlace: 'Gudang PT Uji, Bekasi',
    reportedAt: '2026-11-21T08:00:00+07:00',
    bankAccount: { bankCode: 'BRI', accountNumber: '2234567890', accountName: 'Budi Santoso' },
    employerBankAccount: { bankCode: 'BNI', accountNumber: '3234567890', accountName: 'PT Uji' },
    ...extra,
  };
}

const post = (path: string, headers: Record<string, string>, body: unknown) =>
  request(h.app)
    .post(`/api/v1${path}`)
    .set(headers)
    .send(body as object);

async function review(claimNumber: string, itemNumber: number) {
  expect((await post(`/claims/${claimNumber}/items/verification`, o1(), { itemNumber })).status).toBe(200);
  const decided = await post(`/claims/${claimNumber}/items/decision`, o2(), {
    itemNumber,
    decision: 'approve',
    reason: 'In order.',
  });
  expect(decided.status).toBe(200);
}

describe('accident cases over the API', () => {
  it('runs a case from intake to closing, and the worker reads it in plain words', async () => {
    const { nik } = await createParticipant(h.t.db, {
      membershipStartDate: '2020-01-01',
      monthlyWage: 4_000_000,
    });
    const created = await post('/claims', o1(), intake(nik));
    expect(created.status).toBe(201);
    const { claimNumber, trackingCode } = created.body;
    expect(created.body.employerLiable).toBeUndefined();
    const second = await post('/claims', o1(), intake(nik));
    expect(second.status).toBe(409);
    expect(second.body.errors[0].field).toBe('accidentDate');

    await waitForClaimStatus(h, claimNumber, 'waiting_for_finding', h.token({ id: 'o', role: 'officer' }));
    expect(
      (
        await post(`/claims/${claimNumber}/finding`, o1(), {
          finding: 'work_accident',
          reasons: 'Fell while loading a truck at work.',
        })
      ).status,
    ).toBe(200);
    const own = await post(`/claims/${claimNumber}/finding/confirmation`, o1(), {
      decision: 'approve',
      reason: 'ok',
    });
    expect(own.status).toBe(403);
    expect(
      (
        await post(`/claims/${claimNumber}/finding/confirmation`, o2(), {
          decision: 'approve',
          reason: 'Witnesses agree.',
        })
      ).status,
    ).toBe(200);
    await waitForClaimStatus(h, claimNumber, 'under_care', h.token({ id: 'o', role: 'officer' }));

    const bill = {
      provider: 'RS Trauma Bekasi',
      from: '2026-11-20',
      to: '2026-11-22',
      amount: 3_250_000,
      documentRef: 'INV-7',
      payTo: 'provider',
      bankAccount: { bankCode: 'MANDIRI', accountNumber: '4234567890', accountName: 'RS Trauma Bekasi' },
    };
    const fractional = await post(`/claims/${claimNumber}/treatments`, o1(), { ...bill, amount: 100.5 });
    expect(fractional.status).toBe(400);
    expect(fractional.body.errors[0].field).toBe('amount');
    const future = await post(`/claims/${claimNumber}/treatments`, o1(), { ...bill, to: '2099-01-01' });
    expect(future.status).toBe(422);
    expect(future.body.errors[0].field).toBe('to');
    const treatment = await post(`/claims/${claimNumber}/treatments`, o1(), bill);
    expect(treatment.status).toBe(201);
    await review(claimNumber, treatment.body.itemNumber);
    const period = await post(`/claims/${claimNumber}/incapacity`, o1(), {
      from: '2026-11-21',
      to: '2026-11-30',
      documentRef: 'SKD-1',
    });
    expect(period.status).toBe(201);
    const overlap = await post(`/claims/${claimNumber}/incapacity`, o1(), {
      from: '2026-11-25',
      to: '2026-11-30',
      documentRef: 'SKD-2',
    });
    expect(overlap.status).toBe(422);
    expect(overlap.body.errors[0].field).toBe('from');
    await review(claimNumber, period.body.itemNumber);
    expect(
      (
        await post(`/claims/${claimNumber}/return-to-work`, o1(), {
          step: 'enrolled',
          note: 'Enrolled after the ward.',
        })
      ).status,
    ).toBe(200);

    const unknown = await post(`/claims/${claimNumber}/closing`, o1(), {
      outcome: 'partial_disability',
      doctorStatementRef: 'SK-II',
      closedOn: '2026-11-30',
      disability: { items: [{ code: 'wing' }] },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].field).toBe('disability.items.0.code');
    expect(
      (
        await post(`/claims/${claimNumber}/closing`, o1(), {
          outcome: 'recovered',
          doctorStatementRef: 'SK-II',
          closedOn: '2026-11-30',
        })
      ).status,
    ).toBe(200);
    const late = await post(`/claims/${claimNumber}/treatments`, o1(), bill);
    expect(late.status).toBe(409);
    expect(
      (
        await post(`/claims/${claimNumber}/closing/decision`, o2(), {
          decision: 'approve',
          reason: 'Recovered.',
        })
      ).status,
    ).toBe(200);
    await waitForClaimStatus(h, claimNumber, 'closed', h.token({ id: 'o', role: 'officer' }));

    const tracked = await request(h.app)
      .get(`/api/v1/track/${claimNumber}`)
      .set('X-Tracking-Code', trackingCode);
    expect(tracked.status).toBe(200);
    // The contract's schema for an accident case (the OpenAPI document, the web page's client) fits the answer.
    expect(familyAccidentResponse.safeParse(tracked.body).error).toBeUndefined();
    expect(tracked.body).toMatchObject({
      status: 'closed',
      event: 'accident',
      finding: { finding: 'work_accident', confirmed: true },
      closing: { outcome: 'recovered' },
    });
    // 10 days of 30 in November at 100% of Rp 4,000,000.
    expect(tracked.body.items.map((i: { status: string; amount: number }) => [i.status, i.amount])).toEqual([
      ['paid', 3_250_000],
      ['paid', 1_333_333],
    ]);
    expect(tracked.body.totalPaid).toBe(3_250_000 + 1_333_333);
    expect(tracked.body.participantNik).not.toContain(nik.slice(0, 8));
    expect(tracked.body.next[0]).toContain('closed');
    const staff = await request(h.app).get(`/api/v1/claims/${claimNumber}`).set(o1());
    expect(staff.body.accident.items[0]).toMatchObject({
      recordedBy: 'officer-1',
      verifiedBy: 'officer-1',
      decidedBy: 'officer-2',
      idempotencyKey: `${claimNumber}:item-1`,
    });
    expect(staff.body.accident.returnToWork).toHaveLength(1);

    // The auditor's replay: deterministic, with who did each step and each payment's key.
    const replay = await request(h.app)
      .post(`/api/v1/claims/${claimNumber}/replay`)
      .set(auth('auditor-1', 'auditor'));
    expect(replay.status).toBe(200);
    expect(replay.body.runs[0]).toMatchObject({ deterministic: true });
    const trail = replay.body.decisionTrail.accident;
    expect(trail.steps.map((st: { step: string; by: string }) => [st.step, st.by])).toEqual([
      ['finding_recorded', 'officer-1'],
      ['finding_decided', 'officer-2'],
      ['item_recorded', 'officer-1'],
      ['item_verified', 'officer-1'],
      ['item_decided', 'officer-2'],
      ['item_recorded', 'officer-1'],
      ['item_verified', 'officer-1'],
      ['item_decided', 'officer-2'],
      ['return_to_work_enrolled', 'officer-1'],
      ['closing_submitted', 'officer-1'],
      ['closing_decided', 'officer-2'],
    ]);
    expect(trail.payouts.map((p: { idempotencyKey: string }) => p.idempotencyKey)).toEqual([
      `${claimNumber}:item-1`,
      `${claimNumber}:item-2`,
    ]);
    expect(JSON.stringify(replay.body)).not.toContain(nik);
  });

  it('shows a late stage-I report as the employer liable, and refuses bad intakes naming the field', async () => {
    const { nik } = await createParticipant(h.t.db, { membershipStartDate: '2020-01-01' });
    const late = await post('/claims', o1(), intake(nik, { reportedAt: '2026-11-25T08:00:00+07:00' }));
    expect(late.status).toBe(201);
    expect(late.body.employerLiable).toContain('employer is liable');
    const lateWithoutAccount = await post(
      '/claims',
      o1(),
      intake(nik, {
        accidentDate: '2026-11-10',
        reportedAt: '2026-11-25T08:00:00+07:00',
        employerBankAccount: undefined,
      }),
    );
    expect(lateWithoutAccount.status).toBe(422);
    expect(lateWithoutAccount.body.errors[0].field).toBe('employerBankAccount');

    const future = await post('/claims', o1(), intake(nik, { accidentDate: '2099-01-01' }));
    expect([future.status, future.body.errors[0].field]).toEqual([422, 'accidentDate']);
    const expired = await post(
      '/claims',
      o1(),
      intake(nik, { accidentDate: '2021-01-04', reportedAt: '2021-01-05T08:00:00+07:00' }),
    );
    expect([expired.status, expired.body.errors[0].field]).toEqual([422, 'accidentDate']);
    const { nik: left } = await createParticipant(h.t.db, {
      membershipStartDate: '2020-01-01',
      membershipEndDate: '2026-06-30',
    });
    const inactive = await post('/claims', o1(), intake(left));
    expect([inactive.status, inactive.body.errors[0].field]).toEqual([422, 'participantNik']);
    const disease = await post('/claims', o1(), intake(nik, { accidentKind: 'occupational_disease' }));
    expect([disease.status, disease.body.errors[0].field]).toEqual([400, 'diagnosisDate']);
    const unknownField = await post('/claims', o1(), intake(nik, { wing: 1 }));
    expect([unknownField.status, unknownField.body.errors[0].field]).toEqual([400, 'wing']);
    const rows = await h.t
      .db('accident_cases')
      .whereIn('claim_number', h.t.db('claims').select('claim_number').where({ participant_nik: left }));
    expect(rows).toHaveLength(0);
  });

  it('reimburses a liable employer only with its proof of payment, refused naming the field without it, and shows the proof', async () => {
    const { nik } = await createParticipant(h.t.db, {
      membershipStartDate: '2020-01-01',
      monthlyWage: 4_000_000,
    });
    const staffToken = h.token({ id: 'o', role: 'officer' });
    // Reported 5 days after the accident: the employer is liable, pays first, and is reimbursed.
    const created = await post(
      '/claims',
      o1(),
      intake(nik, { accidentDate: '2026-11-18', reportedAt: '2026-11-23T08:00:00+07:00' }),
    );
    expect(created.status).toBe(201);
    const { claimNumber, trackingCode } = created.body;
    await waitForClaimStatus(h, claimNumber, 'waiting_for_finding', staffToken);
    await post(`/claims/${claimNumber}/finding`, o1(), { finding: 'work_accident', reasons: 'At work.' });
    await post(`/claims/${claimNumber}/finding/confirmation`, o2(), {
      decision: 'approve',
      reason: 'Agreed.',
    });
    await waitForClaimStatus(h, claimNumber, 'under_care', staffToken);

    const bill = {
      provider: 'RS Trauma Bekasi',
      from: '2026-11-18',
      to: '2026-11-20',
      amount: 2_500_000,
      documentRef: 'INV-9',
      payTo: 'provider',
      bankAccount: { bankCode: 'MANDIRI', accountNumber: '4234567890', accountName: 'RS Trauma Bekasi' },
    };
    const half = await post(`/claims/${claimNumber}/treatments`, o1(), {
      ...bill,
      employerPaymentRef: 'TRF-1',
    });
    expect([half.status, half.body.errors[0].field]).toEqual([400, 'employerPaidOn']);
    const treatment = await post(`/claims/${claimNumber}/treatments`, o1(), bill);
    expect(treatment.status).toBe(201);
    const itemNumber = treatment.body.itemNumber as number;
    expect((await post(`/claims/${claimNumber}/items/verification`, o1(), { itemNumber })).status).toBe(200);
    const approve = () =>
      post(`/claims/${claimNumber}/items/decision`, o2(), {
        itemNumber,
        decision: 'approve',
        reason: 'In order.',
      });
    const unproven = await approve();
    expect(unproven.status).toBe(422);
    expect(unproven.body.errors[0].field).toBe('employerPaymentRef');
    expect(unproven.body.detail).toContain('the employer pays first');
    const futureProof = await post(`/claims/${claimNumber}/employer-payment`, o1(), {
      itemNumber,
      employerPaymentRef: 'TRF-EMP-7',
      employerPaidOn: '2099-01-01',
    });
    expect([futureProof.status, futureProof.body.errors[0].field]).toEqual([422, 'employerPaidOn']);
    const proof = await post(`/claims/${claimNumber}/employer-payment`, o1(), {
      itemNumber,
      employerPaymentRef: 'TRF-EMP-7',
      employerPaidOn: '2026-11-21',
    });
    expect(proof.status).toBe(200);
    expect((await approve()).status).toBe(200);

    // The closing's benefit: its decision waits for the proof as well.
    const submitted = await post(`/claims/${claimNumber}/closing`, o1(), {
      outcome: 'partial_disability',
      doctorStatementRef: 'SK-II',
      closedOn: '2026-11-28',
      disability: { items: [{ code: 'eye_one' }] },
    });
    expect(submitted.status).toBe(200);
    const decide = () =>
      post(`/claims/${claimNumber}/closing/decision`, o2(), { decision: 'approve', reason: 'In order.' });
    const closingUnproven = await decide();
    expect([closingUnproven.status, closingUnproven.body.errors[0].field]).toEqual([
      422,
      'employerPaymentRef',
    ]);
    expect(
      (
        await post(`/claims/${claimNumber}/employer-payment`, o1(), {
          employerPaymentRef: 'TRF-EMP-8',
          employerPaidOn: '2026-11-29',
        })
      ).status,
    ).toBe(200);
    expect((await decide()).status).toBe(200);
    await waitForClaimStatus(h, claimNumber, 'closed', staffToken);

    const payouts = await h.t.db('payouts').where({ claim_number: claimNumber }).orderBy('id');
    expect(payouts.length).toBeGreaterThan(1);
    expect(payouts.every((p) => p.status === 'paid' && p.account_number === '3234567890')).toBe(true);
    const item = await h.t
      .db('accident_items')
      .where({ claim_number: claimNumber, item_number: itemNumber })
      .first();
    expect(item).toMatchObject({
      pay_to: 'employer',
      status: 'paid',
      employer_payment_ref: 'TRF-EMP-7',
      employer_paid_on: '2026-11-21',
      employer_payment_by: 'officer-1',
    });

    const tracked = await request(h.app)
      .get(`/api/v1/track/${claimNumber}`)
      .set('X-Tracking-Code', trackingCode);
    expect(tracked.status).toBe(200);
    expect(familyAccidentResponse.safeParse(tracked.body).error).toBeUndefined();
    expect(tracked.body.items[0]).toMatchObject({
      paidTo: 'employer',
      status: 'paid',
      employerPayment: {
        reference: 'TRF-EMP-7',
        paidOn: '2026-11-21',
        text: 'Reimbursement to your employer, which paid the bill on 2026-11-21.',
      },
    });
    expect(tracked.body.closing.employerPayment.text).toBe(
      'Reimbursement to your employer, which paid you on 2026-11-29.',
    );
    const staff = await request(h.app).get(`/api/v1/claims/${claimNumber}`).set(o1());
    expect(staff.body.accident.items[0]).toMatchObject({
      employerPayment: { reference: 'TRF-EMP-7', paidOn: '2026-11-21' },
      employerPaymentRecordedBy: 'officer-1',
      decidedBy: 'officer-2',
    });
    expect(staff.body.accident.closing.employerPayment).toMatchObject({ reference: 'TRF-EMP-8' });
    expect(staff.body.accident.closing.record.employerPayment.recordedBy).toBe('officer-1');
    // The auditor's trail names who recorded each proof, which the approver then checked.
    const replay = await request(h.app)
      .post(`/api/v1/claims/${claimNumber}/replay`)
      .set(auth('auditor-1', 'auditor'));
    expect(replay.body.runs[0]).toMatchObject({ deterministic: true });
    const proofs = replay.body.decisionTrail.accident.steps.filter(
      (st: { step: string }) => st.step === 'employer_payment_recorded',
    );
    expect(proofs.map((st: { by: string; detail: unknown }) => [st.by, st.detail])).toEqual([
      ['officer-1', { itemNumber, employerPaymentRef: 'TRF-EMP-7', employerPaidOn: '2026-11-21' }],
      ['officer-1', { closing: true, employerPaymentRef: 'TRF-EMP-8', employerPaidOn: '2026-11-29' }],
    ]);
  });

  it('keeps a death claim filed as before', async () => {
    const { nik } = await createParticipant(h.t.db);
    const death = await post('/claims', o1(), {
      program: 'JKM',
      participantNik: nik,
      eventDate: '2026-11-01',
      heirs: [{ name: 'Sri', relationship: 'spouse' }],
      bankAccount: { bankCode: 'BRI', accountNumber: '1234567890', accountName: 'Sri' },
    });
    expect(death.status).toBe(201);
    const bad = await post('/claims', o1(), {
      program: 'JKM',
      participantNik: nik,
      eventDate: 'yesterday',
      heirs: [{ name: 'Sri', relationship: 'spouse' }],
      bankAccount: { bankCode: 'BRI', accountNumber: '1234567890', accountName: 'Sri' },
    });
    expect([bad.status, bad.body.errors[0].field]).toEqual([400, 'eventDate']);
  });
});
