// An accident case (JKK, the worker lives) in a real browser, on the real stack (PostgreSQL, a Temporal dev server, a
// worker, the sandbox bank, the API serving the pages). Filed through the API; in the officers' console one officer
// records the finding and a second confirms it; a treatment bill recorded through the API is verified by one officer,
// whose own approval is refused with the four-eyes rule in words, and approved by another; it is paid. The worker
// then opens the family page in Bahasa Indonesia at 360 px and reads the treatment paid with its amount. axe-core
// finds no serious or critical violation on either page; screenshots under test-output/screenshots.
import request from 'supertest';
import type { Browser, Page } from 'playwright-core';
import { familyAccidentResponse } from '../../api/schemas/track';
import { jakartaDate } from '../../rules';
import { addDays } from '../../rules/dates';
import { itemStatusText } from '../../vocabulary/accident-texts';
import { claimStatusText } from '../../vocabulary/status';
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
import { createParticipant } from '../helpers/factories';

let h: ApiHarness;
let site: Awaited<ReturnType<typeof serve>>;
let browser: Browser;
const tokens = {} as Record<'officer1' | 'officer2' | 'officer3', string>;

beforeAll(async () => {
  prepareBrowserTests();
  h = await startApiHarness();
  site = await serve(h.app);
  browser = await launchBrowser();
  tokens.officer1 = h.token({ id: 'officer-1', role: 'officer' });
  tokens.officer2 = h.token({ id: 'officer-2', role: 'officer' });
  tokens.officer3 = h.token({ id: 'officer-3', role: 'officer' });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await h?.close();
});

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const today = () => jakartaDate(Date.now());
const AMOUNT = 3_250_000;
const rupiahId = (n: number) =>
  new Intl.NumberFormat('id-ID', { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 }).format(n);

/** An accident at work five days ago, reported the next day (in time: the agency pays), filed by officer-1. */
async function fileAccident() {
  const { nik } = await createParticipant(h.t.db, {
    membershipStartDate: '2020-01-01',
    monthlyWage: 4_000_000,
  });
  const created = await request(h.app)
    .post('/api/v1/claims')
    .set(bearer(tokens.officer1))
    .send({
      program: 'JKK',
      event: 'accident',
      participantNik: nik,
      accidentDate: addDays(today(), -5),
      accidentKind: 'work',
      accidentPlace: 'Gudang PT Uji, Bekasi',
      reportedAt: `${addDays(today(), -4)}T08:00:00+07:00`,
      bankAccount: { bankCode: 'BRI', accountNumber: '2234567890', accountName: 'Budi Santoso' },
      employerBankAccount: { bankCode: 'BNI', accountNumber: '3234567890', accountName: 'PT Uji' },
    })
    .expect(201);
  return created.body as { claimNumber: string; trackingCode: string };
}

async function signIn(page: Page, token: string) {
  await page.getByLabel('Token staf').fill(token);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('button', { name: 'Keluar' }).waitFor();
}

async function switchOfficer(page: Page, token: string) {
  await page.getByRole('button', { name: 'Keluar' }).click();
  await signIn(page, token);
}

/** The case's items as staff read them, once the first one reads `status`. */
async function waitForItem(claimNumber: string, status: string) {
  for (let i = 0; i < 300; i++) {
    const res = await request(h.app).get(`/api/v1/claims/${claimNumber}`).set(bearer(tokens.officer1));
    if (res.body.accident?.items?.[0]?.status === status) return res.body.accident.items[0];
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`item 1 of ${claimNumber} never reached ${status}`);
}

