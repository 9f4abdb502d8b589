import type { Kysely } from 'kysely';
import type { Schema } from './schema.ts';
import { catalogStamp } from './store.queries.ts';

/**
 * Wraps a loader of catalog data (indicators, the unit tree) so its result is kept per store and
 * read again only when `catalog_stamp` moved — one primary-key read instead of hundreds of rows on
 * every request. The stamp is read before loading, so a change racing the load is seen next time.
 * Inside a transaction the loader always runs: the transaction may hold changes it can roll back.
 */
export function memoByCatalog<T>(
  load: (db: Kysely<Schema>) => Promise<T>,
): (db: Kysely<Schema>) => Promise<T> {
  const memo = new WeakMap<Kysely<Schema>, { stamp: string; value: T }>();
  return async (db) => {
    if (db.isTransaction) return load(db);
    const stamp = await catalogStamp(db);
    const hit = memo.get(db);
    if (hit && hit.stamp === stamp) return hit.value;
    const value = await load(db);
    memo.set(db, { stamp, value });
    return value;
  };
}
