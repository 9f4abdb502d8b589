import type { Ctx } from '../context.ts';
import { parsePeriod } from '../periods/period.ts';
import { periodLabelVi } from '../periods/period-text.ts';
import type { Release } from './release-schemas.ts';
import { coveredBy } from '../periods/visibility.ts';
import { selectReleasedSpans } from '../periods/periods.queries.ts';
import { selectLastReleasedAt, selectReleases, selectValuePeriods } from './releases.queries.ts';

/**
 * The periods a visitor can read figures for: those with stored values (a month, a quarter, "8 tháng
 * đầu năm"…) lying inside a released span, newest first, shorter before longer. A released year with
 * no yearly figure is not offered: choosing it would show nothing.
 */
export async function listPublishedPeriods(ctx: Ctx): Promise<{ period: string; periodLabel: string }[]> {
  const spans = await selectReleasedSpans(ctx.db.k);
  if (!spans.length) return [];
  const rows = await selectValuePeriods(ctx.db.k);
  return rows
    .map((r) => parsePeriod(r.period))
    .filter((p) => coveredBy(spans, p))
    .map((p) => ({ period: p.id, periodLabel: periodLabelVi(p) }));
}

/** Released periods, newest first (public). */
export async function listReleases(ctx: Ctx): Promise<Release[]> {
  const rows = await selectReleases(ctx.db.k);
  return rows.map((r) => ({
    period: r.period,
    periodLabel: periodLabelVi(parsePeriod(r.period)),
    releasedAt: r.released_at.toISOString(),
  }));
}

/** When figures were last released (null when none were). */
export async function lastReleasedAt(ctx: Ctx): Promise<string | null> {
  const r = await selectLastReleasedAt(ctx.db.k);
  return r?.at ? new Date(r.at).toISOString() : null;
}
