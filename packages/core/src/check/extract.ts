import { type Clause, clausesIn } from './clauses.ts';
import { FIGURE, type Printed, parsePrinted } from './numbers.ts';
import { type Span, type TextPeriod, ownPeriods, reportingPeriod } from './text-periods.ts';

export type { Clause } from './clauses.ts';
export type { Span, TextPeriod } from './text-periods.ts';

export interface Statement {
  value: Printed & Span & { text: string; percent: boolean };
  /** The words before the value: what is counted ("doanh thu lĩnh vực …"). */
  subject: string;
  period: TextPeriod | null;
  /** Where the period came from: the sentence itself, the paragraph it is in, or the text's title. */
  periodFrom: 'sentence' | 'paragraph' | 'text' | null;
  clauses: Clause[];
  span: Span;
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

/** Replaces what only looks like a figure — dates, periods, years, ordinals, "/100 dân" — with spaces, keeping offsets. */
function maskNonFigures(s: string): string {
  const blank = (x: string) => ' '.repeat(x.length);
  return s
    .replace(/\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{4}/g, blank)
    .replace(/ngày\s+\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s*\/\s*\d{1,2}/giu, blank)
    .replace(/\d{1,2}\s+tháng\s+(?:đầu\s+)?năm\s+\d{4}/giu, blank)
    .replace(/(?:tháng|quý)\s+(?:\d{1,2}|I{1,3}|IV)\s*[/–-]\s*\d{4}/giu, blank)
    .replace(/\b\d{1,2}\s*\/\s*\d{4}/g, blank)
    .replace(/\/\s*\d[\d.,]*/g, blank)
    .replace(/(?:năm|kỳ|kì|khóa|thứ|số|giai đoạn|đến|top)\s+\d{1,4}/giu, blank)
    .replace(/\b(?:19|20)\d{2}\b/g, blank);
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

// A figure: a number not part of a bigger one, possibly a percent ("80,1%").
const FIGURE_OR_PERCENT = new RegExp(String.raw`${FIGURE}(\s*%)?`, 'gu');
// A sentence whose subject is the previous sentence's figure: "Con số này giảm 9,3% …".
const ANAPHOR = /^\s*(?:[-–•]\s*)?(?:con\s+số|số\s+liệu|mức)\s+(?:này|đó|trên)\b/iu;

type Figure = Statement['value'];

/**
 * Finds the statistical statements of a text: a figure, what it counts, its period, and the
 * comparisons stated with it. A statement's period is one its own sentence states (never a
 * comparison's base nor a future period), else one stated at the start of its paragraph, else the
 * reporting period of the text (its title or its first statement). A period never leaks from one
 * paragraph into the next, nor from a sentence the reader did not understand.
 */
export function extractStatements(text: string): Statement[] {
  const out: Statement[] = [];
  const textPeriod = reportingPeriod(text);
  let paragraph: TextPeriod | null = null;
  let previousFigure: Figure | null = null;
  for (const sent of sentences(text)) {
    const s = text.slice(sent.start, sent.end);
    // A new line starts a new paragraph: what the previous one said of its period ends there.
    if (sent.start === 0 || text[sent.start - 1] === '\n') paragraph = null;
    const clauses = clausesIn(s, sent.start);
    // Periods inside a comparison are its bases, not the statement's own period.
    const periods = ownPeriods(s).filter(
      (p) => !clauses.some((c) => p.start < c.span.end - sent.start && c.span.start - sent.start < p.end),
    );
    const masked = maskNonFigures(s);
    const figures: Figure[] = [];
    FIGURE_OR_PERCENT.lastIndex = 0;
    for (let m; (m = FIGURE_OR_PERCENT.exec(masked));)
      figures.push({
        ...parsePrinted(m[1]!, m[2] ? '' : s.slice(m.index + m[1]!.length)),
        start: sent.start + m.index,
        end: sent.start + m.index + m[1]!.length,
        text: m[1]!,
        percent: !!m[2],
      });
    let from = sent.start;
    const groups = new Map<Figure, Clause[]>();
    for (const c of clauses) {
      // The figure is the last one before the clause, after the previous clause.
      const own = figures.filter((f) => f.start >= from && f.end <= c.span.start).pop();
      from = c.span.end;
      const figure =
        own ?? (groups.size ? [...groups.keys()].pop()! : ANAPHOR.test(s) ? previousFigure : null);
      if (!figure) continue;
      groups.set(figure, [...(groups.get(figure) ?? []), c]);
    }
    for (const [value, cs] of groups) {
      const local = value.start - sent.start;
      const inSentence = value.start >= sent.start;
      const own = periods.filter((p) => p.start < local).pop() ?? periods[0] ?? null;
      const period = own ?? paragraph ?? textPeriod;
      out.push({
        value,
        subject: inSentence ? subjectOf(s, masked, local) : s.slice(0, cs[0]!.span.start - sent.start).trim(),
        period,
        periodFrom: own ? 'sentence' : paragraph ? 'paragraph' : textPeriod ? 'text' : null,
        clauses: cs,
        span: { start: Math.min(value.start, cs[0]!.span.start), end: cs[cs.length - 1]!.span.end },
      });
    }
    // A period stated at the opening of a sentence governs the rest of its paragraph.
    const opening = periods.find((p) => p.start < 40);
    if (opening) paragraph = opening;
    previousFigure =
      figures.filter((f) => !clauses.some((c) => c.span.start <= f.start && f.end <= c.span.end)).pop() ??
      previousFigure;
  }
  return out;
}
