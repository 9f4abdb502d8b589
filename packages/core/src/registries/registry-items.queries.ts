import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';

/** The columns of an item that leave the store. */
const ITEM_COLUMNS = ['id', 'kind', 'period', 'data', 'updated_by', 'updated_at'] as const;

/** Stores a new registry item and returns it. */
export const insertRegistryItem = (
  db: Kysely<Schema>,
  row: { kind: string; period: string; data: string; created_by: string; updated_by: string },
) => db.insertInto('registry_item').values(row).returning(ITEM_COLUMNS).executeTakeFirstOrThrow();

/** Replaces an item's period and fields, stamping who and when; returns it. */
export const updateRegistryItemRow = (
  db: Kysely<Schema>,
  id: number,
  set: { period: string; data: string; updated_by: string; updated_at: Date },
) =>
  db
    .updateTable('registry_item')
    .set(set)
    .where('id', '=', id)
    .returning(ITEM_COLUMNS)
    .executeTakeFirstOrThrow();

/** Replaces an item's fields only (its period stays), stamping who and when. */
export const updateRegistryItemData = (
  db: Kysely<Schema>,
  id: number,
  set: { data: string; updated_by: string; updated_at: Date },
) => db.updateTable('registry_item').set(set).where('id', '=', id).execute();

/** Deletes one registry item. */
export const deleteRegistryItemRow = (db: Kysely<Schema>, id: number) =>
  db.deleteFrom('registry_item').where('id', '=', id).execute();

/** Whether the store holds any registry item. */
export const hasRegistryItems = async (db: Kysely<Schema>): Promise<boolean> =>
  (await db.selectFrom('registry_item').select('id').limit(1).executeTakeFirst()) !== undefined;
