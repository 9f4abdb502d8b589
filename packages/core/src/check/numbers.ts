/**
 * Numbers as Vietnamese text prints them: "2.820.865", "46,8", "0,92", "132"; and, read but reported
 * as typography, English thousands separators with two groups or more ("105,130,507").
 */
export const ENGLISH_GROUPED = String.raw`\d{1,3}(?:,\d{3}){2,}(?![\d,])`;
export const NUM = String.raw`${ENGLISH_GROUPED}|\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?`;

/** A whole figure in text (group 1), never the tail or head of a bigger number. */
export const FIGURE = String.raw`(?<![\d.,])(${NUM})(?![\d]|[.,]\d)`;

/** "105,130,507": thousands grouped the English way (unambiguous with two groups or more). */
export const isEnglishGrouped = (s: string) => new RegExp(`^(?:${ENGLISH_GROUPED})$`).test(s);

/** A printed number: its value as printed, how many decimals it shows (its precision), and the factor of the scale words after it. */
export interface Printed {
  value: number;
  decimals: number;
  /** "2,82 triệu tỷ đồng": 10^15; "804 tỷ đồng": 10^9; a bare number: 1. */
  scale: number;
}

const SCALE_WORDS = /^\s*(?:(?:nghìn|ngàn|triệu|tỷ)(?!\s*(?:lệ|trọng|suất))\s*)+/iu;
const SCALE: Record<string, number> = { nghìn: 1e3, ngàn: 1e3, triệu: 1e6, tỷ: 1e9 };

/** The factor of the scale words at the start of `after` (the text following a number, or a unit). */
export function scaleAt(after: string): number {
  const m = SCALE_WORDS.exec(after);
  if (!m) return 1;
  return m[0]
    .trim()
    .split(/\s+/)
    .reduce((f, w) => f * (SCALE[w.toLocaleLowerCase('vi')] ?? 1), 1);
}

/** A number as Vietnamese text prints it; `after` is the text that follows it (for its scale words). */
export function parsePrinted(s: string, after = ''): Printed {
  if (isEnglishGrouped(s)) return { value: Number(s.replace(/,/g, '')), decimals: 0, scale: scaleAt(after) };
  const [int, dec = ''] = s.replace(/\./g, '').split(',');
  return { value: Number(`${int}.${dec || '0'}`), decimals: dec.length, scale: scaleAt(after) };
}

/** The number in absolute terms (its scale applied). */
export const absolute = (p: Printed) => p.value * p.scale;

/** The interval of true values a printed number stands for: "804" is anything from 803,5 to 804,5 (times its scale). */
export const interval = (p: Printed): [number, number] => {
  const h = 0.5 * 10 ** -p.decimals;
  return [(p.value - h) * p.scale, (p.value + h) * p.scale];
};

/** The range of (v / base − 1) × 100 over every pair of values consistent with the printed ones. */
export function rateRange(v: Printed, base: Printed): [number, number] | null {
  const [v0, v1] = interval(v);
  const [b0, b1] = interval(base);
  if (b0 <= 0) return null;
  return [(v0 / b1 - 1) * 100, (v1 / b0 - 1) * 100];
}

/** The range of v / plan × 100. */
export function shareRange(v: Printed, plan: Printed): [number, number] | null {
  const [v0, v1] = interval(v);
  const [p0, p1] = interval(plan);
  if (p0 <= 0) return null;
  return [(v0 / p1) * 100, (v1 / p0) * 100];
}

export const overlaps = (a: [number, number], b: [number, number]) => a[0] <= b[1] && b[0] <= a[1];
