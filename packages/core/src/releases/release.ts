import type { Ctx } from '../context.ts';
import { parsePeriod } from '../periods/period.ts';
import { periodLabelVi } from '../periods/period-text.ts';
import type { Release } from './release-schemas.ts';
import { coveredBy } from '../periods/visibility.ts';

/**
 * The periods a visitor can read figures for: those with stored values (a month, a quarter, "8 tháng
 * đầu năm"…) lying inside a released span, newest first, shorter before longer. A released year with
 * no yearly figure is not offered: choosing it would show nothing.
 */
export async function listPublishedPeriods(ctx: Ctx): Promise<{ period: string; periodLabel: string }[]> {
  const spans = await ctx.db.k.selectFrom('data_release').select(['first_month', 'last_month']).execute();
  if (!spans.length) return [];
  const rows = await ctx.db.k
    .selectFrom('data_value')
    .select(['period', 'first_month', 'last_month'])
    .distinct()
    .orderBy('last_month', 'desc')
    .orderBy('first_month', 'desc')
    .execute();
  return rows
    .map((r) => parsePeriod(r.period))
    .filter((p) => coveredBy(spans, p))
    .map((p) => ({ period: p.id, periodLabel: periodLabelVi(p) }));
}

/** Released periods, newest first (public). */
export async function listReleases(ctx: Ctx): Promise<Release[]> {
  const rows = await ctx.db.k.selectFrom('data_release').selectAll().orderBy('last_month', 'desc').execute();
  return rows.map((r) => ({
    period: r.period,
    periodLabel: periodLabelVi(parsePeriod(r.period)),
    releasedAt: r.released_at.toISOString(),
  }));
}

/** When figures were last released (null when none were). */
export async function lastReleasedAt(ctx: Ctx): Promise<string | null> {
  const r = await ctx.db.k
    .selectFrom('data_release')
    .select((eb) => eb.fn.max('released_at').as('at'))
    .executeTakeFirst();
  return r?.at ? new Date(r.at).toISOString() : null;
}
