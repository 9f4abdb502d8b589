import { requireAccess } from '../access/access.ts';
import { listIndicators } from '../catalog/indicators.ts';
import type { Ctx } from '../context.ts';
import { BaocaoError } from '../errors.ts';
import { parsePeriod, shiftPeriod } from '../periods/period.ts';
import { periodShortLabel } from '../periods/period-text.ts';
import { loadUnitGraph, predecessorsFor, unitCovers } from '../units/unit-graph.ts';
import { periodFromMonths } from '../periods/period.ts';
import { MAX_HISTORY, type OutlierFinding, findOutliers, lagOf } from './outliers.ts';
import { OutlierCheckInput } from './quality-schemas.ts';
import { selectMonthlyHistory, selectPeerValues } from './outliers.queries.ts';
import { loadCellBounds } from './ranges.ts';

/**
 * The outlier findings about a unit's values in a monthly period: against the unit's stored
 * history (the last 36 months before the period and their references), its peers (units of the
 * same kind with a stored value in the period, per inhabitant where populations are known) and
 * the administrators' soft ranges. Other period types have no findings (no history rule yet).
 */
export async function checkOutliers(ctx: Ctx, raw: OutlierCheckInput): Promise<OutlierFinding[]> {
  const input = OutlierCheckInput.parse(raw);
  const graph = await loadUnitGraph(ctx.db.k);
  const unit = graph.byCode.get(input.unit.trim().toUpperCase());
  if (!unit)
    throw new BaocaoError(
      'UNKNOWN_UNIT',
      `Không có đơn vị mã "${input.unit}"`,
      `Unknown unit "${input.unit}"`,
      {
        status: 404,
      },
    );
  requireAccess(ctx, 'value.read', { unitIds: [unit.id], ancestorsOf: graph.ancestorsOf });
  const p = parsePeriod(input.period);
  if (p.type !== 'M') return [];
  const catalog = new Map((await listIndicators(ctx)).map((i) => [i.code, i]));
  const checked = input.values.flatMap((v) => {
    const i = catalog.get(v.indicator.trim().toUpperCase());
    return i && i.kind !== 'ratio' ? [{ indicator: i, value: v.value }] : [];
  });
  const ids = checked.map((c) => c.indicator.id);
  const first = p.first - MAX_HISTORY - 12;
  const peers = [...graph.byId.values()].filter(
    (u) => u.kind === unit.kind && u.id !== unit.id && unitCovers(u, p),
  );
  // Months before a merged unit existed are its predecessors' sum (all of them, or unknown).
  const partsOf = new Map<number, number[]>();
  for (let m = first; m < p.first; m++) {
    const month = periodFromMonths(m, m);
    if (!unitCovers(unit, month))
      partsOf.set(
        m,
        predecessorsFor(graph, unit, month).map((u) => u.id),
      );
  }
  const unitIds = [...new Set([unit.id, ...[...partsOf.values()].flat()])];
  const [history, peerRows, bounds] = await Promise.all([
    selectMonthlyHistory(ctx.db.k, unitIds, ids, first, p.first - 1),
    selectPeerValues(
      ctx.db.k,
      peers.map((u) => u.id),
      ids,
      p.id,
    ),
    loadCellBounds(ctx.db.k, graph, [unit.id]),
  ]);
  const size = bounds(0, unit.id).population;
  return checked.flatMap(({ indicator, value }) => {
    const cells = new Map<string, number>();
    for (const h of history)
      if (h.indicator_id === indicator.id) cells.set(`${h.unit_id}|${h.first_month}`, Number(h.value));
    const series = Array.from({ length: p.first - first }, (_, i): number | null => {
      const m = first + i;
      const parts = partsOf.get(m) ?? [unit.id];
      const known = parts.map((u) => cells.get(`${u}|${m}`));
      return parts.length > 0 && known.every((v) => v !== undefined)
        ? known.reduce((a, b) => a! + b!, 0)!
        : null;
    });
    const range = bounds(indicator.id, unit.id).range;
    return findOutliers({
      indicator,
      unitName: unit.nameVi,
      value,
      history: series,
      referenceLabel: periodShortLabel(shiftPeriod(p, -lagOf(indicator.kind)), 'vi'),
      size,
      peers: peerRows
        .filter((r) => r.indicator_id === indicator.id)
        .map((r) => ({ value: Number(r.value), size: bounds(0, r.unit_id).population })),
      range: range && !range.hard ? range : null,
    });
  });
}
