/** Periods as briefing text names them, and which of them set the period a statement speaks of. */

/** A span of the input: character offsets, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** A period a text speaks of: a month, a quarter, a year-to-date span or a year. */
export interface TextPeriod {
  kind: 'M' | 'Q' | 'YTD' | 'Y';
  year: number;
  /** Month (M), quarter (Q) or the number of months (YTD). */
  n: number;
}

const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };
// "/", "-" and "–" all separate a month or quarter from its year ("tháng 2-2024", "quý I-2024").
const SEP = String.raw`\s*(?:/|-|–|năm)\s*`;
const PERIOD_RES: [RegExp, (m: RegExpExecArray) => TextPeriod | null][] = [
  [
    new RegExp(String.raw`(\d{1,2})\s+tháng\s+(?:đầu\s+)?năm\s+(\d{4})`, 'giu'),
    (m) => ({ kind: 'YTD', year: +m[2]!, n: +m[1]! }),
  ],
  [
    new RegExp(String.raw`quý\s+(\d|I{1,3}|IV)${SEP}(\d{4})`, 'giu'),
    (m) => ({ kind: 'Q', year: +m[2]!, n: ROMAN[m[1]!.toUpperCase()] ?? +m[1]! }),
  ],
  [new RegExp(String.raw`tháng\s+(\d{1,2})${SEP}(\d{4})`, 'giu'), (m) => month(+m[1]!, +m[2]!)],
  // A whole year, but not a target year ("đến năm 2030").
  [new RegExp(String.raw`(?<!đến\s)năm\s+(\d{4})`, 'giu'), (m) => ({ kind: 'Y', year: +m[1]!, n: 12 })],
];
const month = (m: number, y: number): TextPeriod | null =>
  m >= 1 && m <= 12 ? { kind: 'M', year: y, n: m } : null;

/** Every period named in a text, with where. */
export function periodsIn(text: string): (TextPeriod & Span)[] {
  const out: (TextPeriod & Span)[] = [];
  for (const [re, make] of PERIOD_RES) {
    re.lastIndex = 0;
    for (let m; (m = re.exec(text));) {
      const p = make(m);
      if (p && !out.some((o) => o.start <= m!.index && m!.index < o.end))
        out.push({ ...p, start: m.index, end: m.index + m[0].length });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

// Words before a period that make it a comparison base ("so với", "cùng kỳ") rather than the period
// the figures are for, or a future one ("nhiệm vụ trọng tâm quý 2", "phấn đấu đến", "kế hoạch").
const BASE_BEFORE = /(?:so\s+với|so|cùng\s+(?:kỳ|kì)|\(|với|mức)\s*$/iu;
const FUTURE =
  /(?:nhiệm\s+vụ|phấn\s+đấu|kế\s+hoạch|dự\s+kiến|mục\s+tiêu|trọng\s+tâm|phương\s+hướng|chỉ\s+tiêu)[^.;\n]{0,30}$/iu;

/**
 * The periods of `sentence` that say what its figures are for: not a comparison's base ("so với
 * tháng 7/2024", "cùng kỳ năm 2023", even when the comparison itself was not understood) and not a
 * future period ("nhiệm vụ trọng tâm quý 2/2024", "phấn đấu doanh thu quý 2/2024").
 */
export function ownPeriods(sentence: string): (TextPeriod & Span)[] {
  return periodsIn(sentence).filter((p) => {
    const before = sentence.slice(0, p.start);
    // "ngày 13 tháng 9 năm 2024" is a date (of a meeting, of the document), not a period of figures.
    return (
      !BASE_BEFORE.test(before.slice(-14)) && !FUTURE.test(before) && !/ngày\s+\d{1,2}\s*$/iu.test(before)
    );
  });
}

/**
 * The reporting period of a text: the period of its title (a first line without a full stop), else
 * the first period a sentence states its figures for. Only explicit evidence in a sentence overrides
 * it, and only for that sentence (or the paragraph it opens).
 */
export function reportingPeriod(text: string): TextPeriod | null {
  const first = text.trimStart().split('\n', 1)[0] ?? '';
  if (first.length < 160 && !/[.;]\s*$/.test(first)) {
    const t = ownPeriods(first)[0];
    if (t) return t;
  }
  for (const part of text.split(/(?<=[.;!?])\s+|\n/)) {
    const p = ownPeriods(part)[0];
    if (p) return p;
  }
  return null;
}
