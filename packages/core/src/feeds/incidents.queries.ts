import type { Insertable, Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';

/** Stores an incident, or replaces the one with the same reference. */
export const upsertIncident = (db: Kysely<Schema>, row: Insertable<Schema['cyber_incident']>) =>
  db
    .insertInto('cyber_incident')
    .values(row)
    .onConflict((oc) => oc.column('ref').doUpdateSet(row))
    .execute();

/** How many incidents each of these months (indices) holds; months without any are absent. */
export const countIncidentsByMonth = (db: Kysely<Schema>, months: number[]) =>
  db
    .selectFrom('cyber_incident')
    .select(['month', db.fn.countAll<number>().as('n')])
    .where('month', 'in', months.length ? months : [-1])
    .groupBy('month')
    .execute();

/** How many incidents of each type months `first`..`last` hold; types without any are absent. */
export const countIncidentsByType = (db: Kysely<Schema>, first: number, last: number) =>
  db
    .selectFrom('cyber_incident')
    .select(['type', db.fn.countAll<number>().as('n')])
    .where('month', '>=', first)
    .where('month', '<=', last)
    .groupBy('type')
    .execute();
