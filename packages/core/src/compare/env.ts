import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';
import type { Period } from '../periods/period.ts';
import type { Indicator, Unit } from '../schemas.ts';
import type { UnitGraph } from '../units/unit-graph.ts';
import { type Cells, cellKey, loadCells } from './cells.queries.ts';
import { countedCoverageUnits, countsCoverage, expectedReporters, unitClosure } from './coverage.ts';
import { type ResolveEnv, periodClosure, resolveValue } from './resolve.ts';

/** What one batch read asks for. Lists may repeat: each is read once. */
export interface ResolveWant {
  inds: Indicator[];
  units: Unit[];
  periods: Period[];
  /** The periods whose coverage is shown (default: all of `periods`); bases need none. */
  coveragePeriods?: Period[];
}

/** The cells whose coverage needs every expected reporter resolved (see `countsCoverage`). */
interface Slow {
  ind: Indicator;
  unit: Unit;
  p: Period;
}

/** What a batch read loads: ids, each once, and the cells whose coverage is counted the slow way. */
export interface ResolvePlan {
  indicatorIds: number[];
  unitIds: number[];
  periods: string[];
  slow: Slow[];
}

const uniqueBy = <T, K>(xs: T[], key: (x: T) => K) => [...new Map(xs.map((x) => [key(x), x])).values()];

/** The indicators' ratio components that are in the catalog. */
const componentsOf = (indicators: Map<string, Indicator>, inds: Indicator[]) =>
  inds.flatMap((i) =>
    [i.numeratorCode, i.denominatorCode].flatMap((c) => (c && indicators.get(c) ? [indicators.get(c)!] : [])),
  );

/**
 * Plans a batch read: every list de-duplicated, so its size is the distinct indicators × units ×
 * periods asked, never the number of requests (a year's release asks hundreds of figures for the
 * same period). Expected reporters are not loaded: coverage comes from the stored counts, or, for
 * the cells listed as slow, from {@link coverSlowly} in bounded batches.
 */
export function planResolve(
  graph: UnitGraph,
  indicators: Map<string, Indicator>,
  want: ResolveWant,
): ResolvePlan {
  const inds = uniqueBy(want.inds, (i) => i.id);
  const units = uniqueBy(want.units, (u) => u.id);
  const periods = uniqueBy(want.periods, (p) => p.id);
  const covered = uniqueBy(want.coveragePeriods ?? periods, (p) => p.id);
  const extra = new Map<number, Unit>();
  const slow: Slow[] = [];
  for (const ind of inds) {
    if (!ind.reportingKind) continue;
    for (const unit of units)
      for (const p of covered) {
        if (!countsCoverage(graph, ind, unit, p)) slow.push({ ind, unit, p });
        else
          for (const us of countedCoverageUnits(graph, ind, unit, p)) for (const u of us) extra.set(u.id, u);
      }
  }
  return {
    indicatorIds: [...new Set([...inds, ...componentsOf(indicators, inds)].map((i) => i.id))],
    unitIds: [
      ...new Set([...units, ...extra.values()].flatMap((u) => unitClosure(graph, u)).map((u) => u.id)),
    ],
    periods: [...new Set(periods.flatMap(periodClosure).map((p) => p.id))],
    slow,
  };
}

/**
 * Prefetches, in one query, every cell that resolving `inds` × `units` × `periods` may read: the
 * indicators and their ratio components, the units and their predecessors, the periods and their
 * parts, and the few units coverage reads besides (see `countedCoverage`).
 */
export async function loadResolveEnv(
  db: Kysely<Schema>,
  graph: UnitGraph,
  indicators: Map<string, Indicator>,
  want: ResolveWant,
): Promise<ResolveEnv> {
  const plan = planResolve(graph, indicators, want);
  const cells = await loadCells(db, plan.indicatorIds, plan.unitIds, plan.periods);
  const env: ResolveEnv = { graph, indicators, cells, coverage: new Map() };
  if (plan.slow.length) await coverSlowly(db, env, plan.slow);
  return env;
}

/** At most about this many cells are asked per batch of reporters. */
const CELLS_PER_BATCH = 200_000;

/**
 * Coverage of the slow cells (a composite period may be complete from its months; a ratio needs
 * both components): each expected reporter resolved as `coverageOf` would, reading the reporters'
 * cells in batches so memory stays bounded however many reporters a year's release touches.
 */
async function coverSlowly(db: Kysely<Schema>, env: ResolveEnv, slow: Slow[]): Promise<void> {
  const inds = uniqueBy(
    slow.map((s) => s.ind),
    (i) => i.id,
  );
  const indicatorIds = [...new Set([...inds, ...componentsOf(env.indicators, inds)].map((i) => i.id))];
  const periods = [...new Set(slow.flatMap((s) => periodClosure(s.p)).map((p) => p.id))];
  const reporters = uniqueBy(
    slow.flatMap((s) => expectedReporters(env.graph, s.ind, s.unit, s.p)),
    (u) => u.id,
  );
  const size = Math.max(1, Math.floor(CELLS_PER_BATCH / (indicatorIds.length * periods.length)));
  const batchOf = new Map(reporters.map((u, i) => [u.id, Math.floor(i / size)]));
  const counts = slow.map((s) => {
    const expected = expectedReporters(env.graph, s.ind, s.unit, s.p);
    const byBatch = new Map<number, Unit[]>();
    for (const u of expected) {
      const b = batchOf.get(u.id)!;
      const list = byBatch.get(b);
      if (list) list.push(u);
      else byBatch.set(b, [u]);
    }
    return { ...s, expected: expected.length, reported: 0, byBatch };
  });
  for (let b = 0; b * size < reporters.length; b++) {
    const batch = reporters.slice(b * size, (b + 1) * size);
    const unitIds = [...new Set(batch.flatMap((u) => unitClosure(env.graph, u)).map((u) => u.id))];
    const cells: Cells = await loadCells(db, indicatorIds, unitIds, periods);
    const part: ResolveEnv = { ...env, cells };
    for (const c of counts)
      for (const u of c.byBatch.get(b) ?? []) if (resolveValue(part, c.ind, u, c.p) !== null) c.reported++;
  }
  for (const c of counts)
    env.coverage.set(cellKey(c.ind.id, c.unit.id, c.p.id), { expected: c.expected, reported: c.reported });
}
