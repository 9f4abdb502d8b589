import { sql } from 'kysely';
import { requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';

/**
 * Recomputes every rollup from the stored values in one statement. Writes keep rollups exact, so
 * this is a repair tool (after moving a unit in the tree, or a bulk load that bypassed core).
 */
export async function rebuildRollups(ctx: Ctx): Promise<number> {
  requireAccess(ctx, 'unit.write');
  return ctx.db.k.transaction().execute(async (trx) => {
    await sql`delete from rollup`.execute(trx);
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
