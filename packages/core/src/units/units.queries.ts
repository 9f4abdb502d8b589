import { type Insertable, type Kysely, sql } from 'kysely';
import type { Schema } from '../db/schema.ts';

export const selectUnits = (db: Kysely<Schema>) =>
  db.selectFrom('org_unit').selectAll().orderBy('code').execute();

export const selectSuccessions = (db: Kysely<Schema>) =>
  db.selectFrom('unit_succession').selectAll().execute();

export const selectUnitByCode = (db: Kysely<Schema>, code: string) =>
  db.selectFrom('org_unit').selectAll().where('code', '=', code).executeTakeFirst();

/** Adds the closure rows of a new unit: itself at depth 0 and its parent's ancestors one deeper. */
export async function insertClosure(db: Kysely<Schema>, unitId: number, parentId: number | null) {
  await sql`
    insert into unit_ancestor (unit_id, ancestor_id, depth)
    select ${unitId}::int, ${unitId}::int, 0
    union all
    select ${unitId}::int, ancestor_id, depth + 1 from unit_ancestor where unit_id = ${parentId}::int
  `.execute(db);
}

/** Stores a new org unit and returns its row. */
export const insertUnit = (db: Kysely<Schema>, row: Insertable<Schema['org_unit']>) =>
  db.insertInto('org_unit').values(row).returningAll().executeTakeFirstOrThrow();

/** Records a succession between two units (once: the same pair again changes nothing). */
export const insertSuccession = (
  db: Kysely<Schema>,
  row: { predecessor_id: number; successor_id: number; effective: string },
) =>
  db
    .insertInto('unit_succession')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .execute();
