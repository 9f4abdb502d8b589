import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';

/** The months with stored (approved or imported) values ending before `beforeMonth`, newest first. */
export const selectMonthsWithValues = (db: Kysely<Schema>, beforeMonth: number) =>
  db
    .selectFrom('data_value')
    .select('first_month')
    .distinct()
    .whereRef('first_month', '=', 'last_month')
    .where('last_month', '<', beforeMonth)
    .orderBy('first_month', 'desc')
    .execute();
