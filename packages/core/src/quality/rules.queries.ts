/** SQL of validation rules and of the values their verdicts read. */
import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';
import { Rule, type RuleData } from './rule-schemas.ts';

/** Every rule, by code (parsed: a stored row that is not a rule is a broken store, said loudly). */
export async function selectRules(db: Kysely<Schema>, code?: string): Promise<Rule[]> {
  let q = db.selectFrom('validation_rule').selectAll().orderBy('code');
  if (code) q = q.where('code', '=', code);
  const rows = await q.execute();
  return rows.map((r) =>
    Rule.parse({
      code: r.code,
      nameVi: r.name_vi,
      nameEn: r.name_en,
      left: r.left_expr,
      operator: r.operator,
      right: r.right_expr,
      importance: r.importance,
      periodTypes: r.period_types,
      unitKinds: r.unit_kinds,
      active: r.active,
      version: r.version,
      updatedBy: r.updated_by,
      updatedAt: r.updated_at.toISOString(),
    }),
  );
}

/** Writes a rule's new version: the row itself and a whole copy in its history. */
export async function writeRuleVersion(
  db: Kysely<Schema>,
  data: RuleData,
  version: number,
  actor: string,
  reason: string | null,
): Promise<void> {
  const row = {
    name_vi: data.nameVi,
    name_en: data.nameEn,
    left_expr: data.left,
    operator: data.operator,
    right_expr: data.right,
    importance: data.importance,
    period_types: JSON.stringify(data.periodTypes),
    unit_kinds: JSON.stringify(data.unitKinds),
    active: data.active,
    version,
    updated_by: actor,
    updated_at: new Date(),
  };
  await db
    .insertInto('validation_rule')
    .values({ code: data.code, ...row })
    .onConflict((oc) => oc.column('code').doUpdateSet(row))
    .execute();
  await db
    .insertInto('validation_rule_version')
    .values({ code: data.code, version, data: JSON.stringify(data), changed_by: actor, reason })
    .execute();
}

/** A rule's versions, newest first. */
export const selectRuleVersions = (db: Kysely<Schema>, code: string) =>
  db
    .selectFrom('validation_rule_version')
    .selectAll()
    .where('code', '=', code)
    .orderBy('version', 'desc')
    .execute();

/** Stored values of some units in some periods (the cells rules read). */
export async function selectUnitValues(
  db: Kysely<Schema>,
  where: { unitIds: number[]; periods: string[] },
): Promise<{ indicator: string; unitId: number; period: string; value: number }[]> {
  if (where.unitIds.length === 0 || where.periods.length === 0) return [];
  const rows = await db
    .selectFrom('data_value as v')
    .innerJoin('indicator as i', 'i.id', 'v.indicator_id')
    .select(['i.code', 'v.unit_id', 'v.period', 'v.value'])
    .where('v.unit_id', 'in', where.unitIds)
    .where('v.period', 'in', where.periods)
    .execute();
  return rows.map((r) => ({
    indicator: r.code,
    unitId: r.unit_id,
    period: r.period,
    value: Number(r.value),
  }));
}
