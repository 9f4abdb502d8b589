import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareIndicator } from '../compare/compare.ts';
import { pivotValues } from '../compare/pivot.ts';
import { type Ctx, systemCtx } from '../context.ts';
import { getDashboard } from '../dashboard/dashboard.ts';
import type { Database } from '../db/database.ts';
import { initStore } from '../demo/init.ts';
import { createTestDatabase } from '../testing.ts';
import { submitValues } from '../values/values.ts';
import { releasePeriod } from '../releases/release-period.ts';
import { listPublishedPeriods } from './release.ts';

let db: Database;
let sys: Ctx;
let pub: Ctx;
const ASK = { indicator: 'VT.DOANH_THU', unit: 'VN', period: '2025M09' };

beforeAll(async () => {
  db = await createTestDatabase();
  sys = systemCtx(db);
  pub = { ...sys, actor: { username: 'anonymous', role: 'public', unitId: null } };
  await initStore(sys);
  await submitValues(sys, {
    rows: ['2025M08', '2025M09', '2024M09'].map((period, i) => ({
      row: i + 1,
      indicator: 'VT.DOANH_THU',
      unit: 'VN',
      period,
      value: 100 + i,
      status: 'official',
    })),
  });
});
afterAll(() => db.close());

describe('releases gate what the public sees', () => {
  it('shows nothing of an unreleased period', async () => {
    await expect(compareIndicator(pub, ASK)).rejects.toMatchObject({ code: 'NOT_PUBLISHED', status: 404 });
    expect((await getDashboard(pub, {})).cards).toEqual([]);
    const cells = await pivotValues(pub, {
      indicators: ['VT.DOANH_THU'],
      units: ['VN'],
      periods: ['2025M09'],
    });
    expect(cells[0]?.value).toBeNull();
  });

  it('refuses releases to those without the right', async () => {
    await expect(releasePeriod(pub, { period: '2025M09' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('shows a released period, but not its unreleased comparison bases', async () => {
    await releasePeriod(sys, { period: '2025M09' });
    const c = await compareIndicator(pub, ASK);
    expect(c.value).toBe(101);
    expect(c.previous).toMatchObject({ period: '2025M08', value: null, changePct: null });
    expect(c.lastYear).toMatchObject({ period: '2024M09', value: null });
    expect(c.text).not.toContain('100');
    expect((await compareIndicator(sys, ASK)).previous?.value).toBe(100);
    const d = await getDashboard(pub, {});
    expect(d.period).toBe('2025M09');
    expect(d.cards.map((x) => x.compare.indicator)).toEqual(['VT.DOANH_THU']);
    // The English page reads the unit of measure in English.
    expect(d.cards[0]).toMatchObject({ unitVi: 'tỷ đồng', unitEn: 'billion VND' });
    expect(d.cards[0]!.series.filter((s) => s.value !== null).map((s) => s.period)).toEqual(['2025M09']);
  });

  it('offers visitors the periods that have released figures, not a released year with none', async () => {
    // A released year with only a year-to-date figure: the year itself has no figure to show.
    await submitValues(sys, {
      rows: [
        {
          row: 1,
          indicator: 'VT.DOANH_THU',
          unit: 'VN',
          period: '2023M01-M08',
          value: 900,
          status: 'official',
        },
      ],
    });
    await releasePeriod(sys, { period: '2023', force: true, reason: 'kiểm thử' });
    const offered = (await listPublishedPeriods(pub)).map((p) => p.period);
    expect(offered).toEqual(['2025M09', '2023M01-M08']);
    expect((await getDashboard(pub, { period: offered[1] })).cards[0]?.compare.value).toBe(900);
  });
});
