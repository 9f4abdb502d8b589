import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Schema } from '../db/schema.ts';
import type { ValueStatus } from '../schemas.ts';

/**
 * Settings for a large batch's transaction on a PostgreSQL server, for that transaction only. JIT
 * off: the batch's statements look expensive to the planner, which then compiles them with LLVM
 * first, seconds spent to save less. A larger `work_mem`: a chunk's rollup changes (two ancestors per
 * value, 40,000 rows for a chunk) were sorted on disk under the default 4 MB (3 MB spilled per chunk
 * of the 10M bench); 32 MB keeps them, and the search for cells stored before, in memory.
 */
export async function tuneBatchTransaction(trx: Kysely<Schema>): Promise<void> {
  await sql`set local jit = off`.execute(trx);
  await sql`set local work_mem = '32MB'`.execute(trx);
}

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

/** The advisory-lock class of writer slots (cells use 7482002, migrations 7482001). */
export const SLOT_LOCK = 7482003;

/**
 * The writer slot of this transaction: the lowest slot no other transaction holds, taken with a
 * transaction-level advisory lock (a slot this transaction already holds is taken again). Its
 * pending rollup changes go to the rows of (cell, slot), so pending rows per cell stay bounded by
 * how many transactions write at once, however many changes they make; no two transactions ever
 * update one row, so writers never queue on a national total. Compaction folds only slots it holds.
 */
const WRITER_SLOT = sql`(select s from generate_series(0, 4095) s where pg_try_advisory_xact_lock(${sql.lit(SLOT_LOCK)}, s) limit 1)`;

