import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Ctx } from '../context.ts';
import { coreFile } from '../files.ts';
import { roundHalfUp } from '../format/number.ts';
import { setPlanTargets } from '../plans/plans.ts';
import type { RawValueRow } from '../values/validate.ts';
import { submitValues } from '../values/values.ts';
import { listIndicators } from '../catalog/indicators.ts';
import { initStore } from './init.ts';
import { createRegistryItems } from '../registries/registries.ts';
import { hasRegistryItems } from '../registries/registry-items.queries.ts';
import { setReportDetails } from '../reports/reports.ts';
import { z } from 'zod';
import { releasePeriod } from '../releases/release-period.ts';
import { openReportingPeriod } from '../periods/reporting-periods.ts';
import { periodFromMonths, shiftPeriod } from '../periods/period.ts';
import { currentMonthIndex } from '../values/validate.ts';

const DemoRegistry = z.object({
  reports: z.array(z.object({ template: z.string(), period: z.string(), issuedOn: z.string() })),
  items: z.array(z.record(z.string(), z.unknown())),
});

/**
 * The seeds' words besides numbers — legal documents, activities, issues, tasks, voter petitions —
 * and the dates of the two demo reports. Loaded once: a store that has registry items keeps them.
 */
async function loadDemoRegistry(ctx: Ctx): Promise<number> {
  const demo = DemoRegistry.parse(JSON.parse(readFileSync(coreFile('data/demo-registry.json'), 'utf8')));
  if (await hasRegistryItems(ctx.db.k)) return 0;
  const { items } = await createRegistryItems(ctx, demo.items);
  for (const r of demo.reports)
    await setReportDetails(ctx, { template: r.template, period: r.period, issuedOn: r.issuedOn });
  return items.length;
}

interface SeedRow {
  seed: string;
  statement: string;
  unit: string;
  period: string;
  value: string;
  compare_kind: '' | 'same_period_last_year' | 'previous_period' | 'annual_plan';
  compare_period: string;
  compare_value: string;
  reported_pct: string;
  note: string;
}

/** Which catalog code each statement of the seeds is, and whether the text calls it an estimate ("ước"). */
const STATEMENTS: Record<string, { code: string; estimate: boolean }> = {
  '000|Doanh thu lĩnh vực an toàn thông tin mạng': { code: 'ATTT.DOANH_THU', estimate: true },
  '000|Tỷ lệ doanh thu sản phẩm nội địa so với nước ngoài (an toàn thông tin mạng)': {
    code: 'ATTT.TY_LE_NOI_DIA',
    estimate: false,
  },
  '000|Nộp ngân sách nhà nước (an toàn thông tin mạng)': { code: 'ATTT.NOP_NSNN', estimate: true },
  '000|Lợi nhuận (an toàn thông tin mạng)': { code: 'ATTT.LOI_NHUAN', estimate: false },
  '000|Số doanh nghiệp hoạt động trong lĩnh vực an ninh mạng': {
    code: 'ATTT.SO_DOANH_NGHIEP',
    estimate: false,
  },
  '000|Số lao động làm việc trong lĩnh vực an toàn thông tin mạng': {
    code: 'ATTT.SO_LAO_DONG',
    estimate: false,
  },
  '000|Số vụ tấn công mạng': { code: 'ATTT.TAN_CONG_MANG', estimate: false },
  '000|Số địa chỉ IP botnet': { code: 'ATTT.IP_BOTNET', estimate: false },
  '000|Tổng số chứng thư số công cộng đã cấp (lũy kế)': { code: 'CKS.DA_CAP_LUY_KE', estimate: false },
  '000|Tổng số chứng thư số công cộng đang hoạt động': { code: 'CKS.DANG_HOAT_DONG', estimate: false },
  '000|Số chứng thư số chuyên dùng Chính phủ đang hoạt động': {
    code: 'CKS.CHINH_PHU_DANG_HOAT_DONG',
    estimate: false,
  },
  '003|Doanh thu toàn ngành TT&TT (8 tháng)': { code: 'NGANH.DOANH_THU', estimate: true },
  '003|Lợi nhuận toàn ngành (8 tháng)': { code: 'NGANH.LOI_NHUAN', estimate: true },
  '003|Nộp ngân sách nhà nước toàn ngành (8 tháng)': { code: 'NGANH.NOP_NSNN', estimate: true },
  '003|Đóng góp vào GDP của ngành (8 tháng)': { code: 'NGANH.DONG_GOP_GDP', estimate: true },
  '003|Tổng số lao động toàn ngành': { code: 'NGANH.LAO_DONG', estimate: true },
  '003|Số cuộc tấn công mạng': { code: 'ATTT.TAN_CONG_MANG', estimate: false },
  '003|Số địa chỉ IP nằm trong mạng botnet': { code: 'ATTT.IP_BOTNET', estimate: false },
};

