import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';
import type { FieldError } from '../errors.ts';
import { formatNumberVi } from '../format/number.ts';
import type { ValidationContext } from './validate.ts';
import type { ValueRow } from './values.queries.ts';
import { cumulativeSpans } from './consistency.queries.ts';

/**
 * A value reported for a span ("lũy kế") and the months of the same span, at the same unit, should
 * agree for flows. Returns one warning per disagreeing span touched by the written rows; tolerance is
 * half a unit of the indicator's precision per month, since each month was rounded when reported.
 */
export async function cumulativeWarnings(
  db: Kysely<Schema>,
  vc: ValidationContext,
  written: ValueRow[],
): Promise<FieldError[]> {
  const byId = new Map([...vc.indicators.values()].map((i) => [i.id, i]));
  // Units by indicator, not a string key per written row (a large import writes 280,000 of them).
  const flowUnits = new Map<number, Set<number>>();
  for (const r of written) {
    let units = flowUnits.get(r.indicatorId);
    if (!units) {
      if (byId.get(r.indicatorId)?.kind !== 'flow') continue;
      flowUnits.set(r.indicatorId, (units = new Set()));
    }
    units.add(r.unitId);
  }
  const pairs = [...flowUnits].flatMap(([i, units]) => [...units].map((u): [number, number] => [i, u]));
  if (pairs.length === 0) return [];
  const rows = await cumulativeSpans(db, pairs);
  const out: FieldError[] = [];
  for (const r of rows) {
    const ind = byId.get(r.indicator_id)!;
    const unit = vc.graph.byId.get(r.unit_id)!;
    const tolerance = 0.5 * 10 ** -ind.precision * (r.len + 1);
    if (Math.abs(Number(r.value) - Number(r.months)) <= tolerance) continue;
    const [v, m] = [
      formatNumberVi(Number(r.value), ind.precision),
      formatNumberVi(Number(r.months), ind.precision),
    ];
    out.push({
      field: 'value',
      code: 'CUMULATIVE_MISMATCH',
      message: `${ind.code} ${unit.code} ${r.period}: số lũy kế ${v} khác tổng các tháng ${m}`,
      messageEn: `${ind.code} ${unit.code} ${r.period}: the cumulative value ${v} differs from the sum of its months ${m}`,
    });
  }
  return out;
}
