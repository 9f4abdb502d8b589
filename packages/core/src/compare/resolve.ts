import { type Period, monthsOf, periodFromMonths } from '../periods/period.ts';
import type { FigureStatus, Indicator, Unit, ValueSource, ValueStatus } from '../schemas.ts';
import { type UnitGraph, predecessorsFor, unitCovers, unitSpan } from '../units/unit-graph.ts';
import { type Cell, type Cells, cellKey } from './cells.queries.ts';
import { countedCoverage, countsCoverage, expectedReporters } from './coverage.ts';

/** A value as asked for: where it came from and whether it rests on estimates or derived bases. */
export interface Resolved {
  value: number;
  status: ValueStatus;
  derived: boolean;
  source: ValueSource;
}

/** What resolution reads: the unit graph, the catalog and the prefetched cells. */
export interface ResolveEnv {
  graph: UnitGraph;
  indicators: Map<string, Indicator>;
  cells: Cells;
  /**
   * Coverage computed while loading, by resolving every expected reporter in bounded batches, for
   * the cells whose coverage the stored counts cannot give (see `countsCoverage`), by cell key.
   */
  coverage: Map<string, { expected: number; reported: number }>;
}

/**
 * The periods a composite period is built from, one level down: a year or half from quarters, a
 * quarter or any other span from months.
 */
export function subPeriods(p: Period): Period[] {
  if (p.type === 'Y' || p.type === 'S') {
    const out: Period[] = [];
    for (let f = p.first; f <= p.last; f += 3) out.push(periodFromMonths(f, f + 2));
    return out;
  }
  return p.type === 'M' ? [] : monthsOf(p);
}

/** A period and everything it may be built from, recursively. */
export function periodClosure(p: Period): Period[] {
  return [p, ...subPeriods(p).flatMap(periodClosure)];
}

const fromCell = (c: Cell, source: Resolved['source']): Resolved => ({
  value: c.value,
  status: c.status,
  derived: c.derived,
  source,
});

function combine(parts: Resolved[], value: number, source: Resolved['source']): Resolved {
  return {
    value,
    status: parts.some((p) => p.status === 'estimate') ? 'estimate' : 'official',
    derived: parts.some((p) => p.derived),
    source,
  };
}

/**
 * The value of an indicator for a unit (its whole subtree) and a period, or null when the data
 * does not support one. In order: a value reported for exactly that unit and period; the rollup of
 * the values below it; for a period before the unit existed, the sum over its predecessors; for a
 * composite period, a flow's sum over all its parts (every part present) or a stock's last part.
 * A ratio with components is recomputed from them; non-additive indicators are never summed.
 */
export function resolveValue(env: ResolveEnv, ind: Indicator, unit: Unit, p: Period): Resolved | null {
  const key = cellKey(ind.id, unit.id, p.id);
  const direct = env.cells.direct.get(key);
  if (direct) return fromCell(direct, 'reported');
  if (ind.kind === 'ratio') {
    const num = ind.numeratorCode ? env.indicators.get(ind.numeratorCode) : undefined;
    const den = ind.denominatorCode ? env.indicators.get(ind.denominatorCode) : undefined;
    if (!num || !den) return null;
    const a = resolveValue(env, num, unit, p);
    const b = resolveValue(env, den, unit, p);
    if (!a || !b || b.value === 0) return null;
    return combine([a, b], (100 * a.value) / b.value, 'computed');
  }
  const additive = ind.acrossUnits === 'sum';
  if (additive && unitCovers(unit, p)) {
    const r = env.cells.rollup.get(key);
    if (r) return fromCell(r, 'aggregated');
  }
  if (additive && p.last < unitSpan(unit).first) {
    const parts = predecessorsFor(env.graph, unit, p)
      .map((u) => resolveValue(env, ind, u, p))
      .filter((r): r is Resolved => r !== null);
    if (parts.length === 0) return null;
    return combine(parts, sum(parts), 'aggregated');
  }
  const subs = subPeriods(p);
  if (subs.length === 0) return null;
  if (ind.kind === 'stock') return resolveValue(env, ind, unit, subs[subs.length - 1]!);
  const parts = subs.map((s) => resolveValue(env, ind, unit, s));
  if (parts.some((r) => r === null)) return null;
  const present = parts.filter((r): r is Resolved => r !== null);
  return combine(present, sum(present), 'aggregated');
}

const sum = (parts: Resolved[]) => parts.reduce((s, r) => s + r.value, 0);

export { expectedReporters, unitClosure } from './coverage.ts';

/** A resolved value as shown: `partial` when it sums fewer units than must report, with their counts. */
export interface Figure extends Omit<Resolved, 'status'> {
  status: FigureStatus;
  /** The status of the values it is made of (a partial sum of estimates is still estimated). */
  basis: Resolved['status'];
  coverage: { expected: number; reported: number };
}

/**
 * How many of the units that must report `ind` within `unit` for `p` have a value (active units
 * only): from the stored counts where they give it, else as computed while loading, else by
 * resolving each expected reporter (a caller that has them already passes them).
 */
export function coverageOf(
  env: ResolveEnv,
  ind: Indicator,
  unit: Unit,
  p: Period,
  reporters?: Unit[],
): { expected: number; reported: number } {
  if (countsCoverage(env.graph, ind, unit, p)) return countedCoverage(env, ind, unit, p);
  const known = env.coverage.get(cellKey(ind.id, unit.id, p.id));
  if (known) return known;
  const list = reporters ?? expectedReporters(env.graph, ind, unit, p);
  const reported = list.filter((u) => resolveValue(env, ind, u, p) !== null).length;
  return { expected: list.length, reported };
}

/**
 * The figure for (indicator, unit, period): the resolved value, marked `partial` when it is a sum of
 * the units that reported while others that must report have not. A value entered for the unit
 * itself (a national estimate) is what it says and never partial; its children's sum is a
 * cross-check (see `childrenSum`).
 */
export function resolveFigure(
  env: ResolveEnv,
  ind: Indicator,
  unit: Unit,
  p: Period,
  reporters?: Unit[],
): Figure | null {
  const r = resolveValue(env, ind, unit, p);
  if (!r) return null;
  const coverage = coverageOf(env, ind, unit, p, reporters);
  const partial = r.source !== 'reported' && coverage.reported < coverage.expected;
  return {
    value: r.value,
    status: partial ? 'partial' : r.status,
    derived: r.derived,
    source: r.source,
    basis: r.status,
    coverage,
  };
}

/** The sum of what the units below reported (null when none did): the cross-check of a value entered for the unit itself. */
export function childrenSum(env: ResolveEnv, ind: Indicator, unit: Unit, p: Period): number | null {
  if (ind.acrossUnits !== 'sum') return null;
  return env.cells.rollup.get(cellKey(ind.id, unit.id, p.id))?.value ?? null;
}
