import { type Kysely, sql } from 'kysely';
import type { Schema } from '../db/schema.ts';

/** A stored number at (indicator, unit, period): a reported value or the rollup of the values below. */
export interface Cell {
  value: number;
  status: 'estimate' | 'official';
  derived: boolean;
  /** Values it is made of: 1 for a reported value, the count below for a rollup. */
  n: number;
}

export interface Cells {
  direct: Map<string, Cell>;
  rollup: Map<string, Cell>;
}

export const cellKey = (indicatorId: number, unitId: number, period: string) =>
  `${indicatorId}|${unitId}|${period}`;

/**
 * Fetches, in one round trip, the reported values and the rollups for every combination of the
 * given indicators, units and periods (primary-key lookups on both tables).
 */
export async function loadCells(
  db: Kysely<Schema>,
  indicatorIds: number[],
  unitIds: number[],
  periods: string[],
): Promise<Cells> {
  // One primary-key probe per exact key. LATERAL … LIMIT 1 (the key is unique) keeps the planner
  // from trading the probes for a scan of the whole table, which it prices as cheaper when it
  // assumes spinning disks.
  const rows = await sql<{
    src: 'd' | 'r';
    indicator_id: number;
    unit_id: number;
    period: string;
    value: string;
    status: 'estimate' | 'official';
    derived: boolean;
    n: number;
  }>`
    with keys as materialized (
      select i as indicator_id, u as unit_id, p as period
      from unnest(${indicatorIds}::int[]) i cross join unnest(${unitIds}::int[]) u cross join unnest(${periods}::text[]) p
    )
    select 'd' as src, k.indicator_id, k.unit_id, k.period, d.value, d.status, d.derived, 1 as n
    from keys k cross join lateral (
      select value, status, derived from data_value
      where indicator_id = k.indicator_id and unit_id = k.unit_id and period = k.period limit 1
    ) d
    union all
    select 'r', k.indicator_id, k.unit_id, k.period, r.total,
           case when r.n_estimate > 0 then 'estimate' else 'official' end, false, r.n
    from keys k cross join lateral (
      select total, n, n_estimate from rollup
      where indicator_id = k.indicator_id and unit_id = k.unit_id and period = k.period and n > 0 limit 1
    ) r
  `.execute(db);
  const cells: Cells = { direct: new Map(), rollup: new Map() };
  for (const r of rows.rows) {
    (r.src === 'd' ? cells.direct : cells.rollup).set(cellKey(r.indicator_id, r.unit_id, r.period), {
      value: Number(r.value),
      status: r.status,
      derived: r.derived,
      n: r.n,
    });
  }
  return cells;
}
