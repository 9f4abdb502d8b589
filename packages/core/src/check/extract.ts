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
  /**
   * Where the period came from: the sentence itself, the sentence an anaphor ("Con số này …") points
   * back to, the paragraph or section it is in, or the title of its source.
   */
  periodFrom: 'sentence' | 'anaphor' | 'paragraph' | 'text' | null;
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
  // A subject is a few words: looking back 200 characters at most keeps a long sentence linear.
  const floor = Math.max(0, key - 200);
  const near = s.slice(floor, key);
  const comma = floor + near.lastIndexOf(',') + 1;
  const andAt = near.lastIndexOf(' và ');
  const and = andAt < 0 ? -1 : floor + andAt;
  const split = and > comma && /\d/.test(masked.slice(comma, and)) ? and + 4 : comma;
  return s.slice(split, key).trim();
}

// A figure: a number not part of a bigger one, possibly a percent ("80,1%").
const FIGURE_OR_PERCENT = new RegExp(String.raw`${FIGURE}(\s*%)?`, 'gu');
// A sentence whose subject is the previous sentence's figure: "Con số này giảm 9,3% …".
const ANAPHOR = /^\s*(?:[-–•]\s*)?(?:con\s+số|số\s+liệu|mức)\s+(?:này|đó|trên)\b/iu;

type Figure = Statement['value'];

/** What a line is: a source break ("=== SOURCE …"), a heading, a quoted line, or running text. */
type Line = 'break' | 'heading' | 'quote' | 'text';

/**
 * Reads a line's role. A heading is a short line with no closing punctuation and no rate in it
 * ("I. KẾT QUẢ 6 THÁNG ĐẦU NĂM 2024", "## Viễn thông"); a quote starts with ">" or a quotation mark.
 */
