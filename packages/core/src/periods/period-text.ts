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

const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };

/**
 * Parses a period written in Vietnamese ("tháng 8/2024", "tháng 08/2024", "quý I/2024",
 * "6 tháng đầu năm 2024", "8 tháng đầu năm 2024", "năm 2024") or an identifier.
 */
export function parsePeriodVi(text: string): Period {
  const s = text.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
  let m: RegExpExecArray | null;
  if ((m = /^tháng (\d{1,2})\s*[/-]\s*(\d{4})$/.exec(s)))
    return parsePeriod(`${m[2]}M${m[1]!.padStart(2, '0')}`);
  if ((m = /^quý ([1-4]|i{1,3}|iv)\s*[/-]\s*(\d{4})$/.exec(s))) {
    const q = ROMAN[m[1]!.toUpperCase()] ?? Number(m[1]);
    return parsePeriod(`${m[2]}Q${q}`);
  }
  if ((m = /^(\d{1,2}) tháng (đầu|cuối) năm (\d{4})$/.exec(s))) {
    const n = Number(m[1]);
    const y = Number(m[3]);
    if (n < 1 || n > 12) throw unknownText(text);
    if (m[2] === 'cuối') {
      if (n !== 6) throw unknownText(text);
      return parsePeriod(`${y}S2`);
    }
    return periodFromMonths(y * 12, y * 12 + n - 1);
  }
  if ((m = /^năm (\d{4})$/.exec(s))) return parsePeriod(m[1]!);
  try {
    return parsePeriod(text);
  } catch {
    throw unknownText(text);
  }
}

function unknownText(text: string): BaocaoError {
  return new BaocaoError(
    'INVALID_PERIOD',
    `Không hiểu kỳ báo cáo "${text}" (ví dụ: "tháng 8/2024", "quý 1/2024", "8 tháng đầu năm 2024")`,
    `Cannot read the period "${text}" (e.g. "tháng 8/2024", "quý 1/2024", "8 tháng đầu năm 2024")`,
  );
}
