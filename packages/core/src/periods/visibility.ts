import { hasRole, requireAccess } from '../access/access.ts';
import type { Ctx } from '../context.ts';
import { BaocaoError } from '../errors.ts';
import type { Period } from './period.ts';
import { periodLabelVi } from './period-text.ts';
import { selectReleasedSpans } from './periods.queries.ts';

type Scope = Parameters<typeof requireAccess>[2];

/** Whether every month of `p` lies inside one of the released spans. */
export const coveredBy = (spans: { first_month: number; last_month: number }[], p: Period): boolean => {
  for (let m = p.first; m <= p.last; m++) {
    if (!spans.some((s) => s.first_month <= m && m <= s.last_month)) return false;
  }
  return true;
};

/**
 * Which periods the actor may read values of. Readers holding `value.read`: every period, within
 * their unit scope (checked here). Everyone else (the public): only released periods — the one
 * gate between unpublished data and the public pages, applied by every reader of values in core.
 */
export async function periodsVisibleTo(ctx: Ctx, scope?: Scope): Promise<(p: Period) => boolean> {
  if (hasRole(ctx, 'value.read')) {
    requireAccess(ctx, 'value.read', scope);
    return () => true;
  }
  const spans = await selectReleasedSpans(ctx.db.k);
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
