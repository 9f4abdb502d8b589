import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';

/** Registry rows of some kind and period, in the order they were entered (the order reports list them). */
export function selectRegistryRows(db: Kysely<Schema>, filter: { kind?: string; periods?: string[] }) {
  let q = db
    .selectFrom('registry_item')
    .select(['id', 'kind', 'period', 'data', 'updated_by', 'updated_at'])
    .orderBy('period')
    .orderBy('id');
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (filter.periods) q = q.where('period', 'in', filter.periods.length ? filter.periods : ['']);
  return q.execute();
}

export const selectRegistryRow = (db: Kysely<Schema>, id: number) =>
  db
    .selectFrom('registry_item')
    .select(['id', 'kind', 'period', 'data', 'updated_by', 'updated_at'])
    .where('id', '=', id)
    .executeTakeFirst();
