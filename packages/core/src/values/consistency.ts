import { type Kysely, sql } from 'kysely';
import type { Schema } from '../db/schema.ts';
import type { FieldError } from '../errors.ts';
import { formatNumberVi } from '../format/number.ts';
import type { ValidationContext } from './validate.ts';
import type { ValueRow } from './values.queries.ts';

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
  const flowPairs = new Map<string, [number, number]>();
  for (const r of written) {
    if (byId.get(r.indicatorId)?.kind === 'flow')
      flowPairs.set(`${r.indicatorId}|${r.unitId}`, [r.indicatorId, r.unitId]);
  }
  if (flowPairs.size === 0) return [];
  const pairs = [...flowPairs.values()];
  const rows = await sql<{
    indicator_id: number;
    unit_id: number;
    period: string;
    value: string;
    months: string;
    n: number;
    len: number;
  }>`
    select c.indicator_id, c.unit_id, c.period, c.value, s.months, s.n, (c.last_month - c.first_month + 1) as len
    from unnest(${pairs.map((p) => p[0])}::int[], ${pairs.map((p) => p[1])}::int[]) as t(indicator_id, unit_id)
    join data_value c on c.indicator_id = t.indicator_id and c.unit_id = t.unit_id and c.first_month < c.last_month
    cross join lateral (
      select sum(m.value) as months, count(*)::int as n from data_value m
      where m.indicator_id = c.indicator_id and m.unit_id = c.unit_id
        and m.first_month = m.last_month and m.first_month between c.first_month and c.last_month
    ) s
    where s.n = c.last_month - c.first_month + 1
  `.execute(db);
  const out: FieldError[] = [];
  for (const r of rows.rows) {
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
