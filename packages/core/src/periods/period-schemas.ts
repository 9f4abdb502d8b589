/** Shapes of reporting periods that cross the API (Node-free, shared with the web app). */
import { z } from 'zod';
import { monthIndexOfDate, parsePeriod } from './period.ts';

export const ReportingPeriod = z.object({
  period: z.string(),
  periodLabel: z.string(),
  dueOn: z.string(),
  closed: z.boolean(),
  released: z.boolean(),
});
export type ReportingPeriod = z.infer<typeof ReportingPeriod>;

/**
 * The reporting period whose forms are due now: of the open periods that have ended by `today`
 * (a month is reported in the month after it), the latest; else the earliest open one; else the
 * latest of all. The board and the officers' pages open on it.
 */
export function periodInReporting(periods: ReportingPeriod[], today: string): ReportingPeriod | undefined {
  const now = monthIndexOfDate(today);
  const open = periods.filter((p) => !p.closed);
  const ended = open.filter((p) => parsePeriod(p.period).last < now);
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
