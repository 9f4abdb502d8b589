import { inScope, requireAccess } from '../access/access.ts';
import { listIndicators } from '../catalog/indicators.ts';
import { compareMany } from '../compare/compare.ts';
import type { Ctx } from '../context.ts';
import { parsePeriod } from '../periods/period.ts';
import { periodLabelVi } from '../periods/period-text.ts';
import { loadUnitGraph } from '../units/unit-graph.ts';
import { type ReviewQueue, type ReviewQueueItem, draftOf } from './form-schemas.ts';
import { selectSubmissions } from './forms.queries.ts';

/**
 * Selective editing: every value of the period's submitted forms (those awaiting review, in the
 * reviewer's scope), largest share of the change of the national total first, so the officer
 * checks the few values that matter before the many that do not. Only indicators summed across
 * units move a total; `indicator` narrows the queue to one.
 */
export async function reviewQueue(
  ctx: Ctx,
  input: { period: string; indicator?: string },
): Promise<ReviewQueue> {
  requireAccess(ctx, 'form.review');
  const p = parsePeriod(input.period);
  const [graph, indicators, subs] = await Promise.all([
    loadUnitGraph(ctx.db.k),
    listIndicators(ctx),
    selectSubmissions(ctx.db.k, { period: p.id }),
  ]);
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const only = input.indicator?.trim().toUpperCase();
  const cells = subs
    .filter((s) => s.status === 'submitted')
    .flatMap((s) => {
      const unit = graph.byId.get(s.unit_id);
      if (!unit) return [];
      return draftOf(s.draft).flatMap((d) => {
        const ind = byCode.get(d.indicator);
        if (!ind || ind.acrossUnits !== 'sum' || (only && ind.code !== only)) return [];
        return inScope(ctx.actor, unit.id, graph.ancestorsOf) ? [{ ind, unit, value: d.value }] : [];
      });
    });
  const history = await compareMany(
    ctx,
    cells.map((c) => ({ indicator: c.ind.code, unit: c.unit.code, period: p.id })),
  );
  const items = cells.map((c, n): ReviewQueueItem => {
    const h = history[n]!;
    const ref = c.ind.kind === 'stock' ? h.previous : h.lastYear;
    const reference = ref && ref.value !== null ? { period: ref.period, value: ref.value } : null;
    return {
      indicator: c.ind.code,
      nameVi: c.ind.nameVi,
      nameEn: c.ind.nameEn,
      unit: c.unit.code,
      unitName: c.unit.nameVi,
      period: p.id,
      value: c.value,
      reference,
      change: c.value - (reference?.value ?? 0),
      share: 0,
    };
  });
  const totals = new Map<string, number>();
  for (const i of items) totals.set(i.indicator, (totals.get(i.indicator) ?? 0) + Math.abs(i.change));
  for (const i of items) {
    const total = totals.get(i.indicator)!;
    i.share = total === 0 ? 0 : Math.abs(i.change) / total;
  }
  items.sort(
    (a, b) => b.share - a.share || a.indicator.localeCompare(b.indicator) || a.unit.localeCompare(b.unit),
  );
  return { period: p.id, periodLabel: periodLabelVi(p), items };
}
