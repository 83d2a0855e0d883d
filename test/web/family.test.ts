// The family's page in a real browser, on the real stack (PostgreSQL, a Temporal dev server, a worker, the sandbox
// bank, the API serving the page); officers act through the API. A family follows its claim to `paid` in Bahasa
// Indonesia, sends a new bank account after the bank refused the first (it then waits for a second staff member's
// review), and a proof of enrolment for its child; a wrong code reads as an unknown claim; the rate limit applies.
// Every page state is checked with axe-core, and screenshots are saved at 360 px and 1280 px.
import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import type { Browser, Page } from 'playwright-core';
import { addDays } from '../../rules/dates';
import { jakartaDate } from '../../rules';
import { familyClaimResponse } from '../../api/schemas/track';
import { claimStatusText, scholarshipStatusText } from '../../vocabulary/status';
import { startApiHarness, waitForClaimStatus, type ApiHarness } from '../api/harness';
import {
  launchBrowser,
  openPage,
  prepareBrowserTests,
  screenshot,
  seriousViolations,
  serve,
  WIDTHS,
} from '../helpers/browser';
import { createParticipant, FULL_CHECKLIST } from '../helpers/factories';
import { bornYearsBefore, schoolYearOfDate } from '../helpers/scholarship';

let h: ApiHarness;
let site: Awaited<ReturnType<typeof serve>>;
let browser: Browser;
let officer1: string;
let officer2: string;
/** Everything the served app logs, at every level: the tracking code must never be in it. */
let log: ReturnType<typeof capturedLog>;

function capturedLog() {
  let text = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { logger: pino({ level: 'trace' }, sink), text: () => text };
}

beforeAll(async () => {
  prepareBrowserTests();
  h = await startApiHarness();
  log = capturedLog();
  site = await serve(h.appWith({ logger: log.logger }));
  browser = await launchBrowser();
  officer1 = h.token({ id: 'officer-1', role: 'officer' });
  officer2 = h.token({ id: 'officer-2', role: 'officer' });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await h?.close();
});

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const today = () => jakartaDate(Date.now());
const id = (status: Parameters<typeof claimStatusText>[0]) => claimStatusText(status, 'id');

/** A JKM claim filed by officer-1 for a widow and one child at school, to an account the bank refuses. */
async function fileClaim() {
  const { nik } = await createParticipant(h.t.db, { membershipStartDate: '2012-01-01' });
  const created = await request(h.app)
    .post('/api/v1/claims')
    .set(bearer(officer1))
    .send({
      program: 'JKM',
      participantNik: nik,
      eventDate: addDays(today(), -10),
      heirs: [{ name: 'Sri Wahyuni', relationship: 'spouse' }],
      children: [
        { name: 'Adi', dateOfBirth: bornYearsBefore(today(), 9), schooling: { level: 'SD', grade: 3 } },
      ],
      // The sandbox bank refuses every account starting 000.
      bankAccount: { bankCode: 'BNI', accountNumber: '0001234567', accountName: 'Sri Wahyuni' },
    })
    .expect(201);
  return created.body as { claimNumber: string; trackingCode: string };
}

async function signIn(page: Page, claimNumber: string, code: string) {
  await page.getByLabel('Nomor klaim').fill(claimNumber);
  await page.getByLabel('Kode pelacakan').fill(code);
  await page.getByRole('button', { name: 'Lihat klaim' }).click();
}

/** The family's answer, which must be exactly what its schema (in the OpenAPI document) says. */
async function trackedConforms(claimNumber: string, code: string) {
  const res = await request(h.app)
    .get(`/api/v1/track/${claimNumber}`)
    .set('X-Tracking-Code', code)
    .expect(200);
  return familyClaimResponse.parse(res.body);
}

/** Presses "Perbarui" until the claim's status reads `text` (the workflow moves on its own time). */
async function refreshUntil(page: Page, text: string) {
  const status = page.locator('[data-status]');
  for (let i = 0; i < 150; i++) {
    if ((await status.textContent()) === text) {
      const claimNumber = (await page.locator('#claim-heading').textContent())!;
      const code = (await page.evaluate(
        'JSON.parse(sessionStorage.getItem("santunan.family")).trackingCode',
      )) as string;
      await trackedConforms(claimNumber, code);
      return;
    }
    await page.getByRole('button', { name: 'Perbarui' }).click();
    await page.waitForTimeout(200);
  }
  throw new Error(`the page never showed "${text}" (last: ${await status.textContent()})`);
}