/** A change to a (cell, slot) already pending is added to it rather than appended. */
const ADD_TO_SLOT = sql`on conflict (indicator_id, unit_id, period, slot) do update set
        total = rollup_delta.total + excluded.total, n = rollup_delta.n + excluded.n,
        n_estimate = rollup_delta.n_estimate + excluded.n_estimate,
        n_reporters = rollup_delta.n_reporters + excluded.n_reporters`;

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
    reporters as (${reportersReached(sql`select indicator_id, unit_id, period, false as existed from changed where old_value is null`)}),
    rolled as (
      insert into rollup_delta (indicator_id, unit_id, period, slot, total, n, n_estimate, n_reporters)
      select indicator_id, ancestor_id, period, ${WRITER_SLOT}, sum(total), sum(n), sum(ne), sum(nr) from (
        select c.indicator_id, a.ancestor_id, c.period,
               c.value - coalesce(c.old_value, 0) as total,
               case when c.old_value is null then 1 else 0 end as n,
               (case when c.status = 'estimate' then 1 else 0 end)
                 - (case when c.old_status = 'estimate' then 1 else 0 end) as ne,
               0 as nr
        from changed c
        join unit_ancestor a on a.unit_id = c.unit_id and a.depth > 0
        union all
        select r.indicator_id, a.ancestor_id, r.period, 0, 0, 0, 1
        from reporters r join unit_ancestor a on a.unit_id = r.unit_id and a.depth > 0
        where r.before = 0
      ) x
      group by 1, 2, 3
      ${ADD_TO_SLOT}
      returning 1
    )
    select
      (select count(*) from changed where old_value is null)::int as inserted,
      (select count(*) from changed where old_value is not null)::int as updated
  `.execute(db);
  const r = result.rows[0];
  return { inserted: r?.inserted ?? 0, updated: r?.updated ?? 0 };
}

/**
 * Writes values whose coverage changes are local (see `coverageIsLocal` in values.ts): a new value
 * adds one reporter to every ancestor exactly when its own unit is of its indicator's reporting
 * kind, so no reporter needs counting. New cells are inserted outright, and only the rows the
 * insert found stored are read for their old value (an import of new values reads none). The rows
 * were sorted out against the unit tree of catalog stamp `stamp`; if the tree changed since, nothing
 * is written and null is returned (the caller then writes them with {@link upsertValues}).
 */
export async function upsertLocalValues(
  db: Kysely<Schema>,
  rows: ValueRow[],
  meta: { actor: string; source: string | null; reason: string | null },
  stamp: string,
): Promise<{ inserted: number; updated: number } | null> {
  const col = <K extends keyof ValueRow>(k: K) => rows.map((r) => r[k]);
  await lockCells(db, rows);
  const result = await sql<{ inserted: number; updated: number; taken: number }>`
    with input as (
      select * from unnest(
        ${col('indicatorId')}::int[], ${col('unitId')}::int[], ${col('period')}::text[],
        ${col('firstMonth')}::int[], ${col('lastMonth')}::int[], ${col('value').map(String)}::numeric[],
        ${col('status')}::text[], ${col('derived')}::bool[], ${col('note')}::text[]
      ) as t(indicator_id, unit_id, period, first_month, last_month, value, status, derived, note)
      where (select n::text from catalog_stamp where id = 1) = ${stamp}
    ),
    added as (
      insert into data_value
        (indicator_id, unit_id, period, first_month, last_month, value, status, derived, note, source, updated_by)
      select indicator_id, unit_id, period, first_month, last_month, value, status, derived, note,
             ${meta.source}, ${meta.actor}
      from input
      on conflict (indicator_id, unit_id, period) do nothing
      returning indicator_id, unit_id, period, value, status
    ),
    -- The statement's snapshot does not hold the rows just added: what it finds was stored before.
    -- When every row was added (an import of new values), none was: the search is not run at all
    -- (its two sorts were a tenth of such a statement's time).
    stored as (
      select i.*, d.value as old_value, d.status as old_status
      from (select * from input i
            where (select count(*) from added) < (select count(*) from input) and not exists (
              select 1 from added a
              where a.indicator_id = i.indicator_id and a.unit_id = i.unit_id and a.period = i.period)
            offset 0) i
      join data_value d
        on d.indicator_id = i.indicator_id and d.unit_id = i.unit_id and d.period = i.period
      where d.value <> i.value or d.status <> i.status or d.derived <> i.derived or d.note is distinct from i.note
    ),
    updated as (
      update data_value d set value = s.value, status = s.status, derived = s.derived, note = s.note,
        source = ${meta.source}, updated_by = ${meta.actor}, updated_at = now()
      from stored s
      where d.indicator_id = s.indicator_id and d.unit_id = s.unit_id and d.period = s.period
      returning 1
    ),
    changed as (
      select indicator_id, unit_id, period, value, status, null::numeric as old_value, null::text as old_status
      from added
      union all
      select indicator_id, unit_id, period, value, status, old_value, old_status from stored
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
      insert into rollup_delta (indicator_id, unit_id, period, slot, total, n, n_estimate, n_reporters)
      select c.indicator_id, a.ancestor_id, c.period, ${WRITER_SLOT}, sum(c.total), sum(c.n), sum(c.ne), sum(c.nr)
      from (
        select c.indicator_id, c.unit_id, c.period, c.value - coalesce(c.old_value, 0) as total,
               case when c.old_value is null then 1 else 0 end as n,
               (case when c.status = 'estimate' then 1 else 0 end)
                 - (case when c.old_status = 'estimate' then 1 else 0 end) as ne,
               case when c.old_value is null and u.kind = i.reporting_kind then 1 else 0 end as nr
        from changed c
        join indicator i on i.id = c.indicator_id
        join org_unit u on u.id = c.unit_id
      ) c
      join unit_ancestor a on a.unit_id = c.unit_id and a.depth > 0
      group by 1, 2, 3
      ${ADD_TO_SLOT}
      returning 1
    )
    select (select count(*) from added)::int as inserted, (select count(*) from stored)::int as updated,
           (select count(*) from input)::int as taken
  `.execute(db);
  const r = result.rows[0];
  if (!r || (r.taken === 0 && rows.length > 0)) return null;
  return { inserted: r.inserted, updated: r.updated };
}

/**
 * The reporting units a write reaches, for coverage: for every value added (or removed), each unit at
 * or above it of its indicator's reporting kind that counts it (the unit itself; for a summed
 * indicator any unit above it too), with `k`, how many such values this write adds or removes at or
 * below the reporter, and `before`, how many it had before the write. A reporter starts counting
 * when `before` is 0 and stops when `before = k` (a removal). A reporter with nothing below it (an
 * enterprise reporting its own value, the common case) needs no lookup: `existed` says it. `rows`
 * yields (indicator_id, unit_id, period, existed). Every read here sees the statement's snapshot,
 * before its own changes; writers of the same reporter are serialised by {@link lockCells}.
 */
function reportersReached(rows: RawBuilder<unknown>) {
  return sql`
      select x.indicator_id, x.unit_id, x.period, x.k,
        case when x.own and (not x.summed or not exists (
               select 1 from unit_ancestor b where b.ancestor_id = x.unit_id and b.depth > 0))
          then x.existed::int
          else (select count(*) from data_value d
                where d.indicator_id = x.indicator_id and d.unit_id = x.unit_id and d.period = x.period)
             + coalesce((select r.n from rollup r
                where r.indicator_id = x.indicator_id and r.unit_id = x.unit_id and r.period = x.period), 0)
             + coalesce((select sum(r.n) from rollup_delta r
                where r.indicator_id = x.indicator_id and r.unit_id = x.unit_id and r.period = x.period), 0)
        end as before
      from (
        select t.indicator_id, a.ancestor_id as unit_id, t.period, count(*)::int as k,
               bool_and(a.depth = 0) as own, bool_or(t.existed) as existed,
               bool_or(i.across_units = 'sum') as summed
        from (${rows}) t
        join indicator i on i.id = t.indicator_id
        join unit_ancestor a on a.unit_id = t.unit_id and (a.depth = 0 or i.across_units = 'sum')
        join org_unit u on u.id = a.ancestor_id and u.kind = i.reporting_kind
        group by 1, 2, 3
      ) x`;
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
    reporters as (${reportersReached(sql`select indicator_id, unit_id, period, true as existed from gone`)}),
    rolled as (
      insert into rollup_delta (indicator_id, unit_id, period, slot, total, n, n_estimate, n_reporters)
      select indicator_id, ancestor_id, period, ${WRITER_SLOT}, sum(total), sum(n), sum(ne), sum(nr) from (
        select g.indicator_id, a.ancestor_id, g.period, -g.value as total, -1 as n,
               -(case when g.status = 'estimate' then 1 else 0 end) as ne, 0 as nr
        from gone g join unit_ancestor a on a.unit_id = g.unit_id and a.depth > 0
        union all
        select r.indicator_id, a.ancestor_id, r.period, 0, 0, 0, -1
        from reporters r join unit_ancestor a on a.unit_id = r.unit_id and a.depth > 0
        where r.before = r.k
      ) x
      group by 1, 2, 3
      ${ADD_TO_SLOT}
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
  // The reporting units above each cell are locked too, as cells: two writes under one province
  // must not both see it without values and both count it as having reported (see reportersReached).
  await sql`
    with t as (
      select * from unnest(${cells.map((c) => c.indicatorId)}::int[], ${cells.map((c) => c.unitId)}::int[],
                           ${cells.map((c) => c.period)}::text[]) as t(i, u, p)
    )
    select pg_advisory_xact_lock(k) from (
      select distinct (i::bigint << 32) + hashtext(u || '|' || p) as k from (
        select i, u, p from t
        union all
        select t.i, a.ancestor_id, t.p from t
        join indicator ind on ind.id = t.i and ind.across_units = 'sum'
        join unit_ancestor a on a.unit_id = t.u and a.depth > 0
        join org_unit o on o.id = a.ancestor_id and o.kind = ind.reporting_kind
      ) c
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
