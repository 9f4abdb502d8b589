import { type Kysely, sql } from 'kysely';
import type { Schema } from './schema.ts';

/** Answers a trivial query (a readiness probe); throws when the store cannot be reached. */
export async function selectOne(db: Kysely<Schema>): Promise<void> {
  await sql`select 1`.execute(db);
}

/** The server's `synchronous_commit` setting (`remote_apply` is what a read replica needs). */
export async function synchronousCommit(db: Kysely<Schema>): Promise<string | undefined> {
  const r = await sql<{ v: string }>`select current_setting('synchronous_commit') as v`.execute(db);
  return r.rows[0]?.v;
}

/** The catalog stamp as text ('' when the row is missing): it moves on every catalog change. */
export async function catalogStamp(db: Kysely<Schema>): Promise<string> {
  const r = await sql<{ n: string }>`select n::text as n from catalog_stamp where id = 1`.execute(db);
  return r.rows[0]?.n ?? '';
}
