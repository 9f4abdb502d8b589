import { type Kysely, sql } from 'kysely';
import type { Schema } from '../db/schema.ts';
import { SLOT_LOCK } from './values.queries.ts';

/** Replaces every rollup (folded and pending) with sums recomputed from the stored values. */
export async function recomputeRollups(db: Kysely<Schema>): Promise<number> {
  await sql`delete from rollup`.execute(db);
  await sql`delete from rollup_delta`.execute(db);
  const r = await sql`
    insert into rollup (indicator_id, unit_id, period, total, n, n_estimate)
    select d.indicator_id, a.ancestor_id, d.period, sum(d.value), count(*),
           sum(case when d.status = 'estimate' then 1 else 0 end)
    from data_value d join unit_ancestor a on a.unit_id = d.unit_id and a.depth > 0
    group by d.indicator_id, a.ancestor_id, d.period`.execute(db);
  await countReporters(db);
  return Number(r.numAffectedRows ?? 0);
}

/**
 * Sets `rollup.n_reporters` from the stored values: for each (indicator, unit, period), the units
 * strictly below of the indicator's reporting kind with a value of their own or, for a summed
 * indicator, below them (the reporters `coverageOf` counts). Writes keep it exact afterwards.
 */
async function countReporters(db: Kysely<Schema>): Promise<void> {
  await sql`
    update rollup r set n_reporters = c.n
    from (
      select p.indicator_id, a.ancestor_id as unit_id, p.period, count(*)::int as n
      from (
        select distinct d.indicator_id, ra.ancestor_id as reporter_id, d.period
        from data_value d
        join indicator i on i.id = d.indicator_id and i.reporting_kind is not null
        join unit_ancestor ra on ra.unit_id = d.unit_id and (ra.depth = 0 or i.across_units = 'sum')
        join org_unit u on u.id = ra.ancestor_id and u.kind = i.reporting_kind
      ) p
      join unit_ancestor a on a.unit_id = p.reporter_id and a.depth > 0
      group by 1, 2, 3
    ) c
    where r.indicator_id = c.indicator_id and r.unit_id = c.unit_id and r.period = c.period`.execute(db);
}

/**
 * Takes, for the caller's transaction, every writer slot with pending changes that no writer holds
 * now (a held slot is skipped, never waited for) and returns them.
 */
export async function takeIdleSlots(trx: Kysely<Schema>): Promise<number[]> {
  const r = await sql<{ slot: number }>`
    select slot from (select distinct slot from rollup_delta) s
    where pg_try_advisory_xact_lock(${sql.lit(SLOT_LOCK)}, slot)`.execute(trx);
  return r.rows.map((x) => x.slot);
}

/**
 * Moves the pending changes of these slots into `rollup` in one statement, so a reader (which reads
 * both tables in one snapshot) sees them in one place or the other. Call in the transaction that
 * holds the slots, in a statement after taking them: its snapshot then includes every change their
 * last writers committed. Returns the pending rows folded.
 */
export async function foldSlots(trx: Kysely<Schema>, slots: number[]): Promise<number> {
  const r = await sql<{ n: number }>`
    with moved as (
      delete from rollup_delta where slot = any(${slots}::int[])
      returning indicator_id, unit_id, period, total, n, n_estimate, n_reporters
    ),
    folded as (
      insert into rollup (indicator_id, unit_id, period, total, n, n_estimate, n_reporters)
      select indicator_id, unit_id, period, sum(total), sum(n), sum(n_estimate), sum(n_reporters)
      from moved group by 1, 2, 3 order by 1, 2, 3
      on conflict (indicator_id, unit_id, period) do update set
        total = rollup.total + excluded.total, n = rollup.n + excluded.n,
        n_estimate = rollup.n_estimate + excluded.n_estimate,
        n_reporters = rollup.n_reporters + excluded.n_reporters
      returning 1
    )
    select (select count(*) from moved)::int as n`.execute(trx);
  return r.rows[0]?.n ?? 0;
}

/** Removes the dead rows a large fold leaves (cannot run inside a transaction). */
export async function vacuumPending(db: Kysely<Schema>): Promise<void> {
  await sql`vacuum rollup_delta`.execute(db);
}

/** Pending rows of rollup changes (each the sum of one slot's changes to one cell). */
export async function countPending(db: Kysely<Schema>): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from rollup_delta`.execute(db);
  return r.rows[0]?.n ?? 0;
}
