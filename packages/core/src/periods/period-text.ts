import { BaocaoError } from '../errors.ts';
import {
  type Period,
  monthOfMonthIndex as monthOf,
  parsePeriod,
  periodFromMonths,
  periodLength,
  yearOfMonthIndex as yearOf,
} from './period.ts';

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Vietnamese label as the ministry writes it: "tháng 8/2024", "quý 1/2024", "8 tháng đầu năm 2024". */
export function periodLabelVi(p: Period): string {
  const y = yearOf(p.first);
  const m1 = monthOf(p.first);
  const m2 = monthOf(p.last);
  switch (p.type) {
    case 'M':
      return `tháng ${m1}/${y}`;
    case 'Q':
      return `quý ${(m1 + 2) / 3}/${y}`;
    case 'S':
      return m1 === 1 ? `6 tháng đầu năm ${y}` : `6 tháng cuối năm ${y}`;
    case 'Y':
      return `năm ${y}`;
    case 'R':
      if (yearOf(p.last) !== y) return `tháng ${m1}/${y} đến tháng ${m2}/${yearOf(p.last)}`;
      if (m1 === 1) return `${periodLength(p)} tháng đầu năm ${y}`;
      return `tháng ${m1} đến tháng ${m2}/${y}`;
  }
}

/** English label: "August 2024", "Q1 2024", "H1 2024", "January–August 2024". */
export function periodLabelEn(p: Period): string {
  const y = yearOf(p.first);
  const m1 = monthOf(p.first);
  switch (p.type) {
    case 'M':
      return `${EN_MONTHS[m1 - 1]} ${y}`;
    case 'Q':
      return `Q${(m1 + 2) / 3} ${y}`;
    case 'S':
      return `H${m1 === 1 ? 1 : 2} ${y}`;
    case 'Y':
      return `${y}`;
    case 'R': {
      const y2 = yearOf(p.last);
      const from = y2 === y ? EN_MONTHS[m1 - 1] : `${EN_MONTHS[m1 - 1]} ${y}`;
      return `${from}–${EN_MONTHS[monthOf(p.last) - 1]} ${y2}`;
    }
  }
}

/**
 * A short label for axes, columns and pickers, where "tháng 8/2024" does not fit: "T8/2024",
 * "Q1/2024", "6T đầu/2024", "8 tháng 2024", "2024" (English: "Aug 2024", "Q1 2024", "H1 2024",
 * "Jan–Aug 2024", "2024"). Never the identifier: people do not read "2024M08".
 */
export function periodShortLabel(p: Period, lang: 'vi' | 'en'): string {
  const y = yearOf(p.first);
  const m1 = monthOf(p.first);
  const m2 = monthOf(p.last);
  const en = (m: number) => EN_MONTHS[m - 1]!.slice(0, 3);
  switch (p.type) {
    case 'M':
      return lang === 'vi' ? `T${m1}/${y}` : `${en(m1)} ${y}`;
    case 'Q':
      return lang === 'vi' ? `Q${(m1 + 2) / 3}/${y}` : `Q${(m1 + 2) / 3} ${y}`;
    case 'S':
      return lang === 'vi' ? `6T ${m1 === 1 ? 'đầu' : 'cuối'}/${y}` : `H${m1 === 1 ? 1 : 2} ${y}`;
    case 'Y':
      return `${y}`;
    case 'R':
      if (yearOf(p.last) !== y)
        return lang === 'vi'
          ? `T${m1}/${y}–T${m2}/${yearOf(p.last)}`
          : `${en(m1)} ${y}–${en(m2)} ${yearOf(p.last)}`;
      if (lang === 'vi') return m1 === 1 ? `${periodLength(p)} tháng ${y}` : `T${m1}–T${m2}/${y}`;
      return `${en(m1)}–${en(m2)} ${y}`;
  }
}

/** The full label in the reader's language: "tháng 8/2024" or "August 2024". */
export const periodLabel = (p: Period, lang: 'vi' | 'en'): string =>
  lang === 'en' ? periodLabelEn(p) : periodLabelVi(p);

