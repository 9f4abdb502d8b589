import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';
import { type Cells, loadCells } from './cells.queries.ts';

/**
 * The cells imputation reads: the values of the units that must report (and their predecessors)
 * for the periods being completed and their bases — tens of units by a few periods per figure. Read
 * by the same statement as every figure's cells (`loadCells`: values and rollups from one snapshot,
 * by primary key), so an estimate rests on exactly what a figure would show.
 */
export function loadImputeCells(
  db: Kysely<Schema>,
  indicatorIds: number[],
  unitIds: number[],
  periods: string[],
): Promise<Cells> {
  return loadCells(db, indicatorIds, unitIds, periods);
}
