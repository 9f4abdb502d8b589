import { type Insertable, type Kysely, sql } from 'kysely';
import type { Schema } from '../db/schema.ts';
import { decodeV4, decodeV6 } from './addr-sets.ts';
import type { PrefixRow } from './prefix-index.ts';

// Address sets travel as base64 text (encode/decode in SQL): a bytea parameter of megabytes costs
// PGlite seconds to serialise and both drivers several times longer to parse than the text form.

/** Distinct addresses per month index: IPv4 sorted numbers, IPv6 sorted canonical text. */
export interface AddressSets {
  v4: Map<number, Uint32Array>;
  v6: Map<number, string[]>;
}

/** The stored address sets of months [first, last], read for update when `lock` (a merge follows). */
export async function loadSets(
  db: Kysely<Schema>,
  first: number,
  last: number,
  lock = false,
): Promise<AddressSets> {
  const rows = await sql<{ month: number; family: number; b64: string }>`
    select month, family, encode(addresses, 'base64') as b64 from botnet_set
    where month between ${first} and ${last} ${lock ? sql`for update` : sql``}`.execute(db);
  const v4 = new Map<number, Uint32Array>();
  const v6 = new Map<number, string[]>();
  for (const r of rows.rows) {
    const bytes = Buffer.from(r.b64, 'base64');
    if (r.family === 4) v4.set(r.month, decodeV4(bytes));
    else v6.set(r.month, decodeV6(bytes));
  }
  return { v4, v6 };
}

export async function writeSet(
  db: Kysely<Schema>,
  row: { month: number; family: 4 | 6; addresses: Buffer; n: number },
): Promise<void> {
  await sql`
    insert into botnet_set (month, family, addresses, n)
    values (${row.month}, ${row.family}, decode(${row.addresses.toString('base64')}, 'base64'), ${row.n})
    on conflict (month, family) do update
      set addresses = excluded.addresses, n = excluded.n, updated_at = now()`.execute(db);
}

export const loadPrefixes = (db: Kysely<Schema>): Promise<PrefixRow[]> =>
  db.selectFrom('ip_prefix').select(['cidr', 'operator', 'province_code']).orderBy('cidr').execute();

/** Months (indices) that hold stored botnet addresses, oldest first. */
export const storedMonths = async (db: Kysely<Schema>): Promise<number[]> =>
  (await db.selectFrom('botnet_set').select('month').distinct().orderBy('month').execute()).map(
    (r) => r.month,
  );

/** Province values of `indicator` in `periods` that a feed computation wrote (source `feed:` or `prefixes:`). */
export const computedProvinceValues = (db: Kysely<Schema>, indicator: string, periods: string[]) =>
  db
    .selectFrom('data_value as d')
    .innerJoin('indicator as i', 'i.id', 'd.indicator_id')
    .innerJoin('org_unit as u', 'u.id', 'd.unit_id')
    .select(['d.indicator_id as indicatorId', 'd.unit_id as unitId', 'd.period', 'u.code'])
    .where('i.code', '=', indicator)
    .where('u.kind', '=', 'province')
    .where('d.period', 'in', periods.length ? periods : [''])
    .where((w) => w.or([w('d.source', 'like', 'feed:%'), w('d.source', 'like', 'prefixes:%')]))
    .execute();

/** Whether a feed file with this SHA-256 was imported before (its row, or nothing). */
export const findFeedImport = (db: Kysely<Schema>, sha256: string) =>
  db.selectFrom('feed_import').select('sha256').where('sha256', '=', sha256).executeTakeFirst();

/** Records an imported feed file (what a second import of the same bytes is recognised by). */
export const insertFeedImport = (db: Kysely<Schema>, row: Insertable<Schema['feed_import']>) =>
  db.insertInto('feed_import').values(row).execute();

/** Empties the IP-prefix table (a load replaces it whole). */
export const deletePrefixes = (db: Kysely<Schema>) => db.deleteFrom('ip_prefix').execute();

/** Adds IP prefixes (one statement; the caller keeps batches within PostgreSQL's parameter limit). */
export const insertPrefixes = (db: Kysely<Schema>, rows: Insertable<Schema['ip_prefix']>[]) =>
  db.insertInto('ip_prefix').values(rows).execute();
