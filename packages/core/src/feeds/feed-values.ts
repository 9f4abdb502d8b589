import type { Ctx } from '../context.ts';
import { periodFromMonths } from '../periods/period.ts';
import type { RawValueRow } from '../values/validate.ts';
import { validateValueRows } from '../values/validate.ts';
import { loadValidationContext, rejectRows, storeValidRows } from '../values/values.ts';
import { loadUnitGraph, unitCovers } from '../units/unit-graph.ts';
import { requireAccess } from '../access/access.ts';

/** The month, and the quarter and year containing it, as month-index spans. */
export function spansOf(months: Iterable<number>): { first: number; last: number }[] {
  const out = new Map<string, { first: number; last: number }>();
  for (const m of months) {
    const q = m - (m % 3);
    const y = m - (m % 12);
    for (const s of [
      { first: m, last: m },
      { first: q, last: q + 2 },
      { first: y, last: y + 11 },
    ])
      out.set(`${s.first}-${s.last}`, s);
  }
  return [...out.values()].sort((a, b) => a.first - b.first || a.last - b.last);
}

/**
 * Writes computed counts as official values of `indicator` (national, and per province where the
 * province exists in that period), through the same validated, audited path as any import, inside
 * the caller's transaction (`ctx.db.k`).
 */
export async function writeComputedValues(
  ctx: Ctx,
  indicator: string,
  counts: { first: number; last: number; unit: string; value: number }[],
  source: string,
): Promise<number> {
  const graph = await loadUnitGraph(ctx.db.k);
  const rows: RawValueRow[] = counts
    .filter((c) => {
      const u = graph.byCode.get(c.unit);
      return u !== undefined && unitCovers(u, periodFromMonths(c.first, c.last));
    })
    .map((c, i) => ({
      row: i + 1,
      indicator,
      unit: c.unit,
      period: periodFromMonths(c.first, c.last).id,
      value: c.value,
      status: 'official',
      note: source,
    }));
  if (!rows.length) return 0;
  const vc = await loadValidationContext(ctx, rows);
  const { valid, errors } = await validateValueRows(ctx, vc, rows);
  if (errors.total) rejectRows(errors);
  await storeValidRows(ctx, vc, valid, { actor: ctx.actor.username, source, reason: 'computed from feed' });
  return valid.length;
}

/** National figures (all units' data): readers scoped to one unit may not see them. */
export async function requireNationalRead(ctx: Ctx): Promise<void> {
  const graph = await loadUnitGraph(ctx.db.k);
  const vn = graph.byCode.get('VN');
  requireAccess(ctx, 'value.read', { unitIds: vn ? [vn.id] : [], ancestorsOf: graph.ancestorsOf });
}
