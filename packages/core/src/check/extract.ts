import { NUM, type Printed, parsePrinted } from './numbers.ts';

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

export interface Clause {
  /** A change in percent, the value as a percent of the base, as a multiple of it, or a plan share. */
  kind: 'change' | 'ratio' | 'times' | 'plan';
  /** The verb as written: "tăng", "giảm", "bằng", "đạt", "gấp", "hoàn thành"… */
  word: string;
  /** As printed: a signed percent ("giảm 38%" is −38), a percent, or a multiple ("gấp 2,5 lần"). */
  rate: Printed & Span & { text: string };
  target:
    | { kind: 'lastYear'; year: number | null; month: number | null; span: Span }
    | { kind: 'period'; year: number; month: number; span: Span }
    | { kind: 'previous' | 'other'; span: Span }
    | { kind: 'plan' };
  base: (Printed & Span) | null;
  span: Span;
}

export interface Statement {
  value: Printed & Span & { text: string };
  /** The words before the value: what is counted ("doanh thu lĩnh vực …"). */
  subject: string;
  period: TextPeriod | null;
  clauses: Clause[];
  span: Span;
}

const PERIOD_RES: [RegExp, (m: RegExpExecArray) => TextPeriod | null][] = [
  [
    new RegExp(String.raw`(\d{1,2})\s+tháng\s+(?:đầu\s+)?năm\s+(\d{4})`, 'giu'),
    (m) => ({ kind: 'YTD', year: +m[2]!, n: +m[1]! }),
  ],
  [
    new RegExp(String.raw`quý\s+(\d|I{1,3}|IV)\s*(?:/|năm)\s*(\d{4})`, 'giu'),
    (m) => ({ kind: 'Q', year: +m[2]!, n: ROMAN[m[1]!] ?? +m[1]! }),
  ],
  [new RegExp(String.raw`tháng\s+(\d{1,2})\s*(?:/|năm)\s*(\d{4})`, 'giu'), (m) => month(+m[1]!, +m[2]!)],
  // A whole year, but not a target year ("đến năm 2030").
  [new RegExp(String.raw`(?<!đến\s)năm\s+(\d{4})`, 'giu'), (m) => ({ kind: 'Y', year: +m[1]!, n: 12 })],
];
const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };
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

/** Sentences (and list lines) with their offsets: a statement never spans two. */
export function sentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    if (text.slice(start, end).trim()) out.push({ start, end });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') push(i + 1);
    else if ('.!?;'.includes(c) && (i + 1 >= text.length || /\s/.test(text[i + 1]!))) push(i + 1);
  }
  push(text.length);
  return out;
}

/** Replaces what only looks like a figure — dates, periods, years, ordinals — with spaces, keeping offsets. */
function maskNonFigures(s: string): string {
  const blank = (x: string) => ' '.repeat(x.length);
  return s
    .replace(/\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{4}/g, blank)
    .replace(/ngày\s+\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s*\/\s*\d{1,2}/giu, blank)
    .replace(/\d{1,2}\s+tháng\s+(?:đầu\s+)?năm\s+\d{4}/giu, blank)
    .replace(/(?:tháng|quý)\s+\d{1,2}\s*\/\s*\d{4}/giu, blank)
    .replace(/\b\d{1,2}\s*\/\s*\d{4}/g, blank)
    .replace(/(?:năm|kỳ|kì|khóa|thứ|số|giai đoạn|đến)\s+\d{1,4}/giu, blank)
    .replace(/\b(?:19|20)\d{2}\b/g, blank);
}

