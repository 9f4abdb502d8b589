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
  // Both tables are read through their primary key (indicator, unit, period) with the three lists
  // as array conditions: PostgreSQL walks the key ranges of the listed indicators and units once,
  // three times faster than one LATERAL probe per key. The cells come back as one text per table
  // (`indicator,unit,period,value,estimate,derived-or-n` joined by ';'): PGlite decodes results
  // row by row in JavaScript, and splitting one string is several times faster.
  const where = sql`indicator_id = any(${indicatorIds}::int[]) and unit_id = any(${unitIds}::int[])
      and period = any(${periods}::text[])`;
  const result = await sql<{ d: string | null; r: string | null }>`
    select
      (select string_agg(concat_ws(',', indicator_id, unit_id, period, value, (status = 'estimate')::int, derived::int), ';')
       from data_value where ${where}) as d,
      (select string_agg(concat_ws(',', indicator_id, unit_id, period, total, (n_estimate > 0)::int, n), ';')
       from rollup where ${where} and n > 0) as r
  `.execute(db);
  const row = result.rows[0];
  const cells: Cells = { direct: new Map(), rollup: new Map() };
  fill(cells.direct, row?.d ?? null, false);
  fill(cells.rollup, row?.r ?? null, true);
  return cells;
}

/** Reads `indicator,unit,period,value,estimate,derived-or-n` records into cells. */
function fill(into: Map<string, Cell>, text: string | null, rollup: boolean): void {
  if (!text) return;
  for (const record of text.split(';')) {
    const [indicatorId, unitId, period, value, estimate, last] = record.split(',');
    into.set(cellKey(Number(indicatorId), Number(unitId), period ?? ''), {
      value: Number(value),
      status: estimate === '1' ? 'estimate' : 'official',
      derived: !rollup && last === '1',
      n: rollup ? Number(last) : 1,
    });
  }
}
