// Every limit at its boundary, on the real API (PostgreSQL, a Temporal dev server, a worker, the sandbox gateway):
// a value at the limit is accepted and then stored, assessed and paid; one more is a 400 naming the field. And every
// free-text field refuses NUL, lone surrogates and control characters other than newline and tab.
import request from 'supertest';
import type { z } from 'zod';
import { createClaimBody } from '../../api/schemas/claims';
import { MAX_RUPIAH } from '../../rules';
import { addDays } from '../../rules/dates';
import { jakartaDate } from '../../rules';
import {
  ACCOUNT_NAME_MAX,
  DOCUMENT_REFERENCE_MAX,
  HEIR_NAME_MAX,
  IDEMPOTENCY_KEY_MAX,
  INSTITUTION_MAX,
  NOTE_MAX,
  STAFF_ID_MAX,
} from '../../vocabulary/limits';
import { CHILD_NAME_MAX } from '../../rules/schema';
import { createParticipant, FULL_CHECKLIST } from '../helpers/factories';
import { bornYearsBefore, schoolYearOfDate } from '../helpers/scholarship';
import { startApiHarness, waitForClaimStatus, type ApiHarness } from './harness';

let h: ApiHarness;
let officer1: string;
let officer2: string;
let supervisor: string;

beforeAll(async () => {
  h = await startApiHarness();
  officer1 = h.token({ id: 'officer-1', role: 'officer' });
  officer2 = h.token({ id: 'officer-2', role: 'officer' });
  supervisor = h.token({ id: 'supervisor-1', role: 'supervisor' });
});
afterAll(async () => {
  await h?.close();
});

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const today = () => jakartaDate(Date.now());
const text = (n: number, letter = 'a') => letter.repeat(n);

type ClaimBody = z.input<typeof createClaimBody>;

function claimBody(nik: string, overrides: Partial<ClaimBody> = {}): ClaimBody {
  return {
    program: 'JKM',
    participantNik: nik,
    eventDate: addDays(today(), -10),
    heirs: [{ name: 'Sri Wahyuni', relationship: 'spouse' }],
    bankAccount: { bankCode: 'BRI', accountNumber: '1234567890', accountName: 'Sri Wahyuni' },
    ...overrides,
  };
}

/** The fields a 400 names. */
async function refused(req: request.Test): Promise<string[]> {
  const res = await req;
  expect(res.status).toBe(400);
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  return (res.body.errors as { field: string }[]).map((e) => e.field);
}

const post = (path: string, token: string, body: object) =>
  request(h.app).post(`/api/v1${path}`).set(bearer(token)).send(body);

