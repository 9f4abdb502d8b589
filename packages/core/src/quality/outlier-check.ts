import { requireAccess } from '../access/access.ts';
import { listIndicators } from '../catalog/indicators.ts';
import type { Ctx } from '../context.ts';
import { BaocaoError } from '../errors.ts';
import { type Period, parsePeriod, periodLength, shiftPeriod } from '../periods/period.ts';
import { periodShortLabel } from '../periods/period-text.ts';
import { loadUnitGraph, predecessorsFor, unitCovers } from '../units/unit-graph.ts';
import { MAX_HISTORY, type OutlierFinding, findOutliers, lagOf } from './outliers.ts';
import { OutlierCheckInput } from './quality-schemas.ts';
import { selectHistory, selectPeerValues } from './outliers.queries.ts';
import { loadCellBounds } from './ranges.ts';

/**
 * The outlier findings about a unit's values in a month, quarter, half-year or year: against the
 * unit's stored history of periods of the same type (the last 36 before the period and their
 * references; with fewer than 12 known changes the history says nothing, which for quarters and
 * years is common), its peers (units of the same kind with a stored value in the period, per
 * inhabitant where populations are known) and the administrators' soft ranges. A span (2025M01-M08)
 * has no findings: spans of different lengths are no history of each other.
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
  if (p.type === 'R') return [];
  const len = periodLength(p);
  const perYear = 12 / len;
  const catalog = new Map((await listIndicators(ctx)).map((i) => [i.code, i]));
  const checked = input.values.flatMap((v) => {
    const i = catalog.get(v.indicator.trim().toUpperCase());
    return i && i.kind !== 'ratio' ? [{ indicator: i, value: v.value }] : [];
  });
  const ids = checked.map((c) => c.indicator.id);
  // The periods of the same type before p, oldest first: 36 changes and their references.
  const before: Period[] = Array.from({ length: MAX_HISTORY + perYear }, (_, i) =>
    shiftPeriod(p, -len * (MAX_HISTORY + perYear - i)),
  );
  const peers = [...graph.byId.values()].filter(
    (u) => u.kind === unit.kind && u.id !== unit.id && unitCovers(u, p),
  );
  // Periods before a merged unit existed are its predecessors' sum (all of them, or unknown).
  const partsOf = new Map<string, number[]>();
  for (const b of before)
    if (!unitCovers(unit, b))
      partsOf.set(
        b.id,
        predecessorsFor(graph, unit, b).map((u) => u.id),
      );
  const unitIds = [...new Set([unit.id, ...[...partsOf.values()].flat()])];
  const [history, peerRows, bounds] = await Promise.all([
    selectHistory(
      ctx.db.k,
      unitIds,
      ids,
      before.map((b) => b.id),
    ),
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
      if (h.indicator_id === indicator.id) cells.set(`${h.unit_id}|${h.period}`, Number(h.value));
    const series = before.map((b): number | null => {
      const parts = partsOf.get(b.id) ?? [unit.id];
      const known = parts.map((u) => cells.get(`${u}|${b.id}`));
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
      perYear,
      referenceLabel: periodShortLabel(shiftPeriod(p, -len * lagOf(indicator.kind, perYear)), 'vi'),
      size,
      peers: peerRows
        .filter((r) => r.indicator_id === indicator.id)
        .map((r) => ({ value: Number(r.value), size: bounds(0, r.unit_id).population })),
      range: range && !range.hard ? range : null,
    });
  });
}
