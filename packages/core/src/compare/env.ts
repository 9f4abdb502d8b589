import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';
import type { Period } from '../periods/period.ts';
import type { Indicator, Unit } from '../schemas.ts';
import type { UnitGraph } from '../units/unit-graph.ts';
import { loadCells } from './cells.queries.ts';
import { type ResolveEnv, expectedReporters, periodClosure, unitClosure } from './resolve.ts';

/**
 * Prefetches, in one query, every cell that resolving `inds` × `units` × `periods` may read: the
 * indicators and their ratio components, the units and their predecessors, the periods and their parts.
 */
export async function loadResolveEnv(
  db: Kysely<Schema>,
  graph: UnitGraph,
  indicators: Map<string, Indicator>,
  want: { inds: Indicator[]; units: Unit[]; periods: Period[] },
): Promise<ResolveEnv> {
  const components = want.inds.flatMap((i) =>
    [i.numeratorCode, i.denominatorCode].flatMap((c) => (c && indicators.get(c) ? [indicators.get(c)!] : [])),
  );
  // The units that must report each figure too, so its coverage can be counted.
  const reporters = want.inds.flatMap((i) =>
    i.reportingKind
      ? want.units.flatMap((u) => want.periods.flatMap((p) => expectedReporters(graph, i, u, p)))
      : [],
  );
  const cells = await loadCells(
    db,
    [...new Set([...want.inds, ...components].map((i) => i.id))],
    [...new Set([...want.units, ...reporters].flatMap((u) => unitClosure(graph, u)).map((u) => u.id))],
    [...new Set(want.periods.flatMap(periodClosure).map((p) => p.id))],
  );
  return { graph, indicators, cells };
}
