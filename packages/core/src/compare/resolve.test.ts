import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ctx, systemCtx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { initStore } from '../demo/init.ts';
import { createTestDatabase } from '../testing.ts';
import { loadUnitGraph } from '../units/unit-graph.ts';
import { compactRollups } from '../values/rollups.ts';
import { deleteValues, getValueHistory, submitValues } from '../values/values.ts';
import { compareIndicator } from './compare.ts';

let db: Database;
let ctx: Ctx;
beforeAll(async () => {
  db = await createTestDatabase();
  ctx = systemCtx(db);
  await initStore(ctx);
});
afterAll(() => db.close());

const put = (rows: [string, string, string, number | string, string?][]) =>
  submitValues(ctx, {
    rows: rows.map(([indicator, unit, period, value, status], i) => ({
      row: i + 1,
      indicator,
      unit,
      period,
      value,
      status: status ?? 'official',
    })),
    source: 'test',
  });

describe('the 2025 province merger', () => {
  it('compares new Tuyên Quang with the sum of Tuyên Quang and Hà Giang a year before', async () => {
    const graph = await loadUnitGraph(db.k);
    const provinces = [...graph.byId.values()].filter((u) => u.kind === 'province');
    expect(provinces.filter((u) => !u.validTo).length).toBe(34);
    expect(provinces.filter((u) => !u.validFrom).length).toBe(63);

    await put([
      ['VT.DOANH_THU', 'P08_CU', '2024M08', 120],
      ['VT.DOANH_THU', 'P02_CU', '2024M08', 80],
      ['VT.DOANH_THU', 'P08', '2025M08', 230],
    ]);
    const r = await compareIndicator(ctx, { indicator: 'VT.DOANH_THU', unit: 'P08', period: '2025M08' });
    expect(r.value).toBe(230);
    expect(r.lastYear).toMatchObject({ period: '2024M08', value: 200 });
    expect(r.lastYear.changePct).toBeCloseTo(15, 10);
    expect(r.text).toContain('tăng 15% so với cùng kỳ năm 2024 (200 tỷ đồng)');
    const before = await compareIndicator(ctx, { indicator: 'VT.DOANH_THU', unit: 'P08', period: '2024M08' });
    expect(before).toMatchObject({ value: 200, completeness: { expected: 2, reported: 2 } });
  });

  it('adds up a year that straddles the merger from both sides', async () => {
    const months = Array.from({ length: 12 }, (_, i) => `2025M${String(i + 1).padStart(2, '0')}`);
    await put(
      months.flatMap((m, i): [string, string, string, number][] =>
        i < 6
          ? [
              ['BC.DOANH_THU', 'P08_CU', m, 10],
              ['BC.DOANH_THU', 'P02_CU', m, 5],
            ]
          : [['BC.DOANH_THU', 'P08', m, 20]],
      ),
    );
    const y = await compareIndicator(ctx, { indicator: 'BC.DOANH_THU', unit: 'P08', period: '2025' });
    expect(y.value).toBe(6 * 15 + 6 * 20);
    const vn = await compareIndicator(ctx, { indicator: 'BC.DOANH_THU', unit: 'VN', period: '2025' });
    expect(vn.value).toBe(210);
  });
});

describe('flows, stocks and ratios', () => {
  it('sums a flow over months but takes a stock at the end of the period', async () => {
    await put([
      ['ATTT.TAN_CONG_MANG', 'VN', '2024M01', 100],
      ['ATTT.TAN_CONG_MANG', 'VN', '2024M02', 200],
      ['ATTT.TAN_CONG_MANG', 'VN', '2024M03', 300],
      ['ATTT.IP_BOTNET', 'VN', '2024M01', 1000],
      ['ATTT.IP_BOTNET', 'VN', '2024M02', 1100],
      ['ATTT.IP_BOTNET', 'VN', '2024M03', 900],
    ]);
    expect(
      (await compareIndicator(ctx, { indicator: 'ATTT.TAN_CONG_MANG', unit: 'VN', period: '2024Q1' })).value,
    ).toBe(600);
    expect(
      (await compareIndicator(ctx, { indicator: 'ATTT.IP_BOTNET', unit: 'VN', period: '2024Q1' })).value,
    ).toBe(900);
    // A quarter with a month missing is missing, not the sum of what is there.
    expect(
      (await compareIndicator(ctx, { indicator: 'ATTT.TAN_CONG_MANG', unit: 'VN', period: '2024Q2' })).value,
    ).toBeNull();
  });

  it('recomputes a ratio from its components and never sums it', async () => {
    await put([
      ['ATTT.DOANH_THU_NOI_DIA', 'VN', '2024Q2', 46],
      ['ATTT.DOANH_THU_NUOC_NGOAI', 'VN', '2024Q2', 100],
    ]);
    const r = await compareIndicator(ctx, { indicator: 'ATTT.TY_LE_NOI_DIA', unit: 'VN', period: '2024Q2' });
    expect(r).toMatchObject({ value: 46, source: 'computed' });
  });

  it('warns when a cumulative value disagrees with its months', async () => {
    const r = await put([['ATTT.TAN_CONG_MANG', 'VN', '2024Q1', 650]]);
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'CUMULATIVE_MISMATCH' })]);
    expect(r.warnings[0]!.message).toContain('số lũy kế 650 khác tổng các tháng 600');
  });
});

