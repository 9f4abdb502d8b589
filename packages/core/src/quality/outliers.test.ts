import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ctx, systemCtx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { initStore } from '../demo/init.ts';
import { createTestDatabase } from '../testing.ts';
import { loadUnitGraph } from '../units/unit-graph.ts';
import { submitValues } from '../values/values.ts';
import { checkOutliers } from './outlier-check.ts';
import { findOutliers, historyScore, modifiedZ, peerScore } from './outliers.ts';

/** A seasonal revenue of about 400 a month growing 8% a year, with a fixed wobble (no randomness). */
const flow = (months: number) =>
  Array.from({ length: months }, (_, m) => {
    const season = [0.85, 0.8, 0.97, 0.98, 1, 1, 1.01, 1.02, 1, 1.03, 1.07, 1.27][m % 12]!;
    const wobble = 1 + 0.03 * Math.sin(m * 2.3);
    return Math.round(400 * 1.08 ** (m / 12) * season * wobble);
  });
/** Subscriptions: a stock of 2.5 million growing a little every month. */
const stock = (months: number) =>
  Array.from({ length: months }, (_, m) => Math.round(2_500_000 * (1 + 0.004 * m + 0.001 * Math.sin(m))));

const input = (kind: 'flow' | 'stock', history: number[], value: number) => ({
  indicator: { code: kind === 'flow' ? 'VT.DOANH_THU' : 'VT.THUE_BAO_BRDD', kind, precision: 0 },
  unitName: 'Thành phố Đà Nẵng',
  value,
  history,
  referenceLabel: 'T9/2024',
  size: null,
  peers: [],
});

describe('the history check (modified z-score on the MAD of log changes)', () => {
  it('scores like Iglewicz–Hoaglin: 0.6745 × distance / MAD', () => {
    expect(modifiedZ(10, [1, 2, 3, 4, 5])).toBeCloseTo((0.6745 * 7) / 1, 6);
  });

  it('leaves the honest next month of a seasonal flow and of a stock alone, December peak included', () => {
    const f = flow(37);
    for (let m = 24; m < 36; m++) expect(findOutliers(input('flow', f.slice(0, m), f[m]!))).toEqual([]);
    const s = stock(37);
    expect(findOutliers(input('stock', s.slice(0, 36), s[36]!))).toEqual([]);
  });

  it('catches a ×1000 slip and a year-to-date total entered as the month', () => {
    const f = flow(33); // months 0..32: the checked month is a September (index 32)
    const history = f.slice(0, 32);
    const slip = findOutliers(input('flow', history, f[32]! * 1000));
    expect(slip).toHaveLength(1);
    expect(slip[0]).toMatchObject({
      code: 'OUTLIER_HISTORY',
      severity: 'warning',
      basis: { method: 'history', periods: 20 },
    });
    expect(slip[0]!.vi).toMatch(
      /^Bất thường so với 20 kỳ trước của Thành phố Đà Nẵng: \d{3}\.\d{3}, mức dự kiến khoảng \d{3} \(theo cùng kỳ T9\/2024; điểm z hiệu chỉnh [\d.]+,\d, ngưỡng 3,5\)$/,
    );
    const ytd = f.slice(24, 33).reduce((a, b) => a + b, 0); // January..September
    expect(findOutliers(input('flow', history, ytd)).map((x) => x.code)).toEqual(['OUTLIER_HISTORY']);
    const s = stock(30);
    expect(findOutliers(input('stock', s.slice(0, 29), s[29]! * 1000)).map((x) => x.code)).toEqual([
      'OUTLIER_HISTORY',
    ]);
  });

  it('says nothing with fewer than 12 known changes, or without the reference month', () => {
    const f = flow(24);
    expect(historyScore('flow', f.slice(0, 23), f[23]! * 1000)).toBeNull(); // 11 year-on-year changes
    const gap: (number | null)[] = stock(20);
    gap[19] = null;
    expect(historyScore('stock', gap, 1)).toBeNull();
  });
});

describe('the history check over quarters and years (same period type, same minimum history)', () => {
  /** A quarterly flow: the quarters' sums of the monthly flow. */
  const quarters = (n: number) => {
    const m = flow(n * 3);
    return Array.from({ length: n }, (_, q) => m[3 * q]! + m[3 * q + 1]! + m[3 * q + 2]!);
  };
  it('compares a quarter with the same quarter last year and scores it among 12–36 such changes', () => {
    const q = quarters(21);
    const honest = historyScore('flow', q.slice(0, 20), q[20]!, 4);
    expect(honest).not.toBeNull();
    expect(honest!.periods).toBe(16);
    expect(Math.abs(honest!.score)).toBeLessThan(3.5);
    const slip = findOutliers({ ...input('flow', q.slice(0, 20), q[20]! * 1000), perYear: 4 });
    expect(slip.map((f) => f.code)).toEqual(['OUTLIER_HISTORY']);
    expect(slip[0]!.en).toContain('the same period last year');
  });

  it('says nothing from 15 quarters (11 changes) or from 12 years of a yearly figure: the minimum is not lowered', () => {
    const q = quarters(16);
    expect(historyScore('flow', q.slice(0, 15), q[15]! * 1000, 4)).toBeNull();
    const years = Array.from({ length: 12 }, (_, y) => 1000 * 1.1 ** y);
    expect(findOutliers({ ...input('flow', years, 1000 * 1.1 ** 12 * 1000), perYear: 1 })).toEqual([]);
    expect(historyScore('flow', [...years, 1000 * 1.1 ** 12], 1000 * 1.1 ** 13 * 1000, 1)).not.toBeNull();
  });
});

