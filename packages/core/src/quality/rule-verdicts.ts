/**
 * Rule verdicts over many units and periods at once: one read of the stored values they need (the
 * period, the one before, the same one last year), with values not yet stored (a form's draft, an
 * import's rows) laid over them.
 */
import type { Ctx } from '../context.ts';
import { type Period, previousPeriod, samePeriodLastYear } from '../periods/period.ts';
import type { Unit } from '../schemas.ts';
import { type CompiledRule, type RuleVerdict, checkRule, compileRule, ruleApplies } from './rule-check.ts';
import type { Shift } from './rule-expr.ts';
import { activeRules } from './rules.ts';
import { selectUnitValues } from './rules.queries.ts';

/** The key of one value among a batch's: indicator code, unit id, period id. */
export const cellKey = (code: string, unitId: number, period: string) => `${code}|${unitId}|${period}`;

/** The period a reference reads from a rule's period. */
export function shifted(p: Period, shift: Shift): Period | null {
  if (shift === 'current') return p;
  if (shift === 'previous') return previousPeriod(p);
  return samePeriodLastYear(p);
}

/** The active rules, compiled. */
export const loadCompiledRules = async (ctx: Ctx): Promise<CompiledRule[]> =>
  (await activeRules(ctx)).map(compileRule);

export interface UnitPeriod {
  unit: Unit;
  period: Period;
}

/**
 * Every broken rule of each (unit, period): rules that apply to the unit's kind and the period's
 * type, over stored values with `overlay` (keys by {@link cellKey}) taking precedence. `only` keeps
 * the rules that read at least one of a cell's given indicators (an import is judged on what it
 * touches, not on what was there before).
 */
export async function ruleVerdicts(
  ctx: Ctx,
  cells: UnitPeriod[],
  opts: { overlay?: Map<string, number>; rules?: CompiledRule[]; only?: (c: UnitPeriod) => Set<string> } = {},
): Promise<Map<UnitPeriod, RuleVerdict[]>> {
  const rules = opts.rules ?? (await loadCompiledRules(ctx));
  const periods = new Set<string>();
  for (const c of cells)
    for (const s of ['current', 'previous', 'last_year'] as const) {
      const p = shifted(c.period, s);
      if (p) periods.add(p.id);
    }
  const stored = new Map<string, number>();
  const unitIds = [...new Set(cells.map((c) => c.unit.id))];
  // Bounded batches: analysis over a whole tree reads many units.
  for (let i = 0; i < unitIds.length; i += 500) {
    for (const v of await selectUnitValues(ctx.db.k, {
      unitIds: unitIds.slice(i, i + 500),
      periods: [...periods],
    }))
      stored.set(cellKey(v.indicator, v.unitId, v.period), v.value);
  }
  const out = new Map<UnitPeriod, RuleVerdict[]>();
  for (const c of cells) {
    const get = (code: string, shift: Shift) => {
      const p = shifted(c.period, shift);
      if (!p) return null;
      const k = cellKey(code, c.unit.id, p.id);
      return opts.overlay?.get(k) ?? stored.get(k) ?? null;
    };
    const touched = opts.only?.(c);
    const verdicts: RuleVerdict[] = [];
    for (const r of rules) {
      if (!ruleApplies(r, c.unit.kind, c.period)) continue;
      if (touched && !r.current.some((code) => touched.has(code))) continue;
      const v = checkRule(r, get);
      if (v) verdicts.push(v);
    }
    out.set(c, verdicts);
  }
  return out;
}
