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

/** Sets the UID and code of one of ours (an administrator matching an existing DHIS2 instance). */
export const upsertDhis2Id = (
  db: Kysely<Schema>,
  row: { kind: Dhis2Kind; code: string; uid: string; dhis2_code: string },
) =>
  db
    .insertInto('dhis2_id')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['kind', 'code']).doUpdateSet({ uid: row.uid, dhis2_code: row.dhis2_code }),
    )
    .execute();
