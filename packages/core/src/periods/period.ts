import { BaocaoError } from '../errors.ts';

/**
 * A reporting period. Months are the atoms: every period is a contiguous run of months
 * (`2024M08`, `2024Q1`, `2024S1`, `2024`, `2024M01-M08`, `2023M11-2024M02`).
 */
export interface Period {
  /** Canonical identifier, e.g. `2024Q1`. */
  id: string;
  type: 'M' | 'Q' | 'S' | 'Y' | 'R';
  /** Month index of the first month: year * 12 + (month - 1). */
  first: number;
  /** Month index of the last month (inclusive). */
  last: number;
}

const MONTH = /^(\d{4})M(\d{2})$/;
const QUARTER = /^(\d{4})Q([1-4])$/;
const HALF = /^(\d{4})S([12])$/;
const YEAR = /^(\d{4})$/;
const RANGE = /^(\d{4})M(\d{2})-(?:(\d{4}))?M(\d{2})$/;

const idx = (year: number, month: number) => year * 12 + (month - 1);
const yearOf = (i: number) => Math.floor(i / 12);
const monthOf = (i: number) => (i % 12) + 1;
const pad = (n: number) => String(n).padStart(2, '0');

function checkYear(year: number, text: string): void {
  if (year < 1900 || year > 2200) throw invalidPeriod(text);
}

function invalidPeriod(text: string): BaocaoError {
  return new BaocaoError(
    'INVALID_PERIOD',
    `Kỳ báo cáo "${text}" không hợp lệ; dùng dạng 2024M08, 2024Q1, 2024S1, 2024 hoặc 2024M01-M08`,
    `Invalid period "${text}"; use 2024M08, 2024Q1, 2024S1, 2024 or 2024M01-M08`,
  );
}

/** Builds the period covering month indexes first..last, choosing the most specific canonical id. */
export function periodFromMonths(first: number, last: number): Period {
  const y = yearOf(first);
  const m1 = monthOf(first);
  const len = last - first + 1;
  if (len === 1) return { id: `${y}M${pad(m1)}`, type: 'M', first, last };
  if (yearOf(last) === y) {
    if (len === 3 && (m1 - 1) % 3 === 0) return { id: `${y}Q${(m1 + 2) / 3}`, type: 'Q', first, last };
    if (len === 6 && (m1 === 1 || m1 === 7))
      return { id: `${y}S${m1 === 1 ? 1 : 2}`, type: 'S', first, last };
    if (len === 12) return { id: `${y}`, type: 'Y', first, last };
    return { id: `${y}M${pad(m1)}-M${pad(monthOf(last))}`, type: 'R', first, last };
  }
  return { id: `${y}M${pad(m1)}-${yearOf(last)}M${pad(monthOf(last))}`, type: 'R', first, last };
}

/** Parses a period identifier; throws INVALID_PERIOD with a Vietnamese message when malformed. */
export function parsePeriod(text: string): Period {
  const s = text.trim().toUpperCase();
  let m: RegExpExecArray | null;
  if ((m = MONTH.exec(s))) {
    const [year, month] = [Number(m[1]), Number(m[2])];
    checkYear(year, text);
    if (month < 1 || month > 12) throw invalidPeriod(text);
    return periodFromMonths(idx(year, month), idx(year, month));
  }
  if ((m = QUARTER.exec(s))) {
    const [year, q] = [Number(m[1]), Number(m[2])];
    checkYear(year, text);
    return periodFromMonths(idx(year, q * 3 - 2), idx(year, q * 3));
  }
  if ((m = HALF.exec(s))) {
    const [year, h] = [Number(m[1]), Number(m[2])];
    checkYear(year, text);
    return periodFromMonths(idx(year, h * 6 - 5), idx(year, h * 6));
  }
  if ((m = YEAR.exec(s))) {
    const year = Number(m[1]);
    checkYear(year, text);
    return periodFromMonths(idx(year, 1), idx(year, 12));
  }
  if ((m = RANGE.exec(s))) {
    const y1 = Number(m[1]);
    const y2 = m[3] ? Number(m[3]) : y1;
    const [m1, m2] = [Number(m[2]), Number(m[4])];
    checkYear(y1, text);
    checkYear(y2, text);
    if (m1 < 1 || m1 > 12 || m2 < 1 || m2 > 12) throw invalidPeriod(text);
    const first = idx(y1, m1);
    const last = idx(y2, m2);
    if (last < first) throw invalidPeriod(text);
    return periodFromMonths(first, last);
  }
  throw invalidPeriod(text);
}

