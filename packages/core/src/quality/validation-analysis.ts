/**
 * Validation analysis: every broken rule for a period over a part of the unit tree, filterable and
 * exportable, for officers before release; `ruleErrorsBlockingRelease` is the release gate's view.
 */
import { requireAccess } from '../access/access.ts';
import type { Ctx } from '../context.ts';
import { type TableFormat, serializeTable } from '../format/table-file.ts';
import { parsePeriod } from '../periods/period.ts';
import { loadUnitGraph, unitCovers } from '../units/unit-graph.ts';
import { unknownUnit } from '../units/units.ts';
import { z } from 'zod';
import { selectPeriodDrafts } from './analysis.queries.ts';
import { ruleVerdicts } from './rule-verdicts.ts';
import { AnalysisInput, type ValidationAnalysis, type Violation } from './rule-schemas.ts';

/** The explanations in a stored draft (parsed rather than trusted; the draft's shape is the forms'). */
const explanationsOf = (d: unknown) =>
  z
    .array(z.object({ indicator: z.string(), explanation: z.string().nullish() }))
    .catch([])
    .parse(d ?? []);

/** The violations of a period below (and at) a unit, without an access check (callers have checked). */
async function findViolations(ctx: Ctx, input: AnalysisInput): Promise<ValidationAnalysis> {
  const q = AnalysisInput.parse(input);
  const p = parsePeriod(q.period);
  const graph = await loadUnitGraph(ctx.db.k);
  const root = graph.byCode.get(q.unit);
  if (!root) throw unknownUnit(q.unit);
  const units = [...graph.byId.values()]
    .filter((u) => graph.ancestorsOf(u.id).includes(root.id) && unitCovers(u, p))
    .sort((a, b) => a.code.localeCompare(b.code));
  const [verdicts, submissions] = await Promise.all([
    ruleVerdicts(
      ctx,
      units.map((unit) => ({ unit, period: p })),
    ),
    selectPeriodDrafts(ctx.db.k, p.id),
  ]);
  // The reporters' explanations, kept with each submitted value: the officer reads why beside the verdict.
  const explained = new Map<string, string>();
  for (const s of submissions)
    for (const d of explanationsOf(s.draft))
      if (d.explanation?.trim()) explained.set(`${s.unit_id}|${d.indicator}`, d.explanation.trim());
  const violations: Violation[] = [];
  for (const [cell, list] of verdicts)
    for (const v of list) {
      if (q.importance && v.rule.importance !== q.importance) continue;
      if (q.rule && v.rule.code !== q.rule) continue;
      if (q.indicator && !v.current.includes(q.indicator) && v.subject !== q.indicator) continue;
      violations.push({
        unit: cell.unit.code,
        unitName: cell.unit.nameVi,
        period: p.id,
        rule: v.rule.code,
        ruleVersion: v.rule.version,
        nameVi: v.rule.nameVi,
        nameEn: v.rule.nameEn,
        importance: v.rule.importance,
        indicator: v.subject,
        operator: v.rule.operator,
        left: v.left,
        right: v.right,
        message: v.message,
        messageEn: v.messageEn,
        explanation: explained.get(`${cell.unit.id}|${v.subject}`) ?? null,
      });
    }
  return {
    period: p.id,
    unit: root.code,
    violations,
    counts: {
      error: violations.filter((v) => v.importance === 'error').length,
      warning: violations.filter((v) => v.importance === 'warning').length,
      units: new Set(violations.map((v) => v.unit)).size,
    },
  };
}

/** Every broken rule of a period at a unit and below it (officers; a unit's people see their own). */
export async function validationAnalysis(ctx: Ctx, input: AnalysisInput): Promise<ValidationAnalysis> {
  const graph = await loadUnitGraph(ctx.db.k);
  const root = graph.byCode.get(AnalysisInput.parse(input).unit);
  if (!root) throw unknownUnit(String(input.unit));
  requireAccess(ctx, 'value.read', { unitIds: [root.id], ancestorsOf: graph.ancestorsOf });
  return findViolations(ctx, input);
}

const COLUMNS = [
  'unit',
  'unitName',
  'period',
  'rule',
  'ruleVersion',
  'nameVi',
  'importance',
  'indicator',
  'operator',
  'left',
  'right',
  'message',
  'explanation',
] as const satisfies readonly (keyof Violation)[];

/** The analysis as a file (CSV for a spreadsheet, XLSX or JSON), one line per violation. */
export async function exportValidationAnalysis(
  ctx: Ctx,
  input: AnalysisInput & { format?: TableFormat },
): Promise<Buffer> {
  const a = await validationAnalysis(ctx, input);
  return serializeTable(COLUMNS, a.violations, input.format ?? 'csv', {
    json: 'violations',
    sheet: 'Vi phạm quy tắc',
    headers: {
      unit: 'Mã đơn vị',
      unitName: 'Đơn vị',
      period: 'Kỳ',
      rule: 'Mã quy tắc',
      ruleVersion: 'Phiên bản',
      nameVi: 'Quy tắc',
      importance: 'Mức độ',
      indicator: 'Chỉ tiêu',
      operator: 'Phép so sánh',
      left: 'Vế trái',
      right: 'Vế phải',
      message: 'Nội dung',
      explanation: 'Giải trình',
    },
  });
}

/** The error violations anywhere in the country for a period: what refuses a release. */
export async function ruleErrorsBlockingRelease(ctx: Ctx, period: string): Promise<Violation[]> {
  return (await findViolations(ctx, { period, importance: 'error' })).violations;
}
