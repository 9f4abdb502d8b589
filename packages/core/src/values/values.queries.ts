import { type Kysely, sql } from 'kysely';
import type { Schema } from '../db/schema.ts';
import type { ValueStatus } from '../value-schemas.ts';

/** A validated value, by ids, ready to store. */
export interface ValueRow {
  indicatorId: number;
  unitId: number;
  period: string;
  firstMonth: number;
  lastMonth: number;
  value: number;
  status: ValueStatus;
  derived: boolean;
  note: string | null;
}

// Data-modifying CTEs run to completion whether or not the final select reads them (PostgreSQL
// semantics, same on PGlite), so the audit and rollup steps need no reference.

/**
 * Writes values in one statement: upserts the changed ones, appends their audit rows, and applies
 * the difference to the rollups of every ancestor. Unchanged rows touch nothing. Writers of the same
 * indicator are serialised by an advisory lock, so two writes never compute a delta from the same
 * old value.
 */
export async function upsertValues(
  db: Kysely<Schema>,
  rows: ValueRow[],
  meta: { actor: string; source: string | null; reason: string | null },
): Promise<{ inserted: number; updated: number }> {
  const col = <K extends keyof ValueRow>(k: K) => rows.map((r) => r[k]);
  await lockCells(db, rows);
  const result = await sql<{ inserted: number; updated: number }>`
    with input as (
      select * from unnest(
        ${col('indicatorId')}::int[], ${col('unitId')}::int[], ${col('period')}::text[],
        ${col('firstMonth')}::int[], ${col('lastMonth')}::int[], ${col('value').map(String)}::numeric[],
        ${col('status')}::text[], ${col('derived')}::bool[], ${col('note')}::text[]
      ) as t(indicator_id, unit_id, period, first_month, last_month, value, status, derived, note)
    ),
    changed as (
      select i.*, d.value as old_value, d.status as old_status
      from input i
      left join data_value d
        on d.indicator_id = i.indicator_id and d.unit_id = i.unit_id and d.period = i.period
      where d.value is null or d.value <> i.value or d.status <> i.status
         or d.derived <> i.derived or d.note is distinct from i.note
    ),
    upserted as (
      insert into data_value
        (indicator_id, unit_id, period, first_month, last_month, value, status, derived, note, source, updated_by)
      select indicator_id, unit_id, period, first_month, last_month, value, status, derived, note,
             ${meta.source}, ${meta.actor}
      from changed
      on conflict (indicator_id, unit_id, period) do update set
        value = excluded.value, status = excluded.status, derived = excluded.derived, note = excluded.note,
        source = excluded.source, updated_by = excluded.updated_by, updated_at = now()
      returning 1
    ),
    audited as (
      insert into value_audit
        (actor, indicator_id, unit_id, period, old_value, new_value, old_status, new_status, reason, source)
      select ${meta.actor}, indicator_id, unit_id, period, old_value, value, old_status, status,
             ${meta.reason}, ${meta.source}
      from changed
      returning 1
    ),
    rolled as (
      insert into rollup_delta (indicator_id, unit_id, period, total, n, n_estimate)
      select c.indicator_id, a.ancestor_id, c.period,
             sum(c.value - coalesce(c.old_value, 0)),
             sum(case when c.old_value is null then 1 else 0 end),
             sum((case when c.status = 'estimate' then 1 else 0 end)
               - (case when c.old_status = 'estimate' then 1 else 0 end))
      from changed c
      join unit_ancestor a on a.unit_id = c.unit_id and a.depth > 0
      group by c.indicator_id, a.ancestor_id, c.period
      returning 1
    )
    select
      (select count(*) from changed where old_value is null)::int as inserted,
      (select count(*) from changed where old_value is not null)::int as updated
  `.execute(db);
  const r = result.rows[0];
  return { inserted: r?.inserted ?? 0, updated: r?.updated ?? 0 };
}

