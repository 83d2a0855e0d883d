// The front end's shell in a real browser, served by the API process with its real dependencies: it loads under
// helmet's CSP with no script error, speaks Bahasa Indonesia first and English on request, is reachable by keyboard,
// and axe-core finds no serious or critical WCAG 2.2 AA violation, at 360 px and 1280 px.
import request from 'supertest';
import type { Browser } from 'playwright-core';
import { startApiHarness, type ApiHarness } from '../api/harness';
import {
  launchBrowser,
  openPage,
  prepareBrowserTests,
  screenshot,
  seriousViolations,
  serve,
  WIDTHS,
} from '../helpers/browser';

let h: ApiHarness;
let site: Awaited<ReturnType<typeof serve>>;
let browser: Browser;

beforeAll(async () => {
  prepareBrowserTests();
  h = await startApiHarness();
  site = await serve(h.app);
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await h?.close();
});

test('the pages are served at / under the CSP, and API clients still get problem+json', async () => {
  const page = await request(h.app).get('/').set('Accept', 'text/html');
  expect(page.status).toBe(200);
  const csp = String(page.headers['content-security-policy']);
  const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src '));
  expect(scriptSrc?.trim()).toBe("script-src 'self'");
  expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
  const asset = /src="(\/assets\/[^"]+\.js)"/.exec(page.text)![1]!;
  const js = await request(h.app).get(asset).set('Accept-Encoding', 'gzip');
  expect(js.status).toBe(200);
  expect(js.headers['content-encoding']).toBe('gzip');
  expect(js.headers['cache-control']).toContain('immutable');
  const api = await request(h.app).get('/no-such-page');
  expect(api.status).toBe(404);
  expect(api.headers['content-type']).toContain('application/problem+json');
  expect((await request(h.app).get('/api/v1/no-such-route').set('Accept', 'text/html')).status).toBe(404);
});

for (const [name, width] of Object.entries(WIDTHS)) {
  test(`the shell at ${width} px: Indonesian first, English on request, keyboard and axe`, async () => {
    const tab = await openPage(browser, width);
    try {
      const { page } = tab;
      await page.goto(site.url);
      await page.getByRole('heading', { level: 1, name: 'Lacak klaim Anda' }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('id');
      await screenshot(page, `shell-${name}-id`);
      // The first Tab reaches the skip link, which moves focus to the page's content.
      await page.keyboard.press('Tab');
      expect(await page.locator(':focus').textContent()).toBe('Langsung ke isi');
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Track your claim' }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
      expect(await seriousViolations(page)).toEqual([]);
      // Nothing wider than the screen at 360 px.
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
      expect(tab.problems).toEqual([]);
    } finally {
      await tab.close();
    }
  });
}
