import { requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { BaocaoError } from '../errors.ts';
import { calendarDates, parsePeriod } from './period.ts';
import { periodLabelVi } from './period-text.ts';
import type { ReportingPeriod } from './period-schemas.ts';
import { selectReportingPeriods } from './periods.queries.ts';

/** The 15th of the month after the period ends (Thông tư 02/2023/TT-BTTTT, units to departments). */
export function defaultDueOn(period: string): string {
  const end = new Date(`${calendarDates(parsePeriod(period)).end}T00:00:00Z`);
  return new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 15)).toISOString().slice(0, 10);
}

/** Every reporting period, newest first, with its deadline and whether its data is public. */
export async function listReportingPeriods(ctx: Ctx): Promise<ReportingPeriod[]> {
  const rows = await selectReportingPeriods(ctx.db.k);
  return rows.map((r) => ({
    period: r.period,
    periodLabel: periodLabelVi(parsePeriod(r.period)),
    dueOn: r.due_on,
    closed: r.closed,
    released: r.released_at !== null,
  }));
}

/**
 * Opens a period for reporting (units see its form) with a deadline, by default the 15th of the
 * next month; or changes the deadline, or closes it (no more edits). Audited.
 */
export async function openReportingPeriod(
  ctx: Ctx,
  input: { period: string; dueOn?: string | null; closed?: boolean },
): Promise<ReportingPeriod[]> {
  requireAccess(ctx, 'period.lock');
  const p = parsePeriod(input.period);
  const dueOn = input.dueOn ?? defaultDueOn(p.id);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dueOn) || Number.isNaN(Date.parse(dueOn))) {
    throw new BaocaoError(
      'INVALID_DATE',
      `Hạn nộp "${dueOn}" không phải ngày (YYYY-MM-DD)`,
      `Due date "${dueOn}" is not a date`,
    );
  }
  await ctx.db.k.transaction().execute(async (trx) => {
    const values = { due_on: dueOn, closed: input.closed ?? false };
    await trx
      .insertInto('reporting_period')
      .values({ period: p.id, ...values, opened_by: ctx.actor.username })
      .onConflict((oc) => oc.column('period').doUpdateSet(values))
      .execute();
    await writeAudit(trx, ctx.actor, { entity: 'reporting_period', key: p.id, action: 'open', new: values });
  });
  return listReportingPeriods(ctx);
}