/** Deletes values (by key), auditing each and taking them out of every ancestor's rollup. */
export async function deleteValueRows(
  db: Kysely<Schema>,
  keys: { indicatorId: number; unitId: number; period: string }[],
  meta: { actor: string; reason: string | null },
): Promise<number> {
  await lockCells(db, keys);
  const result = await sql<{ deleted: number }>`
    with gone as (
      delete from data_value d
      using unnest(${keys.map((k) => k.indicatorId)}::int[], ${keys.map((k) => k.unitId)}::int[],
                   ${keys.map((k) => k.period)}::text[]) as t(indicator_id, unit_id, period)
      where d.indicator_id = t.indicator_id and d.unit_id = t.unit_id and d.period = t.period
      returning d.indicator_id, d.unit_id, d.period, d.value, d.status
    ),
    audited as (
      insert into value_audit (actor, indicator_id, unit_id, period, old_value, new_value, old_status, new_status, reason)
      select ${meta.actor}, indicator_id, unit_id, period, value, null, status, null, ${meta.reason} from gone
      returning 1
    ),
    rolled as (
      insert into rollup_delta (indicator_id, unit_id, period, total, n, n_estimate)
      select g.indicator_id, a.ancestor_id, g.period, -sum(g.value), -count(*),
             -sum(case when g.status = 'estimate' then 1 else 0 end)
      from gone g join unit_ancestor a on a.unit_id = g.unit_id and a.depth > 0
      group by g.indicator_id, a.ancestor_id, g.period
      returning 1
    )
    select (select count(*) from gone)::int as deleted
  `.execute(db);
  return result.rows[0]?.deleted ?? 0;
}

/** Up to this many cells, a write locks each cell; a larger batch locks its indicators whole. */
const CELL_LOCKS = 256;

/**
 * Serialises writers of the same cells, so two writes never compute a rollup change from the same
 * old value. A small write (a form, a single value) holds its indicators shared and each of its
 * cells exclusively: writers of other cells of the same indicator go on at once. A bulk import
 * holds its indicators exclusively (thousands of cell locks would fill the lock table), which waits
 * for the small writers of those indicators and keeps new ones waiting. Taken in a fixed order.
 */
async function lockCells(
  db: Kysely<Schema>,
  cells: { indicatorId: number; unitId: number; period: string }[],
) {
  const indicators = [...new Set(cells.map((c) => c.indicatorId))].sort((a, b) => a - b);
  if (cells.length > CELL_LOCKS) {
    await sql`select pg_advisory_xact_lock(7482002, id) from unnest(${indicators}::int[]) as t(id)`.execute(
      db,
    );
    return;
  }
  await sql`select pg_advisory_xact_lock_shared(7482002, id) from unnest(${indicators}::int[]) as t(id)`.execute(
    db,
  );
  await sql`
    select pg_advisory_xact_lock(k) from (
      select distinct (i::bigint << 32) + hashtext(u || '|' || p) as k
      from unnest(${cells.map((c) => c.indicatorId)}::int[], ${cells.map((c) => c.unitId)}::int[], ${cells.map((c) => c.period)}::text[]) as t(i, u, p)
    ) x order by k`.execute(db);
}

/** Which of these cells hold a stored value, by key. */
export async function selectStoredKeys(
  db: Kysely<Schema>,
  cells: { indicatorId: number; unitId: number; period: string }[],
): Promise<{ indicatorId: number; unitId: number; period: string }[]> {
  if (!cells.length) return [];
  const r = await sql<{ indicator_id: number; unit_id: number; period: string }>`
    select d.indicator_id, d.unit_id, d.period from data_value d
    join unnest(${cells.map((x) => x.indicatorId)}::int[], ${cells.map((x) => x.unitId)}::int[],
                ${cells.map((x) => x.period)}::text[]) as t(indicator_id, unit_id, period)
      on d.indicator_id = t.indicator_id and d.unit_id = t.unit_id and d.period = t.period`.execute(db);
  return r.rows.map((x) => ({ indicatorId: x.indicator_id, unitId: x.unit_id, period: x.period }));
}
