import { requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { BaocaoError } from '../errors.ts';
import { formatDateVi, parseIsoDate } from '../format/date.ts';
import { calendarDates, parsePeriod } from './period.ts';
import { periodLabelVi } from './period-text.ts';
import type { ReportingPeriod } from './period-schemas.ts';
import { loadPeriodWorld, periodFacts, reportingPeriodOf } from './period-state.ts';
import { selectReportingPeriod, selectReportingPeriods, upsertReportingPeriod } from './periods.queries.ts';

/** The 15th of the month after the period ends (Thông tư 02/2023/TT-BTTTT, units to departments). */
export function defaultDueOn(period: string): string {
  const end = new Date(`${calendarDates(parsePeriod(period)).end}T00:00:00Z`);
  return new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 15)).toISOString().slice(0, 10);
}

/** Every reporting period, newest first: its deadline, its state and what the person may do with it. */
export async function listReportingPeriods(ctx: Ctx): Promise<ReportingPeriod[]> {
  const [rows, world] = await Promise.all([selectReportingPeriods(ctx.db.k), loadPeriodWorld(ctx.db.k)]);
  return rows.map((r) => reportingPeriodOf(ctx.actor, world, r));
}

/**
 * Opens a period for reporting (units see its form) with a deadline, by default the 15th of the
 * next month; or changes the deadline, or closes it (no more edits). Audited. A period that has not
 * ended is opened only with `early` (an administrator's deliberate choice, kept on the period); a
 * deadline before the period's last day is refused.
 */
export async function openReportingPeriod(
  ctx: Ctx,
  input: { period: string; dueOn?: string | null; closed?: boolean; early?: boolean },
): Promise<ReportingPeriod[]> {
  requireAccess(ctx, 'period.open');
  const p = parsePeriod(input.period);
  const dueOn = input.dueOn ? parseIsoDate(input.dueOn, { vi: 'Hạn nộp', en: 'dueOn' }) : defaultDueOn(p.id);
  const { end } = calendarDates(p);
  if (dueOn < end)
    throw new BaocaoError(
      'DUE_BEFORE_END',
      `Hạn nộp ${formatDateVi(dueOn)} trước ngày kết thúc ${periodLabelVi(p)} (${formatDateVi(end)}); hạn nộp phải từ ngày ${formatDateVi(end)} trở đi`,
      `Deadline ${dueOn} is before ${p.id} ends (${end})`,
      {
        details: [
          {
            field: 'dueOn',
            code: 'DUE_BEFORE_END',
            message: `Hạn nộp trước ngày kết thúc kỳ (${formatDateVi(end)})`,
            messageEn: `Deadline before the period ends (${end})`,
          },
        ],
      },
    );
  const closed = input.closed ?? false;
  const [existing, world] = await Promise.all([
    selectReportingPeriod(ctx.db.k, p.id),
    loadPeriodWorld(ctx.db.k),
  ]);
  const early = input.early ?? existing?.opened_early ?? false;
  if (!closed && !early && !periodFacts(world, p).ended)
    throw new BaocaoError(
      'PERIOD_NOT_ENDED',
      `Kỳ ${periodLabelVi(p)} chưa kết thúc (hết ngày ${formatDateVi(end)}); chỉ mở sau ngày đó, hoặc chọn "mở sớm" nếu cố ý cho báo cáo trước`,
      `Period ${p.id} has not ended (it ends on ${end}); open it after that, or choose "open early" on purpose`,
      { status: 409 },
    );
  await ctx.db.k.transaction().execute(async (trx) => {
    const values = { due_on: dueOn, closed, opened_early: early };
    await upsertReportingPeriod(trx, { period: p.id, ...values, opened_by: ctx.actor.username });
    await writeAudit(trx, ctx.actor, {
      entity: 'reporting_period',
      key: p.id,
      action: closed ? 'close' : existing ? 'update' : early ? 'open_early' : 'open',
      ...(existing
        ? { old: { due_on: existing.due_on, closed: existing.closed, opened_early: existing.opened_early } }
        : {}),
      new: values,
    });
  });
  return listReportingPeriods(ctx);
}
