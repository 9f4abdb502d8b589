import { notReleased, periodsVisibleTo } from '../periods/visibility.ts';
import { listIndicators, unknownIndicator } from '../catalog/indicators.ts';
import type { Ctx } from '../context.ts';
import {
  type Period,
  parsePeriod,
  periodYear,
  previousPeriod,
  samePeriodLastYear,
} from '../periods/period.ts';
import { periodLabelVi } from '../periods/period-text.ts';
import { type CompareResult, CompareInput, type Indicator, type Unit } from '../schemas.ts';
import { loadUnitGraph } from '../units/unit-graph.ts';
import { unknownUnit } from '../units/units.ts';
import { loadResolveEnv } from './env.ts';
import { type ShownFigure, imputeFigures } from './impute.ts';
import {
  childrenSum,
  coverageOf,
  expectedReporters,
  type ResolveEnv,
  resolveFigure,
  resolveValue,
} from './resolve.ts';
import { resultSentence } from './sentence.ts';

const pctChange = (v: number | null, base: number | null) =>
  v === null || base === null || base === 0 ? null : ((v - base) / Math.abs(base)) * 100;

interface Request {
  ind: Indicator;
  unit: Unit;
  p: Period;
  prev: Period | null;
  ly: Period;
  reporters: Unit[];
}

function compareOne(
  env: ResolveEnv,
  r: Request,
  cur: ShownFigure | null,
  planValue: number | null,
  visible: (p: Period) => boolean,
): CompareResult {
  const { ind, unit, p, prev, ly } = r;
  const before = prev && visible(prev) ? resolveValue(env, ind, unit, prev) : null;
  const lastYear = visible(ly) ? resolveValue(env, ind, unit, ly) : null;
  const v = cur?.value ?? null;
  // No figure means nothing reported the whole way up: its coverage is counted all the same.
  const reported = (cur?.coverage ?? coverageOf(env, ind, unit, p, r.reporters)).reported;
  const sumBelow =
    cur?.source === 'reported' && r.reporters.some((u) => u.id !== unit.id)
      ? childrenSum(env, ind, unit, p)
      : null;
  const previous = prev
    ? {
        period: prev.id,
        value: before?.value ?? null,
        changePct: pctChange(v, before?.value ?? null),
        derived: before?.derived ?? false,
      }
    : null;
  const last = {
    period: ly.id,
    value: lastYear?.value ?? null,
    changePct: pctChange(v, lastYear?.value ?? null),
    derived: lastYear?.derived ?? false,
  };
  const year = periodYear(p);
  const plan = { year, value: planValue, sharePct: v === null || !planValue ? null : (v / planValue) * 100 };
  const result: CompareResult = {
    indicator: ind.code,
    unit: unit.code,
    period: p.id,
    periodLabel: periodLabelVi(p),
    value: v,
    status: cur?.status ?? null,
    ...(cur?.imputed ? { imputed: cur.imputed } : {}),
    derived: cur?.derived ?? false,
    source: cur?.source ?? null,
    crossCheck:
      sumBelow === null || v === null
        ? null
        : { childrenSum: sumBelow, expected: r.reporters.length, reported, gap: v - sumBelow },
    previous,
    lastYear: last,
    plan,
    completeness: {
      expected: r.reporters.length,
      reported,
      pct: r.reporters.length ? (reported / r.reporters.length) * 100 : null,
    },
    text: '',
    textEn: '',
  };
  const text = resultSentence(ind, result, undefined, undefined, cur?.basis);
  return { ...result, text: text.vi, textEn: text.en };
}

/**
 * Compares many (indicator, unit, period) triples with one prefetch of the cells and one of the
 * plans — what a report needs. Results come back in the order asked.
 */
export async function compareMany(ctx: Ctx, inputs: CompareInput[]): Promise<CompareResult[]> {
  const [indicators, graph] = await Promise.all([listIndicators(ctx), loadUnitGraph(ctx.db.k)]);
  const byCode = new Map(indicators.map((i): [string, Indicator] => [i.code, i]));
  const requests = inputs.map((input): Request => {
    const q = CompareInput.parse(input);
    const ind = byCode.get(q.indicator.trim().toUpperCase());
    if (!ind) throw unknownIndicator(q.indicator);
    const unit = graph.byCode.get(q.unit.trim().toUpperCase());
    if (!unit) throw unknownUnit(q.unit);
    const p = parsePeriod(q.period);
    return {
      ind,
      unit,
      p,
      prev: previousPeriod(p),
      ly: samePeriodLastYear(p),
      reporters: expectedReporters(graph, ind, unit, p),
    };
  });
  if (!requests.length) return [];
  const visible = await periodsVisibleTo(ctx, {
    unitIds: requests.map((r) => r.unit.id),
    ancestorsOf: graph.ancestorsOf,
  });
  const hidden = requests.find((r) => !visible(r.p));
  if (hidden) throw notReleased(hidden.p);
  const [env, plans] = await Promise.all([
    loadResolveEnv(ctx.db.k, graph, byCode, {
      // Reporters are not listed: coverage is read from the stored counts (see planResolve).
      inds: requests.map((r) => r.ind),
      units: requests.map((r) => r.unit),
      periods: requests.flatMap((r) => [r.p, r.ly, ...(r.prev ? [r.prev] : [])]),
      coveragePeriods: requests.map((r) => r.p),
    }),
    ctx.db.k
      .selectFrom('plan_target')
      .select(['indicator_id', 'unit_id', 'year', 'value'])
      .where('indicator_id', 'in', [...new Set(requests.map((r) => r.ind.id))])
      .where('unit_id', 'in', [...new Set(requests.map((r) => r.unit.id))])
      .where('year', 'in', [...new Set(requests.map((r) => periodYear(r.p)))])
      .execute(),
  ]);
  const planOf = new Map(plans.map((x) => [`${x.indicator_id}|${x.unit_id}|${x.year}`, Number(x.value)]));
  // A partial national or regional sum is completed with estimates of the units missing (impute.ts).
  const figures = await imputeFigures(
    ctx.db.k,
    env,
    requests.map((r) => ({ ...r, fig: resolveFigure(env, r.ind, r.unit, r.p, r.reporters) })),
  );
  return requests.map((r, i) =>
    compareOne(
      env,
      r,
      figures[i] ?? null,
      planOf.get(`${r.ind.id}|${r.unit.id}|${periodYear(r.p)}`) ?? null,
      visible,
    ),
  );
}

/**
 * Everything the ministry says about one figure: the value for a unit (its subtree, across the
 * 2025 merger) and period, the previous period, the same period last year, the share of the annual
 * plan, how many of the expected units reported, and the Vietnamese sentence. Percentages are
 * unrounded; rounding happens only when printing.
 */
export async function compareIndicator(ctx: Ctx, input: CompareInput): Promise<CompareResult> {
  const [result] = await compareMany(ctx, [input]);
  return result!;
}
