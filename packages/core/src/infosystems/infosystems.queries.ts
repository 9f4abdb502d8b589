import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { Schema } from '../db/schema.ts';

/** Every record with its owner's code and name, optionally of some owners or states, by owner then name. */
export const selectInfosystems = (
  db: Kysely<Schema>,
  filter: { ownerIds?: number[]; ids?: number[]; states?: ('submitted' | 'returned' | 'approved')[] } = {},
) => {
  let q = db
    .selectFrom('infosystem as s')
    .innerJoin('org_unit as u', 'u.id', 's.owner_unit_id')
    .selectAll('s')
    .select(['u.code as owner_code', 'u.name_vi as owner_name']);
  if (filter.ownerIds) q = q.where('s.owner_unit_id', 'in', filter.ownerIds.length ? filter.ownerIds : [-1]);
  if (filter.ids) q = q.where('s.id', 'in', filter.ids.length ? filter.ids : [-1]);
  if (filter.states) q = q.where('s.status', 'in', filter.states);
  return q.orderBy('u.code').orderBy('s.name').orderBy('s.id').execute();
};
export type InfosystemRow = Awaited<ReturnType<typeof selectInfosystems>>[number];

/** Records of these (owner, name) pairs, locked for the declaring transaction. */
export const lockInfosystemsByName = (db: Kysely<Schema>, keys: { ownerId: number; name: string }[]) =>
  db
    .selectFrom('infosystem')
    .selectAll()
    .where(
      sql<boolean>`(owner_unit_id, lower(name)) in (select * from unnest(${keys.map((k) => k.ownerId)}::int[], ${keys.map((k) => k.name.toLowerCase())}::text[]))`,
    )
    .forUpdate()
    .execute();

/** Records by id, locked for review. */
export const lockInfosystems = (db: Kysely<Schema>, ids: number[]) =>
  db
    .selectFrom('infosystem')
    .selectAll()
    .where('id', 'in', ids.length ? ids : [-1])
    .orderBy('id')
    .forUpdate()
    .execute();

/** Every approved record (what the figures count), with its owner unit id. */
export const selectApprovedData = (db: Kysely<Schema>) =>
  db
    .selectFrom('infosystem')
    .select(['id', 'owner_unit_id', 'data'])
    .where('data', 'is not', null)
    .orderBy('id')
    .execute();

/** How many declared changes wait for an officer. */
export const countPending = async (db: Kysely<Schema>) =>
  Number(
    (
      await db
        .selectFrom('infosystem')
        .select((e) => e.fn.countAll().as('n'))
        .where('status', '=', 'submitted')
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Values the registry computed earlier, by key (to remove those no record supports any more). */
export const selectComputedValueKeys = (db: Kysely<Schema>, indicatorCodes: string[], source: string) =>
  db
    .selectFrom('data_value as d')
    .innerJoin('indicator as i', 'i.id', 'd.indicator_id')
    .select(['d.indicator_id as indicatorId', 'd.unit_id as unitId', 'd.period', 'i.code'])
    .where('i.code', 'in', indicatorCodes)
    .where('d.source', '=', source)
    .execute();

/** Stores a new record and returns its id. */
export const insertInfosystem = (db: Kysely<Schema>, row: Insertable<Schema['infosystem']>) =>
  db.insertInto('infosystem').values(row).returning('id').executeTakeFirstOrThrow();

/** Sets columns of one record (a declared change, an approval, a return). */
export const updateInfosystem = (db: Kysely<Schema>, id: number, set: Updateable<Schema['infosystem']>) =>
  db.updateTable('infosystem').set(set).where('id', '=', id).execute();
