import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';
import { memoByCatalog } from '../db/catalog-memo.ts';
import { type Period, monthIndexOfDate } from '../periods/period.ts';
import type { Unit } from '../schemas.ts';
import { selectSuccessions, selectUnits } from './units.queries.ts';

/** The org-unit tree with validity and successions, held in memory (it has hundreds of rows, not millions). */
export interface UnitGraph {
  byId: Map<number, Unit>;
  byCode: Map<string, Unit>;
  children: Map<number, Unit[]>;
  /** Units a unit took over from (merged into it). */
  predecessors: Map<number, Unit[]>;
  /** Ancestors of a unit, the unit itself first. */
  ancestorsOf(unitId: number): number[];
}

/** The whole unit graph, kept in memory until the unit tree changes (shared: never mutate it). */
export const loadUnitGraph: (db: Kysely<Schema>) => Promise<UnitGraph> = memoByCatalog(readUnitGraph);

async function readUnitGraph(db: Kysely<Schema>): Promise<UnitGraph> {
  const [rows, succ] = await Promise.all([selectUnits(db), selectSuccessions(db)]);
  const byId = new Map<number, Unit>();
  const byCode = new Map<string, Unit>();
  const children = new Map<number, Unit[]>();
  for (const r of rows) {
    const u: Unit = {
      id: r.id,
      code: r.code,
      nameVi: r.name_vi,
      nameEn: r.name_en,
      kind: r.kind,
      parentId: r.parent_id,
      validFrom: r.valid_from,
      validTo: r.valid_to,
    };
    byId.set(u.id, u);
    byCode.set(u.code, u);
  }
  for (const u of byId.values()) {
    if (u.parentId !== null) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
  }
  const predecessors = new Map<number, Unit[]>();
  for (const s of succ) {
    const p = byId.get(s.predecessor_id);
    if (p) predecessors.set(s.successor_id, [...(predecessors.get(s.successor_id) ?? []), p]);
  }
  const ancestorsOf = (unitId: number) => {
    const out: number[] = [];
    for (let u = byId.get(unitId); u; u = u.parentId === null ? undefined : byId.get(u.parentId))
      out.push(u.id);
    return out;
  };
  return { byId, byCode, children, predecessors, ancestorsOf };
}

// A unit's span, read once per unit object (units are shared and never mutated): resolution asks
// for it on every cell of a pivot, and reading two dates each time cost more than the cell.
const spans = new WeakMap<Unit, { first: number; last: number }>();

/** Month-index span in which a unit exists (null bounds are open). */
export function unitSpan(u: Unit): Readonly<{ first: number; last: number }> {
  let s = spans.get(u);
  if (!s) {
    s = {
      first: u.validFrom ? monthIndexOfDate(u.validFrom) : -Infinity,
      last: u.validTo ? monthIndexOfDate(u.validTo) : Infinity,
    };
    spans.set(u, s);
  }
  return s;
}

/** Whether the unit exists for the whole period. */
export function unitCovers(u: Unit, p: Period): boolean {
  const s = unitSpan(u);
  return s.first <= p.first && p.last <= s.last;
}

/**
 * The units whose values make up `unit` for a period that lies wholly before the unit existed:
 * its predecessors, followed back as far as needed (a province merged twice resolves to the
 * original ones). Empty when the period is not wholly before the unit's start.
 */
export function predecessorsFor(graph: UnitGraph, unit: Unit, p: Period): Unit[] {
  if (p.last >= unitSpan(unit).first) return [];
  const out: Unit[] = [];
  for (const pred of graph.predecessors.get(unit.id) ?? []) {
    if (unitCovers(pred, p)) out.push(pred);
    else out.push(...predecessorsFor(graph, pred, p));
  }
  return out;
}
