/**
 * The state of a reporting period — open or closed and why, ended, released — decided here once and
 * read by every reader: the period list, the board, forms, the web (through the API answers). No
 * other file works out whether a period is open.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../context.ts';
import type { Schema } from '../db/schema.ts';
import { BaocaoError } from '../errors.ts';
import { formatDateVi } from '../format/date.ts';
import { periodAbilities } from '../access/policy.ts';
import { type Period, calendarDates, monthIndexOfDate, parsePeriod } from './period.ts';
import { periodLabelVi } from './period-text.ts';
import { type ClosedSpan, closedSpanOf, loadClosedSpans, periodClosed } from './period-rule.ts';
import type { ClosedBy, ReportingPeriod } from './period-schemas.ts';
import { selectReleasedSpans } from './periods.queries.ts';
import { coveredBy } from './visibility.ts';
import { todayInVietnam } from '../format/date.ts';

export { todayInVietnam };

/** What the state of any period is decided from: the closed spans, the released spans, today. */
export interface PeriodWorld {
  spans: ClosedSpan[];
  released: { first_month: number; last_month: number }[];
  today: string;
}

/** Reads the closed and released spans once, for as many periods as a page shows. */
export async function loadPeriodWorld(db: Kysely<Schema>, today = todayInVietnam()): Promise<PeriodWorld> {
  const [spans, released] = await Promise.all([loadClosedSpans(db), selectReleasedSpans(db)]);
  return { spans, released, today };
}

/** The state of a period, as every reader shows it. */
export interface PeriodFacts {
  /** Forms of the period can be filled and changed now. */
  open: boolean;
  /** Why not: a lock over it, closed by an officer, or its last day has not passed (and nobody opened it early). */
  closedBy: ClosedBy | null;
  /** Its last day has passed (in Vietnam). */
  ended: boolean;
  /** An administrator opened it before it ended, on purpose. */
  openedEarly: boolean;
  /** Its figures are public (a released period covers every month of it). */
  released: boolean;
  /** The closed span behind `closedBy` lock or admin, for the refusal's words. */
  span: ClosedSpan | undefined;
}

/** The state of period `p`, reported for forms when `openedEarly` (its reporting period's flag). */
export function periodFacts(world: PeriodWorld, p: Period, openedEarly = false): PeriodFacts {
  const span = closedSpanOf(world.spans, p);
  const ended = p.last < monthIndexOfDate(world.today);
  const closedBy: ClosedBy | null = span
    ? span.by === 'lock'
      ? 'lock'
      : 'admin'
    : !ended && !openedEarly
      ? 'not_ended'
      : null;
  return {
    open: closedBy === null,
    closedBy,
    ended,
    openedEarly,
    released: coveredBy(world.released, p),
    span,
  };
}

/** The refusal of a write into a period that is not open, naming why. */
export function periodNotOpen(p: Period, f: PeriodFacts): BaocaoError {
  if (f.span) return periodClosed(p, f.span);
  const end = formatDateVi(calendarDates(p).end);
  return new BaocaoError(
    'PERIOD_NOT_ENDED',
    `Kỳ ${periodLabelVi(p)} chưa kết thúc (hết ngày ${end}); chỉ báo cáo được sau ngày đó, trừ khi quản trị mở sớm kỳ này`,
    `Period ${p.id} has not ended (it ends on ${calendarDates(p).end}); forms open after that unless an administrator opens it early`,
    { status: 409 },
  );
}

/** One reporting period as the API answers it: its state and what the person may do with it. */
export function reportingPeriodOf(
  actor: Actor,
  world: PeriodWorld,
  row: { period: string; due_on: string; opened_early: boolean },
): ReportingPeriod {
  const p = parsePeriod(row.period);
  const f = periodFacts(world, p, row.opened_early);
  return {
    period: p.id,
    periodLabel: periodLabelVi(p),
    dueOn: row.due_on,
    open: f.open,
    closedBy: f.closedBy,
    ended: f.ended,
    openedEarly: f.openedEarly,
    released: f.released,
    abilities: periodAbilities(actor.role, f),
  };
}
