import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';
import { decodeV4, decodeV6 } from './addr-sets.ts';
import type { PrefixRow } from './prefix-index.ts';

/** The stored address sets of months [first, last], read for update when `lock` (a merge follows). */
export async function loadSets(
  db: Kysely<Schema>,
  first: number,
  last: number,
  lock = false,
): Promise<{ v4: Map<number, Uint32Array>; v6: Map<number, string[]> }> {
  let q = db
    .selectFrom('botnet_set')
    .select(['month', 'family', 'addresses'])
    .where('month', '>=', first)
    .where('month', '<=', last);
  if (lock) q = q.forUpdate();
  const rows = await q.execute();
  const v4 = new Map<number, Uint32Array>();
  const v6 = new Map<number, string[]>();
  for (const r of rows) {
    if (r.family === 4) v4.set(r.month, decodeV4(r.addresses));
    else v6.set(r.month, decodeV6(r.addresses));
  }
  return { v4, v6 };
}

export async function writeSet(
  db: Kysely<Schema>,
  row: { month: number; family: 4 | 6; addresses: Buffer; n: number },
): Promise<void> {
  const set = { addresses: row.addresses, n: row.n, updated_at: new Date() };
  await db
    .insertInto('botnet_set')
    .values(row)
    .onConflict((oc) => oc.columns(['month', 'family']).doUpdateSet(set))
    .execute();
}

export const loadPrefixes = (db: Kysely<Schema>): Promise<PrefixRow[]> =>
  db.selectFrom('ip_prefix').select(['cidr', 'operator', 'province_code']).execute();
