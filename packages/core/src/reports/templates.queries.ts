import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';

/** A stored template's data and whether it is built in, or nothing. */
export const selectTemplateRow = (db: Kysely<Schema>, code: string) =>
  db.selectFrom('report_template').select(['data', 'builtin']).where('code', '=', code).executeTakeFirst();

/** Adds a template or replaces the data of the one with the same code (its `builtin` flag kept). */
export const upsertTemplate = (
  db: Kysely<Schema>,
  row: { code: string; data: string; builtin: boolean; updated_by: string },
) =>
  db
    .insertInto('report_template')
    .values(row)
    .onConflict((oc) =>
      oc.column('code').doUpdateSet({ data: row.data, updated_by: row.updated_by, updated_at: new Date() }),
    )
    .execute();

/** Every stored template's data, built-in ones first, then by code. */
export const selectTemplateRows = (db: Kysely<Schema>) =>
  db
    .selectFrom('report_template')
    .select(['data', 'builtin'])
    .orderBy('builtin', 'desc')
    .orderBy('code')
    .execute();
