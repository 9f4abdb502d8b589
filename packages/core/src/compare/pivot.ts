import { type CsvDialect, serializeTable } from '../format/table-file.ts';
import { SOURCE_LABELS, STATUS_LABELS, labelOf } from '../format/labels.ts';
import { periodLabel } from '../periods/period-text.ts';
import type { FileFormat } from '../imports/parse-file.ts';
import { periodsVisibleTo } from '../periods/visibility.ts';
import { listIndicators, unknownIndicator } from '../catalog/indicators.ts';
import { throwIt } from '../errors.ts';
import type { Ctx } from '../context.ts';
import { parsePeriod } from '../periods/period.ts';
import type { Indicator, ValueCell } from '../schemas.ts';
import { loadUnitGraph } from '../units/unit-graph.ts';
import { unknownUnit } from '../units/units.ts';
import { loadResolveEnv } from './env.ts';
import { type ImputeAsk, imputeFigures } from './impute.ts';
import { imputedWords } from './sentence.ts';
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
  const shown = periods.map((p) => visible(p));
  const asks: ImputeAsk[] = [];
  for (const ind of inds)
    for (const unit of units)
      for (let k = 0; k < periods.length; k++) {
        const p = periods[k]!;
        asks.push({ ind, unit, p, fig: shown[k] ? resolveFigure(env, ind, unit, p) : null });
      }
  // A partial national or regional sum is completed with estimates of the units missing (impute.ts).
  const figures = await imputeFigures(ctx.db.k, env, asks);
  const out: ValueCell[] = new Array(asks.length);
  // One object per cell, its optional fields set only when they apply (no spreads: this loop runs
  // for every cell of the table).
  for (let i = 0; i < asks.length; i++) {
    const { ind, unit, p } = asks[i]!;
    const r = figures[i];
    const cell: ValueCell = {
      indicator: ind.code,
      unit: unit.code,
      period: p.id,
      value: r ? r.value : null,
      status: r ? r.status : null,
      source: r ? r.source : null,
    };
    if (r?.status === 'partial' || r?.status === 'imputed') cell.coverage = r.coverage;
    if (r?.imputed) cell.imputed = r.imputed;
    if (r?.derived) cell.derived = true;
    out[i] = cell;
  }
  return out;
}

/**
 * A pivot as a file: one row per cell. Every file names what it holds — the indicator's name and
 * unit of measure, the unit's name — beside the codes. A person's file (`lang`) has headers,
 * periods, statuses and sources in that language, names first; the programs' file (no `lang`, and
 * JSON) keeps codes and plain words first, names after. `dialect: 'vi'` writes the CSV a
 * spreadsheet in Vietnamese settings opens as numbers (`;` and decimal commas).
 */
export async function exportPivot(
  ctx: Ctx,
  input: {
    indicators: string[];
    units: string[];
    periods: string[];
    format: FileFormat;
    lang?: 'vi' | 'en';
    dialect?: CsvDialect;
  },
): Promise<Buffer> {
  const lang = input.format === 'json' ? undefined : input.lang;
  const [indicators, graph, cells] = await Promise.all([
    listIndicators(ctx),
    loadUnitGraph(ctx.db.k),
    pivotValues(ctx, input),
  ]);
  const byCode = new Map(indicators.map((i): [string, Indicator] => [i.code, i]));
  const en = lang === 'en';
  const rows = cells.map((c) => {
    const ind = byCode.get(c.indicator);
    const unit = graph.byCode.get(c.unit);
    return {
      ...c,
      indicatorName: (en ? ind?.nameEn : ind?.nameVi) ?? c.indicator,
      measure: (en ? (ind?.unitEn ?? ind?.unitVi) : ind?.unitVi) ?? '',
      unitName: (en ? (unit?.nameEn ?? unit?.nameVi) : unit?.nameVi) ?? c.unit,
      period: lang ? periodLabel(parsePeriod(c.period), lang) : c.period,
      status: lang && c.status ? labelOf(STATUS_LABELS, c.status, lang) : c.status,
      source: lang && c.source ? labelOf(SOURCE_LABELS, c.source, lang) : c.source,
      // A partial figure carries its coverage into the file, as it does on screen: "1/34".
      coverage: c.coverage ? `${c.coverage.reported}/${c.coverage.expected}` : '',
      // An imputed figure says how many units were estimated and their share: "3/34 (4,1%)".
      imputed: c.imputed ? imputedWords(c.imputed, lang) : '',
    };
  });
  const columns = lang
    ? PEOPLE_COLUMNS
    : // The imputed part comes last: a program that reads the columns by position reads them as before.
      ([...MACHINE_COLUMNS, 'indicatorName', 'measure', 'unitName', 'imputed'] as const);
  return serializeTable(columns, rows, input.format, {
    json: 'cells',
    sheet: lang === 'en' ? 'Pivot table' : 'Bang tong hop',
    headers: lang ? PIVOT_HEADERS[lang] : undefined,
    dialect: input.dialect,
  });
}

const MACHINE_COLUMNS = ['indicator', 'unit', 'period', 'value', 'status', 'coverage', 'source'] as const;
const PEOPLE_COLUMNS = [
  'indicator',
  'indicatorName',
  'measure',
  'unit',
  'unitName',
  'period',
  'value',
  'status',
  'coverage',
  'source',
  'imputed',
] as const;

const PIVOT_HEADERS = {
  vi: {
    indicator: 'Mã chỉ tiêu',
    indicatorName: 'Chỉ tiêu',
    measure: 'Đơn vị tính',
    unit: 'Mã đơn vị',
    unitName: 'Đơn vị',
    period: 'Kỳ',
    value: 'Giá trị',
    status: 'Tình trạng số liệu',
    coverage: 'Số đơn vị đã báo cáo',
    imputed: 'Ước tính bù (số đơn vị và tỷ trọng)',
    source: 'Nguồn',
  },
  en: {
    indicator: 'Indicator code',
    indicatorName: 'Indicator',
    measure: 'Unit of measure',
    unit: 'Unit code',
    unitName: 'Unit',
    period: 'Period',
    value: 'Value',
    status: 'Status',
    coverage: 'Units reported',
    imputed: 'Imputed (units and share)',
    source: 'Source',
  },
} as const;
