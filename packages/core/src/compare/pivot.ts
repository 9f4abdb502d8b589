import { serializeTable } from '../format/table-file.ts';
import { STATUS_LABELS, labelOf } from '../format/labels.ts';
import { periodLabelVi } from '../periods/period-text.ts';
import type { FileFormat } from '../imports/parse-file.ts';
import { periodsVisibleTo } from '../periods/visibility.ts';
import { listIndicators, unknownIndicator } from '../catalog/indicators.ts';
import { throwIt } from '../errors.ts';
import type { Ctx } from '../context.ts';
import { parsePeriod } from '../periods/period.ts';
import type { Indicator } from '../schemas.ts';
import type { ValueCell } from '../value-schemas.ts';
import { loadUnitGraph } from '../units/unit-graph.ts';
import { unknownUnit } from '../units/units.ts';
import { loadResolveEnv } from './env.ts';
import { resolveFigure } from './resolve.ts';

/**
 * Values for every combination of indicators × units × periods (each unit with its subtree and
 * predecessors), from one prefetch of reported values and rollups.
 */
export async function pivotValues(
  ctx: Ctx,
  input: { indicators: string[]; units: string[]; periods: string[] },
): Promise<ValueCell[]> {
  const [indicators, graph] = await Promise.all([listIndicators(ctx), loadUnitGraph(ctx.db.k)]);
  const byCode = new Map(indicators.map((i): [string, Indicator] => [i.code, i]));
  const inds = input.indicators.map((c) => byCode.get(c.toUpperCase()) ?? throwIt(unknownIndicator(c)));
  const units = input.units.map((c) => graph.byCode.get(c.toUpperCase()) ?? throwIt(unknownUnit(c)));
  const visible = await periodsVisibleTo(ctx, {
    unitIds: units.map((u) => u.id),
    ancestorsOf: graph.ancestorsOf,
  });
  const periods = input.periods.map(parsePeriod);
  const env = await loadResolveEnv(ctx.db.k, graph, byCode, { inds, units, periods });
  const out: ValueCell[] = [];
  for (const ind of inds) {
    for (const unit of units) {
      for (const p of periods) {
        const r = visible(p) ? resolveFigure(env, ind, unit, p) : null;
        out.push({
          indicator: ind.code,
          unit: unit.code,
          period: p.id,
          value: r?.value ?? null,
          status: r?.status ?? null,
          source: r?.source ?? null,
          ...(r?.status === 'partial' ? { coverage: r.coverage } : {}),
          ...(r?.derived ? { derived: true } : {}),
        });
      }
    }
  }
  return out;
}

/** A pivot as a file: one row per cell (indicator, unit, period, value, status). */
export async function exportPivot(
  ctx: Ctx,
  input: { indicators: string[]; units: string[]; periods: string[]; format: FileFormat; lang?: 'vi' | 'en' },
): Promise<Buffer> {
  // A person opening the file in Vietnamese reads Vietnamese headers, periods and statuses; JSON and
  // the English file keep the codes, for programs. Values stay plain numbers either way.
  const vi = input.lang === 'vi' && input.format !== 'json';
  const cells = (await pivotValues(ctx, input)).map((c) => ({
    ...c,
    period: vi ? periodLabelVi(parsePeriod(c.period)) : c.period,
    status: vi && c.status ? labelOf(STATUS_LABELS, c.status, 'vi') : c.status,
    // A partial figure carries its coverage into the file, as it does on screen: "1/34".
    coverage: c.coverage ? `${c.coverage.reported}/${c.coverage.expected}` : '',
  }));
  const columns = ['indicator', 'unit', 'period', 'value', 'status', 'coverage', 'source'] as const;
  return serializeTable(columns, cells, input.format, {
    json: 'cells',
    sheet: 'Bang tong hop',
    headers: vi ? PIVOT_HEADERS_VI : undefined,
  });
}

const PIVOT_HEADERS_VI = {
  indicator: 'Mã chỉ tiêu',
  unit: 'Mã đơn vị',
  period: 'Kỳ',
  value: 'Giá trị',
  status: 'Tình trạng số liệu',
  coverage: 'Số đơn vị đã báo cáo',
  source: 'Nguồn',
} as const;
