// The browser tests' tools: Debian's Chromium driven by playwright-core (scripts/chromium.mjs finds or installs it),
// the app on a real port (its pages built by jest's global setup), axe-core's WCAG 2.2 AA checks, script errors and
// CSP refusals caught, and screenshots at phone and desktop widths under test-output/.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import type { Express } from 'express';
import { chromium, type Browser, type Page } from 'playwright-core';
import { root } from './paths';

export const SCREENSHOTS = join(root, 'test-output', 'screenshots');
export const WIDTHS = { phone: 360, desktop: 1280 } as const;

/** Makes sure Chromium is there (web/dist is built by jest's global setup, once per run). */
export function prepareBrowserTests(): void {
  execFileSync(process.execPath, [join(root, 'scripts', 'chromium.mjs')], { stdio: 'inherit' });
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // Chromium's sandbox refuses to run as root (CI runs as root).
    args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  });
}

/** The app listening on a free local port; its base URL and a close(). */
export async function serve(app: Express): Promise<{ url: string; close(): Promise<void> }> {
  const server = await new Promise<Server>((done) => {
    const s = app.listen(0, '127.0.0.1', () => done(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/**
 * A page at the given width whose script errors and CSP refusals are recorded in `problems` (a test asserts it
 * stays empty), and whose responses are recorded in `responses` (for the page weight).
 */
export async function openPage(browser: Browser, width: number) {
  const context = await browser.newContext({ viewport: { width, height: 800 }, locale: 'id-ID' });
  const page = await context.newPage();
  const problems: string[] = [];
  const bodies: Promise<{ url: string; gzipped: number }>[] = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content.Security.Policy|Refused to/i.test(msg.text())) {
      problems.push(`CSP: ${msg.text()}`);
    }
  });
  page.on('response', (res) => {
    const type = res.request().resourceType();
    if (['document', 'script', 'stylesheet', 'font', 'image'].includes(type)) {
      bodies.push(
        res
          .body()
          .then((b) => ({ url: res.url(), gzipped: gzipSync(b, { level: 9 }).length }))
          .catch(() => ({ url: res.url(), gzipped: 0 })),
      );
    }
  });
  return {
    page,
    problems,
    /** The gzipped bytes of every document, script, stylesheet, font and image loaded so far. */
    async weight() {
      const all = await Promise.all(bodies);
      return { bytes: all.reduce((s, b) => s + b.gzipped, 0), files: all };
    },
    close: () => context.close(),
  };
}

/** axe-core's WCAG 2.0-2.2 A and AA rules: the serious and critical violations, described (expected: none). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Saves a screenshot (the whole page unless told) as test-output/screenshots/<name>-<width>.png. */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}-${page.viewportSize()?.width ?? 0}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}
