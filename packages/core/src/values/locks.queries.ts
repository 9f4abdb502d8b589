import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';

/** Records a period lock (a period already locked is left as it was). */
export async function insertPeriodLock(
  db: Kysely<Schema>,
  lock: { period: string; firstMonth: number; lastMonth: number; reason: string | null; by: string },
): Promise<void> {
  await db
    .insertInto('period_lock')
    .values({
      period: lock.period,
      first_month: lock.firstMonth,
      last_month: lock.lastMonth,
      reason: lock.reason,
      locked_by: lock.by,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Removes a period's lock. */
export async function deletePeriodLock(db: Kysely<Schema>, period: string): Promise<void> {
  await db.deleteFrom('period_lock').where('period', '=', period).execute();
}
