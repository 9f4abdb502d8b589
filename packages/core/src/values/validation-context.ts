import type { Ctx } from '../context.ts';
import { listIndicators } from '../catalog/indicators.ts';
import { catalogStamp } from '../db/store.queries.ts';
import { parsePeriod } from '../periods/period.ts';
import { loadClosedSpans } from '../periods/period-rule.ts';
import { loadCellBounds } from '../quality/ranges.ts';
import type { Indicator } from '../schemas.ts';
import { loadUnitGraph } from '../units/unit-graph.ts';
import { type RawValueRow, type ValidationContext, currentMonthIndex } from './validate.ts';
import { lockedCells } from './value-locks.queries.ts';

/** Periods named by rows, as stored (rows whose period cannot be read name none). */
function periodsOf(rows: RawValueRow[]): string[] {
  const ids = new Set<string>();
  // A batch names few periods, each on many rows: each spelling is read once.
  const spellings = new Set<string>();
  for (const r of rows) {
    if (!r.period) continue;
    const text = String(r.period);
    if (spellings.has(text)) continue;
    spellings.add(text);
    try {
      ids.add(parsePeriod(text).id);
    } catch {
      // reported by validation
    }
  }
  return [...ids];
}

/** A validation context and the periods and units it has been read for (see widenValidationContext). */
export interface GrowingContext {
  vc: ValidationContext;
  periods: Set<string>;
  units: Set<number>;
}

/**
 * Starts what validating rows needs: the catalog, the unit tree and the closed periods, read once
 * per batch; what depends on the rows (locked cells, bounds) is read by widenValidationContext.
 */
export async function startValidationContext(ctx: Ctx): Promise<GrowingContext> {
  // Read before the catalog and the tree: a change after it makes the stamp stale, never the tree.
  const stamp = await catalogStamp(ctx.db.k);
  const [indicators, graph, closed] = await Promise.all([
    listIndicators(ctx),
    loadUnitGraph(ctx.db.k),
    loadClosedSpans(ctx.db.k),
  ]);
  return {
    vc: {
      indicators: new Map(indicators.map((i): [string, Indicator] => [i.code, i])),
      graph,
      closed,
      currentMonth: currentMonthIndex(),
      locked: new Set(),
      // Read with the rows' units (widenValidationContext): a row of no known unit checks none.
      stamp,
    },
    periods: new Set(),
    units: new Set(),
  };
}

/**
 * Reads what validating `rows` needs beyond what the context holds: the locked cells of periods it
 * has not seen and the bounds of units it has not seen. Locked cells are read for the rows' periods
 * only, so a write costs the same however many forms were approved before; a batch read in chunks
 * reads each period and unit once.
 */
export async function widenValidationContext(
  ctx: Ctx,
  g: GrowingContext,
  rows: RawValueRow[],
): Promise<void> {
  const periods = periodsOf(rows).filter((p) => !g.periods.has(p));
  let newUnits = false;
  // A batch names few units, each on many rows: each spelling is looked up once.
  const spellings = new Set<unknown>();
  for (const r of rows) {
    if (spellings.has(r.unit)) continue;
    spellings.add(r.unit);
    const u = g.vc.graph.byCode.get(
      String(r.unit ?? '')
        .trim()
        .toUpperCase(),
    );
    if (u && !g.units.has(u.id)) {
      g.units.add(u.id);
      newUnits = true;
    }
  }
  const [locked, bounds] = await Promise.all([
    periods.length ? lockedCells(ctx.db.k, periods) : null,
    newUnits ? loadCellBounds(ctx.db.k, g.vc.graph, [...g.units]) : null,
  ]);
  for (const p of periods) g.periods.add(p);
  for (const key of locked ?? []) g.vc.locked.add(key);
  if (bounds) g.vc.bounds = bounds;
}

/** Loads what validating `rows` needs (catalog, units, closed periods, locked cells, bounds). */
export async function loadValidationContext(ctx: Ctx, rows: RawValueRow[]): Promise<ValidationContext> {
  const g = await startValidationContext(ctx);
  await widenValidationContext(ctx, g, rows);
  return g.vc;
}
