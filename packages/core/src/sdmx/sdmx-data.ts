import { inScope } from '../access/access.ts';
import { pivotValues } from '../compare/pivot.ts';
import type { Ctx } from '../context.ts';
import { BaocaoError } from '../errors.ts';
import { roundHalfUp } from '../format/number.ts';
import { parsePeriod } from '../periods/period.ts';
import type { Imputed } from '../schemas.ts';
import { periodsVisibleTo } from '../periods/visibility.ts';
import { loadUnitGraph } from '../units/unit-graph.ts';
import {
  AGENCY,
  type ObsStatus,
  VERSION,
  boundMonth,
  fromSdmxId,
  obsStatusOf,
  toSdmxId,
  toSdmxPeriod,
  unitOf,
} from './sdmx-model.ts';
import { type SdmxDataflow, type SdmxStructures, sdmxStructures } from './sdmx-structures.ts';
import { selectDataAreas, selectDataPeriods, selectNotes } from './sdmx.queries.ts';

/** One observation: its period (SDMX notation), value and observation-level attributes. */
export interface SdmxObs {
  period: string;
  value: number;
  status: ObsStatus;
  comment?: string;
}

/** A series: one indicator in one area, with the attributes of the indicator and its observations. */
export interface SdmxSeries {
  indicator: string;
  area: string;
  unitMeasure: string;
  unitMult: number;
  decimals: number;
  obs: SdmxObs[];
}

/** What a data query names: the dataflow, the key and the time bounds (SDMX REST). */
export interface SdmxDataQuery {
  flow: string;
  key: string;
  startPeriod?: string | undefined;
  endPeriod?: string | undefined;
}

export const noResults = (why: string, whyEn: string) =>
  new BaocaoError('NO_RESULTS', why, `No results: ${whyEn}`, { status: 404 });

/** Reads `DF_X`, `BAOCAO,DF_X`, `BAOCAO,DF_X,1.0` or `all` into the dataflows it names. */
export function flowsOf(s: SdmxStructures, flowRef: string): SdmxDataflow[] {
  const parts = flowRef.split(',');
  const [agency, id] = parts.length === 1 ? [AGENCY, parts[0]!] : [parts[0]!, parts[1]!];
  if (agency !== AGENCY && agency !== 'all' && agency !== '*')
    throw noResults(`Không có cơ quan ${agency}`, `no agency ${agency}`);
  // Our one version, or a version wildcard of SDMX REST (v1 `latest`/`all`, v2 `*`, `~`, `+`).
  const version = parts[2] ?? 'latest';
  if (![VERSION, 'latest', 'all', '*', '~', '+'].includes(version))
    throw noResults(
      `Không có phiên bản ${version} của luồng ${id}`,
      `no version ${version} of dataflow ${id}`,
    );
  const flows = id === 'all' || id === '' ? s.dataflows : s.dataflows.filter((f) => f.id === id);
  if (!flows.length) throw noResults(`Không có luồng dữ liệu ${id}`, `no dataflow ${id}`);
  return flows;
}

/**
 * The series a data query selects: for the key's indicators (within the dataflows) and areas (a
 * wildcard: every unit with values and its ancestors), at every period with stored values within
 * the bounds. Figures are the platform's own — reported, or summed from below with their coverage —
 * so they equal `compare` for the same cell; the public sees released periods only.
 */
