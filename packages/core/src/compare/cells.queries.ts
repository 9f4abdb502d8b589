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
    select 'd' as src, indicator_id, unit_id, period, value, status, derived, 1 as n
    from data_value
    where indicator_id = any(${indicatorIds}::int[]) and unit_id = any(${unitIds}::int[])
      and period = any(${periods}::text[])
    union all
    select 'r', indicator_id, unit_id, period, total,
           case when n_estimate > 0 then 'estimate' else 'official' end, false, n
    from rollup
    where indicator_id = any(${indicatorIds}::int[]) and unit_id = any(${unitIds}::int[])
      and period = any(${periods}::text[]) and n > 0
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
