import { listIndicators } from '../catalog/indicators.ts';
import { compareMany } from '../compare/compare.ts';
import { pivotValues } from '../compare/pivot.ts';
import type { Ctx } from '../context.ts';
import { periodFromMonths, parsePeriod } from '../periods/period.ts';
import { periodLabelVi } from '../periods/period-text.ts';
import { loadUnitGraph } from '../units/unit-graph.ts';
import { periodsVisibleTo } from '../periods/visibility.ts';
import { currentMonthIndex } from '../values/validate.ts';
import { selectMonthsWithValues } from './dashboard.queries.ts';
import { unknownUnit } from '../units/units.ts';
import type { Dashboard } from './dashboard-schemas.ts';

const SPARK_MONTHS = 12;

/**
 * The month the dashboard opens on: the latest month that has ended, has stored figures, and that
 * the actor may see (`periodsVisibleTo`: released months for the public, so a released quarter's
 * months show). A month still running, with only some units' figures in, is never the default.
 */
async function defaultMonth(ctx: Ctx): Promise<string | null> {
  const [visible, rows] = await Promise.all([
    periodsVisibleTo(ctx),
    selectMonthsWithValues(ctx.db.k, currentMonthIndex()),
  ]);
  const m = rows.map((r) => periodFromMonths(r.first_month, r.first_month)).find(visible);
  return m?.id ?? null;
}

/**
 * Key indicators of a unit for a period: every indicator with a value, its comparisons and a
 * twelve-month series for the sparkline. The public sees released periods only (core decides).
 */
export async function getDashboard(ctx: Ctx, input: { unit?: string; period?: string }): Promise<Dashboard> {
  const graph = await loadUnitGraph(ctx.db.k);
  const unit = graph.byCode.get((input.unit ?? 'VN').trim().toUpperCase());
  if (!unit) throw unknownUnit(input.unit ?? 'VN');
  const period = input.period ? parsePeriod(input.period).id : await defaultMonth(ctx);
  const names = { unitName: unit.nameVi, unitNameEn: unit.nameEn ?? unit.nameVi };
  const empty = { unit: unit.code, ...names, period: null, periodLabel: null, cards: [] };
  if (!period) return empty;
  const p = parsePeriod(period);
  const indicators = (await listIndicators(ctx)).filter((i) => !i.code.startsWith('BENCH.'));
  const compared = await compareMany(
    ctx,
    indicators.map((i) => ({ indicator: i.code, unit: unit.code, period: p.id })),
  );
  const shown = indicators.map((ind, n) => ({ ind, c: compared[n]! })).filter((x) => x.c.value !== null);
  const months = Array.from(
    { length: SPARK_MONTHS },
    (_, k) => periodFromMonths(p.last - SPARK_MONTHS + 1 + k, p.last - SPARK_MONTHS + 1 + k).id,
  );
  const cells = shown.length
    ? await pivotValues(ctx, {
        indicators: shown.map((x) => x.ind.code),
        units: [unit.code],
        periods: months,
      })
    : [];
  return {
    unit: unit.code,
    ...names,
    period: p.id,
    periodLabel: periodLabelVi(p),
    cards: shown.map(({ ind, c }) => ({
      nameVi: ind.shortVi ?? ind.nameVi,
      nameEn: ind.shortEn ?? ind.nameEn,
      unitVi: ind.unitVi,
      unitEn: ind.unitEn ?? ind.unitVi,
      precision: ind.precision,
      compare: c,
      series: cells
        .filter((x) => x.indicator === ind.code)
        .map((x) => ({ period: x.period, value: x.value, status: x.status })),
    })),
  };
}