function lineKind(line: string): Line {
  const t = line.trim();
  if (/^(?:={3,}|-{3,}|\*{3,}|#{3,}\s*$)/u.test(t) || /^={2,}.*={0,}$/u.test(t)) return 'break';
  if (/^(?:>|[“"«„])/u.test(t)) return 'quote';
  if (/^#{1,6}\s/u.test(t)) return 'heading';
  if (t.length > 0 && t.length < 110 && !/[.;:!?…,]$/u.test(t) && !/%/u.test(t) && !/^[-–•+*]/u.test(t))
    return 'heading';
  return 'text';
}

/** Whether the figure at `at` sits in brackets that close before `until` ("… 203 cuộc (43 …; 71 …), giảm …"). */
function bracketed(s: string, at: number, until: number): boolean {
  let depth = 0;
  for (let i = at; i < until; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')' && --depth < 0) return true;
  }
  return false;
}

/**
 * Finds the statistical statements of a text: a figure, what it counts, its period, and the
 * comparisons stated with it. A statement's period is one its own sentence states (never a
 * comparison's base, a future period, a date or a multi-year span), else that of the sentence an
 * explicit anaphor points back to, else one stated at the start of its paragraph, else that of its
 * section's heading or its source's title. A period never crosses a source break ("=== SOURCE"), a
 * heading or a quoted block, never leaks from one paragraph into the next, and a quoted line speaks
 * only of its own periods.
 */
export function extractStatements(text: string): Statement[] {
  const out: Statement[] = [];
  let textPeriod = reportingPeriod(text);
  let section: TextPeriod | null = null;
  let paragraph: TextPeriod | null = null;
  let previousFigure: Figure | null = null;
  let previousPeriod: TextPeriod | null = null;
  let kind: Line = 'text';
  // Whether the current source has had its first line (a heading there is its title).
  let titled = false;
  let skipTo = 0;
  for (const sent of sentences(text)) {
    const s = text.slice(sent.start, sent.end);
    // A new line starts a new paragraph: what the previous one said of its period ends there.
    // The rest of a heading or a break line ("I. KẾT QUẢ QUÝ I/2025" is two "sentences") was read with it.
    if (sent.start < skipTo) continue;
    if (sent.start === 0 || text[sent.start - 1] === '\n') {
      paragraph = null;
      const lineEnd = text.indexOf('\n', sent.start);
      const line = text.slice(sent.start, lineEnd < 0 ? text.length : lineEnd);
      kind = lineKind(line);
      if (kind === 'break' || kind === 'heading') skipTo = sent.start + line.length;
      if (kind === 'break') {
        // A new source: nothing said before it holds after it; its own title may set its period.
        const next = text.slice(sent.end).search(/^\s*(?:={3,}|-{3,}|\*{3,})/mu);
        textPeriod = reportingPeriod(text.slice(sent.end, next < 0 ? text.length : sent.end + next));
        section = null;
        titled = false;
        previousFigure = null;
        previousPeriod = null;
        continue;
      }
      if (kind === 'heading') {
        // A title opens the text (or its source); a later heading ends what the title said.
        section = ownPeriods(text.slice(sent.start, skipTo))[0] ?? null;
        if (titled) textPeriod = null;
        titled = true;
        previousFigure = null;
        previousPeriod = null;
        continue;
      }
      titled = true;
    }
    const quoted = kind === 'quote';
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
    let fi = 0;
    let lastGroup: Figure | null = null;
    const groups = new Map<Figure, Clause[]>();
    const anaphoric = new Set<Figure>();
    for (const c of clauses) {
      // A share read with its own part ("42/63 (chiếm 75%)") is its own statement.
      if (c.part) {
        const part: Figure = { ...c.part, text: text.slice(c.part.start, c.part.end), percent: false };
        groups.set(part, [c]);
        lastGroup = part;
        from = c.span.end;
        continue;
      }
      // The figure is the last one before the clause, after the previous clause, and not a part
      // listed in brackets after it.
      // Figures are in order: a moving index keeps a long sentence linear.
      while (fi < figures.length && figures[fi]!.start < from) fi++;
      const before: Figure[] = [];
      for (let k = fi; k < figures.length && figures[k]!.end <= c.span.start; k++) before.push(figures[k]!);
      const own =
        before.filter((f) => !bracketed(s, f.end - sent.start, c.span.start - sent.start)).pop() ??
        before.pop();
      from = c.span.end;
      let figure = own ?? lastGroup;
      if (!figure && ANAPHOR.test(s) && previousFigure) {
        figure = previousFigure;
        anaphoric.add(figure);
      }
      if (!figure) continue;
      groups.set(figure, [...(groups.get(figure) ?? []), c]);
      lastGroup = figure;
    }
    for (const [value, cs] of groups) {
      const local = value.start - sent.start;
      const inSentence = value.start >= sent.start;
      const own = periods.filter((p) => p.start < local).pop() ?? periods[0] ?? null;
      const back = anaphoric.has(value) ? previousPeriod : null;
      const outer = quoted ? null : (paragraph ?? section ?? textPeriod);
      const period = own ?? back ?? outer;
      out.push({
        value,
        subject: inSentence ? subjectOf(s, masked, local) : s.slice(0, cs[0]!.span.start - sent.start).trim(),
        period,
        periodFrom: own
          ? 'sentence'
          : back
            ? 'anaphor'
            : !outer
              ? null
              : paragraph
                ? 'paragraph'
                : section
                  ? 'paragraph'
                  : 'text',
        clauses: cs,
        span: { start: Math.min(value.start, cs[0]!.span.start), end: cs[cs.length - 1]!.span.end },
      });
    }
    // A period stated at the opening of a sentence governs the rest of its paragraph (not a quote's).
    const opening = periods.find((p) => p.start < 40);
    if (opening && !quoted) paragraph = opening;
    // The last figure outside every comparison (clause spans marked once: linear in the sentence).
    const inClause = new Uint8Array(sent.end - sent.start);
    for (const c of clauses) inClause.fill(1, c.span.start - sent.start, c.span.end - sent.start);
    const last = figures.filter((f) => !inClause[f.start - sent.start]).pop();
    if (last) {
      previousFigure = last;
      previousPeriod = periods.filter((p) => p.start < last.start - sent.start).pop() ?? periods[0] ?? null;
    }
  }
  return out;
}
