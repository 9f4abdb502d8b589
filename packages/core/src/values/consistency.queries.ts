import { type Kysely, sql } from 'kysely';
import type { Schema } from '../db/schema.ts';

/** A span value ("lũy kế") at a unit whose every month is stored too, with the sum of those months. */
export interface CumulativeSpan {
  indicator_id: number;
  unit_id: number;
  period: string;
  value: string;
  months: string;
  n: number;
  len: number;
}

/**
 * For these (indicator, unit) pairs, every stored span value whose months are all stored, with
 * their sum (see cumulativeWarnings).
 */
export async function cumulativeSpans(
  db: Kysely<Schema>,
  pairs: [number, number][],
): Promise<CumulativeSpan[]> {
  const r = await sql<CumulativeSpan>`
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
  return r.rows;
}
