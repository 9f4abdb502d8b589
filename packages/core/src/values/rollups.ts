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
    await writeAudit(trx, ctx.actor, { entity: 'rollup', key: '*', action: 'rebuild' });
    return Number(r.numAffectedRows ?? 0);
  });
}

/**
 * Folds the pending rollup changes into `rollup`, in one statement: what readers see does not
 * change (they add the pending changes themselves), only how much they read. Writers append
 * changes and never update a shared row; this is the only writer of `rollup`, run in the background
 * and after bulk work. Safe to run from several processes at once. Returns the changes folded.
 */
export async function compactRollups(db: Database['k']): Promise<number> {
  const r = await sql<{ n: number }>`
    with moved as (
      delete from rollup_delta returning indicator_id, unit_id, period, total, n, n_estimate
    ),
    folded as (
      insert into rollup (indicator_id, unit_id, period, total, n, n_estimate)
      select indicator_id, unit_id, period, sum(total), sum(n), sum(n_estimate)
      from moved group by 1, 2, 3 order by 1, 2, 3
      on conflict (indicator_id, unit_id, period) do update set
        total = rollup.total + excluded.total, n = rollup.n + excluded.n,
        n_estimate = rollup.n_estimate + excluded.n_estimate
      returning 1
    )
    select (select count(*) from moved)::int as n`.execute(db);
  return r.rows[0]?.n ?? 0;
}

/** Rollup changes written and not yet folded by {@link compactRollups}: how far compaction lags. */
export async function pendingRollupChanges(db: Database['k']): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from rollup_delta`.execute(db);
  return r.rows[0]?.n ?? 0;
}
