import { requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.ts';
import { listIndicators } from '../catalog/indicators.ts';
import { compareMany } from '../compare/compare.ts';
import type { Ctx } from '../context.ts';
import { BaocaoError } from '../errors.ts';
import { parsePeriod } from '../periods/period.ts';
import { periodLabelVi } from '../periods/period-text.ts';
import { ruleErrorsBlockingRelease } from '../quality/validation-analysis.ts';
import { insertRelease, selectIndicatorsReportedWithin } from './releases.queries.ts';

/** The national figures of a period that are partial: some units that must report have not. */
export async function partialFigures(
  ctx: Ctx,
  period: string,
): Promise<{ indicator: string; reported: number; expected: number }[]> {
  const p = parsePeriod(period);
  const reported = await selectIndicatorsReportedWithin(ctx.db.k, p.first, p.last);
  const ids = new Set(reported.map((r) => r.indicator_id));
  const inds = (await listIndicators(ctx)).filter((i) => i.reportingKind && ids.has(i.id));
  const results = await compareMany(
    ctx,
    inds.map((i) => ({ indicator: i.code, unit: 'VN', period: p.id })),
  );
  return (
    results
      // An imputed figure is still incomplete: units that must report have not (its estimate says so).
      .filter((r) => r.status === 'partial' || r.status === 'imputed')
      .map((r) => ({
        indicator: r.indicator,
        reported: r.completeness.reported,
        expected: r.completeness.expected,
      }))
  );
}

/**
 * Makes a period's figures public (the public pages and API). Refused while a national figure of the
 * period is partial — naming each with its coverage — or while a validation rule of importance
 * `error` is broken anywhere (validation analysis, naming unit and rule), unless an officer
 * overrides with a reason; the override is audited with what it overrode, and partial figures stay
 * marked partial wherever they are shown.
 */
export async function releasePeriod(
  ctx: Ctx,
  input: { period: string; force?: boolean; reason?: string | null },
): Promise<{
  period: string;
  partial: { indicator: string; reported: number; expected: number }[];
  ruleErrors: number;
}> {
  requireAccess(ctx, 'data.release');
  const p = parsePeriod(input.period);
  const partial = await partialFigures(ctx, p.id);
  const reason = input.reason?.trim() ?? '';
  // People read the indicators' names, not their codes (the code stays in `field`).
  const names = new Map((await listIndicators(ctx)).map((i) => [i.code, i]));
  if (partial.length > 0 && !(input.force && reason))
    throw new BaocaoError(
      'PARTIAL_FIGURES',
      `Chưa công bố được số liệu ${periodLabelVi(p)}: ${partial.length} số liệu cả nước chưa đầy đủ; công bố vẫn được nếu ghi lý do (số liệu sẽ được ghi rõ là chưa đầy đủ)`,
      `Cannot release ${p.id}: ${partial.length} national figure(s) are partial; release anyway only with a reason (they stay marked partial)`,
      {
        status: 409,
        details: partial.map((f) => ({
          field: f.indicator,
          code: 'PARTIAL_FIGURE',
          message: `${names.get(f.indicator)?.nameVi ?? f.indicator}: mới có ${f.reported}/${f.expected} đơn vị báo cáo`,
          messageEn: `${names.get(f.indicator)?.nameEn ?? f.indicator}: ${f.reported} of ${f.expected} units reported`,
        })),
      },
    );
  const ruleErrors = await ruleErrorsBlockingRelease(ctx, p.id);
  if (ruleErrors.length > 0 && !(input.force && reason))
    throw new BaocaoError(
      'RULE_ERRORS',
      `Chưa công bố được số liệu ${periodLabelVi(p)}: còn ${ruleErrors.length} lỗi theo quy tắc kiểm tra (xem phân tích kiểm tra); công bố vẫn được nếu ghi lý do`,
      `Cannot release ${p.id}: ${ruleErrors.length} validation rule error(s) remain (see the validation analysis); release anyway only with a reason`,
      {
        status: 409,
        details: ruleErrors.map((v) => ({
          field: v.indicator,
          code: 'RULE_VIOLATION',
          message: `${v.unitName} (${v.unit}): ${v.message}`,
          messageEn: `${v.unit}: ${v.messageEn}`,
        })),
      },
    );
  await ctx.db.k.transaction().execute(async (trx) => {
    await insertRelease(trx, {
      period: p.id,
      first_month: p.first,
      last_month: p.last,
      released_by: ctx.actor.username,
    });
    await writeAudit(trx, ctx.actor, {
      entity: 'data_release',
      key: p.id,
      action: ruleErrors.length ? 'release_with_errors' : partial.length ? 'release_partial' : 'release',
      ...(partial.length || ruleErrors.length
        ? {
            new: {
              partial,
              ruleErrors: ruleErrors.map((v) => ({ unit: v.unit, rule: v.rule, version: v.ruleVersion })),
            },
          }
        : {}),
      reason: reason || null,
    });
  });
  ctx.log.info(
    { period: p.id, by: ctx.actor.username, partial: partial.length, ruleErrors: ruleErrors.length },
    'period released',
  );
  return { period: p.id, partial, ruleErrors: ruleErrors.length };
}