/**
 * A period as Vietnamese prose names it, with where: a month ("tháng 8/2024", "tháng 2–2024"), a
 * quarter ("quý III/2024", "quý 2-2025"), the first n months ("8 tháng năm 2024", "6 tháng đầu năm
 * 2024", "Bốn tháng năm 2024", "nửa đầu năm 2024"), the second half ("6 tháng cuối năm 2023"), a run of
 * months ("tháng 1-8/2024", "từ tháng 3 đến tháng 5/2024") or a year ("năm 2024"). Dates ("ngày 13
 * tháng 9 năm 2024", "31/8/2023") and multi-year spans ("5 năm 2021 – 2025", "giai đoạn 2021-2025")
 * are read too, so that no period is taken out of them, and marked as such.
 */
export interface PeriodWords {
  kind: 'M' | 'Q' | 'YTD' | 'S2' | 'R' | 'Y' | 'date' | 'span';
  year: number;
  /** Month (M), quarter (Q), number of months (YTD), last month (R); 12 for a year, 6 for S2. */
  n: number;
  /** First month of a run (R); first year of a span. */
  from: number;
  start: number;
  end: number;
}

const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };
const COUNT: Record<string, number> = {
  một: 1,
  hai: 2,
  ba: 3,
  bốn: 4,
  tư: 4,
  năm: 5,
  sáu: 6,
  bảy: 7,
  tám: 8,
  chín: 9,
  mười: 10,
  'mười một': 11,
  'mười hai': 12,
};
const count = (w: string) => COUNT[w.toLocaleLowerCase('vi').replace(/\s+/g, ' ')] ?? Number(w);
const N = String.raw`(\d{1,2}|mười\s+một|mười\s+hai|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)`;
// "/", "-", "–", "—" or "năm" separate a month or quarter from its year.
const SEP = String.raw`\s*(?:/|-|–|—|năm)\s*`;
const Y4 = String.raw`((?:19|20)\d{2})(?!\d)`;
const word = (s: string) => new RegExp(String.raw`(?<![\p{L}\d])(?:${s})`, 'giu');

type Make = (m: RegExpExecArray) => Omit<PeriodWords, 'start' | 'end'> | null;
const p = (kind: PeriodWords['kind'], year: number, n: number, from = 0) => ({ kind, year, n, from });
const monthOk = (n: number) => n >= 1 && n <= 12;

// In order: a form read first keeps its words from the later ones ("tháng 9 năm 2024" inside a date).
const GRAMMAR: [RegExp, Make][] = [
  [word(String.raw`ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+${Y4}`), (m) => p('date', +m[1]!, 0)],
  [word(String.raw`(?:ngày\s+)?\d{1,2}\s*/\s*\d{1,2}\s*/\s*${Y4}`), (m) => p('date', +m[1]!, 0)],
  [
    word(String.raw`(?:giai\s+đoạn|(?:\d{1,2}\s+)?năm|thời\s+kỳ)\s+${Y4}\s*(?:-|–|—|đến)\s*${Y4}`),
    (m) => p('span', +m[2]!, 0, +m[1]!),
  ],
  [
    word(
      String.raw`(?:từ\s+)?tháng\s+(\d{1,2})\s*(?:-|–|đến)\s*(?:hết\s+)?(?:tháng\s+)?(\d{1,2})${SEP}${Y4}`,
    ),
    (m) => {
      const [a, b, y] = [+m[1]!, +m[2]!, +m[3]!];
      if (!monthOk(a) || !monthOk(b) || b <= a) return null;
      return a === 1 ? p('YTD', y, b) : p('R', y, b, a);
    },
  ],
  [
    word(String.raw`(?:6|sáu)\s+tháng\s+cuối\s+năm\s+${Y4}|nửa\s+cuối\s+năm\s+${Y4}`),
    (m) => p('S2', +(m[1] ?? m[2])!, 6),
  ],
  [word(String.raw`nửa\s+đầu\s+năm\s+${Y4}`), (m) => p('YTD', +m[1]!, 6)],
  [
    word(String.raw`${N}\s+tháng\s+(?:đầu\s+)?(?:năm\s+)?${Y4}`),
    (m) => {
      const n = count(m[1]!);
      return n >= 1 && n <= 12 ? p('YTD', +m[2]!, n) : null;
    },
  ],
  [
    word(String.raw`quý\s+(\d|I{1,3}|IV)${SEP}${Y4}`),
    (m) => {
      const q = ROMAN[m[1]!.toUpperCase()] ?? +m[1]!;
      return q >= 1 && q <= 4 ? p('Q', +m[2]!, q) : null;
    },
  ],
  [word(String.raw`tháng\s+(\d{1,2})${SEP}${Y4}`), (m) => (monthOk(+m[1]!) ? p('M', +m[2]!, +m[1]!) : null)],
  // A whole year, but not a target year ("đến năm 2030").
  [word(String.raw`(?<!đến\s)năm\s+${Y4}`), (m) => p('Y', +m[1]!, 12)],
];

