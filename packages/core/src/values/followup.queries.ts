import { type Kysely, sql } from 'kysely';
import type { Schema } from '../db/schema.ts';

/** A stored value's follow-up mark as a sender sets it: on (`true`) or off (`false`). */
export interface FollowUpMark {
  indicatorId: number;
  unitId: number;
  period: string;
  mark: boolean;
}

/**
 * Sets the follow-up marks of stored values in one statement, and audits each change (a mark set
 * or removed; a mark sent as it already is changes nothing and is not audited). Returns the
 * number changed. The values must be stored (a mark belongs to its value).
 */
export async function setFollowUps(
  db: Kysely<Schema>,
  marks: FollowUpMark[],
  meta: { actor: string; reason: string | null },
): Promise<number> {
  if (!marks.length) return 0;
  const r = await sql<{ changed: number }>`
    with input as (
      select * from unnest(${marks.map((m) => m.indicatorId)}::int[], ${marks.map((m) => m.unitId)}::int[],
                           ${marks.map((m) => m.period)}::text[], ${marks.map((m) => m.mark)}::boolean[])
        as t(indicator_id, unit_id, period, mark)
    ),
    added as (
      insert into value_followup (indicator_id, unit_id, period, marked_by)
      select distinct indicator_id, unit_id, period, ${meta.actor}::text from input where mark
      on conflict do nothing
      returning indicator_id, unit_id, period, true as mark
    ),
    removed as (
      delete from value_followup f using input i
      where not i.mark and f.indicator_id = i.indicator_id and f.unit_id = i.unit_id and f.period = i.period
      returning f.indicator_id, f.unit_id, f.period, false as mark
    ),
    changed as (select * from added union all select * from removed),
    audited as (
      insert into audit_log (actor, entity, entity_key, action, old_data, new_data, reason)
      select ${meta.actor}, 'value_followup', ind.code || '/' || u.code || '/' || c.period,
             case when c.mark then 'mark' else 'unmark' end,
             to_jsonb(not c.mark), to_jsonb(c.mark), ${meta.reason}
      from changed c join indicator ind on ind.id = c.indicator_id join org_unit u on u.id = c.unit_id
      returning 1
    )
    select (select count(*) from changed)::int as changed
  `.execute(db);
  return r.rows[0]?.changed ?? 0;
}

/** The cells of the given indicators marked for follow-up, as `indicator|unit|period` codes. */
export async function selectFollowUps(db: Kysely<Schema>, indicators: string[]): Promise<Set<string>> {
  if (!indicators.length) return new Set();
  const rows = await db
    .selectFrom('value_followup as f')
    .innerJoin('indicator as i', 'i.id', 'f.indicator_id')
    .innerJoin('org_unit as u', 'u.id', 'f.unit_id')
    .select(['i.code as indicator', 'u.code as unit', 'f.period'])
    .where('i.code', 'in', indicators)
    .execute();
  return new Set(rows.map((r) => `${r.indicator}|${r.unit}|${r.period}`));
}
