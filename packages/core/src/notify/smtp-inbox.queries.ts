import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';

/** The id of the unit with this code; throws when there is none (a test named a unit it never made). */
export const selectUnitIdByCode = (db: Kysely<Schema>, code: string) =>
  db.selectFrom('org_unit').select('id').where('code', '=', code).executeTakeFirstOrThrow();
