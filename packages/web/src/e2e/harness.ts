/**
 * The browser tests' harness: the real server on a fresh embedded store with the demo, the built web
 * app, Debian's Chromium, and the checks every page gets (axe-core, no sideways scroll, console and
 * server errors, unexpected downloads, a screenshot kept for a person to read).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import {
  type Database,
  createDemoUsers,
  createLogger,
  listReportingPeriods,
  loadDemo,
  systemCtx,
} from '@baocao/core';
import { createTestDatabase } from '@baocao/core/testing';
import { buildApp } from '@baocao/server';
import { type Browser, type Page, chromium } from 'playwright-core';
import { build } from 'vite';
import { expect } from 'vitest';
import { z } from 'zod';

const CHROMIUM = '/usr/bin/chromium';
const WEB = fileURLToPath(new URL('../..', import.meta.url));
export const SHOTS = fileURLToPath(new URL('../../../../test-results/screenshots/', import.meta.url));
export const PW = 'mat-khau-e2e-2026';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The browser suites run once, on the embedded store; CI installs Chromium, elsewhere it may be absent. */
export const browserTests = !process.env.BAOCAO_TEST_PG && (existsSync(CHROMIUM) || !!process.env.CI);

let built: Promise<unknown> | null = null;

export interface Harness {
  base: string;
  browser: Browser;
  db: Database;
  /** Reporting periods the demo opened, newest first (this month, then last month). */
  periods: string[];
  close(): Promise<void>;
}

/** A fresh platform: its own store with the demo and its accounts, the server, a browser. */
export async function startPlatform(): Promise<Harness> {
  // scripts/test.mjs builds the app once before the browser files run beside other test processes
  // (a build empties dist/, which a server test of another process may be reading).
  built ??= process.env.BAOCAO_TESTS_BUILT ? Promise.resolve() : build({ root: WEB, logLevel: 'warn' });
  await built;
  const db = await createTestDatabase();
  const ctx = systemCtx(db);
  await loadDemo(ctx);
  await createDemoUsers(ctx, PW);
  const periods = (await listReportingPeriods(ctx)).map((p) => p.period);
  const app = await buildApp({
    db,
    log: createLogger({ level: 'silent' }),
    apiToken: 'e2e-token-0123456789',
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  mkdirSync(SHOTS, { recursive: true });
  return {
    base,
    browser,
    db,
    periods,
    close: async () => {
      await browser.close();
      await app.close();
      await db.close();
    },
  };
}

/** What went wrong on a page that a person would not see in a screenshot. */
export interface Watch {
  /** Console errors and uncaught exceptions (a refused request's 4xx line is expected and left out). */
  errors: string[];
  /** Answers of 500 and above. */
  serverErrors: string[];
  /** Files the browser downloaded. */
  downloads: string[];
}

/** A page at `width` (height of a phone or a laptop), watched for errors and downloads. */
export async function openPage(h: Harness, width: number): Promise<{ page: Page; watch: Watch }> {
  const page = await h.browser.newPage({
    viewport: { width, height: width < 600 ? 844 : 900 },
    acceptDownloads: true,
    isMobile: width < 600,
    hasTouch: width < 600,
  });
  // Playwright's 30 s default is a bound for a quiet machine; these waits guard against a hang, and a
  // busy CI machine (the browser files run beside the PostgreSQL pass) may take longer to render.
  page.setDefaultTimeout(90_000);
  const watch: Watch = { errors: [], serverErrors: [], downloads: [] };
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    // Chromium logs every 4xx answer; the app's refusals (a wrong value, a wrong password) are meant.
    if (/^Failed to load resource: the server responded with a status of 4\d\d/.test(m.text())) return;
    watch.errors.push(m.text());
  });
  page.on('pageerror', (e) => watch.errors.push(e.message));
  page.on('response', (r) => {
    if (r.status() >= 500) watch.serverErrors.push(`${r.status()} ${r.url()}`);
  });
  page.on('download', (d) => watch.downloads.push(d.suggestedFilename()));
  return { page, watch };
}

/** Signs in through the form and waits for the signed-in header. */
export async function signIn(h: Harness, username: string, width: number) {
  const opened = await openPage(h, width);
  const { page } = opened;
  await page.goto(`${h.base}/login`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(PW);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
  return opened;
}

const Violations = z.array(
  z.object({ id: z.string(), impact: z.string().nullable(), targets: z.array(z.string()) }),
);

/**
 * The checks every page gets once it has settled: axe-core finds no serious or critical violation,
 * nothing scrolls sideways, and a full-page screenshot is kept under test-results/screenshots.
 */
export async function audit(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  // Charts follow their box on the next frames; give the layout a moment to settle before measuring.
  await page
    .waitForFunction(() => document.documentElement.scrollWidth <= innerWidth, null, { timeout: 3000 })
    .catch(() => undefined);
  const width = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    view: innerWidth,
  }));
  expect(width.scroll, `${name}: the page scrolls sideways`).toBeLessThanOrEqual(width.view);
  // Injected through the DevTools protocol: the page's own CSP (script-src 'self') stays in force.
  await page.evaluate(AXE);
  const found = Violations.parse(
    await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) =>
      r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })))`),
  );
  const serious = found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious, `${name}: accessibility`).toEqual([]);
  await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
}

/** After a test: nothing went wrong that the screen would not show. */
export function expectClean(watch: Watch, downloads: string[] = []) {
  expect(watch.errors).toEqual([]);
  expect(watch.serverErrors).toEqual([]);
  expect(watch.downloads).toEqual(downloads);
}

/**
 * How long a check on what the page shows keeps retrying (`expect.poll(read, SETTLE)`): after a save
 * the page refetches, and a busy machine renders the new text later than a quiet one. The check
 * still fails if the text never comes.
 */
export const SETTLE = { timeout: 30_000, interval: 100 };