export async function sdmxSeries(
  ctx: Ctx,
  q: SdmxDataQuery,
  /** The structures, when the caller has them already (built once per request). */
  structures?: SdmxStructures,
): Promise<SdmxSeries[]> {
  const s = structures ?? (await sdmxStructures(ctx));
  const flows = flowsOf(s, q.flow);
  const inFlows = new Map(flows.flatMap((f) => f.indicators).map((i) => [i.code, i]));
  const key = q.key === 'all' ? [] : q.key.split('.');
  if (key.length > 2)
    throw new BaocaoError(
      'INVALID_KEY',
      `Khóa "${q.key}" có quá nhiều chiều (INDICATOR.REF_AREA)`,
      `Key "${q.key}" has too many dimensions (INDICATOR.REF_AREA)`,
    );
  const wanted = (part: string | undefined) => (part ? part.split('+').filter(Boolean).map(fromSdmxId) : []);
  const indicatorCodes = wanted(key[0]);
  const indicators = indicatorCodes.length
    ? indicatorCodes.filter((c) => inFlows.has(c)).map((c) => inFlows.get(c)!)
    : [...inFlows.values()];
  if (!indicators.length) throw noResults('Không có chỉ tiêu nào khớp khóa', 'no indicator matches the key');
  const graph = await loadUnitGraph(ctx.db.k);
  const ids = indicators.map((i) => i.id);
  const areaCodes = wanted(key[1]).filter((c) => graph.byCode.has(c));
  if (key[1] && !areaCodes.length)
    throw noResults('Không có đơn vị nào khớp khóa', 'no area matches the key');
  // A wildcard area is every unit with values and its ancestors — within the caller's unit scope
  // (core's one rule); named areas are checked against it like every read.
  const areas = areaCodes.length
    ? areaCodes
    : (await selectDataAreas(ctx.db.k, ids))
        .filter((id) => inScope(ctx.actor, id, graph.ancestorsOf))
        .map((id) => graph.byId.get(id)!.code);
  await periodsVisibleTo(ctx, {
    unitIds: areas.map((c) => graph.byCode.get(c)!.id),
    ancestorsOf: graph.ancestorsOf,
  });
  const first = q.startPeriod ? boundMonth(q.startPeriod, false) : 0;
  const last = q.endPeriod ? boundMonth(q.endPeriod, true) : 2200 * 12;
  const periods = await selectDataPeriods(ctx.db.k, ids, first, last);
  if (!areas.length || !periods.length) return [];
  const [cells, notes] = await Promise.all([
    pivotValues(ctx, { indicators: indicators.map((i) => i.code), units: areas, periods }),
    selectNotes(ctx.db.k, ids, areas, periods),
  ]);
  const byIndicator = new Map(indicators.map((i) => [i.code, i]));
  const series = new Map<string, SdmxSeries>();
  for (const c of cells) {
    if (c.value === null) continue;
    const ind = byIndicator.get(c.indicator)!;
    const k = `${c.indicator}|${c.unit}`;
    let one = series.get(k);
    if (!one) {
      const u = unitOf(ind);
      one = {
        indicator: toSdmxId(c.indicator),
        area: toSdmxId(c.unit),
        unitMeasure: u.id,
        unitMult: u.mult,
        decimals: ind.precision,
        obs: [],
      };
      series.set(k, one);
    }
    const status = obsStatusOf(c);
    one.obs.push({
      period: toSdmxPeriod(parsePeriod(c.period)),
      value: c.value,
      status,
      ...comment(
        c.coverage,
        c.source === 'reported' ? notes.get(`${c.indicator}|${c.unit}|${c.period}`) : undefined,
        c.imputed,
      ),
    });
  }
  return [...series.values()].filter((x) => x.obs.length);
}

/**
 * COMMENT: a reported value's note; a partial figure's coverage ("1/34 units reported"); an imputed
 * one's estimated part too ("3/34 units imputed, 4.1% of the value").
 */
function comment(
  coverage: { reported: number; expected: number } | null | undefined,
  note: string | undefined,
  imputed?: Imputed | null,
) {
  const parts = [
    ...(note ? [note] : []),
    ...(coverage ? [`${coverage.reported}/${coverage.expected} units reported`] : []),
    ...(imputed
      ? [
          `${imputed.units}/${imputed.expected} units imputed, ${roundHalfUp(imputed.sharePct, 1)}% of the value`,
        ]
      : []),
  ];
  return parts.length ? { comment: parts.join('; ') } : {};
}
