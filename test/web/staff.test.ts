// The officers' console and the auditor's view in a real browser, on the real stack (PostgreSQL, a Temporal dev
// server, a worker, the sandbox gateway, the API serving the pages): an officer verifies a claim, the same officer's
// approval is refused with the four-eyes rule in words and a second officer approves; an auditor replays a claim
// and downloads its history export, whose digest is checked; axe-core finds no serious or critical violation on any
// page, at 360 px and 1280 px (screenshots under test-output/screenshots).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import type { Browser, Page } from 'playwright-core';
import { createReconciliationActivities } from '../../activities/reconciliation';
import { createStores } from '../../db/stores';
import { verifyExport, type HistoryExport } from '../../replay';
import { jakartaDate } from '../../rules';
import { addDays, addMonths } from '../../rules/dates';
import { startApiHarness, waitForClaimStatus, type ApiHarness } from '../api/harness';
import {
  launchBrowser,
  openPage,
  prepareBrowserTests,
  screenshot,
  SCREENSHOTS,
  seriousViolations,
  serve,
  WIDTHS,
} from '../helpers/browser';
import { createParticipant, FULL_CHECKLIST } from '../helpers/factories';
import { bornYearsBefore, schoolYearOfDate } from '../helpers/scholarship';

let h: ApiHarness;
let site: Awaited<ReturnType<typeof serve>>;
let browser: Browser;
const tokens = {} as Record<'officer1' | 'officer2' | 'supervisor' | 'auditor', string>;

beforeAll(async () => {
  prepareBrowserTests();
  h = await startApiHarness();
  site = await serve(h.app);
  browser = await launchBrowser();
  tokens.officer1 = h.token({ id: 'officer-1', role: 'officer' });
  tokens.officer2 = h.token({ id: 'officer-2', role: 'officer' });
  tokens.supervisor = h.token({ id: 'supervisor-1', role: 'supervisor' });
  tokens.auditor = h.token({ id: 'auditor-1', role: 'auditor' });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await h?.close();
});

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A JKM claim filed by officer-1 through the API, waiting for its documents. */
async function newClaim(accountNumber = '1234567890', children: object[] = []): Promise<string> {
  // Ten years of contributions: a child qualifies for a scholarship (masa iur of at least 3 years).
  const { nik } = await createParticipant(h.t.db, { membershipStartDate: '2012-01-01' });
  const res = await request(h.app)
    .post('/api/v1/claims')
    .set(bearer(tokens.officer1))
    .send({
      program: 'JKM',
      participantNik: nik,
      eventDate: addDays(jakartaDate(Date.now()), -10),
      heirs: [{ name: 'Sri Wahyuni', relationship: 'spouse' }],
      children,
      bankAccount: { bankCode: 'BRI', accountNumber, accountName: 'Sri Wahyuni' },
    });
  expect(res.status).toBe(201);
  const claimNumber = res.body.claimNumber as string;
  await waitForClaimStatus(h, claimNumber, 'waiting_for_documents', tokens.officer1);
  return claimNumber;
}

/** A claim verified by officer-1 and approved by officer-2 through the API, then paid. */
async function paidClaim(): Promise<string> {
  const claimNumber = await approvedClaim();
  await waitForClaimStatus(h, claimNumber, 'paid', tokens.officer1);
  return claimNumber;
}

/** A claim verified by officer-1 and approved by officer-2 through the API. */
async function approvedClaim(accountNumber?: string, children?: object[]): Promise<string> {
  const claimNumber = await newClaim(accountNumber, children);
  const verified = await request(h.app)
    .post(`/api/v1/claims/${claimNumber}/verification`)
    .set(bearer(tokens.officer1))
    .send({ checklist: FULL_CHECKLIST });
  expect(verified.status).toBe(200);
  await waitForClaimStatus(h, claimNumber, 'waiting_for_decision', tokens.officer1);
  const decided = await request(h.app)
    .post(`/api/v1/claims/${claimNumber}/decision`)
    .set(bearer(tokens.officer2))
    .send({ decision: 'approve', reason: 'Berkas lengkap' });
  expect(decided.status).toBe(200);
  return claimNumber;
}

/** Signs in on the page's sign-in form with a development token (Indonesian texts, the default). */
async function signIn(page: Page, path: string, token: string) {
  await page.goto(`${site.url}${path}`);
  await page.getByLabel('Token staf').fill(token);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('button', { name: 'Keluar' }).waitFor();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Keluar' }).click();
  await page.getByLabel('Token staf').waitFor();
}

