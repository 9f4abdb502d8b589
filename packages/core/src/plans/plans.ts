import { inScope, requireAccess } from '../access/access.ts';
import { listIndicators } from '../catalog/indicators.ts';
import type { Ctx } from '../context.ts';
import { BaocaoError, type FieldError } from '../errors.ts';
import { loadUnitGraph } from '../units/unit-graph.ts';
import { writeAudit } from '../audit/audit.ts';
import type { PlanTarget } from '../dashboard/dashboard-schemas.ts';
import { selectPlanTarget, selectPlanTargetsOfYear, upsertPlanTarget } from './plans.queries.ts';

/** Sets annual plan targets per (indicator, unit, year), all or none, each change audited. */
export async function setPlanTargets(ctx: Ctx, items: PlanTarget[]): Promise<number> {
  requireAccess(ctx, 'plan.write');
  const [indicators, graph] = await Promise.all([listIndicators(ctx), loadUnitGraph(ctx.db.k)]);
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const errors: FieldError[] = [];
  const rows = items.flatMap((it, i) => {
    const ind = byCode.get(it.indicator);
    const unit = graph.byCode.get(it.unit);
    const row = i + 1;
    if (!ind)
      errors.push({
        row,
        field: 'indicator',
        code: 'UNKNOWN_INDICATOR',
        message: `Dòng ${row}: không có chỉ tiêu "${it.indicator}"`,
        messageEn: `Row ${row}: unknown indicator "${it.indicator}"`,
      });
    if (!unit)
      errors.push({
        row,
        field: 'unit',
        code: 'UNKNOWN_UNIT',
        message: `Dòng ${row}: không có đơn vị "${it.unit}"`,
        messageEn: `Row ${row}: unknown unit "${it.unit}"`,
      });
    if (!Number.isInteger(it.year) || it.year < 1900 || it.year > 2200)
      errors.push({
        row,
        field: 'year',
        code: 'INVALID_YEAR',
        message: `Dòng ${row}: năm "${it.year}" không hợp lệ`,
        messageEn: `Row ${row}: invalid year "${it.year}"`,
      });
    if (!Number.isFinite(it.value) || it.value < 0)
      errors.push({
        row,
        field: 'value',
        code: 'NOT_A_NUMBER',
        message: `Dòng ${row}: kế hoạch phải là số không âm`,
        messageEn: `Row ${row}: the plan must be a non-negative number`,
      });
    return ind && unit ? [{ ind, unit, it }] : [];
  });
  if (errors.length) {
    throw new BaocaoError(
      'VALIDATION_FAILED',
      `Có ${errors.length} lỗi; không kế hoạch nào được ghi`,
      `${errors.length} error(s); nothing was written`,
      { details: errors },
    );
  }
  await ctx.db.k.transaction().execute(async (trx) => {
    for (const { ind, unit, it } of rows) {
      const key = { indicatorId: ind.id, unitId: unit.id, year: it.year };
      const old = await selectPlanTarget(trx, key);
      if (old && Number(old.value) === it.value) continue;
      await upsertPlanTarget(trx, { ...key, value: it.value, note: it.note ?? null, by: ctx.actor.username });
      await writeAudit(trx, ctx.actor, {
        entity: 'plan_target',
        key: `${ind.code}|${unit.code}|${it.year}`,
        action: old ? 'update' : 'create',
        old: old ? Number(old.value) : undefined,
        new: it.value,
      });
    }
  });
  return rows.length;
}

/** The plan targets of a year (every indicator and unit the reader may see), for reading and editing. */
export async function listPlanTargets(ctx: Ctx, input: { year: number }): Promise<PlanTarget[]> {
  requireAccess(ctx, 'value.read');
  const rows = await selectPlanTargetsOfYear(ctx.db.k, input.year);
  // A unit-scoped reader sees the targets of its own subtree only.
  const graph = await loadUnitGraph(ctx.db.k);
  const mine = (code: string) => {
    const u = graph.byCode.get(code);
    return u !== undefined && inScope(ctx.actor, u.id, graph.ancestorsOf);
  };
  return rows.filter((r) => mine(r.unit)).map((r) => ({ ...r, value: Number(r.value) }));
}