test('two officers settle the finding and a treatment in the console; the worker reads it paid, in Bahasa Indonesia at 360 px', async () => {
  const { claimNumber, trackingCode } = await fileAccident();
  await waitForClaimStatus(h, claimNumber, 'waiting_for_finding', tokens.officer1);

  const desk = await openPage(browser, WIDTHS.desktop);
  try {
    const { page } = desk;
    await page.goto(`${site.url}/staff/claims/${claimNumber}`);
    await signIn(page, tokens.officer1);
    const status = page.getByTestId('claim-status');

    // Officer-1 records the finding; officer-2 confirms it.
    const finding = page.getByRole('region', { name: 'Hasil pemeriksaan kecelakaan' });
    await finding.getByLabel('Kecelakaan kerja', { exact: true }).check();
    await finding
      .getByLabel('Alasan (dibaca pekerja)')
      .fill('Jatuh dari tangga saat menyusun barang di gudang.');
    await finding.getByRole('button', { name: 'Catat hasil pemeriksaan' }).click();
    await status.getByText('Hasil pemeriksaan menunggu konfirmasi').waitFor();
    await switchOfficer(page, tokens.officer2);
    await finding.getByLabel('Alasan keputusan').fill('Keterangan saksi sesuai.');
    await finding.getByRole('button', { name: 'Simpan keputusan' }).click();
    await status.getByText('Dalam perawatan').waitFor();
    expect(await finding.getByTestId('staff-finding').textContent()).toContain(
      'dicatat oleh officer-1 · dikonfirmasi oleh officer-2',
    );

    // A trauma centre's bill, recorded by officer-1 through the API.
    const recorded = await request(h.app)
      .post(`/api/v1/claims/${claimNumber}/treatments`)
      .set(bearer(tokens.officer1))
      .send({
        provider: 'RS Trauma Bekasi',
        from: addDays(today(), -5),
        to: addDays(today(), -3),
        amount: AMOUNT,
        documentRef: 'INV-7',
        payTo: 'provider',
        bankAccount: { bankCode: 'MANDIRI', accountNumber: '4234567890', accountName: 'RS Trauma Bekasi' },
      })
      .expect(201);
    expect(recorded.body.itemNumber).toBe(1);

    // Officer-2 verifies it, and may not also approve it: refused, the rule in words; officer-3 approves.
    await page.reload();
    const items = page.getByRole('region', { name: 'Perawatan, transportasi dan STMB' });
    const itemStatus = items.getByTestId('item-1-status');
    expect(await itemStatus.textContent()).toBe('menunggu pemeriksaan');
    await items.getByRole('button', { name: 'Tandai no. 1 sudah diperiksa' }).click();
    await itemStatus.getByText('menunggu persetujuan').waitFor();
    await items.getByLabel('Alasan keputusan').fill('Tagihan sesuai tarif.');
    await items.getByRole('button', { name: 'Simpan keputusan no. 1' }).click();
    const refusal = items.getByRole('alert').and(page.locator('[data-problem="maker-checker"]'));
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(
      'Anda mencatat atau memeriksa tagihan ini, jadi Anda tidak boleh juga menyetujuinya.',
    );
    // The trail in words, and the reason asked for (not optional).
    await page.getByText('Tagihan atau periode diperiksa').waitFor();
    expect(await items.locator('label[for="item-1-decide-reason"]').textContent()).toBe('Alasan keputusan');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'staff-accident-refused');

    await switchOfficer(page, tokens.officer3);
    await items.getByLabel('Alasan keputusan').fill('Tagihan sesuai tarif.');
    await items.getByRole('button', { name: 'Simpan keputusan no. 1' }).click();
    const paid = await waitForItem(claimNumber, 'paid');
    expect(paid).toMatchObject({ amount: AMOUNT, recordedBy: 'officer-1', verifiedBy: 'officer-2' });
    expect(paid.decidedBy).toBe('officer-3');
    await page.reload();
    await itemStatus.getByText('dibayar', { exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(WIDTHS.desktop);
    await screenshot(page, 'staff-accident-paid');
    // The same page on a phone.
    await page.setViewportSize({ width: WIDTHS.phone, height: 800 });
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(WIDTHS.phone);
    await screenshot(page, 'staff-accident-paid');

    // The reviews page lists the case under care.
    await page.getByRole('link', { name: 'Menunggu pemeriksaan' }).click();
    const underCare = page.getByRole('region', { name: 'Kasus kecelakaan dalam perawatan' });
    await underCare.getByRole('link', { name: claimNumber }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(desk.problems).toEqual([]);
  } finally {
    await desk.close();
  }

  // The worker's answer is what its schema says.
  const tracked = await request(h.app)
    .get(`/api/v1/track/${claimNumber}`)
    .set('X-Tracking-Code', trackingCode)
    .expect(200);
  expect(familyAccidentResponse.parse(tracked.body).items[0]).toMatchObject({
    status: 'paid',
    amount: AMOUNT,
  });

  const family = await openPage(browser, WIDTHS.phone);
  try {
    const { page } = family;
    await page.goto(site.url);
    await page.getByLabel('Nomor klaim').fill(claimNumber);
    await page.getByLabel('Kode pelacakan').fill(trackingCode);
    await page.getByRole('button', { name: 'Lihat klaim' }).click();
    await page.getByRole('heading', { level: 2, name: claimNumber }).waitFor();
    expect(await page.locator('[data-status]').textContent()).toBe(claimStatusText('under_care', 'id'));

    const item = page.locator('[data-item="1"]');
    expect(await item.getByRole('heading', { level: 3 }).textContent()).toContain('Perawatan medis');
    expect(await item.locator('.badge').textContent()).toBe(itemStatusText('paid', 'id'));
    expect(await page.getByTestId('item-1-amount').textContent()).toBe(rupiahId(AMOUNT));
    expect(await item.textContent()).toContain('RS Trauma Bekasi');
    expect(await page.getByTestId('total-paid').textContent()).toBe(rupiahId(AMOUNT));
    expect(await page.getByTestId('finding').textContent()).toContain('Kecelakaan kerja: JKK membayar.');
    await page.getByText('Kirimkan setiap tagihan atau kuitansi perawatan').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(WIDTHS.phone);
    await screenshot(page, 'family-accident-paid');

    // The same case in English, from the same texts.
    await page.getByRole('button', { name: 'English' }).click();
    expect(await item.locator('.badge').textContent()).toBe(itemStatusText('paid', 'en'));
    await page.getByText('Medical care', { exact: false }).first().waitFor();
    expect(family.problems).toEqual([]);
  } finally {
    await family.close();
  }
});
