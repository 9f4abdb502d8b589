import type { Period } from '../periods/period.ts';
import type { Indicator, Unit } from '../schemas.ts';
import { type UnitGraph, unitCovers } from '../units/unit-graph.ts';
import { type Cells, cellKey } from './cells.queries.ts';

/** Every unit resolution may read for `unit`: itself and its predecessors, recursively. */
export function unitClosure(graph: UnitGraph, unit: Unit): Unit[] {
  return [unit, ...(graph.predecessors.get(unit.id) ?? []).flatMap((u) => unitClosure(graph, u))];
}

/** What coverage needs to know about a unit, a reporting kind and a period, from the unit graph alone. */
interface Shape {
  /** The subtrees whose reporters count: the unit's own, or before it existed its predecessors' too. */
  roots: Unit[];
  /** No root lies inside another root's subtree (the stored counts would count it twice). */
  disjoint: boolean;
  /** The units expected to report (see {@link expectedReporters}). */
  expected: Unit[];
  /** Per root, the units of the kind strictly below it that do not exist for the whole period. */
  stale: Unit[][];
  /** Per root, whether the root itself is an expected reporter (of the kind, existing all period). */
  rootReports: boolean[];
}

// Kept with the graph: the graph object is replaced whenever the unit tree changes (`loadUnitGraph`
// is memoised by the catalog stamp), and its shapes go with it. Keyed by numbers, level by level: a
// pivot asks for thousands of cells, and building a text key per cell cost more than the cell.
const memo = new WeakMap<UnitGraph, Map<string, Map<number, Map<number, Shape>>>>();

function shapeOf(graph: UnitGraph, kind: string, unit: Unit, p: Period): Shape {
  let byKind = memo.get(graph);
  if (!byKind) memo.set(graph, (byKind = new Map()));
  let byUnit = byKind.get(kind);
  if (!byUnit) byKind.set(kind, (byUnit = new Map()));
  let byMonths = byUnit.get(unit.id);
  if (!byMonths) byUnit.set(unit.id, (byMonths = new Map()));
  const months = p.first * 1_000_000 + p.last;
  let shape = byMonths.get(months);
  if (!shape) byMonths.set(months, (shape = makeShape(graph, kind, unit, p)));
  return shape;
}

function makeShape(graph: UnitGraph, kind: string, unit: Unit, p: Period): Shape {
  const roots = unitCovers(unit, p) ? [unit] : unitClosure(graph, unit);
  const ids = new Set(roots.map((r) => r.id));
  const disjoint =
    ids.size === roots.length &&
    roots.every((r) => graph.ancestorsOf(r.id).every((a) => a === r.id || !ids.has(a)));
  const expected = new Map<number, Unit>();
  const visit = (u: Unit) => {
    if (u.kind === kind && unitCovers(u, p)) expected.set(u.id, u);
    for (const c of graph.children.get(u.id) ?? []) visit(c);
  };
  roots.forEach(visit);
  const stale = roots.map((root) => {
    const out: Unit[] = [];
    const below = (u: Unit) => {
      for (const c of graph.children.get(u.id) ?? []) {
        if (c.kind === kind && !unitCovers(c, p)) out.push(c);
        below(c);
      }
    };
    below(root);
    return out;
  });
  const rootReports = roots.map((r) => r.kind === kind && unitCovers(r, p));
  return { roots, disjoint, expected: [...expected.values()], stale, rootReports };
}

/**
 * The units expected to report an indicator within a unit for a period (completeness' denominator):
 * the units of its reporting kind that exist for the whole period, in the unit's subtree (or, for a
 * period before the unit existed, its predecessors'). Computed once per unit tree, reporting kind,
 * unit and months; the list is shared, never mutate it.
 */
export function expectedReporters(graph: UnitGraph, ind: Indicator, unit: Unit, p: Period): Unit[] {
  return ind.reportingKind ? shapeOf(graph, ind.reportingKind, unit, p).expected : [unit];
}

/**
 * Whether coverage of (indicator, unit, period) is read from the stored counts: an indicator with a
 * reporting kind, not a ratio (whose reporters need both components), a single month (a composite
 * period may be complete from its months, which no count holds) and subtrees that do not overlap.
 * Otherwise every expected reporter is resolved (see `coverageOf`).
 */
export function countsCoverage(graph: UnitGraph, ind: Indicator, unit: Unit, p: Period): boolean {
  return (
    !!ind.reportingKind &&
    ind.kind !== 'ratio' &&
    p.type === 'M' &&
    shapeOf(graph, ind.reportingKind, unit, p).disjoint
  );
}

/** The units whose cells {@link countedCoverage} reads besides the unit's closure (one list per subtree). */
export function countedCoverageUnits(graph: UnitGraph, ind: Indicator, unit: Unit, p: Period): Unit[][] {
  return ind.reportingKind ? shapeOf(graph, ind.reportingKind, unit, p).stale : [];
}

/**
 * Coverage from the stored counts, as many cells as the figure itself: for each subtree root, the
 * root if it is an expected reporter that reported, plus its rollup's count of reporters below,
 * less the units below that reported but are not expected (ended or not yet started). Only where
 * {@link countsCoverage} holds; answers equal resolving every expected reporter (tested).
 */
export function countedCoverage(
  env: { graph: UnitGraph; cells: Cells },
  ind: Indicator,
  unit: Unit,
  p: Period,
): { expected: number; reported: number } {
  const shape = shapeOf(env.graph, ind.reportingKind!, unit, p);
  // Plain loops and no closures: this runs once per cell of a pivot (thousands per request).
  const summed = ind.acrossUnits === 'sum';
  const { direct, rollup } = env.cells;
  let reported = 0;
  for (let i = 0; i < shape.roots.length; i++) {
    const key = cellKey(ind.id, shape.roots[i]!.id, p.id);
    const r = rollup.get(key);
    if (shape.rootReports[i] && (direct.has(key) || (summed && r !== undefined))) reported++;
    if (r !== undefined) reported += r.reporters;
    const stale = shape.stale[i]!;
    for (let j = 0; j < stale.length; j++) {
      const k = cellKey(ind.id, stale[j]!.id, p.id);
      if (direct.has(k) || (summed && rollup.has(k))) reported--;
    }
  }
  return { expected: shape.expected.length, reported };
}