test('a family follows its claim to paid in Bahasa Indonesia, and sends a new account that waits for review', async () => {
  const { claimNumber, trackingCode } = await fileClaim();
  const tab = await openPage(browser, WIDTHS.phone);
  const { page } = tab;
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  try {
    await page.goto(site.url);
    await page.getByRole('heading', { level: 1, name: 'Lacak klaim Anda' }).waitFor();
    // The first load: every document, script and stylesheet, gzipped, under 200 KB.
    const first = await tab.weight();
    process.stdout.write(
      `family page first load: ${(first.bytes / 1024).toFixed(1)} KB gzipped in ${first.files.length} files\n`,
    );
    expect(first.bytes).toBeLessThan(200 * 1024);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'family-sign-in');

    // A wrong code and an unknown claim read the same.
    await signIn(page, claimNumber, 'WRONGCODE234');
    const wrong = await page.getByRole('alert').textContent();
    await signIn(
      page,
      claimNumber.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
      trackingCode,
    );
    const unknown = await page.getByRole('alert').textContent();
    expect(wrong).toContain('tidak cocok');
    expect(unknown).toBe(wrong);

    await signIn(page, claimNumber, trackingCode);
    await page.getByRole('heading', { level: 2, name: claimNumber }).waitFor();
    // Focus moves to the claim, for keyboard and screen-reader users.
    expect(await page.locator(':focus').textContent()).toBe(claimNumber);
    await refreshUntil(page, id('waiting_for_documents'));
    const staff = await waitForClaimStatus(h, claimNumber, 'waiting_for_documents', officer1);
    // The service level as a date.
    expect(await page.getByText('Petugas memeriksa dokumen paling lambat').textContent()).toContain(
      new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(`${staff.verificationDue}T00:00:00Z`),
      ),
    );
    await page.getByText('Klaim diterima').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // Officer-1 verifies, officer-2 approves: the bank refuses the account.
    await request(h.app)
      .post(`/api/v1/claims/${claimNumber}/verification`)
      .set(bearer(officer1))
      .send({ checklist: FULL_CHECKLIST })
      .expect(200);
    await refreshUntil(page, id('waiting_for_decision'));
    await request(h.app)
      .post(`/api/v1/claims/${claimNumber}/decision`)
      .set(bearer(officer2))
      .send({ decision: 'approve', reason: 'Complete' })
      .expect(200);
    await refreshUntil(page, id('waiting_for_bank_account'));
    await page.getByText('Bank menolak rekening').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // The family sends a new account from the page; a bad number is named before anything is sent.
    const form = page.getByRole('form', { name: 'Kirim rekening bank baru' });
    await form.getByLabel('Kode bank').fill('bni');
    await form.getByLabel('Nomor rekening').fill('12');
    await form.getByLabel('Nama pemilik rekening').fill('Sri Wahyuni');
    await form.getByRole('button', { name: 'Kirim rekening' }).click();
    expect(await form.getByLabel('Nomor rekening').getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('Nomor rekening').fill('5551234567');
    await form.getByRole('button', { name: 'Kirim rekening' }).click();
    await page
      .getByRole('status')
      .getByText('Rekening baru sudah dikirim dan sedang menunggu pemeriksaan.')
      .waitFor();
    await refreshUntil(page, id('waiting_for_account_review'));
    const waiting = await waitForClaimStatus(h, claimNumber, 'waiting_for_account_review', officer1);
    expect(waiting.accountChanges).toEqual([
      expect.objectContaining({ proposedBy: 'family', status: 'pending', accountNumber: '5551234567' }),
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'family-account-review');

    // Officer-2 approves the change of payee; the claim is paid.
    await request(h.app)
      .post(`/api/v1/claims/${claimNumber}/bank-account/review`)
      .set(bearer(officer2))
      .send({
        decision: 'approve',
        identityCheck: 'Video call, KTP shown',
        reason: "The widow's own account",
      })
      .expect(200);
    await refreshUntil(page, id('paid'));
    const paid = await waitForClaimStatus(h, claimNumber, 'paid', officer1);
    const payouts = page.locator('[data-payout]');
    expect(await payouts.count()).toBe(paid.payouts.length);
    for (const p of paid.payouts as { component: string; gatewayReference: string }[]) {
      const shown = page.locator(`[data-payout="${p.component}"]`);
      expect(await shown.textContent()).toContain(p.gatewayReference);
      expect(await shown.textContent()).toContain('******4567');
      expect(await shown.textContent()).toContain('Sudah dibayar');
    }
    await page.getByText('Pembayaran dikirim ke rekening').first().waitFor();

    // The child's scholarship: this year's window and deadline, and the years to come; the proof sent from the page.
    const year = schoolYearOfDate(addDays(today(), -10));
    const scholarship = page.locator(`[data-scholarship="${claimNumber}-S1"]`);
    for (let i = 0; i < 100 && !(await scholarship.getByText('Kirim bukti terdaftar sekolah').count()); i++) {
      await page.getByRole('button', { name: 'Perbarui' }).click();
      await page.waitForTimeout(200);
    }
    await scholarship.getByText(`Tahun ajaran ${year}`).waitFor();
    await scholarship.getByText('Batas akhir').waitFor();
    await scholarship.getByText('Tahun ajaran berikutnya').click();
    await scholarship
      .getByText(/^\d{4}\/\d{4}$/)
      .first()
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'family-paid-first-screen', { fullPage: false });
    await screenshot(page, 'family-paid');
    await scholarship.getByLabel('Nama sekolah').fill('SD Negeri 1 Bogor');
    await scholarship.getByLabel('Nomor surat keterangan sekolah').fill('SKA-0042');
    await scholarship.getByRole('button', { name: 'Kirim bukti' }).click();
    await page.getByRole('status').getByText('Bukti sudah dikirim').waitFor();
    for (let i = 0; i < 100; i++) {
      if (await scholarship.getByText(scholarshipStatusText('proof_under_review', 'id')).count()) break;
      await page.getByRole('button', { name: 'Perbarui' }).click();
      await page.waitForTimeout(200);
    }
    await scholarship.getByText(scholarshipStatusText('proof_under_review', 'id')).waitFor();
    const plan = (await trackedConforms(claimNumber, trackingCode)).scholarships[0]!;
    expect(plan.currentYear).toMatchObject({ schoolYear: year, status: 'proof_under_review' });

    // The same claim in English: the statuses' English texts are the API's own.
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.locator('[data-status]').textContent()).toBe(claimStatusText('paid', 'en'));
    await page.getByText('Payment sent to the account').first().waitFor();
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();

    // The code: never in a URL or the audit log; kept in this tab's sessionStorage only.
    expect(requested.filter((u) => u.includes(trackingCode))).toEqual([]);
    expect(await page.evaluate('JSON.stringify(localStorage)')).not.toContain(trackingCode);
    expect(await page.evaluate('sessionStorage.getItem("santunan.family")')).toContain(trackingCode);
    expect(await page.context().cookies()).toEqual([]);
    const audit = await h.t.db('audit_log').select('*');
    expect(audit.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit)).not.toContain(trackingCode);
    expect(log.text()).not.toContain(trackingCode);
    expect(tab.problems).toEqual([]);
  } finally {
    await tab.close();
  }

  // The paid claim at desktop width, opened again in a fresh tab.
  const desk = await openPage(browser, WIDTHS.desktop);
  try {
    await desk.page.goto(site.url);
    await signIn(desk.page, claimNumber, trackingCode);
    await desk.page.locator('[data-status]').waitFor();
    await desk.page
      .getByText('Kirim bukti')
      .first()
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    expect(await desk.page.locator('[data-status]').textContent()).toBe(id('paid'));
    expect(await seriousViolations(desk.page)).toEqual([]);
    expect(await desk.page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      WIDTHS.desktop,
    );
    await screenshot(desk.page, 'family-paid');
    expect(desk.problems).toEqual([]);
  } finally {
    await desk.close();
  }
});

