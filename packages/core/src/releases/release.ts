import { requireAccess } from '../access/access.ts';
import type { Ctx } from '../context.ts';
import { BaocaoError } from '../errors.ts';
import { type Period, parsePeriod } from '../periods/period.ts';
import { periodLabelVi } from '../periods/period-text.ts';
import type { Release } from '../dashboard/dashboard-schemas.ts';

type Scope = Parameters<typeof requireAccess>[2];

/** Whether every month of `p` lies inside one of the released spans. */
export const coveredBy = (spans: { first_month: number; last_month: number }[], p: Period): boolean => {
  for (let m = p.first; m <= p.last; m++) {
    if (!spans.some((s) => s.first_month <= m && m <= s.last_month)) return false;
  }
  return true;
};

/**
 * Which periods the actor may read values of. Signed-in readers: every period, within their unit
 * scope (checked here). The public: only released periods — the one gate between unpublished
 * data and the public pages, applied by every reader of values in core.
 */
export async function periodsVisibleTo(ctx: Ctx, scope?: Scope): Promise<(p: Period) => boolean> {
  if (ctx.actor.role !== 'public') {
    requireAccess(ctx, 'value.read', scope);
    return () => true;
  }
  const spans = await ctx.db.k.selectFrom('data_release').select(['first_month', 'last_month']).execute();
  return (p) => coveredBy(spans, p);
}

/** The error for a public read of a period whose data is not released. */
export const notReleased = (p: Period) =>
  new BaocaoError(
    'NOT_PUBLISHED',
    `Số liệu ${periodLabelVi(p)} chưa được công bố`,
    `Figures for ${p.id} are not published yet`,
    { status: 404 },
  );

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
