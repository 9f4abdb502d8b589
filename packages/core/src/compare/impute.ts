import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';
import { type Period, periodLength, shiftPeriod } from '../periods/period.ts';
import type { FigureStatus, Imputed, Indicator, Unit } from '../schemas.ts';
import { unitCovers, unitSpan } from '../units/unit-graph.ts';
import { cellKey } from './cells.queries.ts';
import { expectedReporters, unitClosure } from './coverage.ts';
import { STOCK_LOOKBACK, imputeMissing } from './impute-method.ts';
import { loadImputeCells } from './impute.queries.ts';
import { type Figure, type ResolveEnv, periodClosure, resolveValue, subPeriods } from './resolve.ts';

/**
 * Non-response imputation of aggregates ("ước tính bù"). A national or regional figure summed from
 * the units that reported while others that must report have not (`partial`) is completed with an
 * estimate of each missing unit (see `imputeMissing`: a flow's same period last year, a stock's last
 * value, times the reporters' change). It is computed when the figure is read, from the values as
 * they are: the moment a missing unit reports, its value replaces its estimate. A figure whose
 * missing units cannot all be estimated (no history) stays partial.
 */

/** A figure as shown, imputed or not. */
export interface ShownFigure extends Omit<Figure, 'status'> {
  status: FigureStatus;
  imputed?: Imputed;
}

/** One figure to complete: what was asked and what resolution gave. */
export interface ImputeAsk {
  ind: Indicator;
  unit: Unit;
  p: Period;
  fig: Figure | null;
}

/** A period at which the figure is a rollup of reported values: where missing units are estimated. */
interface Leaf {
  ind: Indicator;
  unit: Unit;
  q: Period;
}

/**
 * The periods at which a figure sums what the units below reported, as `resolveValue` walks it: the
 * period itself when its rollup is read, else a flow's parts or a stock's last part. Null when the
 * figure is built some other way (a value entered for the unit, or predecessors before the unit
 * existed): it is not imputed.
 */
function leavesOf(env: ResolveEnv, ind: Indicator, unit: Unit, p: Period): Period[] | null {
  const key = cellKey(ind.id, unit.id, p.id);
  if (env.cells.direct.has(key)) return [];
  if (unitCovers(unit, p) && env.cells.rollup.has(key)) return [p];
  if (p.last < unitSpan(unit).first) return null;
  const subs = subPeriods(p);
  if (subs.length === 0) return null;
  if (ind.kind === 'stock') return leavesOf(env, ind, unit, subs[subs.length - 1]!);
  const parts = subs.map((s) => leavesOf(env, ind, unit, s));
  return parts.some((x) => x === null) ? null : parts.flatMap((x) => x!);
}

/** The bases an estimate at `q` may rest on: a flow's same period last year; a stock's previous periods. */
function basesOf(ind: Indicator, q: Period): Period[] {
  const len = periodLength(q);
  if (ind.kind === 'flow') return [shiftPeriod(q, -12)];
  return Array.from({ length: STOCK_LOOKBACK }, (_, i) => shiftPeriod(q, -len * (i + 1)));
}

/** Whether a figure is one imputation completes: a partial sum of an additive flow or stock. */
const wanted = (a: ImputeAsk): boolean =>
  a.fig !== null &&
  a.fig.status === 'partial' &&
  a.fig.source === 'aggregated' &&
  a.ind.acrossUnits === 'sum' &&
  a.ind.kind !== 'ratio' &&
  !!a.ind.reportingKind;

/**
 * The figures asked, each completed where it can be: a partial sum becomes `imputed`, its value the
 * sum of the reported values and the estimates, its `imputed` part saying how many units and what
 * share; every other figure is returned as it was. One read of the missing units' histories for
 * all the figures asked (`loadImputeCells`).
 */
export async function imputeFigures(
  db: Kysely<Schema>,
  env: ResolveEnv,
  asks: ImputeAsk[],
): Promise<(ShownFigure | null)[]> {
  const plans = asks.map((a) => (wanted(a) ? leavesOf(env, a.ind, a.unit, a.p) : null));
  const leaves = new Map<string, Leaf>();
  asks.forEach((a, i) => {
    for (const q of plans[i] ?? []) leaves.set(cellKey(a.ind.id, a.unit.id, q.id), { ...a, q });
  });
  if (leaves.size === 0) return asks.map((a) => a.fig);
  const reporters = new Map<number, Unit>();
  const periods = new Set<string>();
  for (const l of leaves.values()) {
    for (const u of expectedReporters(env.graph, l.ind, l.unit, l.q))
      for (const c of unitClosure(env.graph, u)) reporters.set(c.id, c);
    for (const p of [l.q, ...basesOf(l.ind, l.q)]) for (const c of periodClosure(p)) periods.add(c.id);
  }
  const cells = await loadImputeCells(
    db,
    [...new Set([...leaves.values()].map((l) => l.ind.id))],
    [...reporters.keys()],
    [...periods],
  );
  const part: ResolveEnv = { ...env, cells, coverage: new Map() };
  const byLeaf = new Map([...leaves].map(([k, l]) => [k, estimateLeaf(part, l)]));
  return asks.map((a, i) => {
    const qs = plans[i];
    if (!a.fig || !qs || qs.length === 0) return a.fig;
    const results = qs.map((q) => byLeaf.get(cellKey(a.ind.id, a.unit.id, q.id))!);
    // Complete only when every missing unit of every part has an estimate.
    if (results.some((r) => r.missing > 0)) return a.fig;
    const value = results.reduce((s, r) => s + r.value, 0);
    const codes = [...new Set(results.flatMap((r) => r.codes))].sort();
    if (codes.length === 0) return a.fig;
    const total = a.fig.value + value;
    const imputed: Imputed = {
      units: codes.length,
      expected: a.fig.coverage.expected,
      unitCodes: codes,
      value,
      sharePct: total === 0 ? 0 : (Math.abs(value) / Math.abs(total)) * 100,
    };
    return { ...a.fig, value: total, status: 'imputed', imputed };
  });
}

/** The estimates of the units missing at one leaf: their sum, their codes, and how many could not be estimated. */
function estimateLeaf(env: ResolveEnv, l: Leaf): { value: number; codes: string[]; missing: number } {
  const bases = basesOf(l.ind, l.q);
  const units = expectedReporters(env.graph, l.ind, l.unit, l.q).map((u) => ({
    unit: u.code,
    current: resolveValue(env, l.ind, u, l.q)?.value ?? null,
    bases: bases.map((b) => resolveValue(env, l.ind, u, b)?.value ?? null),
  }));
  const { estimates, missing } = imputeMissing(units);
  return {
    value: estimates.reduce((s, e) => s + e.value, 0),
    codes: estimates.map((e) => e.unit),
    missing: missing.length,
  };
}