test("a claim's wrong codes are rate limited, and the page says when to try again", async () => {
  const { claimNumber } = await fileClaim();
  const strictLog = capturedLog();
  const strict = await serve(h.appWith({ trackingLimits: { perClaim: 2 }, logger: strictLog.logger }));
  const tab = await openPage(browser, WIDTHS.phone);
  try {
    await tab.page.goto(strict.url);
    // By keyboard alone: the tab order follows the page, every stop shows its focus, Enter sends the form.
    const stops: string[] = [];
    for (let i = 0; i < 6; i++) {
      await tab.page.keyboard.press('Tab');
      const focused = tab.page.locator(':focus');
      stops.push((await focused.getAttribute('id')) ?? (await focused.textContent()) ?? '');
      const outline = (await tab.page.evaluate(
        '(() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, parseFloat(s.outlineWidth)]; })()',
      )) as [string, number];
      expect(outline[0]).not.toBe('none');
      expect(outline[1]).toBeGreaterThanOrEqual(2);
    }
    expect(stops).toEqual([
      'Langsung ke isi',
      'Bahasa Indonesia',
      'English',
      'claim-number',
      'tracking-code',
      'Lihat klaim',
    ]);
    await tab.page.locator('#claim-number').focus();
    await tab.page.keyboard.type(claimNumber.toLowerCase());
    await tab.page.keyboard.press('Tab');
    await tab.page.keyboard.type('wrong code 234');
    await tab.page.keyboard.press('Enter');
    await tab.page.getByRole('alert').getByText('tidak cocok').waitFor();
    // What was typed from the slip: upper-cased, spaces dropped.
    expect(await tab.page.locator('#claim-number').inputValue()).toBe(claimNumber);
    expect(await tab.page.locator('#tracking-code').inputValue()).toBe('WRONGCODE234');
    await signIn(tab.page, claimNumber, 'WRONGCODE235');
    await tab.page.getByRole('alert').getByText('tidak cocok').waitFor();
    await signIn(tab.page, claimNumber, 'WRONGCODE239');
    await tab.page.getByRole('alert').getByText('Terlalu banyak percobaan').waitFor();
    expect(await tab.page.getByRole('alert').textContent()).toMatch(/Coba lagi dalam \d+ menit/);
    // The lock-out is logged as a security event, with none of the codes tried.
    expect(strictLog.text()).toContain('security event');
    expect(strictLog.text()).not.toMatch(/WRONGCODE23[459]/);
    expect(await seriousViolations(tab.page)).toEqual([]);
    expect(tab.problems).toEqual([]);
  } finally {
    await tab.close();
    await strict.close();
  }
});
