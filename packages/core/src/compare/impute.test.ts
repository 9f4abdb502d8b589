import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ctx, systemCtx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { initStore } from '../demo/init.ts';
import { createTestDatabase } from '../testing.ts';
import { loadUnitGraph } from '../units/unit-graph.ts';
import { submitValues } from '../values/values.ts';
import { compareIndicator } from './compare.ts';
import { imputeMissing } from './impute-method.ts';
import { exportPivot, pivotValues } from './pivot.ts';

let db: Database;
let ctx: Ctx;
let provinces: string[];
const NOW = '2026M09';
const LAST_YEAR = '2025M09';
const MISSING = ['P04', 'P11', 'P20'];

/** A province's telecom revenue a year ago: uneven sizes, as provinces are (Hà Nội and HCMC largest). */
const lastYear = (i: number) => 200 + ((i * 37) % 90) * 10;
/** This year: every province grew 8–12%, whole numbers. */
const now = (i: number) => Math.round(lastYear(i) * (1.08 + (i % 5) * 0.01));

const put = (rows: { unit: string; period: string; value: number; indicator?: string }[]) =>
  submitValues(ctx, {
    rows: rows.map((r, i) => ({
      row: i + 1,
      indicator: r.indicator ?? 'VT.DOANH_THU',
      unit: r.unit,
      period: r.period,
      value: r.value,
      status: 'official',
    })),
  });

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = systemCtx(db);
  await initStore(ctx);
  const graph = await loadUnitGraph(db.k);
  provinces = [...graph.byCode.values()]
    .filter((u) => u.kind === 'province' && !u.validTo)
    .map((u) => u.code)
    .sort();
  expect(provinces).toHaveLength(34);
  await put([
    ...provinces.map((unit, i) => ({ unit, period: LAST_YEAR, value: lastYear(i) })),
    ...provinces.flatMap((unit, i) => (MISSING.includes(unit) ? [] : [{ unit, period: NOW, value: now(i) }])),
  ]);
}, 180_000);
afterAll(() => db.close());

/**
 * The expected imputed total, worked by hand: the reporters' sum, plus each missing one's last year
 * × the reporters' growth (`reported` overrides what a province reported this year).
 */
function expectedTotal(missing: string[], reported: Record<string, number> = {}) {
  const idx = (u: string) => provinces.indexOf(u);
  const cur = (u: string) => reported[u] ?? now(idx(u));
  const reporters = provinces.filter((u) => !missing.includes(u));
  const growth =
    reporters.reduce((s, u) => s + cur(u), 0) / reporters.reduce((s, u) => s + lastYear(idx(u)), 0);
  const estimates = missing.reduce((s, u) => s + lastYear(idx(u)) * growth, 0);
  const total = reporters.reduce((s, u) => s + cur(u), 0) + estimates;
  return { total, estimates, share: (estimates / total) * 100 };
}

