import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { Schema } from '../db/schema.ts';
import type { Indicator } from '../schemas.ts';
import type { ValidationContext } from './validate.ts';
import { type ValueRow, upsertLocalValues, upsertValues } from './values.queries.ts';

/**
 * Rows per write statement. PGlite runs a statement on this thread from start to end, so its
 * chunks are small enough (a few tens of milliseconds) for other requests to be answered between
 * them; a PostgreSQL server runs it elsewhere, and larger chunks are faster.
 */
export const chunkFor = (engine: Database['engine']) => (engine === 'pglite' ? 500 : 20_000);

/**
 * Writes valid rows (one chunk) in the caller's transaction: rows whose coverage is local take the
 * shorter statement, the others the one that counts reporters (both audit and roll up). Returns
 * the cells inserted and updated.
 */
export function rowWriter(
  db: Kysely<Schema>,
  vc: ValidationContext,
  meta: { actor: string; source: string | null; reason: string | null },
): (rows: ValueRow[]) => Promise<{ inserted: number; updated: number }> {
  const local = vc.stamp === undefined ? () => false : coverageIsLocal(vc);
  const stamp = vc.stamp ?? '';
  return async (rows) => {
    const near = rows.filter(local);
    const far = near.length === rows.length ? [] : rows.filter((v) => !local(v));
    let inserted = 0;
    let updated = 0;
    if (near.length) {
      // null: the unit tree changed since validation; the longer statement counts for itself.
      const r = (await upsertLocalValues(db, near, meta, stamp)) ?? (await upsertValues(db, near, meta));
      inserted += r.inserted;
      updated += r.updated;
    }
    if (far.length) {
      const r = await upsertValues(db, far, meta);
      inserted += r.inserted;
      updated += r.updated;
    }
    return { inserted, updated };
  };
}

/**
 * Whether a row's coverage changes stay with its own unit: its indicator counts reporters only at
 * the unit itself (not summed across units), or it is summed but the unit has no unit of the
 * reporting kind above it and, if it is of that kind itself, nothing below it. Such a value makes its
 * unit a reporter exactly when it is new, so no reporter needs counting (upsertLocalValues). Kept
 * per (indicator, unit): an import names few of each.
 */
function coverageIsLocal(vc: ValidationContext): (v: ValueRow) => boolean {
  const byId = new Map([...vc.indicators.values()].map((i) => [i.id, i]));
  const memo = new Map<number, Map<number, boolean>>();
  const decide = (ind: Indicator | undefined, unitId: number) => {
    if (!ind) return false;
    if (ind.acrossUnits !== 'sum' || !ind.reportingKind) return true;
    const unit = vc.graph.byId.get(unitId);
    if (!unit) return false;
    if (unit.kind === ind.reportingKind && (vc.graph.children.get(unitId)?.length ?? 0) > 0) return false;
    return vc.graph
      .ancestorsOf(unitId)
      .slice(1)
      .every((a) => vc.graph.byId.get(a)?.kind !== ind.reportingKind);
  };
  return (v) => {
    let m = memo.get(v.indicatorId);
    if (!m) memo.set(v.indicatorId, (m = new Map()));
    let local = m.get(v.unitId);
    if (local === undefined) m.set(v.unitId, (local = decide(byId.get(v.indicatorId), v.unitId)));
    return local;
  };
}