// What a rate compares with: the same period last year (with or without its year or month), a
// named month, the previous period, a named quarter, year, year-to-date span or year end.
const TARGET = [
  String.raw`cùng\s+(?:kỳ|kì)(?:\s+(?:năm\s+\d{4}|tháng\s+\d{1,2}\s*/\s*\d{4}|năm\s+trước|năm))?`,
  String.raw`\d{1,2}\s+tháng\s+(?:đầu\s+)?năm\s+\d{4}`,
  String.raw`(?:tháng\s+)?\d{1,2}\s*/\s*\d{4}`,
  String.raw`quý\s+(?:\d|I{1,3}|IV)\s*(?:/|năm)\s*\d{4}`,
  String.raw`(?:thời\s+điểm\s+)?cuối\s+năm\s+\d{4}`,
  String.raw`năm\s+\d{4}`,
  String.raw`(?:tháng|quý|kỳ|kì|năm)\s+trước|năm\s+ngoái`,
].join('|');
// A base in brackets after the comparison: "(2.280.000 tỷ đồng)", "(là 804)", "(cùng kỳ năm 2023:
// 1.296)". Only these lead-ins: another number in brackets ("trong đó 500 …") is never a base.
const BASE_LEAD = String.raw`(?:(?:cùng\s+(?:kỳ|kì)|năm\s+\d{4}|tháng\s+\d{1,2}\s*/\s*\d{4}|quý\s+(?:\d|I{1,3}|IV)\s*/\s*\d{4}|ước\s+đạt|là|đạt|:)\s*)*`;
const BASE = String.raw`(?:\s*\(\s*${BASE_LEAD}(${NUM})(?!\s*%)[^)]*\))?`;
const re = (s: string) => new RegExp(s, 'giu');
/** "tăng 23,7% so với cùng kỳ năm 2023 (2.280.000 …)": a change in percent. */
const CHANGE = re(
  String.raw`(tăng(?:\s+trưởng)?|giảm)\s+(${NUM})\s*%\s*(?:so\s+với|so)\s+(${TARGET})${BASE}`,
);
/** "bằng 101% so với cùng kỳ (81.000)", "đạt 105,2% so với cùng kỳ": the value as a percent of the base. */
const RATIO = re(String.raw`(bằng|đạt)\s+(${NUM})\s*%\s*(?:so\s+với\s+)?(${TARGET})${BASE}`);
/** "tăng gấp 2,5 lần so với cùng kỳ (1.200.000)": the value as a multiple of the base. */
const TIMES = re(String.raw`((?:tăng\s+)?gấp)\s+(${NUM})\s+lần\s*(?:so\s+với\s+)?(${TARGET})${BASE}`);
/** "đạt 66,4% so với kế hoạch năm (4.245.382 …)": a share of the annual plan. */
const PLAN = re(
  String.raw`(đạt|bằng|hoàn\s+thành)\s+(${NUM})\s*%\s*(?:so\s+với\s+)?(kế\s+hoạch(?:\s+năm)?(?:\s+\d{4})?)${BASE}`,
);

/** What the words of a comparison target mean; only "cùng kỳ" names a year the checker may hold to. */
function targetOf(t: string, span: Span): Clause['target'] {
  let m: RegExpExecArray | null;
  if ((m = /^cùng\s+(?:kỳ|kì)\s+tháng\s+(\d{1,2})\s*\/\s*(\d{4})/iu.exec(t)))
    return { kind: 'lastYear', year: +m[2]!, month: +m[1]!, span };
  if ((m = /^cùng\s+(?:kỳ|kì)\s+năm\s+(\d{4})/iu.exec(t)))
    return { kind: 'lastYear', year: +m[1]!, month: null, span };
  if (/^cùng/iu.test(t)) return { kind: 'lastYear', year: null, month: null, span };
  if ((m = /^\d{1,2}\s+tháng\s+(?:đầu\s+)?năm\s+(\d{4})/iu.exec(t)))
    return { kind: 'lastYear', year: +m[1]!, month: null, span };
  if ((m = /^(?:tháng\s+)?(\d{1,2})\s*\/\s*(\d{4})/iu.exec(t)))
    return { kind: 'period', year: +m[2]!, month: +m[1]!, span };
  if (/năm\s+ngoái$/iu.test(t)) return { kind: 'lastYear', year: null, month: null, span };
  if (/trước$/iu.test(t)) return { kind: 'previous', span };
  return { kind: 'other', span };
}

const PATTERNS: [Clause['kind'], RegExp][] = [
  ['change', CHANGE],
  ['ratio', RATIO],
  ['times', TIMES],
  ['plan', PLAN],
];

