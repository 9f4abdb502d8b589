import type { Period } from '../periods/period.ts';
import type { Indicator, Unit } from '../schemas.ts';
import { type UnitGraph, unitCovers } from '../units/unit-graph.ts';
import { type Cells, cellKey } from './cells.queries.ts';

/** Every unit resolution may read for `unit`: itself and its predecessors, recursively. */
export function unitClosure(graph: UnitGraph, unit: Unit): Unit[] {
  return [unit, ...(graph.predecessors.get(unit.id) ?? []).flatMap((u) => unitClosure(graph, u))];
}

// Derived from the unit graph alone, so kept with it: the graph object is replaced whenever the unit
// tree changes (`loadUnitGraph` is memoised by the catalog stamp), and its entries go with it.
interface Derived {
  roots: Map<string, { roots: Unit[]; disjoint: boolean }>;
  expected: Map<string, Unit[]>;
  stale: Map<string, Unit[]>;
}
const memo = new WeakMap<UnitGraph, Derived>();
function derived(graph: UnitGraph): Derived {
  let d = memo.get(graph);
  if (!d) memo.set(graph, (d = { roots: new Map(), expected: new Map(), stale: new Map() }));
  return d;
}
function cached<V>(m: Map<string, V>, key: string, make: () => V): V {
  const hit = m.get(key);
  if (hit) return hit;
  const v = make();
  m.set(key, v);
  return v;
}

/** The subtrees whose reporters count for `unit` in `p`: its own, or before it existed its predecessors' too. */
function rootsOf(graph: UnitGraph, unit: Unit, p: Period): { roots: Unit[]; disjoint: boolean } {
  return cached(derived(graph).roots, `${unit.id}|${p.first}|${p.last}`, () => {
    const roots = unitCovers(unit, p) ? [unit] : unitClosure(graph, unit);
    const ids = new Set(roots.map((r) => r.id));
    // A root inside another root's subtree would be counted twice by the stored counts.
    const disjoint =
      ids.size === roots.length &&
      roots.every((r) => graph.ancestorsOf(r.id).every((a) => a === r.id || !ids.has(a)));
    return { roots, disjoint };
  });
}

/**
 * The units expected to report an indicator within a unit for a period (completeness' denominator):
 * the units of its reporting kind that exist for the whole period, in the unit's subtree (or, for a
 * period before the unit existed, its predecessors'). Computed once per unit tree, reporting kind,
 * unit and months; the list is shared, never mutate it.
 */
export function expectedReporters(graph: UnitGraph, ind: Indicator, unit: Unit, p: Period): Unit[] {
  const kind = ind.reportingKind;
  if (!kind) return [unit];
  return cached(derived(graph).expected, `${kind}|${unit.id}|${p.first}|${p.last}`, () => {
    const out = new Map<number, Unit>();
    const visit = (u: Unit) => {
      if (u.kind === kind && unitCovers(u, p)) out.set(u.id, u);
      for (const c of graph.children.get(u.id) ?? []) visit(c);
    };
    rootsOf(graph, unit, p).roots.forEach(visit);
    return [...out.values()];
  });
}

/**
 * Units of a reporting kind strictly below `root` that do not exist for the whole period: the
 * stored counts include them when they hold values, and coverage does not expect them.
 */
function staleBelow(graph: UnitGraph, kind: string, root: Unit, p: Period): Unit[] {
  return cached(derived(graph).stale, `${kind}|${root.id}|${p.first}|${p.last}`, () => {
    const out: Unit[] = [];
    const visit = (u: Unit) => {
      for (const c of graph.children.get(u.id) ?? []) {
        if (c.kind === kind && !unitCovers(c, p)) out.push(c);
        visit(c);
      }
    };
    visit(root);
    return out;
  });
}

/**
 * Whether coverage of (indicator, unit, period) is read from the stored counts: an indicator with a
 * reporting kind, not a ratio (whose reporters need both components), a single month (a composite
 * period may be complete from its months, which no count holds) and subtrees that do not overlap.
 * Otherwise every expected reporter is resolved (see `coverageOf`).
 */
export function countsCoverage(graph: UnitGraph, ind: Indicator, unit: Unit, p: Period): boolean {
  return !!ind.reportingKind && ind.kind !== 'ratio' && p.type === 'M' && rootsOf(graph, unit, p).disjoint;
}

/** The units whose cells {@link countedCoverage} reads besides the unit's closure. */
export function countedCoverageUnits(graph: UnitGraph, ind: Indicator, unit: Unit, p: Period): Unit[] {
  const kind = ind.reportingKind;
  if (!kind) return [];
  return rootsOf(graph, unit, p).roots.flatMap((r) => staleBelow(graph, kind, r, p));
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
  const kind = ind.reportingKind!;
  const summed = ind.acrossUnits === 'sum';
  const has = (u: Unit) => {
    const key = cellKey(ind.id, u.id, p.id);
    return env.cells.direct.has(key) || (summed && env.cells.rollup.has(key));
  };
  let reported = 0;
  for (const root of rootsOf(env.graph, unit, p).roots) {
    if (root.kind === kind && unitCovers(root, p) && has(root)) reported++;
    reported += env.cells.rollup.get(cellKey(ind.id, root.id, p.id))?.reporters ?? 0;
    for (const s of staleBelow(env.graph, kind, root, p)) if (has(s)) reported--;
  }
  return { expected: expectedReporters(env.graph, ind, unit, p).length, reported };
}
