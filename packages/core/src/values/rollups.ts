import { sql } from 'kysely';
import { requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import type { Database } from '../db/database.ts';

/**
 * Recomputes every rollup from the stored values in one statement. Writes keep rollups exact, so
 * this is a repair tool (after moving a unit in the tree, or a bulk load that bypassed core).
 */
export async function rebuildRollups(ctx: Ctx): Promise<number> {
  requireAccess(ctx, 'unit.write');
  return ctx.db.k.transaction().execute(async (trx) => {
    await sql`delete from rollup`.execute(trx);
    await sql`delete from rollup_delta`.execute(trx);
    const r = await sql`
      insert into rollup (indicator_id, unit_id, period, total, n, n_estimate)
      select d.indicator_id, a.ancestor_id, d.period, sum(d.value), count(*),
             sum(case when d.status = 'estimate' then 1 else 0 end)
      from data_value d join unit_ancestor a on a.unit_id = d.unit_id and a.depth > 0
      group by d.indicator_id, a.ancestor_id, d.period`.execute(trx);
    await countReporters(trx);
    await writeAudit(trx, ctx.actor, { entity: 'rollup', key: '*', action: 'rebuild' });
    return Number(r.numAffectedRows ?? 0);
  });
}

/**
 * Sets `rollup.n_reporters` from the stored values: for each (indicator, unit, period), the units
 * strictly below of the indicator's reporting kind with a value of their own or, for a summed
 * indicator, below them (the reporters `coverageOf` counts). Writes keep it exact afterwards.
 */
async function countReporters(db: Database['k']): Promise<void> {
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

/** After folding this many changes, compaction vacuums `rollup_delta` (see {@link compactRollups}). */
const VACUUM_AFTER = 10_000;

/**
 * Folds the pending rollup changes into `rollup`, in one statement: what readers see does not
 * change (they add the pending changes themselves), only how much they read. Writers append
 * changes and never update a shared row; this is the only writer of `rollup`, run in the background
 * and after bulk work. Safe to run from several processes at once. Returns the changes folded.
 */
export async function compactRollups(db: Database['k']): Promise<number> {
  const r = await sql<{ n: number }>`
    with moved as (
      delete from rollup_delta returning indicator_id, unit_id, period, total, n, n_estimate, n_reporters
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
    select (select count(*) from moved)::int as n`.execute(db);
  const moved = r.rows[0]?.n ?? 0;
  // The folded rows are dead until vacuumed, and every read of pending changes walks past them
  // through the index (1.1 million dead rows slowed a pivot from 0.05 to 47 ms): after a large fold,
  // vacuum at once rather than wait for autovacuum (PGlite has none). A vacuum of a table of dead
  // rows takes a fraction of the fold's time; it cannot run inside a transaction.
  if (moved >= VACUUM_AFTER && !db.isTransaction) await sql`vacuum rollup_delta`.execute(db);
  return moved;
}

/** Rollup changes written and not yet folded by {@link compactRollups}: how far compaction lags. */
export async function pendingRollupChanges(db: Database['k']): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from rollup_delta`.execute(db);
  return r.rows[0]?.n ?? 0;
}