/** Whether a string is a valid period identifier. */
export function isPeriod(text: string): boolean {
  try {
    parsePeriod(text);
    return true;
  } catch {
    return false;
  }
}

/** The year a period belongs to (its last month's year). */
export const periodYear = (p: Period): number => yearOf(p.last);

/** Number of months the period spans. */
export const periodLength = (p: Period): number => p.last - p.first + 1;

/** The month periods a period is made of, in order. */
export function monthsOf(p: Period): Period[] {
  const out: Period[] = [];
  for (let i = p.first; i <= p.last; i++) out.push(periodFromMonths(i, i));
  return out;
}

/** The same span shifted by a number of months. */
export const shiftPeriod = (p: Period, months: number): Period =>
  periodFromMonths(p.first + months, p.last + months);

/** The period right after, of the same length (`2024M08` → `2024M09`, `2024Q1` → `2024Q2`). */
export const nextPeriod = (p: Period): Period => shiftPeriod(p, periodLength(p));

/** From January to the period's last month (`2024M08` → `2024M01-M08`, `2024Q1` → `2024M01-M03`). */
export const yearToDate = (p: Period): Period => periodFromMonths(yearOf(p.last) * 12, p.last);

/** Same period last year (`2024M01-M08` → `2023M01-M08`). */
export const samePeriodLastYear = (p: Period): Period => shiftPeriod(p, -12);

/**
 * The period immediately before, of the same length (`2024M08` → `2024M07`, `2024Q1` → `2023Q4`).
 * Year-to-date spans have none: the months before January are not a meaningful comparison base.
 */
export function previousPeriod(p: Period): Period | null {
  if (p.type === 'R' && monthOf(p.first) === 1) return null;
  return shiftPeriod(p, -periodLength(p));
}

/** Whether a period covers (contains) another one. */
export const covers = (outer: Period, inner: Period): boolean =>
  outer.first <= inner.first && inner.last <= outer.last;

/** Whether two periods share a month. */
export const overlaps = (a: Period, b: Period): boolean => a.first <= b.last && b.first <= a.last;

/** Calendar dates (ISO, inclusive) of the period as in Thông tư 04/2022/TT-BTTTT: a month is its 1st to its last day. */
export function calendarDates(p: Period): { start: string; end: string } {
  const start = `${yearOf(p.first)}-${pad(monthOf(p.first))}-01`;
  const ly = yearOf(p.last);
  const lm = monthOf(p.last);
  const lastDay = new Date(Date.UTC(ly, lm, 0)).getUTCDate();
  return { start, end: `${ly}-${pad(lm)}-${pad(lastDay)}` };
}

/**
 * Administrative window of Decree 09/2019/NĐ-CP: a reporting month runs from the 15th of the
 * previous month to the 14th of the month (a year: 15 December of the year before to 14 December).
 */
export function decree09Dates(p: Period): { start: string; end: string } {
  const before = p.first - 1;
  return {
    start: `${yearOf(before)}-${pad(monthOf(before))}-15`,
    end: `${yearOf(p.last)}-${pad(monthOf(p.last))}-14`,
  };
}

/** Dates of the period in the chosen regime. */
export function periodDates(p: Period, regime: 'calendar' | 'decree09' = 'calendar') {
  return regime === 'decree09' ? decree09Dates(p) : calendarDates(p);
}

/** Month index of an ISO date (`2025-07-01` → index of July 2025). */
export function monthIndexOfDate(isoDate: string): number {
  return idx(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)));
}

export { yearOf as yearOfMonthIndex, monthOf as monthOfMonthIndex };

/**
 * The latest whole period of a type ended before `today` (ISO date): last month, the last quarter,
 * half or year that has ended — what a report of that type is written for now.
 */
export function latestEndedPeriod(type: 'M' | 'Q' | 'S' | 'Y', today: string): Period {
  const lastMonth = monthIndexOfDate(today) - 1;
  const size = { M: 1, Q: 3, S: 6, Y: 12 }[type];
  const last = Math.floor((lastMonth + 1) / size) * size - 1;
  return periodFromMonths(last - size + 1, last);
}
