import { requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { parsePeriod } from '../periods/period.ts';

/** Closes a period: no value inside it may change until it is unlocked. Audited. */
export async function lockPeriod(ctx: Ctx, input: { period: string; reason?: string | null }): Promise<void> {
  requireAccess(ctx, 'period.lock');
  const p = parsePeriod(input.period);
  await ctx.db.k.transaction().execute(async (trx) => {
    await trx
      .insertInto('period_lock')
      .values({
        period: p.id,
        first_month: p.first,
        last_month: p.last,
        reason: input.reason ?? null,
        locked_by: ctx.actor.username,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await writeAudit(trx, ctx.actor, {
      entity: 'period_lock',
      key: p.id,
      action: 'lock',
      reason: input.reason ?? null,
    });
  });
}

/** Reopens a locked period — an explicit, audited act with a reason. */
export async function unlockPeriod(ctx: Ctx, input: { period: string; reason: string }): Promise<void> {
  requireAccess(ctx, 'period.lock');
  const p = parsePeriod(input.period);
  await ctx.db.k.transaction().execute(async (trx) => {
    await trx.deleteFrom('period_lock').where('period', '=', p.id).execute();
    await writeAudit(trx, ctx.actor, {
      entity: 'period_lock',
      key: p.id,
      action: 'unlock',
      reason: input.reason,
    });
  });
}
