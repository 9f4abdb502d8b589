/** Shapes of reporting periods that cross the API (Node-free, shared with the web app). */
import { z } from 'zod';
import { PeriodAbilities } from '../access/policy.ts';
import type { Labels } from '../format/labels.ts';
import { parsePeriod } from './period.ts';

/** Why a period takes no forms: a lock over it, closed by an officer, or it has not ended yet. */
export const ClosedBy = z.enum(['lock', 'admin', 'not_ended']);
export type ClosedBy = z.infer<typeof ClosedBy>;

/** A period's state as a person reads it: open, or why it is closed. */
export const PERIOD_STATE_LABELS: Labels<ClosedBy | 'open'> = {
  open: ['Đang mở', 'Open'],
  lock: ['Đã khóa số liệu', 'Locked'],
  admin: ['Đã đóng', 'Closed'],
  not_ended: ['Chưa hết kỳ', 'Not ended yet'],
};

export const ReportingPeriod = z.object({
  period: z.string(),
  periodLabel: z.string(),
  dueOn: z.string(),
  /** Forms of the period can be filled now (`periods/period-state.ts` decides). */
  open: z.boolean(),
  closedBy: ClosedBy.nullable(),
  /** Its last day has passed. */
  ended: z.boolean(),
  /** Opened before it ended, on purpose, by an administrator. */
  openedEarly: z.boolean(),
  released: z.boolean(),
  /** What the signed-in person may do with it. */
  abilities: PeriodAbilities,
});
export type ReportingPeriod = z.infer<typeof ReportingPeriod>;

/**
 * The reporting period whose forms are due now: of the open periods that have ended (a month is
 * reported in the month after it), the latest; else the earliest open one; else the latest of all.
 * The board and the officers' pages open on it.
 */
export function periodInReporting(periods: ReportingPeriod[]): ReportingPeriod | undefined {
  const open = periods.filter((p) => p.open);
  const ended = open.filter((p) => p.ended);
  const latest = (xs: ReportingPeriod[]) =>
    xs.reduce<ReportingPeriod | undefined>(
      (a, b) => (!a || parsePeriod(b.period).last > parsePeriod(a.period).last ? b : a),
      undefined,
    );
  return (
    latest(ended) ??
    [...open].sort((a, b) => parsePeriod(a.period).last - parsePeriod(b.period).last)[0] ??
    latest(periods)
  );
}
