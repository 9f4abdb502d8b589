import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ctx, systemCtx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { initStore } from '../demo/init.ts';
import { releasePeriod } from '../releases/release-period.ts';
import { createTestDatabase } from '../testing.ts';
import { submitValues } from '../values/values.ts';
import { compareIndicator } from './compare.ts';
import { exportPivot, pivotValues } from './pivot.ts';
import { parsePeriod } from '../periods/period.ts';
import { periodLabelVi } from '../periods/period-text.ts';

let db: Database;
let ctx: Ctx;
const PERIOD = '2026M10';
const put = (unit: string, value: number, indicator = 'VT.DOANH_THU') =>
  submitValues(ctx, { rows: [{ row: 1, indicator, unit, period: PERIOD, value, status: 'official' }] });

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = systemCtx(db);
  await initStore(ctx);
  await put('P48', 2821);
});
afterAll(() => db.close());

describe('a sum of the units that reported is never shown as the national figure', () => {
  it('compare: one province of 34 → partial, with its coverage in the numbers and the sentence', async () => {
    const r = await compareIndicator(ctx, { indicator: 'VT.DOANH_THU', unit: 'VN', period: PERIOD });
    expect(r).toMatchObject({
      value: 2821,
      status: 'partial',
      source: 'aggregated',
      completeness: { expected: 34, reported: 1 },
      crossCheck: null,
    });
    expect(r.text).toBe('Doanh thu dịch vụ viễn thông là 2.821 tỷ đồng (1/34 tỉnh, thành phố đã báo cáo).');
    expect(r.textEn).toContain('(1 of 34 provinces reported)');
    // The province's own figure is complete: it is the one that must report.
    const own = await compareIndicator(ctx, { indicator: 'VT.DOANH_THU', unit: 'P48', period: PERIOD });
    expect(own).toMatchObject({ status: 'official', completeness: { expected: 1, reported: 1 } });
  });

  it('pivot and its export carry the status and the coverage', async () => {
    const cells = await pivotValues(ctx, {
      indicators: ['VT.DOANH_THU'],
      units: ['VN', 'P48'],
      periods: [PERIOD],
    });
    expect(cells).toEqual([
      expect.objectContaining({ unit: 'VN', status: 'partial', coverage: { expected: 34, reported: 1 } }),
      expect.objectContaining({ unit: 'P48', status: 'official' }),
    ]);
    const csv = (
      await exportPivot(ctx, {
        indicators: ['VT.DOANH_THU'],
        units: ['VN'],
        periods: [PERIOD],
        format: 'csv',
      })
    ).toString();
    expect(csv).toContain(`VT.DOANH_THU,VN,${PERIOD},2821,partial,1/34,aggregated`);
    // Opened by a person in Vietnamese: Vietnamese headers, the period as said, the status in words.
    const vi = (
      await exportPivot(ctx, {
        indicators: ['VT.DOANH_THU'],
        units: ['VN'],
        periods: [PERIOD],
        format: 'csv',
        lang: 'vi',
      })
    ).toString();
    expect(vi).toContain('Mã chỉ tiêu,Chỉ tiêu,Đơn vị tính,Mã đơn vị,Đơn vị,Kỳ,Giá trị,Tình trạng số liệu');
    expect(vi).toContain(`,VN,Cả nước,${periodLabelVi(parsePeriod(PERIOD))},2821,Chưa đầy đủ,1/34,`);
  });

  it('a value entered for the country itself stands, with the provinces’ sum beside it as a cross-check', async () => {
    await put('VN', 60000);
    const r = await compareIndicator(ctx, { indicator: 'VT.DOANH_THU', unit: 'VN', period: PERIOD });
    expect(r).toMatchObject({
      value: 60000,
      status: 'official',
      source: 'reported',
      crossCheck: { childrenSum: 2821, expected: 34, reported: 1, gap: 57179 },
    });
    expect(r.text).not.toContain('đã báo cáo');
  });

  it('releasing a period with partial national figures is refused, naming them, unless overridden with a reason', async () => {
    await put('P01', 5000, 'BC.DOANH_THU');
    const officer: Ctx = { ...ctx, actor: { username: 'can-bo', role: 'officer', unitId: null } };
    await expect(releasePeriod(officer, { period: PERIOD })).rejects.toMatchObject({
      code: 'PARTIAL_FIGURES',
      details: [
        expect.objectContaining({
          field: 'BC.DOANH_THU',
          message: 'Doanh thu dịch vụ bưu chính: mới có 1/34 đơn vị báo cáo',
        }),
      ],
    });
    await expect(releasePeriod(officer, { period: PERIOD, force: true })).rejects.toMatchObject({
      code: 'PARTIAL_FIGURES',
    });
    const done = await releasePeriod(officer, {
      period: PERIOD,
      force: true,
      reason: 'Lãnh đạo yêu cầu công bố sớm',
    });
    expect(done.partial).toEqual([{ indicator: 'BC.DOANH_THU', reported: 1, expected: 34 }]);
    const audit = await db.k
      .selectFrom('audit_log')
      .select(['action', 'reason'])
      .where('entity', '=', 'data_release')
      .execute();
    expect(audit).toEqual([{ action: 'release_partial', reason: 'Lãnh đạo yêu cầu công bố sớm' }]);
    const pub: Ctx = { ...ctx, actor: { username: 'anonymous', role: 'public', unitId: null } };
    expect(
      await compareIndicator(pub, { indicator: 'BC.DOANH_THU', unit: 'VN', period: PERIOD }),
    ).toMatchObject({
      status: 'partial',
      value: 5000,
    });
  });
});
