/**
 * Rule verdicts on an import: the same rules as a form, judged per (unit, period) on the file's
 * values laid over the stored ones, and only for rules that read a value the file brings (an import
 * is not refused for what was already there). Each verdict names the file's row, the field and the
 * rule.
 */
import type { Ctx } from '../context.ts';
import type { FieldError } from '../errors.ts';
import { parsePeriod } from '../periods/period.ts';
import type { UnitGraph } from '../units/unit-graph.ts';
import { ruleApplies } from './rule-check.ts';
import { type UnitPeriod, cellKey, loadCompiledRules, ruleVerdicts } from './rule-verdicts.ts';

/** One value of an import by ids, as validation returns it. */
export interface ImportedValue {
  indicatorId: number;
  unitId: number;
  period: string;
  value: number;
}

/**
 * Errors (which refuse the import) and warnings (which come back with its result) of the rules.
 * `rowOf(i)` is the file's row of `values[i]`; `codeOf` maps indicator ids to codes. Only the values
 * of indicators some rule reads are looked at further (an import of 280,000 values under no rule
 * spent seconds copying each of them only to skip it).
 */
export async function importRuleVerdicts(
  ctx: Ctx,
  graph: UnitGraph,
  values: ImportedValue[],
  rowOf: (i: number) => number,
  codeOf: Map<number, string>,
): Promise<{ errors: FieldError[]; warnings: FieldError[] }> {
  const rules = await loadCompiledRules(ctx);
  const read = new Set(rules.flatMap((r) => r.current));
  const cells = new Map<string, { cell: UnitPeriod; rows: Map<string, number> }>();
  const overlay = new Map<string, number>();
  if (read.size === 0) return { errors: [], warnings: [] };
  const readIds = new Set([...codeOf].filter(([, code]) => read.has(code)).map(([id]) => id));
  for (const [i, iv] of values.entries()) {
    if (!readIds.has(iv.indicatorId)) continue;
    const v = { ...iv, row: rowOf(i), indicator: codeOf.get(iv.indicatorId)! };
    const unit = graph.byId.get(v.unitId);
    if (!unit) continue;
    const key = `${v.unitId}|${v.period}`;
    let c = cells.get(key);
    if (!c) {
      const period = parsePeriod(v.period);
      const cell = { unit, period };
      if (!rules.some((r) => ruleApplies(r, unit.kind, period))) continue;
      c = { cell, rows: new Map() };
      cells.set(key, c);
    }
    c.rows.set(v.indicator, v.row);
    overlay.set(cellKey(v.indicator, v.unitId, v.period), v.value);
  }
  const byCell = new Map([...cells.values()].map((c) => [c.cell, c.rows]));
  const verdicts = await ruleVerdicts(ctx, [...byCell.keys()], {
    overlay,
    rules,
    only: (c) => new Set(byCell.get(c)?.keys()),
  });
  const errors: FieldError[] = [];
  const warnings: FieldError[] = [];
  for (const [cell, list] of verdicts) {
    const rows = byCell.get(cell)!;
    for (const v of list) {
      // Shown on the subject's row when the file has it, else on the first value of the rule it has.
      const at = rows.has(v.subject) ? v.subject : (v.current.find((k) => rows.has(k)) ?? v.subject);
      const row = rows.get(at);
      const where = `${cell.unit.code}, ${cell.period.id}`;
      const e: FieldError = {
        ...(row === undefined ? {} : { row }),
        field: 'value',
        code: v.rule.importance === 'error' ? 'RULE_VIOLATION' : 'RULE_WARNING',
        message: `Dòng ${row}: ${at} (${where}) vi phạm quy tắc "${v.message}"`,
        messageEn: `Row ${row}: ${at} (${where}) breaks rule "${v.messageEn}"`,
      };
      (v.rule.importance === 'error' ? errors : warnings).push(e);
    }
  }
  return { errors, warnings };
}