/** Every period (and date, and multi-year span) a text names, in order, none overlapping. */
export function readPeriodWords(text: string): PeriodWords[] {
  const out: PeriodWords[] = [];
  // Characters already read as part of a period word (a linear check, whatever the text's length).
  const taken = new Uint8Array(text.length);
  for (const [re, make] of GRAMMAR) {
    re.lastIndex = 0;
    for (let m; (m = re.exec(text));) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.subarray(start, end).includes(1)) continue;
      const w = make(m);
      if (!w) continue;
      out.push({ ...w, start, end });
      taken.fill(1, start, end);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The reporting period a period word stands for; null for a date or a multi-year span. */
export function periodOfWords(w: Omit<PeriodWords, 'start' | 'end'>): Period | null {
  const y = w.year * 12;
  switch (w.kind) {
    case 'M':
      return periodFromMonths(y + w.n - 1, y + w.n - 1);
    case 'Q':
      return periodFromMonths(y + 3 * (w.n - 1), y + 3 * w.n - 1);
    case 'YTD':
      return periodFromMonths(y, y + w.n - 1);
    case 'S2':
      return periodFromMonths(y + 6, y + 11);
    case 'R':
      return periodFromMonths(y + w.from - 1, y + w.n - 1);
    case 'Y':
      return periodFromMonths(y, y + 11);
    default:
      return null;
  }
}

/**
 * Parses a period written in Vietnamese, by the same grammar the fact-checker reads prose with
 * ("tháng 8/2024", "tháng 2–2024", "quý I/2024", "8 tháng năm 2024", "6 tháng đầu năm 2024", "6 tháng
 * cuối năm 2024", "tháng 1-8/2024", "năm 2024"), or an identifier ("2024M08").
 */
export function parsePeriodVi(text: string): Period {
  const s = text.normalize('NFC').trim().replace(/\s+/g, ' ');
  const words = readPeriodWords(s);
  const whole = words.length === 1 && words[0]!.start === 0 && words[0]!.end === s.length ? words[0]! : null;
  const p = whole ? periodOfWords(whole) : null;
  if (p) {
    checkYear(whole!.year, text);
    return p;
  }
  try {
    return parsePeriod(text);
  } catch {
    throw unknownText(text);
  }
}

function checkYear(year: number, text: string): void {
  if (year < 1900 || year > 2200) throw unknownText(text);
}

function unknownText(text: string): BaocaoError {
  return new BaocaoError(
    'INVALID_PERIOD',
    `Không hiểu kỳ báo cáo "${text}" (ví dụ: "tháng 8/2024", "quý 1/2024", "8 tháng đầu năm 2024")`,
    `Cannot read the period "${text}" (e.g. "tháng 8/2024", "quý 1/2024", "8 tháng đầu năm 2024")`,
  );
}
