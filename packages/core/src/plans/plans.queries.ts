import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';

/** A plan target's key: one indicator, one unit, one year. */
export interface PlanKey {
  indicatorId: number;
  unitId: number;
  year: number;
}

/** The stored value of one plan target (undefined when none is set). */
export const selectPlanTarget = (db: Kysely<Schema>, key: PlanKey) =>
  db
    .selectFrom('plan_target')
    .select(['value'])
    .where('indicator_id', '=', key.indicatorId)
    .where('unit_id', '=', key.unitId)
    .where('year', '=', key.year)
    .executeTakeFirst();

/** Sets one plan target, replacing its value and note if it exists. */
export const upsertPlanTarget = (
  db: Kysely<Schema>,
  t: PlanKey & { value: number; note: string | null; by: string },
) =>
  db
    .insertInto('plan_target')
    .values({
      indicator_id: t.indicatorId,
      unit_id: t.unitId,
      year: t.year,
      value: t.value,
      note: t.note,
      updated_by: t.by,
    })
    .onConflict((oc) =>
      oc.columns(['indicator_id', 'unit_id', 'year']).doUpdateSet({
        value: t.value,
        note: t.note,
        updated_by: t.by,
        updated_at: new Date(),
      }),
    )
    .execute();

/** Every plan target of a year, by codes, in indicator then unit order. */
export const selectPlanTargetsOfYear = (db: Kysely<Schema>, year: number) =>
  db
    .selectFrom('plan_target as p')
    .innerJoin('indicator as i', 'i.id', 'p.indicator_id')
    .innerJoin('org_unit as u', 'u.id', 'p.unit_id')
    .select(['i.code as indicator', 'u.code as unit', 'p.year', 'p.value', 'p.note'])
    .where('p.year', '=', year)
    .orderBy('i.code')
    .orderBy('u.code')
    .execute();
