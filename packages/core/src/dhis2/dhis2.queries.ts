import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';

export type Dhis2Kind = Schema['dhis2_id']['kind'];

/** Every DHIS2 identifier of ours, by kind. */
export const selectDhis2Ids = (db: Kysely<Schema>) =>
  db
    .selectFrom('dhis2_id')
    .select(['kind', 'code', 'uid', 'dhis2_code'])
    .orderBy('kind')
    .orderBy('code')
    .execute();

/** Adds identifiers for codes that have none (never changes one that exists). */
export async function insertDhis2Ids(
  db: Kysely<Schema>,
  rows: { kind: Dhis2Kind; code: string; uid: string; dhis2_code: string }[],
): Promise<void> {
  if (rows.length)
    await db
      .insertInto('dhis2_id')
      .values(rows)
      .onConflict((oc) => oc.doNothing())
      .execute();
}

/** Sets the UID and code of one of ours (an administrator matching an existing DHIS2 instance). */
export const updateDhis2Id = (
  db: Kysely<Schema>,
  row: { kind: Dhis2Kind; code: string; uid: string; dhis2_code: string },
) =>
  db
    .updateTable('dhis2_id')
    .set({ uid: row.uid, dhis2_code: row.dhis2_code })
    .where('kind', '=', row.kind)
    .where('code', '=', row.code)
    .executeTakeFirst();
