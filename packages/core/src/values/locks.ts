import { requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { parsePeriod } from '../periods/period.ts';
import { deletePeriodLock, insertPeriodLock } from './locks.queries.ts';

/** Closes a period: no value inside it may change until it is unlocked. Audited. */
export async function lockPeriod(ctx: Ctx, input: { period: string; reason?: string | null }): Promise<void> {
  requireAccess(ctx, 'period.lock');
  const p = parsePeriod(input.period);
  await ctx.db.k.transaction().execute(async (trx) => {
    await insertPeriodLock(trx, {
      period: p.id,
      firstMonth: p.first,
      lastMonth: p.last,
      reason: input.reason ?? null,
      by: ctx.actor.username,
    });
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
    await deletePeriodLock(trx, p.id);
    await writeAudit(trx, ctx.actor, {
      entity: 'period_lock',
      key: p.id,
      action: 'unlock',
      reason: input.reason,
    });
  });
}
