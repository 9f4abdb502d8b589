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
import type { Base, Comparison } from './comparison.ts';
import { loadUnitGraph } from '../units/unit-graph.ts';
import { unknownUnit } from '../units/units.ts';
import { loadResolveEnv } from './env.ts';
import { type ShownFigure, imputeFigures } from './impute.ts';
import { selectPlanValues } from './plans.queries.ts';
import {
  childrenSum,
  coverageOf,
  expectedReporters,
  type ResolveEnv,
  resolveFigure,
  resolveValue,
} from './resolve.ts';
import { comparisonText, comparisonWords } from './sentence.ts';

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
): Comparison {
  const { ind, unit, p, prev, ly } = r;
  const v = cur?.value ?? null;
  const base = (period: Period): Base => {
    // A base of a period the actor may not see is withheld: missing, as far as they know.
    const b = visible(period) ? resolveValue(env, ind, unit, period) : null;
    return {
      period,
      value: b?.value ?? null,
      changePct: pctChange(v, b?.value ?? null),
      derived: b?.derived ?? false,
    };
  };
  // No figure means nothing reported the whole way up: its coverage is counted all the same.
  const coverage = cur?.coverage ?? coverageOf(env, ind, unit, p, r.reporters);
  const sumBelow =
    cur?.source === 'reported' && r.reporters.some((u) => u.id !== unit.id)
      ? childrenSum(env, ind, unit, p)
      : null;
  const year = periodYear(p);
  return {
    ind,
    unit: unit.code,
    period: p,
    value: v,
    status: cur?.status ?? null,
    basis: cur?.basis ?? null,
    ...(cur?.imputed ? { imputed: cur.imputed } : {}),
    derived: cur?.derived ?? false,
    source: cur?.source ?? null,
    coverage: { expected: r.reporters.length, reported: coverage.reported },
    crossCheck:
      sumBelow === null || v === null
        ? null
        : {
            childrenSum: sumBelow,
            expected: r.reporters.length,
            reported: coverage.reported,
            gap: v - sumBelow,
          },
    previous: prev ? base(prev) : null,
    lastYear: base(ly),
    plan: { year, value: planValue, sharePct: v === null || !planValue ? null : (v / planValue) * 100 },
  };
}

const presentBase = (b: Base) => ({ ...b, period: b.period.id });

/**
 * A comparison as the API gives it: periods by id, the coverage as completeness, and the sentence
 * and words from the one writer (`sentence.ts`) — what the dashboard, the public page and the
 * `compare` route show.
 */
export function presentComparison(c: Comparison): CompareResult {
  const text = comparisonText(c);
  const { expected, reported } = c.coverage;
  return {
    indicator: c.ind.code,
    unit: c.unit,
    period: c.period.id,
    periodLabel: periodLabelVi(c.period),
    value: c.value,
    status: c.status,
    basis: c.basis,
    ...(c.imputed ? { imputed: c.imputed } : {}),
    derived: c.derived,
    source: c.source,
    crossCheck: c.crossCheck,
    previous: c.previous && presentBase(c.previous),
    lastYear: presentBase(c.lastYear),
    plan: c.plan,
    completeness: { expected, reported, pct: expected ? (reported / expected) * 100 : null },
    text: text.vi,
    textEn: text.en,
    words: comparisonWords(c),
  };
}

/**
 * Compares many (indicator, unit, period) triples with one prefetch of the cells and one of the
 * plans — what a report needs. Results come back typed (`Comparison`), in the order asked.
 */
export async function compareFigures(ctx: Ctx, inputs: CompareInput[]): Promise<Comparison[]> {
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
    selectPlanValues(ctx.db.k, {
      indicatorIds: [...new Set(requests.map((r) => r.ind.id))],
      unitIds: [...new Set(requests.map((r) => r.unit.id))],
      years: [...new Set(requests.map((r) => periodYear(r.p)))],
    }),
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

/** `compareFigures`, presented for the API (see `presentComparison`). */
export async function compareMany(ctx: Ctx, inputs: CompareInput[]): Promise<CompareResult[]> {
  return (await compareFigures(ctx, inputs)).map(presentComparison);
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
