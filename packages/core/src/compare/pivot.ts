import { requireAccess } from '../access/access.ts';
import { listIndicators, unknownIndicator } from '../catalog/indicators.ts';
import type { Ctx } from '../context.ts';
import { parsePeriod } from '../periods/period.ts';
import type { Indicator } from '../schemas.ts';
import { loadUnitGraph } from '../units/unit-graph.ts';
import { unknownUnit } from '../units/units.ts';
import { loadResolveEnv } from './env.ts';
import { resolveValue } from './resolve.ts';

/** One cell of a pivot: null value means the data does not support one. */
export interface PivotCell {
  indicator: string;
  unit: string;
  period: string;
  value: number | null;
  status: 'estimate' | 'official' | null;
  source: 'reported' | 'aggregated' | 'computed' | null;
}

/**
 * Values for every combination of indicators × units × periods (each unit with its subtree and
 * predecessors), from one prefetch of reported values and rollups.
 */
export async function pivotValues(
  ctx: Ctx,
  input: { indicators: string[]; units: string[]; periods: string[] },
): Promise<PivotCell[]> {
  const [indicators, graph] = await Promise.all([listIndicators(ctx), loadUnitGraph(ctx.db.k)]);
  const byCode = new Map(indicators.map((i): [string, Indicator] => [i.code, i]));
  const inds = input.indicators.map((c) => byCode.get(c.toUpperCase()) ?? throwIt(unknownIndicator(c)));
  const units = input.units.map((c) => graph.byCode.get(c.toUpperCase()) ?? throwIt(unknownUnit(c)));
  requireAccess(ctx, 'value.read', { unitIds: units.map((u) => u.id), ancestorsOf: graph.ancestorsOf });
  const periods = input.periods.map(parsePeriod);
  const env = await loadResolveEnv(ctx.db.k, graph, byCode, { inds, units, periods });
  const out: PivotCell[] = [];
  for (const ind of inds) {
    for (const unit of units) {
      for (const p of periods) {
        const r = resolveValue(env, ind, unit, p);
        out.push({
          indicator: ind.code,
          unit: unit.code,
          period: p.id,
          value: r?.value ?? null,
          status: r?.status ?? null,
          source: r?.source ?? null,
        });
      }
    }
  }
  return out;
}

function throwIt(e: Error): never {
  throw e;
}