const SOURCE: Record<string, string> = {
  '000': 'Giao ban quản lý nhà nước quý 1/2024 (11/3/2024)',
  '003': 'Họp báo Bộ TT&TT tháng 8/2024 (13/9/2024)',
};

/** The seed figures with their catalog codes (rows of statements outside the catalog are left out). */
export function seedFigures(): (SeedRow & { code: string; estimate: boolean })[] {
  // The notes column quotes the seed's words ("giảm 75,1%") without CSV escaping; only its start is kept.
  const rows: SeedRow[] = parse(readFileSync(coreFile('data/seed-figures.csv')), {
    columns: true,
    trim: true,
    relax_quotes: true,
    relax_column_count_more: true,
  });
  return rows.flatMap((r) => {
    const s = STATEMENTS[`${r.seed}|${r.statement}`];
    return s ? [{ ...r, ...s }] : [];
  });
}

/**
 * Loads the demo: the catalog and units, then every figure of both seeds with its comparison
 * bases at the national level, and every registry item of both seeds. Where a seed states only a growth rate, the base it implies is stored,
 * rounded to the indicator's precision and marked derived, so it is used but never printed.
 */
export async function loadDemo(ctx: Ctx): Promise<{ values: number; plans: number; registryItems: number }> {
  await initStore(ctx);
  const precision = new Map((await listIndicators(ctx)).map((i) => [i.code, i.precision]));
  const rows = new Map<string, RawValueRow>();
  const plans: { indicator: string; unit: string; year: number; value: number }[] = [];
  const put = (r: Omit<RawValueRow, 'row'>) => {
    const key = `${r.indicator}|${r.unit}|${r.period}`;
    if (!rows.has(key)) rows.set(key, { ...r, row: rows.size + 1 });
  };
  for (const f of seedFigures()) {
    const source = SOURCE[f.seed];
    put({
      indicator: f.code,
      unit: 'VN',
      period: f.period,
      value: f.value,
      status: f.estimate ? 'estimate' : 'official',
      note: source,
    });
    if (f.compare_kind === 'annual_plan') {
      plans.push({
        indicator: f.code,
        unit: 'VN',
        year: Number(f.compare_period),
        value: Number(f.compare_value),
      });
    } else if (f.compare_kind && f.compare_value) {
      put({
        indicator: f.code,
        unit: 'VN',
        period: f.compare_period,
        value: f.compare_value,
        status: 'official',
        note: source,
      });
    } else if (f.compare_kind && f.reported_pct) {
      const implied = Number(f.value) / (1 + Number(f.reported_pct) / 100);
      put({
        indicator: f.code,
        unit: 'VN',
        period: f.compare_period,
        value: roundHalfUp(implied, precision.get(f.code) ?? 0),
        status: 'official',
        derived: true,
        note: `Suy ra từ tốc độ tăng ${f.reported_pct}% nêu trong báo cáo (${source})`,
      });
    }
  }
  const stored = await submitValues(ctx, { rows: [...rows.values()], source: 'demo' });
  await setPlanTargets(ctx, plans);
  const registryItems = await loadDemoRegistry(ctx);
  // The seeds are published reports, so their years are public. Units report the months that have
  // ended: last month and the one before (a month still running is not offered for reporting).
  for (const period of ['2023', '2024']) await releasePeriod(ctx, { period });
  const thisMonth = periodFromMonths(currentMonthIndex(), currentMonthIndex());
  for (const p of [shiftPeriod(thisMonth, -2), shiftPeriod(thisMonth, -1)])
    await openReportingPeriod(ctx, { period: p.id });
  return { values: stored.rows, plans: plans.length, registryItems };
}
