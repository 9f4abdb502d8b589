import { BaocaoError } from '../errors.ts';
import { IsoDate } from '../schemas.ts';

/**
 * Reads a date field (YYYY-MM-DD) strictly through the one date parser (`IsoDate`): a day the
 * calendar lacks (2024-02-30) or a month 99 is refused with INVALID_DATE naming the field.
 */
export function parseIsoDate(text: string, field: { vi: string; en: string }): string {
  const r = IsoDate.safeParse(text.trim());
  if (r.success) return r.data;
  throw new BaocaoError(
    'INVALID_DATE',
    `${field.vi} "${text}" không phải một ngày có thật (YYYY-MM-DD)`,
    `${field.en} "${text}" is not a real date (YYYY-MM-DD)`,
    {
      details: [
        {
          field: field.en,
          code: 'INVALID_DATE',
          message: `${field.vi}: ngày không có thật`,
          messageEn: `${field.en}: not a real date`,
        },
      ],
    },
  );
}

/** Whether `text` is a real date written YYYY-MM-DD (the same parser, for row checks). */
export const isIsoDate = (text: string): boolean => IsoDate.safeParse(text).success;

/**
 * Dates the way administrative documents write them (Decree 30/2020/NĐ-CP, art. 9): a day below
 * 10 and the months January and February take a leading zero; other months do not.
 */
const parts = (iso: string) => {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return { y: y!, m: m!, d: d! };
};
const dd = (d: number) => String(d).padStart(2, '0');
const mm = (m: number) => (m <= 2 ? `0${m}` : String(m));

/** `07/8/2024`, `05/01/2024`. */
export function formatDateVi(iso: string): string {
  const { y, m, d } = parts(iso);
  return `${dd(d)}/${mm(m)}/${y}`;
}

/** `ngày 13 tháng 9 năm 2024`, as the place-and-date line of a document reads. */
export function longDateVi(iso: string): string {
  const { y, m, d } = parts(iso);
  return `ngày ${dd(d)} tháng ${mm(m)} năm ${y}`;
}

/** A span of days: `01-06/8/2024`, `14/8/2024 - 15/9/2024`, or one day. */
export function formatDateRangeVi(start: string, end: string | null | undefined): string {
  if (!end || end === start) return formatDateVi(start);
  const a = parts(start);
  const b = parts(end);
  if (a.y === b.y && a.m === b.m) return `${dd(a.d)}-${formatDateVi(end)}`;
  return `${formatDateVi(start)} - ${formatDateVi(end)}`;
}

/**
 * Today's date in Vietnam (UTC+7): a month ends at midnight in Hà Nội, not in Greenwich. Node-free,
 * so the web app's "today" (deadlines, overdue tasks, a report's date) is the server's.
 */
export function todayInVietnam(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);
}