describe('limits at the boundary', () => {
  it('files, verifies, decides, chooses, pays and takes a proof of enrolment with every text at its limit', async () => {
    const { nik } = await createParticipant(h.t.db, { membershipStartDate: '2012-01-01' });
    const child = (years: number, level: 'SD' | 'SMP', grade: number, letter: string) => ({
      name: text(CHILD_NAME_MAX, letter),
      dateOfBirth: bornYearsBefore(today(), years),
      schooling: { level, grade },
    });
    const atLimit = claimBody(nik, {
      heirs: [{ name: text(HEIR_NAME_MAX), relationship: 'spouse' }],
      children: [child(9, 'SD', 3, 'b'), child(11, 'SD', 5, 'c'), child(14, 'SMP', 8, 'd')],
      bankAccount: { bankCode: 'BRI', accountNumber: '1234567890', accountName: text(ACCOUNT_NAME_MAX) },
    });
    const over = (path: (b: typeof atLimit) => void) => {
      const copy = structuredClone(atLimit);
      path(copy);
      return copy;
    };
    const fields = await Promise.all([
      refused(
        post(
          '/claims',
          officer1,
          over((b) => (b.heirs[0]!.name += 'a')),
        ),
      ),
      refused(
        post(
          '/claims',
          officer1,
          over((b) => (b.children![0]!.name += 'a')),
        ),
      ),
      refused(
        post(
          '/claims',
          officer1,
          over((b) => (b.bankAccount.accountName += 'a')),
        ),
      ),
      refused(post('/claims', officer1, atLimit).set('Idempotency-Key', text(IDEMPOTENCY_KEY_MAX + 1, 'k'))),
    ]);
    expect(fields).toEqual([
      ['heirs.0.name'],
      ['children.0.name'],
      ['bankAccount.accountName'],
      ['Idempotency-Key'],
    ]);

    const created = await post('/claims', officer1, atLimit)
      .set('Idempotency-Key', text(IDEMPOTENCY_KEY_MAX, 'k'))
      .expect(201);
    const { claimNumber } = created.body as { claimNumber: string };
    await waitForClaimStatus(h, claimNumber, 'waiting_for_documents', officer1);
    const stored = await h.t.db('claims').where({ claim_number: claimNumber }).first();
    expect(stored.account_name).toHaveLength(ACCOUNT_NAME_MAX);
    expect((await h.t.db('heirs').where({ claim_number: claimNumber }).first()).name).toHaveLength(
      HEIR_NAME_MAX,
    );

    const verification = `/claims/${claimNumber}/verification`;
    expect(await refused(post(verification, officer1, { checklist: {}, note: text(NOTE_MAX + 1) }))).toEqual([
      'note',
    ]);
    await post(verification, officer1, { checklist: FULL_CHECKLIST, note: text(NOTE_MAX) }).expect(200);
    await waitForClaimStatus(h, claimNumber, 'waiting_for_decision', officer1);

    const decision = `/claims/${claimNumber}/decision`;
    expect(
      await refused(post(decision, officer2, { decision: 'approve', reason: text(NOTE_MAX + 1) })),
    ).toEqual(['reason']);
    await post(decision, officer2, { decision: 'approve', reason: text(NOTE_MAX) }).expect(200);
    await waitForClaimStatus(h, claimNumber, 'waiting_for_scholarship_choice', officer1);
    const payouts = await h.t.db('payouts').where({ claim_number: claimNumber });
    expect(payouts.map((p) => p.status)).toEqual(['paid', 'paid', 'paid']);

    const choice = `/claims/${claimNumber}/scholarship-children`;
    expect(await refused(post(choice, officer1, { children: [1, 2], reason: text(NOTE_MAX + 1) }))).toEqual([
      'reason',
    ]);
    await post(choice, officer1, { children: [1, 2], reason: text(NOTE_MAX) }).expect(200);
    await waitForClaimStatus(h, claimNumber, 'paid', officer1);

    const enrollment = `/scholarships/${claimNumber}-S1/enrollments`;
    const proof = {
      schoolYear: schoolYearOfDate(addDays(today(), -10)),
      level: 'SD',
      grade: 3,
      institution: text(INSTITUTION_MAX),
      documentReference: text(DOCUMENT_REFERENCE_MAX),
    };
    expect(
      await refused(post(enrollment, officer1, { ...proof, institution: text(INSTITUTION_MAX + 1) })),
    ).toEqual(['institution']);
    expect(
      await refused(
        post(enrollment, officer1, { ...proof, documentReference: text(DOCUMENT_REFERENCE_MAX + 1) }),
      ),
    ).toEqual(['documentReference']);
    for (let i = 0; ; i++) {
      const res = await post(enrollment, officer1, proof);
      if (res.status === 200) break;
      // The scholarship's run opens its window just after the claim is paid.
      if (i > 100) throw new Error(`the proof was answered ${res.status}: ${JSON.stringify(res.body)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const year = await h.t
      .db('scholarship_years')
      .where({ workflow_id: `${claimNumber}-S1` })
      .first();
    expect([year.institution.length, year.document_reference.length]).toEqual([
      INSTITUTION_MAX,
      DOCUMENT_REFERENCE_MAX,
    ]);
  });

  it('assesses a claim whose actualMonthlyWage is MAX_RUPIAH and refuses one rupiah more', async () => {
    const { nik } = await createParticipant(h.t.db);
    // JKK: the employer owes 48 × the wage it did not report.
    const jkk = (actualMonthlyWage: number) => claimBody(nik, { program: 'JKK', actualMonthlyWage });
    expect(await refused(post('/claims', officer1, jkk(MAX_RUPIAH + 1)))).toEqual(['actualMonthlyWage']);
    const created = await post('/claims', officer1, jkk(MAX_RUPIAH)).expect(201);
    const { claimNumber } = created.body as { claimNumber: string };
    await waitForClaimStatus(h, claimNumber, 'waiting_for_documents', officer1);
    await post(`/claims/${claimNumber}/verification`, supervisor, { checklist: FULL_CHECKLIST }).expect(200);
    const claim = await waitForClaimStatus(h, claimNumber, 'waiting_for_decision', officer1);
    expect(claim.assessment.employerLiability.amount).toBe(48 * (MAX_RUPIAH - 5_000_000));
  });

  it('reads the audit log of a staff id at its limit and refuses one more character', async () => {
    const auditor = h.token({ id: 'auditor-1', role: 'auditor' });
    const at = await request(h.app)
      .get('/api/v1/audit-log')
      .query({ actor: text(STAFF_ID_MAX) })
      .set(bearer(auditor));
    expect(at.status).toBe(200);
    const one = request(h.app)
      .get('/api/v1/audit-log')
      .query({ actor: text(STAFF_ID_MAX + 1) })
      .set(bearer(auditor));
    expect(await refused(one)).toEqual(['actor']);
  });
});

describe('free text', () => {
  const UNSTORABLE: [string, string][] = [
    ['NUL', 'Sri\u0000Wahyuni'],
    ['a lone high surrogate', 'Sri \ud800'],
    ['a lone low surrogate', '\udc00 Sri'],
    ['a carriage return', 'Sri\rWahyuni'],
    ['an escape character', 'Sri\u001bWahyuni'],
    ['a C1 control character', 'Sri\u0085Wahyuni'],
  ];

  it.each(UNSTORABLE)(
    'refuses %s in every text of a claim, naming each field, and starts nothing',
    async (_what, bad) => {
      const { nik } = await createParticipant(h.t.db);
      const body = claimBody(nik, {
        heirs: [{ name: bad, relationship: 'spouse' }],
        children: [{ name: bad, dateOfBirth: '2015-01-01' }],
        bankAccount: { bankCode: 'BRI', accountNumber: '1234567890', accountName: bad },
      });
      expect((await refused(post('/claims', officer1, body))).sort()).toEqual([
        'bankAccount.accountName',
        'children.0.name',
        'heirs.0.name',
      ]);
      expect(await h.t.db('claims').where({ participant_nik: nik })).toEqual([]);
    },
  );

  it('keeps newlines and tabs, and letters and emoji from anywhere', async () => {
    const { nik } = await createParticipant(h.t.db);
    const name = 'Sri\tWahyuni binti Ahmad 😀 中文 Ñ';
    const created = await post(
      '/claims',
      officer1,
      claimBody(nik, { heirs: [{ name, relationship: 'spouse' }] }),
    ).expect(201);
    await waitForClaimStatus(h, created.body.claimNumber, 'waiting_for_documents', officer1);
    expect((await h.t.db('heirs').where({ claim_number: created.body.claimNumber }).first()).name).toBe(name);
    const verified = await post(`/claims/${created.body.claimNumber}/verification`, officer1, {
      checklist: {},
      note: 'line one\nline two\twith a tab',
    });
    expect(verified.status).toBe(200);
  });

  it.each([
    ['a verification note', 'verification', { checklist: {}, note: 'x\u0000' }, 'note'],
    ['a decision reason', 'decision', { decision: 'approve', reason: 'ok \ud83d' }, 'reason'],
    ['a choice reason', 'scholarship-children', { children: [1], reason: '\u0007' }, 'reason'],
  ])('refuses %s that PostgreSQL could not store', async (_what, step, body, field) => {
    const { nik } = await createParticipant(h.t.db);
    const created = await post('/claims', officer1, claimBody(nik)).expect(201);
    await waitForClaimStatus(h, created.body.claimNumber, 'waiting_for_documents', officer1);
    expect(await refused(post(`/claims/${created.body.claimNumber}/${step}`, officer1, body))).toEqual([
      field,
    ]);
  });
});
