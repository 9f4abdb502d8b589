import { loadUnitGraph, submitValues, systemCtx } from '@baocao/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Harness,
  SETTLE,
  SHOTS,
  audit,
  browserTests,
  expectClean,
  signIn,
  startPlatform,
} from './harness.ts';

const NOW = '2026M09';
const MISSING = ['P11', 'P31', 'P66'];

/**
 * An imputed national figure as people read it: the dashboard's card and the pivot mark it
 * "ước tính bù" with its share, so it is never taken for reported data. Screenshots are read.
 */
describe.runIf(browserTests)('in a real browser: an imputed national figure is marked', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startPlatform();
    const sys = systemCtx(h.db);
    const provinces = [...(await loadUnitGraph(h.db.k)).byCode.values()]
      .filter((u) => u.kind === 'province' && !u.validTo)
      .map((u) => u.code);
    // A year ago every province 500; now 550 (+10%) from 31 of them: three are estimated at 550.
    const rows = [
      ...provinces.map((unit) => ({ unit, period: '2025M09', value: 500 })),
      ...provinces.filter((u) => !MISSING.includes(u)).map((unit) => ({ unit, period: NOW, value: 550 })),
    ];
    await submitValues(sys, {
      rows: rows.map((r, i) => ({ row: i + 1, indicator: 'VT.DOANH_THU', ...r, status: 'official' })),
    });
  }, 300_000);
  afterAll(async () => {
    await h?.close();
  });

  it.each([1366, 390])(
    'at %i px: the card and the pivot say "ước tính bù" and the share',
    async (width) => {
      const { page, watch } = await signIn(h, 'officer', width);
      await page.goto(`${h.base}/dashboard?unit=VN&period=${NOW}`);
      const card = page.locator('button.kpi', { hasText: 'Doanh thu dịch vụ viễn thông' });
      await card.waitFor();
      await expect.poll(() => card.locator('.kpi-value').innerText(), SETTLE).toMatch(/^18\.700/);
      const meta = await card.locator('.kpi-meta').innerText();
      expect(meta).toContain('Ước tính bù');
      expect(meta).toMatch(/3\/34 .*ước tính bù, 8,8% tổng/);
      await card.scrollIntoViewIfNeeded();
      await card.screenshot({ path: `${SHOTS}imputed-card-${width}.png` });
      // The pivot: the cell carries the mark, and the legend says what it means.
      const table = page.locator('table.pivot');
      const row = table.getByRole('row', { name: /Doanh thu dịch vụ viễn thông/ });
      const cell = row.locator('td').last();
      await expect.poll(() => cell.innerText(), SETTLE).toMatch(/18\.700/);
      await expect.poll(() => cell.innerText(), SETTLE).toMatch(/^18\.700\s*ƯTB 8,8%$/);
      await expect(cell.locator('sup').getAttribute('title')).resolves.toBe(
        'ước tính bù: 3/34 đơn vị, 8,8% tổng',
      );
      // The legend says what the mark means (the figure is not the units' reported data), with a
      // placeholder for the share rather than a figure no cell shows.
      const legend = page.locator('.card', { has: table }).locator('p.small');
      await expect.poll(() => legend.innerText(), SETTLE).toContain('ƯTB x%: có phần ước tính bù');
      expect(await legend.innerText()).not.toMatch(/\d+,\d+%/);
      // The latest period, the imputed one, is on the screen even on a phone (the table opens at its end).
      await row.scrollIntoViewIfNeeded();
      const box = await cell.boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(width);
      await page.locator('.card', { has: table }).screenshot({ path: `${SHOTS}imputed-pivot-${width}.png` });
      await audit(page, `imputed-dashboard-${width}`);
      expectClean(watch);
      await page.close();
    },
    240_000,
  );
});
