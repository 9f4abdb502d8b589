import { type Kysely, sql } from 'kysely';
import type { Schema } from '../db/schema.ts';

/** The audit rows of one value (by codes), newest first, with the actor's display name. */
export function selectValueHistory(
  db: Kysely<Schema>,
  key: { indicator: string; unit: string; period: string },
) {
  return db
    .selectFrom('value_audit as a')
    .innerJoin('indicator as i', 'i.id', 'a.indicator_id')
    .innerJoin('org_unit as u', 'u.id', 'a.unit_id')
    .leftJoin('app_user as p', 'p.username', 'a.actor')
    .select([
      'a.at',
      'a.actor',
      'p.display_name as actor_name',
      'a.old_value',
      'a.new_value',
      'a.old_status',
      'a.new_status',
      'a.reason',
      'a.source',
    ])
    .where('i.code', '=', key.indicator)
    .where('u.code', '=', key.unit)
    .where('a.period', '=', key.period)
    .orderBy('a.id', 'desc')
    .execute();
}

/** Counts of stored values, audit rows and folded rollups. */
export async function countStored(
  db: Kysely<Schema>,
): Promise<{ values: number; audit: number; rollups: number }> {
  const r = await sql<{ values: number; audit: number; rollups: number }>`
    select (select count(*) from data_value)::int as values, (select count(*) from value_audit)::int as audit,
           (select count(*) from rollup)::int as rollups`.execute(db);
  return r.rows[0]!;
}