function clausesIn(s: string, offset: number): Clause[] {
  const out: Clause[] = [];
  for (const [kind, pattern] of PATTERNS) {
    pattern.lastIndex = 0;
    for (let m; (m = pattern.exec(s));) {
      const rateStart = m.index + m[0].indexOf(m[2]!, m[1]!.length);
      const rateEnd =
        kind === 'times' ? s.indexOf('lần', rateStart) + 3 : s.indexOf('%', rateStart + m[2]!.length) + 1;
      const p = parsePrinted(m[2]!);
      const tStart = m.index + m[0].indexOf(m[3]!, rateEnd - m.index);
      const tSpan = { start: offset + tStart, end: offset + tStart + m[3]!.length };
      const baseText = m[4];
      const baseStart = baseText ? m.index + m[0].lastIndexOf(baseText) : 0;
      const baseAfter = s.slice(baseStart + (baseText?.length ?? 0));
      out.push({
        kind,
        word: m[1]!.toLocaleLowerCase('vi').replace(/\s+/g, ' '),
        rate: {
          value: kind === 'change' && m[1]!.toLowerCase() === 'giảm' ? -p.value : p.value,
          decimals: p.decimals,
          scale: 1,
          start: offset + rateStart,
          end: offset + rateEnd,
          text: s.slice(rateStart, rateEnd),
        },
        target: kind === 'plan' ? { kind: 'plan' } : targetOf(m[3]!, tSpan),
        base: baseText
          ? {
              ...parsePrinted(baseText, baseAfter),
              start: offset + baseStart,
              end: offset + baseStart + baseText.length,
            }
          : null,
        span: { start: offset + m.index, end: offset + m.index + m[0].length },
      });
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/**
 * What is counted: the words since the last comma before the figure, or since the last "và" when
 * a figure stands between them ("A đạt 5 và B đạt 7": B), but not inside a name ("Thông tin và
 * Truyền thông").
 */
function subjectOf(s: string, masked: string, key: number): string {
  const comma = s.lastIndexOf(',', key) + 1;
  const and = s.lastIndexOf(' và ', key);
  const split = and > comma && /\d/.test(masked.slice(comma, and)) ? and + 4 : comma;
  return s.slice(split, key).trim();
}

const FIGURE = new RegExp(String.raw`(?<![\d.,])(${NUM})(?![\d]|\s*%)`, 'gu');

/**
 * Finds the statistical statements of a text: a figure, what it counts, its period, and the
 * comparisons stated with it ("tăng 23,7% so với cùng kỳ năm 2023 (…)", "đạt 66,4% so với kế hoạch
 * năm (…)"). A sentence without its own period takes the last one the text named before it.
 */
export function extractStatements(text: string): Statement[] {
  const out: Statement[] = [];
  let context: TextPeriod | null = null;
  for (const sent of sentences(text)) {
    const s = text.slice(sent.start, sent.end);
    const clauses = clausesIn(s, sent.start);
    // Periods named inside a comparison are its bases, not the statement's own period.
    const periods = periodsIn(s).filter(
      (p) => !clauses.some((c) => p.start < c.span.end - sent.start && c.span.start - sent.start < p.end),
    );
    const masked = maskNonFigures(s);
    let from = 0;
    const groups = new Map<number, Clause[]>();
    const values = new Map<number, Printed & Span & { text: string }>();
    for (const c of clauses) {
      const localStart = c.span.start - sent.start;
      // The figure is the last number before the clause, after the previous clause.
      let last: RegExpExecArray | null = null;
      FIGURE.lastIndex = 0;
      for (let m; (m = FIGURE.exec(masked.slice(0, localStart)));) if (m.index >= from) last = m;
      from = c.span.end - sent.start;
      if (!last) {
        const prev = [...groups.keys()].pop();
        if (prev !== undefined) groups.get(prev)!.push(c);
        continue;
      }
      const key = last.index;
      if (!groups.has(key)) {
        groups.set(key, []);
        values.set(key, {
          ...parsePrinted(last[1]!, s.slice(key + last[1]!.length)),
          start: sent.start + key,
          end: sent.start + key + last[1]!.length,
          text: last[1]!,
        });
      }
      groups.get(key)!.push(c);
    }
    for (const [key, cs] of groups) {
      const own = periods.filter((p) => p.start < key).pop() ?? periods[0] ?? null;
      out.push({
        value: values.get(key)!,
        subject: subjectOf(s, masked, key),
        period: own ?? context,
        clauses: cs,
        span: { start: sent.start + key, end: cs[cs.length - 1]!.span.end },
      });
    }
    if (periods.length) context = periods[periods.length - 1]!;
  }
  return out;
}
