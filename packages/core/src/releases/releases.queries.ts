import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';

/** The distinct periods that hold stored values, newest last month first, longer before shorter. */
export const selectValuePeriods = (db: Kysely<Schema>) =>
  db
    .selectFrom('data_value')
    .select(['period', 'first_month', 'last_month'])
    .distinct()
    .orderBy('last_month', 'desc')
    .orderBy('first_month', 'desc')
    .execute();

/** Every release, newest last month first. */
export const selectReleases = (db: Kysely<Schema>) =>
  db.selectFrom('data_release').selectAll().orderBy('last_month', 'desc').execute();

/** When figures were last released (no row's `at` when none were). */
export const selectLastReleasedAt = (db: Kysely<Schema>) =>
  db
    .selectFrom('data_release')
    .select((eb) => eb.fn.max('released_at').as('at'))
    .executeTakeFirst();

/** The indicators with at least one stored value lying inside months `first`..`last`. */
export const selectIndicatorsReportedWithin = (db: Kysely<Schema>, first: number, last: number) =>
  db
    .selectFrom('data_value')
    .select('indicator_id')
    .distinct()
    .where('first_month', '>=', first)
    .where('last_month', '<=', last)
    .execute();

/** Records a period as released (once: a second release of the same period changes nothing). */
export const insertRelease = (
  db: Kysely<Schema>,
  row: { period: string; first_month: number; last_month: number; released_by: string },
) =>
  db
    .insertInto('data_release')
    .values(row)
    .onConflict((oc) => oc.column('period').doNothing())
    .execute();