describe('the peer check (per inhabitant, among units of the same kind)', () => {
  const peers = Array.from({ length: 20 }, (_, i) => ({
    value: 1000 + i * 40,
    size: 1_000_000 + i * 40_000,
  }));
  it('flags a value a thousand times its peers per inhabitant, not a large unit with a large value', () => {
    expect(peerScore(1_100_000, 1_000_000, peers)!.score).toBeGreaterThan(5);
    expect(Math.abs(peerScore(14_000, 14_000_000, peers)!.score)).toBeLessThan(1);
    expect(peerScore(1_100_000, 1_000_000, peers.slice(0, 5))).toBeNull();
  });
});

describe('checkOutliers against the store', () => {
  let db: Database;
  let officer: Ctx;
  beforeAll(async () => {
    db = await createTestDatabase();
    const sys = systemCtx(db);
    await initStore(sys);
    officer = { ...sys, actor: { username: 'officer', role: 'officer', unitId: null } };
    const graph = await loadUnitGraph(db.k);
    const provinces = [...graph.byId.values()].filter((u) => u.kind === 'province' && u.validTo === null);
    // 30 months of Đà Nẵng's revenue (2023M01..2025M06) and 2025M07 for the other provinces.
    const f = flow(31);
    const month = (i: number) => `${2023 + Math.floor(i / 12)}M${String((i % 12) + 1).padStart(2, '0')}`;
    await submitValues(officer, {
      rows: [
        // Before the merger Đà Nẵng was two provinces: the old city (60%) and Quảng Nam (40%).
        ...f.slice(0, 30).flatMap((value, i) => [
          {
            indicator: 'VT.DOANH_THU',
            unit: 'P48_CU',
            period: month(i),
            value: Math.round(value * 0.6),
            status: 'official',
          },
          {
            indicator: 'VT.DOANH_THU',
            unit: 'P49_CU',
            period: month(i),
            value: value - Math.round(value * 0.6),
            status: 'official',
          },
        ]),
        ...provinces
          .filter((u) => u.code !== 'P48')
          .map((u, i) => ({
            indicator: 'VT.DOANH_THU',
            unit: u.code,
            period: '2025M07',
            value: 300 + 17 * i,
            status: 'official',
          })),
      ].map((r, i) => ({ ...r, row: i + 1 })),
    });
  }, 300_000);
  afterAll(() => db.close());

  it('reads the unit history across the merger and flags the slip against history and peers', async () => {
    const value = flow(31)[30]!;
    expect(
      await checkOutliers(officer, {
        unit: 'P48',
        period: '2025M07',
        values: [{ indicator: 'VT.DOANH_THU', value }],
      }),
    ).toEqual([]);
    const flags = await checkOutliers(officer, {
      unit: 'P48',
      period: '2025M07',
      values: [{ indicator: 'VT.DOANH_THU', value: value * 1000 }],
    });
    expect(flags.map((f) => [f.code, f.basis.method])).toEqual([
      ['OUTLIER_HISTORY', 'history'],
      ['OUTLIER_PEERS', 'peers'],
    ]);
    expect(flags[1]).toMatchObject({ basis: { peers: 33, perCapita: true } });
  });

  it("checks a quarter against the unit's quarters and its peers; a quarter with short history only against peers", async () => {
    const graph = await loadUnitGraph(db.k);
    const provinces = [...graph.byId.values()].filter((u) => u.kind === 'province' && u.validTo === null);
    const m = flow(17 * 3);
    const q = Array.from({ length: 17 }, (_, i) => m[3 * i]! + m[3 * i + 1]! + m[3 * i + 2]!);
    // 2021Q3..2025Q3: the provinces as they are since the merger of 2025-07-01 report 2025Q3.
    const quarter = (i: number) => `${2021 + Math.floor((i + 2) / 4)}Q${((i + 2) % 4) + 1}`;
    await submitValues(officer, {
      rows: [
        ...q.slice(0, 16).map((value, i) => ({
          indicator: 'VT.DOANH_THU',
          unit: 'P01',
          period: quarter(i),
          value,
          status: 'official',
        })),
        ...provinces
          .filter((u) => u.code !== 'P01')
          .map((u, i) => ({
            indicator: 'VT.DOANH_THU',
            unit: u.code,
            period: '2025Q3',
            value: 900 + 51 * i,
            status: 'official',
          })),
      ].map((r, i) => ({ ...r, row: i + 1 })),
    });
    const check = (value: number) =>
      checkOutliers(officer, {
        unit: 'P01',
        period: '2025Q3',
        values: [{ indicator: 'VT.DOANH_THU', value }],
      });
    expect(await check(q[16]!)).toEqual([]);
    const slip = await check(q[16]! * 1000);
    expect(slip.map((f) => [f.code, f.basis])).toEqual([
      ['OUTLIER_HISTORY', expect.objectContaining({ periods: 12, reference: 'Q3/2024' })],
      ['OUTLIER_PEERS', expect.objectContaining({ peers: 33 })],
    ]);
    // 2025Q3 of another province: no history stored, so only its peers can speak.
    const other = await checkOutliers(officer, {
      unit: provinces.find((u) => u.code !== 'P01')!.code,
      period: '2025Q3',
      values: [{ indicator: 'VT.DOANH_THU', value: 2_000_000 }],
    });
    expect(other.map((f) => f.code)).toEqual(['OUTLIER_PEERS']);
  });
});