/** axe finds nothing serious, nothing is wider than the screen, and the page is saved as a screenshot. */
async function checkPage(page: Page, name: string, width: number) {
  expect(await seriousViolations(page)).toEqual([]);
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
  await screenshot(page, name);
}

test('an officer verifies; the same officer may not approve, with the reason in words; a second officer approves', async () => {
  const claimNumber = await newClaim();
  const tab = await openPage(browser, WIDTHS.desktop);
  try {
    const { page } = tab;
    await signIn(page, '/staff', tokens.officer1);
    expect(await page.getByTestId('staff-role').textContent()).toBe('Petugas klaim');

    // The queue, filtered to the claims waiting for their documents, leads to the claim.
    await page.getByLabel('Status').selectOption('waiting_for_documents');
    await page.getByRole('link', { name: claimNumber }).click();
    await page.getByRole('heading', { level: 1, name: `Klaim ${claimNumber}` }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/staff/claims/${claimNumber}`);
    // After the in-page navigation, focus is on the new view's heading (announced by screen readers).
    expect(await page.locator(':focus').textContent()).toBe(`Klaim ${claimNumber}`);

    // The checklist: every document the programme requires, ticked, then recorded.
    const checklist = page.getByRole('group', { name: 'Centang setiap dokumen yang diterima dan sesuai' });
    for (const name of [
      'Kartu peserta (KPJ)',
      'KTP peserta yang meninggal',
      'KTP ahli waris',
      'Akta kematian',
      'Kartu keluarga (KK)',
      'Surat keterangan ahli waris',
      'Buku tabungan penerima',
    ]) {
      await checklist.getByLabel(name).check();
    }
    await page.getByRole('button', { name: 'Simpan verifikasi' }).click();
    await page.getByText('Berkas lengkap.').waitFor();
    await page.getByTestId('claim-status').getByText('Menunggu keputusan').waitFor();

    // The assessment, each component with its legal basis and explanation.
    const assessment = page.getByRole('region', { name: 'Perhitungan manfaat' });
    await assessment.getByRole('heading', { name: /Santunan sekaligus/ }).waitFor();
    expect(await assessment.getByText('Dasar hukum').count()).toBeGreaterThanOrEqual(3);
    const total = await page.getByTestId('assessment-total').textContent();
    expect(total).toMatch(/^Rp\s?\d{1,3}(\.\d{3})+$/);

    // The verifier's own approval: refused by the API (403 problem+json), explained in Indonesian.
    await page.getByLabel('Alasan keputusan').fill('Berkas lengkap dan sah');
    // By keyboard: from the reason, Tab reaches the submit button and Enter sends the decision.
    await page.getByLabel('Alasan keputusan').focus();
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').textContent()).toBe('Simpan keputusan');
    await page.keyboard.press('Enter');
    const refusal = page.getByRole('alert').and(page.locator('[data-problem="maker-checker"]'));
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Ditolak.');
    expect(await refusal.textContent()).toContain(
      'Anda memverifikasi dokumen klaim ini, jadi Anda tidak boleh juga memutuskannya.',
    );
    // The API's own words are shown too, marked as English.
    expect(await refusal.locator('[lang="en"]').textContent()).toBe(
      'The officer who verified the documents may not also decide the claim.',
    );
    await screenshot(page, 'staff-refusal');
    await page
      .getByRole('region', { name: 'Keputusan' })
      .screenshot({ path: join(SCREENSHOTS, 'staff-decision-refused-1280.png') });
    const unchanged = await request(h.app).get(`/api/v1/claims/${claimNumber}`).set(bearer(tokens.officer1));
    expect(unchanged.body).toMatchObject({ status: 'waiting_for_decision', decision: null });

    // In English, the same refusal reads in English.
    await page.getByRole('button', { name: 'English' }).click();
    await refusal
      .getByText('You verified the documents of this claim, so you may not also decide it.')
      .waitFor();
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();

    // A second officer approves.
    await signOut(page);
    await page.getByLabel('Token staf').fill(tokens.officer2);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { level: 1, name: `Klaim ${claimNumber}` }).waitFor();
    expect(await page.getByTestId('staff-id').textContent()).toBe('officer-2');
    await page.getByLabel('Alasan keputusan').fill('Berkas lengkap dan sah');
    await page.getByRole('button', { name: 'Simpan keputusan' }).click();
    await page.getByTestId('decision').getByText('Disetujui oleh officer-2').waitFor();
    const decided = await request(h.app).get(`/api/v1/claims/${claimNumber}`).set(bearer(tokens.officer1));
    expect(decided.body.decision).toMatchObject({ decision: 'approve', decidedBy: 'officer-2' });
    expect(decided.body.verifiedBy).toBe('officer-1');
    expect(tab.problems).toEqual([]);
  } finally {
    await tab.close();
  }
});

test('a new account after a refusal: the officer who filed and verified may not review it, a second officer approves', async () => {
  // The sandbox bank always refuses an account number starting with 000.
  const claimNumber = await approvedClaim('0001234567');
  await waitForClaimStatus(h, claimNumber, 'waiting_for_bank_account', tokens.officer1);
  const proposed = await request(h.app)
    .post(`/api/v1/claims/${claimNumber}/bank-account`)
    .set(bearer(tokens.officer1))
    .send({ bankCode: 'BNI', accountNumber: '9876543210', accountName: 'Sri Wahyuni' });
  expect(proposed.status).toBe(200);
  await waitForClaimStatus(h, claimNumber, 'waiting_for_account_review', tokens.officer1);

  const tab = await openPage(browser, WIDTHS.phone);
  try {
    const { page } = tab;
    await signIn(page, '/staff/reviews', tokens.officer1);
    await page
      .getByRole('region', { name: 'Rekening baru' })
      .getByRole('link', { name: claimNumber })
      .click();
    const review = page.getByRole('region', { name: 'Rekening baru menunggu pemeriksaan' });
    await review.getByText('BNI 9876543210').waitFor();
    await review.getByLabel('Cara identitas pemilik diperiksa').fill('KTP dilihat langsung');
    await review.getByLabel('Alasan').fill('Rekening atas nama ahli waris');
    await review.getByRole('button', { name: 'Simpan pemeriksaan' }).click();
    const refusal = review.getByRole('alert').and(page.locator('[data-problem="maker-checker"]'));
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Anda mengajukan rekening ini, mencatat klaim');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'staff-account-review-refused');

    await signOut(page);
    await page.getByLabel('Token staf').fill(tokens.officer2);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await review.getByLabel('Cara identitas pemilik diperiksa').fill('Menelepon nomor yang tercatat');
    await review.getByLabel('Alasan').fill('Rekening atas nama ahli waris');
    await review.getByRole('button', { name: 'Simpan pemeriksaan' }).click();
    await review.waitFor({ state: 'detached' });
    const after = await request(h.app).get(`/api/v1/claims/${claimNumber}`).set(bearer(tokens.officer1));
    expect(after.body.accountChanges).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ accountNumber: '9876543210', status: 'approved', reviewedBy: 'officer-2' }),
      ]),
    );
    expect(after.body.status).not.toBe('waiting_for_account_review');
    expect(tab.problems).toEqual([]);
  } finally {
    await tab.close();
  }
});

test('a proof of enrolment an officer sent: that officer may not review it; a second officer confirms and the year is paid', async () => {
  const today = jakartaDate(Date.now());
  const claimNumber = await approvedClaim('1234567890', [
    { name: 'Adi', dateOfBirth: bornYearsBefore(today, 9), schooling: { level: 'SD', grade: 3 } },
  ]);
  await waitForClaimStatus(h, claimNumber, 'paid', tokens.officer1);
  const id = `${claimNumber}-S1`;
  const schoolYear = schoolYearOfDate(addDays(today, -10));
  for (let i = 0; ; i++) {
    const view = await request(h.app).get(`/api/v1/claims/${claimNumber}`).set(bearer(tokens.officer1));
    if (view.body.scholarships?.[0]?.status === 'waiting_for_proof') break;
    if (i > 200) throw new Error('the scholarship never waited for a proof');
    await new Promise((r) => setTimeout(r, 100));
  }
  const sent = await request(h.app)
    .post(`/api/v1/scholarships/${id}/enrollments`)
    .set(bearer(tokens.officer1))
    .send({
      schoolYear,
      level: 'SD',
      grade: 3,
      institution: 'SD Negeri 1 Bogor',
      documentReference: 'SKA-0042',
    });
  expect(sent.status).toBe(200);

  const tab = await openPage(browser, WIDTHS.desktop);
  try {
    const { page } = tab;
    await signIn(page, `/staff/claims/${claimNumber}`, tokens.officer1);
    const proof = page.getByRole('form', { name: `Bukti pendaftaran tahun ajaran ${schoolYear}` });
    await proof.getByText('SD Negeri 1 Bogor').waitFor({ timeout: 20_000 });
    await proof.getByLabel('Alasan').fill('Surat keterangan aktif sekolah sah');
    await proof.getByRole('button', { name: 'Simpan pemeriksaan bukti' }).click();
    const refusal = proof.getByRole('alert').and(page.locator('[data-problem="maker-checker"]'));
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Anda mengirim bukti pendaftaran ini');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'staff-proof-review-refused');

    await signOut(page);
    await page.getByLabel('Token staf').fill(tokens.officer2);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await proof.getByLabel('Alasan').fill('Surat keterangan aktif sekolah sah');
    await proof.getByRole('button', { name: 'Simpan pemeriksaan bukti' }).click();
    await proof.waitFor({ state: 'detached', timeout: 20_000 });
    const yearRow = () =>
      h.t.db('scholarship_years').where({ workflow_id: id, school_year: schoolYear }).first();
    let year = await yearRow();
    for (let n = 0; year.status !== 'paid' && n < 200; n++) {
      await new Promise((r) => setTimeout(r, 100));
      year = await yearRow();
    }
    expect(year).toMatchObject({ status: 'paid', reviewed_by: 'officer-2', submitted_by: 'officer-1' });
    expect(tab.problems).toEqual([]);
  } finally {
    await tab.close();
  }
});

test('a backdated claim date: an officer is told only a supervisor decides it; the supervisor approves it', async () => {
  const { nik } = await createParticipant(h.t.db);
  const claimDate = addDays(jakartaDate(Date.now()), -3);
  const filed = await request(h.app)
    .post('/api/v1/claims')
    .set(bearer(tokens.officer1))
    .send({
      program: 'JKM',
      participantNik: nik,
      eventDate: addDays(jakartaDate(Date.now()), -10),
      claimDate,
      backdating: { reason: 'Berkas kertas diterima di kantor cabang' },
      heirs: [{ name: 'Sri Wahyuni', relationship: 'spouse' }],
      bankAccount: { bankCode: 'BRI', accountNumber: '1234567890', accountName: 'Sri Wahyuni' },
    });
  expect(filed.status).toBe(201);
  const claimNumber = filed.body.claimNumber as string;
  await waitForClaimStatus(h, claimNumber, 'waiting_for_backdating_approval', tokens.officer1);

  const tab = await openPage(browser, WIDTHS.phone);
  try {
    const { page } = tab;
    await signIn(page, `/staff/claims/${claimNumber}`, tokens.officer2);
    const form = page.getByRole('region', { name: 'Tanggal klaim mundur' });
    await form.getByText('Berkas kertas diterima di kantor cabang').waitFor();
    await form.getByLabel('Alasan keputusan').fill('Cap terima kantor cabang terlihat');
    await form.getByRole('button', { name: 'Simpan keputusan' }).click();
    const refusal = form.getByRole('alert').and(page.locator('[data-problem="forbidden"]'));
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Hanya supervisor yang memutuskan tanggal klaim mundur.');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'staff-backdating-refused');

    await signOut(page);
    await page.getByLabel('Token staf').fill(tokens.supervisor);
    await page.getByRole('button', { name: 'Masuk' }).click();
    expect(await page.getByTestId('staff-role').textContent()).toBe('Supervisor');
    await form.getByLabel('Alasan keputusan').fill('Cap terima kantor cabang terlihat');
    await form.getByRole('button', { name: 'Simpan keputusan' }).click();
    await page
      .getByTestId('claim-status')
      .getByText('Menunggu verifikasi dokumen')
      .waitFor({ timeout: 20_000 });
    const events = await h.t
      .db('claim_events')
      .where({ claim_number: claimNumber, type: 'backdating_approved' });
    expect(events.map((e) => e.actor)).toEqual(['supervisor-1']);
    expect(tab.problems).toEqual([]);
  } finally {
    await tab.close();
  }
});

test('an employer that paid first: an officer may not approve its reimbursement, in words; a supervisor approves', async () => {
  // JKK, the employer 5 months in arrears at the death: the employer pays the heirs first (rules/employer-pays-first.ts).
  const eventDate = addDays(jakartaDate(Date.now()), -3);
  const { nik } = await createParticipant(h.t.db, {
    membershipStartDate: '2018-01-01',
    monthlyWage: 3_500_000,
    arrearsSince: addMonths(eventDate, -5),
  });
  const filed = await request(h.app)
    .post('/api/v1/claims')
    .set(bearer(tokens.officer1))
    .send({
      program: 'JKK',
      participantNik: nik,
      eventDate,
      heirs: [{ name: 'Sri Wahyuni', relationship: 'spouse' }],
      bankAccount: { bankCode: 'BRI', accountNumber: '1234567890', accountName: 'Sri Wahyuni' },
    });
  expect(filed.status).toBe(201);
  const claimNumber = filed.body.claimNumber as string;
  await waitForClaimStatus(h, claimNumber, 'waiting_for_documents', tokens.officer1);
  await request(h.app)
    .post(`/api/v1/claims/${claimNumber}/verification`)
    .set(bearer(tokens.officer1))
    .send({ checklist: FULL_CHECKLIST })
    .expect(200);
  await waitForClaimStatus(h, claimNumber, 'waiting_for_decision', tokens.officer1);
  await request(h.app)
    .post(`/api/v1/claims/${claimNumber}/decision`)
    .set(bearer(tokens.officer2))
    .send({ decision: 'approve', reason: 'Berkas lengkap' })
    .expect(200);
  const held = await waitForClaimStatus(h, claimNumber, 'waiting_for_employer_payment', tokens.officer1);
  await request(h.app)
    .post(`/api/v1/claims/${claimNumber}/employer-settlement`)
    .set(bearer(tokens.officer1))
    .send({
      arrearsSettlementReference: 'SETL-2026-0042',
      proofOfPaymentReference: 'TRF-BCA-778812',
      amountPaidToHeirs: held.assessment.total,
      paidToHeirsOn: jakartaDate(Date.now()),
      employerAccount: { bankCode: 'BCA', accountNumber: '5550001111', accountName: 'PT Uji Konstruksi' },
    })
    .expect(200);
  await waitForClaimStatus(h, claimNumber, 'waiting_for_reimbursement_approval', tokens.officer1);

  const tab = await openPage(browser, WIDTHS.desktop);
  try {
    const { page } = tab;
    await signIn(page, `/staff/claims/${claimNumber}`, tokens.officer2);
    const section = page.getByRole('region', { name: 'Penggantian kepada pemberi kerja' });
    await section.getByText('TRF-BCA-778812').waitFor();
    // A JKK death claim has no accident case: no finding, items or closing on its page.
    expect(await page.getByRole('region', { name: 'Hasil pemeriksaan kecelakaan' }).count()).toBe(0);
    await section.getByLabel('Alasan keputusan').fill('Bukti pembayaran dan pelunasan sesuai');
    await section.getByRole('button', { name: 'Simpan keputusan' }).click();
    const refusal = section.getByRole('alert').and(page.locator('[data-problem="supervisor-required"]'));
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(
      'Mengganti pemberi kerja, bukan membayar ahli waris, memerlukan supervisor.',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'staff-reimbursement-refused');

    await signOut(page);
    await page.getByLabel('Token staf').fill(tokens.supervisor);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await section.getByLabel('Alasan keputusan').fill('Bukti pembayaran dan pelunasan sesuai');
    await section.getByRole('button', { name: 'Simpan keputusan' }).click();
    await section.waitFor({ state: 'detached', timeout: 20_000 });
    const after = await request(h.app).get(`/api/v1/claims/${claimNumber}`).set(bearer(tokens.officer1));
    expect(after.body.employerReimbursement).toMatchObject({ decidedBy: 'supervisor-1' });
    expect(tab.problems).toEqual([]);
  } finally {
    await tab.close();
  }
});

test('an auditor replays a claim and downloads its history export, whose digest checks out', async () => {
  const claimNumber = await paidClaim();
  const tab = await openPage(browser, WIDTHS.desktop);
  try {
    const { page } = tab;
    await signIn(page, '/auditor', tokens.auditor);
    await page.getByLabel('Nomor klaim').fill(claimNumber);
    await page.getByRole('button', { name: 'Buka' }).click();
    await page.getByRole('heading', { level: 1, name: `Audit klaim ${claimNumber}` }).waitFor();

    await page.getByRole('button', { name: 'Jalankan replay' }).click();
    const verdict = page.getByTestId('replay-verdict');
    await verdict.waitFor({ timeout: 60_000 });
    expect(await verdict.getAttribute('data-deterministic')).toBe('true');
    expect(await page.getByTestId('replay-runs').locator('li').count()).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('trail-decision').textContent()).toContain('officer-2');
    expect(await page.getByTestId('trail-verifications').textContent()).toContain('officer-1');
    expect(await page.getByTestId('trail-outcome').textContent()).toContain('paid');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Unduh ekspor riwayat' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`history-${claimNumber}.json`);
    const file = readFileSync((await download.path())!, 'utf8');
    const doc = JSON.parse(file) as HistoryExport;
    // The file's hash chains and digest verify, and the page shows that digest and the file's own SHA-256.
    expect(doc.claimNumber).toBe(claimNumber);
    expect(verifyExport(doc)).toMatchObject({ valid: true, digestValid: true });
    await page.getByTestId('export-digest').waitFor();
    expect(await page.getByTestId('export-digest').textContent()).toBe(doc.digest);
    expect(await page.getByTestId('export-file-sha256').textContent()).toBe(
      createHash('sha256').update(file, 'utf8').digest('hex'),
    );
    // The API, asked again, reports the same digest for the same histories.
    const api = await request(h.app).get(`/api/v1/claims/${claimNumber}/history`).set(bearer(tokens.auditor));
    expect(api.status).toBe(200);
    expect(api.body.digest).toBe(doc.digest);
    await screenshot(page, 'auditor-replay');
    await page
      .getByRole('region', { name: 'Hasil replay' })
      .screenshot({ path: join(SCREENSHOTS, 'auditor-verdict-1280.png') });
    expect(tab.problems).toEqual([]);
  } finally {
    await tab.close();
  }
});

test('a wrong role is refused in words: an officer on the auditor view, and a token that is not one', async () => {
  const claimNumber = await newClaim();
  const tab = await openPage(browser, WIDTHS.phone);
  try {
    const { page } = tab;
    await page.goto(`${site.url}/staff`);
    await page.getByLabel('Token staf').fill('not-a-token');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('alert').getByText('Ini bukan token JWT').waitFor();

    // An officer's token on the auditor's view: the page says so; the API refuses the replay with a 403 anyway.
    await page.getByLabel('Token staf').fill(tokens.officer1);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.goto(`${site.url}/auditor/claims/${claimNumber}`);
    await page.getByText('Halaman ini hanya untuk auditor.').waitFor();
    const replay = await request(h.app)
      .post(`/api/v1/claims/${claimNumber}/replay`)
      .set(bearer(tokens.officer1))
      .send({});
    expect(replay.status).toBe(403);
    expect(tab.problems).toEqual([]);
  } finally {
    await tab.close();
  }
});

describe('every page passes axe at both widths', () => {
  let waiting: string;
  let paid: string;
  const today = jakartaDate(Date.now());

  beforeAll(async () => {
    paid = await paidClaim();
    waiting = await newClaim();
    const verified = await request(h.app)
      .post(`/api/v1/claims/${waiting}/verification`)
      .set(bearer(tokens.officer1))
      .send({ checklist: FULL_CHECKLIST });
    expect(verified.status).toBe(200);
    await waitForClaimStatus(h, waiting, 'waiting_for_decision', tokens.officer1);
    // Today's payouts against the sandbox gateway's statement (the reconciliation activity itself), and a day with a
    // mismatch and the supervisor task it opened, written through the reconciliation store.
    await createReconciliationActivities(h.t.db, h.gateway.client).reconcileDay(today);
    await createStores(h.t.db).reconciliation.saveDay(
      {
        date: '2026-11-23',
        status: 'mismatched',
        ledgerTotal: 30_000_000,
        gatewayTotal: 20_000_000,
        matched: 1,
        mismatched: 1,
      },
      [
        {
          transferKey: 'JKM-20261123-BBBBBBBB:funeral',
          outcome: 'matched',
          claimNumber: 'JKM-20261123-BBBBBBBB',
          component: 'funeral',
          ledgerAmount: 20_000_000,
          gatewayAmount: 20_000_000,
          gatewayReference: 'GW-1',
        },
        {
          transferKey: 'JKM-20261123-BBBBBBBB:lump_sum',
          outcome: 'missing_at_gateway',
          claimNumber: 'JKM-20261123-BBBBBBBB',
          component: 'lump_sum',
          ledgerAmount: 10_000_000,
          gatewayAmount: null,
          gatewayReference: null,
        },
      ],
      [
        {
          dedupKey: 'reconciliation:2026-11-23:JKM-20261123-BBBBBBBB:lump_sum:missing_at_gateway',
          kind: 'reconciliation_missing_at_gateway',
          message: 'Paid in the ledger but absent from the bank statement: check the transfer with the bank.',
          claimNumber: 'JKM-20261123-BBBBBBBB',
        },
      ],
    );
  }, 120_000);

  for (const [name, width] of Object.entries(WIDTHS)) {
    test(`the officers' console at ${width} px`, async () => {
      const tab = await openPage(browser, width);
      try {
        const { page } = tab;
        await page.goto(`${site.url}/staff`);
        await page.getByLabel('Token staf').waitFor();
        await checkPage(page, `staff-sign-in-${name}`, width);
        await page.getByLabel('Token staf').fill(tokens.officer2);
        await page.getByRole('button', { name: 'Masuk' }).click();
        await page.getByRole('link', { name: waiting }).waitFor();
        await checkPage(page, `staff-queue-${name}`, width);

        await page.getByRole('link', { name: waiting }).click();
        await page.getByRole('button', { name: 'Simpan keputusan' }).waitFor();
        await checkPage(page, `staff-claim-decision-${name}`, width);

        await page.goto(`${site.url}/staff/claims/${paid}`);
        await page.getByTestId('decision').waitFor();
        await checkPage(page, `staff-claim-paid-${name}`, width);

        await page.getByRole('link', { name: 'Menunggu pemeriksaan' }).click();
        await page.getByRole('heading', { level: 2, name: 'Klaim yang menunggu keputusan' }).waitFor();
        await page.getByRole('link', { name: waiting }).waitFor();
        await checkPage(page, `staff-reviews-${name}`, width);

        await page.getByRole('link', { name: 'Rekonsiliasi' }).click();
        await page.getByRole('link', { name: /23 Nov 2026/ }).waitFor();
        await checkPage(page, `staff-reconciliations-${name}`, width);
        expect(await page.getByText('Tidak ada di bank').count()).toBeGreaterThanOrEqual(1);

        await page.getByRole('link', { name: /23 Nov 2026/ }).click();
        await page.getByRole('heading', { level: 2, name: 'Tugas supervisor' }).waitFor();
        expect(await page.getByText('Paid in the ledger but absent from the bank statement').count()).toBe(1);
        await checkPage(page, `staff-reconciliation-day-${name}`, width);

        // In English too.
        await page.getByRole('button', { name: 'English' }).click();
        await page.getByRole('heading', { level: 2, name: 'Supervisor tasks' }).waitFor();
        await checkPage(page, `staff-reconciliation-day-en-${name}`, width);
        expect(tab.problems).toEqual([]);
      } finally {
        await tab.close();
      }
    });

    test(`the auditor's view at ${width} px`, async () => {
      const tab = await openPage(browser, width);
      try {
        const { page } = tab;
        await page.goto(`${site.url}/auditor`);
        await page.getByLabel('Token staf').waitFor();
        await checkPage(page, `auditor-sign-in-${name}`, width);
        await page.getByLabel('Token staf').fill(tokens.auditor);
        await page.getByRole('button', { name: 'Masuk' }).click();
        await page.getByLabel('Nomor klaim').waitFor();
        await checkPage(page, `auditor-find-${name}`, width);
        await page.getByLabel('Nomor klaim').fill(paid);
        await page.getByRole('button', { name: 'Buka' }).click();
        await page.getByRole('button', { name: 'Jalankan replay' }).click();
        await page.getByTestId('replay-verdict').waitFor({ timeout: 60_000 });
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: 'Unduh ekspor riwayat' }).click(),
        ]);
        expect(download.suggestedFilename()).toBe(`history-${paid}.json`);
        await page.getByTestId('export-digest').waitFor();
        await checkPage(page, `auditor-claim-${name}`, width);
        expect(tab.problems).toEqual([]);
      } finally {
        await tab.close();
      }
    });
  }
});
