import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';

/** Every name row, by key and start date. */
export const selectOrgNames = (db: Kysely<Schema>) =>
  db
    .selectFrom('org_name')
    .select(['key', 'valid_from', 'value'])
    .orderBy('key')
    .orderBy('valid_from')
    .execute();

/** Sets the name of a key from a date on (a new row, or a corrected one). */
export const upsertOrgName = (
  db: Kysely<Schema>,
  row: { key: string; valid_from: string; value: string; updated_by: string },
) =>
  db
    .insertInto('org_name')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['key', 'valid_from'])
        .doUpdateSet({ value: row.value, updated_by: row.updated_by, updated_at: new Date() }),
    )
    .execute();

/** Removes one row (a name entered by mistake). */
export const deleteOrgNameRow = (db: Kysely<Schema>, key: string, validFrom: string) =>
  db.deleteFrom('org_name').where('key', '=', key).where('valid_from', '=', validFrom).executeTakeFirst();

/** The name of a key from a date on, or nothing when that row does not exist. */
export const selectOrgNameValue = (db: Kysely<Schema>, key: string, validFrom: string) =>
  db
    .selectFrom('org_name')
    .select('value')
    .where('key', '=', key)
    .where('valid_from', '=', validFrom)
    .executeTakeFirst();
