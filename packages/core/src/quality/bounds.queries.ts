import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';

export const selectPopulations = (db: Kysely<Schema>) =>
  db.selectFrom('unit_population').select(['unit_id', 'population', 'year']).execute();

export const upsertPopulation = (
  db: Kysely<Schema>,
  row: { unit_id: number; population: number; year: number; source: string; updated_by: string },
) =>
  db
    .insertInto('unit_population')
    .values(row)
    .onConflict((oc) =>
      oc.column('unit_id').doUpdateSet({
        population: row.population,
        year: row.year,
        source: row.source,
        updated_by: row.updated_by,
        updated_at: new Date(),
      }),
    )
    .execute();

/** Ranges, for some units (all when `unitIds` is omitted). */
export function selectRanges(db: Kysely<Schema>, unitIds?: number[]) {
  let q = db
    .selectFrom('value_range')
    .innerJoin('indicator', 'indicator.id', 'value_range.indicator_id')
    .innerJoin('org_unit', 'org_unit.id', 'value_range.unit_id')
    .select([
      'value_range.indicator_id',
      'value_range.unit_id',
      'indicator.code as indicator',
      'org_unit.code as unit',
      'value_range.min_value',
      'value_range.max_value',
      'value_range.hard',
      'value_range.reason',
      'value_range.set_by',
      'value_range.set_at',
    ]);
  if (unitIds) {
    if (unitIds.length === 0) return Promise.resolve([]);
    q = q.where('value_range.unit_id', 'in', unitIds);
  }
  return q.orderBy('indicator.code').orderBy('org_unit.code').execute();
}

export const upsertRange = (
  db: Kysely<Schema>,
  row: {
    indicator_id: number;
    unit_id: number;
    min_value: number | null;
    max_value: number | null;
    hard: boolean;
    reason: string | null;
    set_by: string;
  },
) =>
  db
    .insertInto('value_range')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['indicator_id', 'unit_id']).doUpdateSet({
        min_value: row.min_value,
        max_value: row.max_value,
        hard: row.hard,
        reason: row.reason,
        set_by: row.set_by,
        set_at: new Date(),
      }),
    )
    .execute();

export const deleteRange = (db: Kysely<Schema>, indicatorId: number, unitId: number) =>
  db
    .deleteFrom('value_range')
    .where('indicator_id', '=', indicatorId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