describe('non-response imputation of the national figure', () => {
  it('the method: last year × the reporters’ growth; nothing without history', () => {
    const r = imputeMissing([
      { unit: 'A', current: 110, bases: [100] },
      { unit: 'B', current: 330, bases: [300] },
      { unit: 'C', current: null, bases: [50] },
      { unit: 'D', current: null, bases: [null] },
    ]);
    expect(r.estimates).toEqual([{ unit: 'C', value: 55.00000000000001, base: 0, ratio: 1.1 }]);
    expect(r.missing).toEqual(['D']);
  });

  it('a figure with 3 of 34 provinces missing is complete, marked imputed, with its share', async () => {
    const want = expectedTotal(MISSING);
    const r = await compareIndicator(ctx, { indicator: 'VT.DOANH_THU', unit: 'VN', period: NOW });
    expect(r.status).toBe('imputed');
    expect(r.value).toBeCloseTo(want.total, 6);
    expect(r.completeness).toMatchObject({ expected: 34, reported: 31 });
    expect(r.imputed).toMatchObject({ units: 3, expected: 34, unitCodes: MISSING });
    expect(r.imputed!.value).toBeCloseTo(want.estimates, 6);
    expect(r.imputed!.sharePct).toBeCloseTo(want.share, 6);
    const share = want.share.toFixed(1).replace('.', ',').replace(/,0$/, '');
    expect(r.text).toContain(`ước đạt`);
    expect(r.text).toContain(`(gồm 3/34 tỉnh, thành phố ước tính bù, ${share}% tổng)`);
    expect(r.textEn).toContain('including 3 of 34 provinces imputed');
    // A province's own figure is never imputed: it has not reported, so it has none.
    const own = await compareIndicator(ctx, { indicator: 'VT.DOANH_THU', unit: 'P04', period: NOW });
    expect(own.value).toBeNull();
  });

  it('pivot and its files carry the mark and the share', async () => {
    const cells = await pivotValues(ctx, {
      indicators: ['VT.DOANH_THU'],
      units: ['VN', 'P01'],
      periods: [NOW, LAST_YEAR],
    });
    expect(cells.map((c) => [c.unit, c.period, c.status])).toEqual([
      ['VN', NOW, 'imputed'],
      ['VN', LAST_YEAR, 'official'],
      ['P01', NOW, 'official'],
      ['P01', LAST_YEAR, 'official'],
    ]);
    expect(cells[0]).toMatchObject({ coverage: { expected: 34, reported: 31 }, imputed: { units: 3 } });
    expect(cells[1]!.imputed).toBeUndefined();
    const vi = (
      await exportPivot(ctx, {
        indicators: ['VT.DOANH_THU'],
        units: ['VN'],
        periods: [NOW],
        format: 'csv',
        lang: 'vi',
      })
    ).toString();
    expect(vi).toContain('Ước tính bù (số đơn vị và tỷ trọng)');
    expect(vi).toMatch(/,Ước tính bù,31\/34,[^,]+,"?3\/34 \(\d+(,\d)?%\)"?\r?$/m);
  });

  it('a quarter is completed month by month: only its month with missing provinces is imputed', async () => {
    await put([
      ...provinces.map((unit, i) => ({ unit, period: '2026M07', value: 100 + i })),
      ...provinces.map((unit, i) => ({ unit, period: '2026M08', value: 200 + i })),
    ]);
    const month = await compareIndicator(ctx, { indicator: 'VT.DOANH_THU', unit: 'VN', period: NOW });
    const q = await compareIndicator(ctx, { indicator: 'VT.DOANH_THU', unit: 'VN', period: '2026Q3' });
    const reportedMonths = provinces.reduce((s, _, i) => s + 100 + i + 200 + i, 0);
    expect(q).toMatchObject({ status: 'imputed', imputed: { units: 3, unitCodes: MISSING } });
    expect(q.completeness).toMatchObject({ expected: 34, reported: 31 });
    expect(q.value).toBeCloseTo(reportedMonths + month.value!, 6);
    expect(q.imputed!.value).toBeCloseTo(month.imputed!.value, 6);
  });

  it('a missing province’s report replaces its estimate at once; the last one makes the figure official', async () => {
    const before = await compareIndicator(ctx, { indicator: 'VT.DOANH_THU', unit: 'VN', period: NOW });
    await put([{ unit: 'P11', period: NOW, value: 999 }]);
    const after = await compareIndicator(ctx, { indicator: 'VT.DOANH_THU', unit: 'VN', period: NOW });
    const want = expectedTotal(['P04', 'P20'], { P11: 999 });
    expect(after.status).toBe('imputed');
    expect(after.imputed).toMatchObject({ units: 2, unitCodes: ['P04', 'P20'] });
    // 999 is P11's own value now, in the sum and in the reporters' growth; its estimate is gone.
    expect(after.value).toBeCloseTo(want.total, 6);
    expect(after.imputed!.value).toBeCloseTo(want.estimates, 6);
    expect(after.value).not.toBeCloseTo(before.value!, 3);
    await put([
      { unit: 'P04', period: NOW, value: now(provinces.indexOf('P04')) },
      { unit: 'P20', period: NOW, value: now(provinces.indexOf('P20')) },
    ]);
    const full = await compareIndicator(ctx, { indicator: 'VT.DOANH_THU', unit: 'VN', period: NOW });
    expect(full).toMatchObject({ status: 'official', completeness: { reported: 34 } });
    expect(full.imputed ?? null).toBeNull();
  });

  it('a stock: the last value carried forward × the reporters’ change; no history leaves it partial', async () => {
    const ind = 'VT.THUE_BAO_DI_DONG';
    // August: every province; September: all but two, one of which has never reported.
    await put([
      ...provinces
        .filter((u) => u !== 'P38')
        .map((unit, i) => ({ indicator: ind, unit, period: '2026M08', value: 1000 + i })),
      ...provinces
        .filter((u) => u !== 'P38' && u !== 'P12')
        .map((unit, i) => ({ indicator: ind, unit, period: NOW, value: 1010 + i })),
    ]);
    const partial = await compareIndicator(ctx, { indicator: ind, unit: 'VN', period: NOW });
    expect(partial.completeness).toMatchObject({ expected: 34, reported: 32 });
    expect(partial.status).toBe('partial');
    expect(partial.imputed ?? null).toBeNull();
    // P38 reports September: P12 (last value in August) can be estimated now.
    await put([{ indicator: ind, unit: 'P38', period: NOW, value: 500 }]);
    const r = await compareIndicator(ctx, { indicator: ind, unit: 'VN', period: NOW });
    expect(r.status).toBe('imputed');
    const feb = provinces.filter((u) => u !== 'P38');
    const p12 = 1000 + feb.indexOf('P12');
    const reportersFeb = feb.filter((u) => u !== 'P12');
    const reportersNow = provinces.filter((u) => u !== 'P38' && u !== 'P12');
    // Reporters that have both months (P38 has no August) give the change.
    const nowSum = reportersNow.reduce((s, u) => s + 1010 + reportersNow.indexOf(u), 0);
    const febSum = reportersFeb.reduce((s, u) => s + 1000 + feb.indexOf(u), 0);
    expect(r.imputed).toMatchObject({ units: 1, unitCodes: ['P12'] });
    expect(r.imputed!.value).toBeCloseTo(p12 * (nowSum / febSum), 6);
    expect(r.value).toBeCloseTo(nowSum + 500 + p12 * (nowSum / febSum), 6);
  });
});
