import { saveIndicators } from '../catalog/indicators.ts';
import { seedPopulation } from '../quality/ranges.ts';
import { builtinIndicators } from '../catalog/catalog-data.ts';
import type { Ctx } from '../context.ts';
import type { UnitInput } from '../schemas.ts';
import { loadUnitGraph } from '../units/unit-graph.ts';
import { provinceUnits } from '../units/provinces.ts';
import { addSuccessions, createUnits } from '../units/units.ts';
import { builtinTemplates, saveReportTemplate } from '../reports/templates.ts';
import { seedOrgNames } from '../org/org-names.ts';
import { seedRules } from '../quality/rule-seeds.ts';

/** The country, the ministry and the departments that report to it. */
const CENTRAL: UnitInput[] = [
  { code: 'VN', nameVi: 'Cả nước', nameEn: 'Viet Nam (whole country)', kind: 'country' },
  {
    code: 'BO',
    nameVi: 'Bộ Thông tin và Truyền thông',
    nameEn: 'Ministry of Information and Communications',
    kind: 'ministry',
    parentCode: 'VN',
  },
  ...(
    [
      ['CVT', 'Cục Viễn thông', 'Authority of Telecommunications'],
      ['CTS', 'Cục Tần số Vô tuyến điện', 'Authority of Radio Frequency Management'],
      ['CATTT', 'Cục An toàn thông tin', 'Authority of Information Security'],
      ['CCN', 'Cục Công nghiệp ICT', 'Authority of ICT Industry'],
      ['CBC', 'Cục Báo chí', 'Press Authority'],
      [
        'CPTTH',
        'Cục Phát thanh, truyền hình và Thông tin điện tử',
        'Authority of Broadcasting and Electronic Information',
      ],
      ['CTTDN', 'Cục Thông tin đối ngoại', 'Authority of Foreign Information Service'],
      ['NEAC', 'Trung tâm Chứng thực điện tử quốc gia', 'National Electronic Authentication Centre'],
      ['VKHTC', 'Vụ Kế hoạch - Tài chính', 'Department of Planning and Finance'],
      ['VPC', 'Vụ Pháp chế', 'Department of Legal Affairs'],
      ['VP', 'Văn phòng Bộ', 'Ministry Office'],
    ] as const
  ).map(([code, nameVi, nameEn]): UnitInput => ({
    code: `BO.${code}`,
    nameVi,
    nameEn,
    kind: 'department',
    parentCode: 'BO',
  })),
];

/**
 * Makes a fresh store usable: the indicator catalog, the country, the ministry and its
 * departments, the 34 provinces and the 63 before them with their successions, the built-in report
 * templates, the organisation's names before and after the 2025 merger, the built-in validation rules.
 * Idempotent.
 */
export async function initStore(ctx: Ctx): Promise<{ indicators: number; unitsCreated: number }> {
  const indicators = await saveIndicators(ctx, builtinIndicators());
  const existing = (await loadUnitGraph(ctx.db.k)).byCode;
  const provinces = provinceUnits('VN');
  const missing = [...CENTRAL, ...provinces.units].filter((u) => !existing.has(u.code));
  await createUnits(ctx, missing);
  if (missing.length > 0) await addSuccessions(ctx, provinces.successions);
  for (const t of builtinTemplates()) await saveReportTemplate(ctx, t, { builtin: true });
  await seedOrgNames(ctx);
  await seedPopulation(ctx);
  await seedRules(ctx);
  return { indicators: indicators.length, unitsCreated: missing.length };
}
