import { type Kysely, sql } from 'kysely';
import type { Schema } from '../db/schema.ts';

/** One table of the store as a backup sees it: its columns, key and the tables it refers to. */
export interface TableInfo {
  name: string;
  key: string[];
  refersTo: string[];
  /** Columns filled from a sequence (serial, identity), to be set past the restored rows. */
  sequenced: string[];
}

const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;
export const ident = (s: string) => sql.raw(quoteIdent(s));

/** Every table of the public schema (migration bookkeeping aside), parents before children. */
export async function listTables(db: Kysely<Schema>): Promise<TableInfo[]> {
  const rows = await sql<{
    name: string;
    key: string[] | null;
    refers: string[] | null;
    sequenced: string[] | null;
  }>`
    select c.relname::text as name,
      (select array_agg(a.attname::text order by k.ord)
         from pg_constraint p
         cross join unnest(p.conkey) with ordinality as k(attnum, ord)
         join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
        where p.conrelid = c.oid and p.contype = 'p') as key,
      (select array_agg(distinct f.relname::text)
         from pg_constraint r join pg_class f on f.oid = r.confrelid
        where r.conrelid = c.oid and r.contype = 'f' and f.oid <> c.oid) as refers,
      (select array_agg(col.column_name::text)
         from information_schema.columns col
        where col.table_schema = 'public' and col.table_name = c.relname
          and (col.column_default like 'nextval(%' or col.is_identity = 'YES')) as sequenced
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r' and c.relname <> 'schema_migration'
    order by c.relname`.execute(db);
  const byName = new Map(
    rows.rows.map((r): [string, TableInfo] => [
      r.name,
      { name: r.name, key: r.key ?? [], refersTo: r.refers ?? [], sequenced: r.sequenced ?? [] },
    ]),
  );
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  const place = (t: TableInfo, path: Set<string>) => {
    if (placed.has(t.name) || path.has(t.name)) return;
    path.add(t.name);
    for (const p of t.refersTo) {
      const parent = byName.get(p);
      if (parent) place(parent, path);
    }
    placed.add(t.name);
    ordered.push(t);
  };
  for (const t of byName.values()) place(t, new Set());
  return ordered;
}

/** The applied migrations, in order. */
export async function appliedMigrations(db: Kysely<Schema>): Promise<string[]> {
  const r = await db.selectFrom('schema_migration').select('name').orderBy('name').execute();
  return r.map((m) => m.name);
}

/**
 * A page of a table's rows as JSON text, in key order, after `after` (a previous row's text). The
 * text is PostgreSQL's own (`to_jsonb(t)::text`): a numeric keeps every digit and its scale
 * (`311.0`), never passing through a JavaScript number.
 */
export async function pageOfRows(
  db: Kysely<Schema>,
  t: TableInfo,
  after: string | undefined,
  limit: number,
): Promise<string[]> {
  const order = t.key.length > 0 ? t.key : null;
  const keyList = sql.join((order ?? []).map(ident));
  const where =
    order && after !== undefined
      ? sql`where (${keyList}) > (select ${keyList} from jsonb_populate_record(null::${ident(t.name)}, ${after}::jsonb))`
      : sql``;
  const r = await sql<{ r: string }>`
    select to_jsonb(t)::text as r from ${ident(t.name)} t ${where}
    ${order ? sql`order by ${keyList}` : sql``} limit ${limit}`.execute(db);
  return r.rows.map((x) => x.r);
}

/**
 * Inserts the rows of one backup line (its JSON text, `{"table":…,"rows":[…]}`) into a table
 * exactly as they were: PostgreSQL reads the numbers from the text itself.
 */
export async function insertRows(db: Kysely<Schema>, table: string, lineText: string): Promise<void> {
  await sql`insert into ${ident(table)} select * from jsonb_populate_recordset(null::${ident(table)}, (${lineText}::jsonb)->'rows')`.execute(
    db,
  );
}

/** Sets the transaction's time zone to UTC, so every timestamp is written in one zone. */
export async function setUtcForTransaction(db: Kysely<Schema>): Promise<void> {
  await sql`set local timezone = 'UTC'`.execute(db);
}

/** Whether a table holds at least one row. */
export async function tableHasRows(db: Kysely<Schema>, table: string): Promise<boolean> {
  const r = await sql`select 1 from ${ident(table)} limit 1`.execute(db);
  return r.rows.length > 0;
}

/** Turns a table's user triggers off (`false`) or back on (`true`). */
export async function setUserTriggers(db: Kysely<Schema>, table: string, on: boolean): Promise<void> {
  await sql`alter table ${ident(table)} ${on ? sql`enable` : sql`disable`} trigger user`.execute(db);
}

/** Empties the catalog stamp (the migrations wrote one row; the backup brings its own). */
export async function clearCatalogStamp(db: Kysely<Schema>): Promise<void> {
  await sql`delete from catalog_stamp`.execute(db);
}

/** Sets the sequence behind `table.col` past the largest value restored (1 when the table is empty). */
export async function resetSequence(db: Kysely<Schema>, table: string, col: string): Promise<void> {
  await sql`select setval(pg_get_serial_sequence(${table}, ${col}), coalesce((select max(${ident(col)}) from ${ident(table)}), 0) + 1, false)`.execute(
    db,
  );
}
