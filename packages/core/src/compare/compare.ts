import { requireAccess } from '../access/access.ts';
import { listIndicators } from '../catalog/indicators.ts';
import { unknownIndicator } from '../catalog/indicators.ts';
import type { Ctx } from '../context.ts';
import {
  type Period,
  parsePeriod,
  periodYear,
  previousPeriod,
  samePeriodLastYear,
} from '../periods/period.ts';
import { periodLabelVi } from '../periods/period-text.ts';
import { type CompareResult, CompareInput, type Indicator } from '../schemas.ts';
import { loadUnitGraph } from '../units/unit-graph.ts';
import { unknownUnit } from '../units/units.ts';
import { loadResolveEnv } from './env.ts';
import { expectedReporters, resolveValue } from './resolve.ts';
import { comparisonSentence } from './sentence.ts';

const pctChange = (v: number | null, base: number | null) =>
  v === null || base === null || base === 0 ? null : ((v - base) / Math.abs(base)) * 100;

/**
 * Everything the ministry says about one figure: the value for a unit (its subtree, across the
 * 2025 merger) and period, the previous period, the same period last year, the share of the annual
 * plan, how many of the expected units reported, and the Vietnamese sentence. Percentages are
 * unrounded; rounding happens only when printing.
 */
export async function compareIndicator(ctx: Ctx, input: CompareInput): Promise<CompareResult> {
  const q = CompareInput.parse(input);
  const [indicators, graph] = await Promise.all([listIndicators(ctx), loadUnitGraph(ctx.db.k)]);
  const byCode = new Map(indicators.map((i): [string, Indicator] => [i.code, i]));
  const ind = byCode.get(q.indicator.trim().toUpperCase());
  if (!ind) throw unknownIndicator(q.indicator);
  const unit = graph.byCode.get(q.unit.trim().toUpperCase());
  if (!unit) throw unknownUnit(q.unit);
  requireAccess(ctx, 'value.read', { unitIds: [unit.id], ancestorsOf: graph.ancestorsOf });

  const p = parsePeriod(q.period);
  const prev = previousPeriod(p);
  const ly = samePeriodLastYear(p);
  const asked: Period[] = [p, ly, ...(prev ? [prev] : [])];
  const reporters = expectedReporters(graph, ind, unit, p);
  const year = periodYear(p);
  const [env, plan] = await Promise.all([
    loadResolveEnv(ctx.db.k, graph, byCode, { inds: [ind], units: [unit, ...reporters], periods: asked }),
    ctx.db.k
      .selectFrom('plan_target')
      .select('value')
      .where('indicator_id', '=', ind.id)
      .where('unit_id', '=', unit.id)
      .where('year', '=', year)
      .executeTakeFirst(),
  ]);
  const cur = resolveValue(env, ind, unit, p);
  const before = prev ? resolveValue(env, ind, unit, prev) : null;
  const lastYear = resolveValue(env, ind, unit, ly);
  const planValue = plan ? Number(plan.value) : null;
  const v = cur?.value ?? null;
  const reported = reporters.filter((r) => resolveValue(env, ind, r, p) !== null).length;

  const result = {
    previous: prev
      ? {
          period: prev.id,
          value: before?.value ?? null,
          changePct: pctChange(v, before?.value ?? null),
          derived: before?.derived ?? false,
        }
      : null,
    lastYear: {
      period: ly.id,
      value: lastYear?.value ?? null,
      changePct: pctChange(v, lastYear?.value ?? null),
      derived: lastYear?.derived ?? false,
    },
    plan: { year, value: planValue, sharePct: v === null || !planValue ? null : (v / planValue) * 100 },
  };
  const text = comparisonSentence(ind, p, cur, [
    ...(prev
      ? [
          {
            kind: 'previous' as const,
            period: prev,
            base: result.previous!.value,
            pct: result.previous!.changePct,
            derived: result.previous!.derived,
          },
        ]
      : []),
    {
      kind: 'lastYear',
      period: ly,
      base: result.lastYear.value,
      pct: result.lastYear.changePct,
      derived: result.lastYear.derived,
    },
    { kind: 'plan', period: p, base: planValue, pct: result.plan.sharePct, derived: false },
  ]);
  return {
    indicator: ind.code,
    unit: unit.code,
    period: p.id,
    periodLabel: periodLabelVi(p),
    value: v,
    status: cur?.status ?? null,
    derived: cur?.derived ?? false,
    source: cur?.source ?? null,
    ...result,
    completeness: {
      expected: reporters.length,
      reported,
      pct: reporters.length ? (reported / reporters.length) * 100 : null,
    },
    text: text.vi,
    textEn: text.en,
  };
}
