import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';

/** Cells that no writer may change, read for the given periods only (`indicator|unit|period` by ids). */
export async function lockedCells(db: Kysely<Schema>, periods: string[]): Promise<Set<string>> {
  if (periods.length === 0) return new Set();
  const rows = await db
    .selectFrom('value_lock')
    .select(['indicator_id', 'unit_id', 'period'])
    .where('period', 'in', periods)
    .execute();
  return new Set(rows.map((r) => `${r.indicator_id}|${r.unit_id}|${r.period}`));
}

/** Locks cells (an approved form's values), inside the caller's transaction. */
export async function lockValueCells(
  db: Kysely<Schema>,
  cells: { indicatorId: number; unitId: number; period: string }[],
  by: { actor: string; reason: string },
): Promise<void> {
  if (cells.length === 0) return;
  await db
    .insertInto('value_lock')
    .values(
      cells.map((c) => ({
        indicator_id: c.indicatorId,
        unit_id: c.unitId,
        period: c.period,
        locked_by: by.actor,
        reason: by.reason,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Frees every locked cell of a unit and period (an approved form reopened). */
export async function unlockValueCells(db: Kysely<Schema>, unitId: number, period: string): Promise<void> {
  await db.deleteFrom('value_lock').where('unit_id', '=', unitId).where('period', '=', period).execute();
}