describe('rollups stay exact through every change', () => {
  it('matches a recount from the raw values after inserts, updates and deletes', async () => {
    await put([
      ['VT.THUE_BAO_DI_DONG', 'P01', '2024M05', 100, 'estimate'],
      ['VT.THUE_BAO_DI_DONG', 'P04', '2024M05', 50],
    ]);
    await put([['VT.THUE_BAO_DI_DONG', 'P01', '2024M05', 120, 'official']]);
    await deleteValues(ctx, {
      keys: [{ indicator: 'VT.THUE_BAO_DI_DONG', unit: 'P04', period: '2024M05' }],
      reason: 'nhập nhầm',
    });
    const r = await compareIndicator(ctx, {
      indicator: 'VT.THUE_BAO_DI_DONG',
      unit: 'VN',
      period: '2024M05',
    });
    // Two of the 63 provinces of the time reported, then one was deleted: a partial national sum.
    expect(r).toMatchObject({ value: 120, status: 'partial', completeness: { expected: 63, reported: 1 } });
    const drift = async () =>
      (
        await sql<{ n: number }>`
      select count(*)::int as n from (
        select d.indicator_id, a.ancestor_id as unit_id, d.period, sum(d.value) as total, count(*)::int as n
        from data_value d join unit_ancestor a on a.unit_id = d.unit_id and a.depth > 0
        group by 1, 2, 3
      ) f full join (select * from rollup_now where n > 0) r using (indicator_id, unit_id, period)
      where f.total is distinct from r.total or f.n is distinct from r.n`.execute(db.k)
      ).rows[0]!.n;
    expect(await drift()).toBe(0);
    // Folding the pending changes changes no figure, and leaves none pending.
    expect(await compactRollups(db.k)).toBeGreaterThan(0);
    expect(await drift()).toBe(0);
    expect(
      (await sql<{ n: number }>`select count(*)::int as n from rollup_delta`.execute(db.k)).rows[0]!.n,
    ).toBe(0);
    expect(
      await compareIndicator(ctx, { indicator: 'VT.THUE_BAO_DI_DONG', unit: 'VN', period: '2024M05' }),
    ).toMatchObject({ value: 120, status: 'partial' });
    const history = await getValueHistory(ctx, {
      indicator: 'VT.THUE_BAO_DI_DONG',
      unit: 'P04',
      period: '2024M05',
    });
    expect(
      history.map((h) => [
        h.old_value === null ? null : Number(h.old_value),
        h.new_value === null ? null : Number(h.new_value),
        h.reason,
      ]),
    ).toEqual([
      [50, null, 'nhập nhầm'],
      [null, 50, null],
    ]);
  });
});

describe('access is decided in core', () => {
  it('lets a unit-scoped officer write only inside their unit; reporters write through forms only', async () => {
    const graph = await loadUnitGraph(db.k);
    const reporter: Ctx = {
      ...ctx,
      actor: { username: 'officer-danang', role: 'officer', unitId: graph.byCode.get('P48')!.id },
    };
    const direct: Ctx = {
      ...ctx,
      actor: { username: 'r', role: 'reporter', unitId: graph.byCode.get('P48')!.id },
    };
    await expect(
      submitValues(direct, {
        rows: [{ row: 1, indicator: 'VT.DOANH_THU', unit: 'P48', period: '2025M09', value: 5 }],
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403 });
    const ok = await submitValues(reporter, {
      rows: [{ row: 1, indicator: 'VT.DOANH_THU', unit: 'P48', period: '2025M09', value: 5 }],
    });
    expect(ok.inserted).toBe(1);
    await expect(
      submitValues(reporter, {
        rows: [{ row: 1, indicator: 'VT.DOANH_THU', unit: 'P01', period: '2025M09', value: 5 }],
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403 });
    await expect(
      compareIndicator(reporter, { indicator: 'VT.DOANH_THU', unit: 'P01', period: '2025M09' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const leader: Ctx = { ...ctx, actor: { username: 'leader', role: 'leader', unitId: null } };
    await expect(submitValues(leader, { rows: [] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
