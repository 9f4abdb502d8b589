import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createDemoUsers, createLogger, listReportingPeriods, loadDemo, systemCtx } from '@baocao/core';
import { createTestDatabase } from '@baocao/core/testing';
import { buildApp } from '@baocao/server';
import { chromium } from 'playwright-core';
import { build } from 'vite';
const WEB = fileURLToPath(new URL('..', import.meta.url));
const AXE = readFileSync(fileURLToPath(import.meta.resolve('axe-core/axe.min.js')), 'utf8');
await build({ root: WEB, logLevel: 'warn' });
const db = await createTestDatabase();
const ctx = systemCtx(db);
await loadDemo(ctx);
await createDemoUsers(ctx, 'pw-tour-2026-xx');
const period = (await listReportingPeriods(ctx))[0]!.period;
const app = await buildApp({ db, log: createLogger({ level: 'silent' }), apiToken: 'e2e-token-0123456789' });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const lang = process.env.LANGX ?? 'vi';
for (const [user, paths] of [
  ['', ['/', '/login']],
  ['reporter-danang', ['/forms', `/forms/P48/${period}`, '/dashboard', '/check']],
  [
    'officer',
    ['/board', `/forms/P48/${period}`, '/dashboard?unit=VN&period=2024M08', '/reports', '/feeds', '/admin'],
  ],
  ['admin', ['/admin']],
] as const) {
  for (const width of [1366, 390]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    page.on('console', (m) => m.type() === 'error' && console.log('CONSOLE', m.text()));
    await page.goto(base + '/login');
    await page.evaluate((l) => localStorage.setItem('lang', l), lang);
    if (user) {
      await page.goto(base + '/login');
      await page.locator('input[name=username]').fill(user);
      await page.locator('input[name=password]').fill('pw-tour-2026-xx');
      await page.locator('button[type=submit]').click();
      await page.getByText(`(${user})`).waitFor();
    }
    for (const p of paths) {
      await page.goto(base + p);
      await page.locator('h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300);
      const sw = await page.evaluate(() => [
        document.documentElement.scrollWidth,
        innerWidth,
        document.documentElement.scrollHeight,
      ]);
      await page.evaluate(AXE);
      const v = await page.evaluate(async () => {
        // @ts-expect-error axe injected
        const r = await axe.run(document, { resultTypes: ['violations'] });
        return r.violations
          .filter((x: { impact: string }) => x.impact === 'serious' || x.impact === 'critical')
          .map(
            (x: { id: string; nodes: { target: string[] }[] }) =>
              `${x.id}: ${x.nodes
                .slice(0, 3)
                .map((n) => n.target.join(' '))
                .join(' | ')}`,
          );
      });
      const name = `${user || 'anon'}${p.replace(/[/?=&]/g, '_')}-${width}-${lang}`;
      console.log(name, 'scroll', sw.join('x'), v.length ? v : 'axe ok');
      await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true });
    }
    await page.close();
  }
}
await browser.close();
await app.close();
await db.close();
