import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';
import type { FieldError } from '../errors.ts';
import { BaocaoError } from '../errors.ts';
import { type Period, parsePeriod } from './period.ts';
import { selectClosedReportingPeriods, selectPeriodLocks } from './periods.queries.ts';

/** A span no value may be written in: a locked period (`baocao lock`) or a closed reporting period. */
export interface ClosedSpan {
  period: string;
  first: number;
  last: number;
  by: 'lock' | 'closed';
}

/** Every closed span: the one list every writer consults (values, imports, forms, feeds). */
export async function loadClosedSpans(db: Kysely<Schema>): Promise<ClosedSpan[]> {
  const [locks, closed] = await Promise.all([selectPeriodLocks(db), selectClosedReportingPeriods(db)]);
  return [
    ...locks.map((l): ClosedSpan => ({
      period: l.period,
      first: l.first_month,
      last: l.last_month,
      by: 'lock',
    })),
    ...closed.map((c): ClosedSpan => {
      const p = parsePeriod(c.period);
      return { period: p.id, first: p.first, last: p.last, by: 'closed' };
    }),
  ];
}

/** The closed span `p` touches, if any: a period is writable only when it touches none. */
export const closedSpanOf = (spans: ClosedSpan[], p: Period): ClosedSpan | undefined =>
  spans.find((s) => s.first <= p.last && p.first <= s.last);

/** Whether values of `p` may be written. */
export const isPeriodWritable = (spans: ClosedSpan[], p: Period): boolean =>
  closedSpanOf(spans, p) === undefined;

const texts = (p: Period, s: ClosedSpan) => ({
  vi: `kỳ ${p.id} đã đóng (${s.by === 'lock' ? `khóa ${s.period}` : `kỳ báo cáo ${s.period} đã đóng`}); đề nghị cán bộ tổng hợp mở lại nếu cần sửa`,
  en: `period ${p.id} is closed (${s.by === 'lock' ? `lock ${s.period}` : `reporting period ${s.period} closed`}); ask a synthesis officer to reopen it`,
});

/** The row error for a value in a closed period. */
export function periodClosedRow(row: number, p: Period, s: ClosedSpan): FieldError {
  const t = texts(p, s);
  return {
    row,
    field: 'period',
    code: 'PERIOD_CLOSED',
    message: `Dòng ${row}: ${t.vi}`,
    messageEn: `Row ${row}: ${t.en}`,
  };
}

/** The error for a write (a form save) into a closed period. */
export function periodClosed(p: Period, s: ClosedSpan): BaocaoError {
  const t = texts(p, s);
  return new BaocaoError('PERIOD_CLOSED', `Không sửa được: ${t.vi}`, `Cannot change it: ${t.en}`, {
    status: 409,
  });
}
