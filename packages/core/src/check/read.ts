/**
 * What the checker read, as it reports it: each comparison with its figures and period, whether its
 * arithmetic and its comparison year were judged (and why not), the rates it did not understand, and
 * the note on an amount printed with no unit.
 */
import type { StatementRead, Finding } from './check-schemas.ts';
import type { Clause, Statement } from './extract.ts';
import { absolute } from './numbers.ts';
import { periodIdOf as periodId, periodLabel as label } from './text-periods.ts';

export type Range = [number, number];

/** A comparison with its readings, computed once for every check that needs them. */
export interface Compared {
  st: Statement;
  c: Clause;
  all: { exact: number; range: Range }[];
}

/** Whether the statement's own period is written where it is said: its sentence, or what an anaphor points to. */
export const periodInSentence = (st: Statement) =>
  st.periodFrom === 'sentence' || st.periodFrom === 'anaphor';

/** Whether a comparison names a year the checker could hold the statement to. */
export const namesYear = (c: Clause) =>
  (c.target.kind === 'lastYear' && c.target.year !== null) || c.target.kind === 'named';

// Subjects whose figures are amounts that need a unit to mean anything: money, trade, output, speed.
const NEEDS_UNIT =
  /(?:doanh\s+thu|lợi\s+nhuận|ngân\s+sách|kim\s+ngạch|giá\s+trị|vốn|chi\s+phí|thu\s+nhập|tổng\s+mức|đóng\s+góp|gdp|tốc\s+độ|dung\s+lượng|băng\s+thông)/iu;

/**
 * A compared amount printed with no unit ("doanh thu đạt 1.245, tăng 18,2% …"): tỷ đồng or triệu
 * đồng? Information only, and only where the figure's own subject is an amount that needs a unit
 * (money, trade, speed): a count ("số doanh nghiệp là 132", "có 12 doanh nghiệp") needs none, and a
 * percent carries its own.
 */
export function unitless(text: string, statements: Statement[]): Finding[] {
  return statements.flatMap((st) => {
    const v = st.value;
    if (v.percent || v.start < 0 || !NEEDS_UNIT.test(st.subject)) return [];
    if (/^(?:số|tỷ\s+lệ|chỉ\s+số)\s+\p{L}/iu.test(st.subject)) return [];
    if (!/^\s*(?:[,;.()]|$)/u.test(text.slice(v.end, v.end + 3))) return [];
    return [
      {
        code: 'MISSING_UNIT' as const,
        severity: 'info' as const,
        start: v.start,
        end: v.end,
        quote: v.text,
        stated: null,
        expected: null,
        message: `Số ${v.text} không kèm đơn vị tính`,
        messageEn: `${v.text} is printed without its unit`,
      },
    ];
  });
}

/** Whether the comparison year was judged, and why not when it was not. */
function yearRead(
  st: Statement,
  c: Clause,
): Pick<StatementRead, 'yearChecked' | 'yearReason' | 'yearReasonEn'> {
  if (!namesYear(c)) return { yearChecked: null, yearReason: null, yearReasonEn: null };
  if (st.period && periodInSentence(st)) return { yearChecked: true, yearReason: null, yearReasonEn: null };
  return {
    yearChecked: false,
    yearReason: st.period
      ? `kỳ của số liệu (${label(st.period)}) không nêu trong câu này; không đối chiếu năm so sánh`
      : 'câu không nêu kỳ của số liệu; không đối chiếu năm so sánh',
    yearReasonEn: st.period
      ? `the figure's period (${periodId(st.period)}) is not written in this sentence; comparison year not judged`
      : "the sentence does not say the figure's period; comparison year not judged",
  };
}

/** One comparison as read, checked or not (and why not). */
export function readOf(text: string, { st, c, all }: Compared): StatementRead {
  const checked = all.length > 0;
  const value = c.part ?? st.value;
  const why: [string, string] | null = checked
    ? null
    : c.base && c.base.percent !== value.percent
      ? [
          'số so sánh và số gốc không cùng loại (tỷ lệ % với số tuyệt đối)',
          'a percent compared with a plain number',
        ]
      : ['không có số gốc để kiểm tra', 'no base figure to check against'];
  const start = Math.min(value.start, c.span.start);
  return {
    start,
    end: c.span.end,
    quote: text.slice(start, c.span.end),
    subject: st.subject,
    kind: c.kind,
    value: absolute(value),
    base: c.base
      ? absolute(c.base)
      : c.increase
        ? absolute(value) - Math.sign(c.rate.value) * absolute(c.increase)
        : null,
    rate: c.rate.value,
    period: st.period ? periodId(st.period) : null,
    periodFrom: st.periodFrom,
    checked,
    reason: why?.[0] ?? null,
    reasonEn: why?.[1] ?? null,
    ...yearRead(st, c),
  };
}

// A rate or share the reader did not understand: "tăng trên 40%", "tăng 6,2% cùng kỳ năm 2022".
// A level ("đạt 82,5%") is no comparison; a share of a total ("chiếm 68%") is one we cannot check.
const RATE_WORDS =
  /(?<!\p{L})(?:(?:tăng(?:\s+trưởng)?|giảm|chiếm)\s+(?:trên|khoảng|gần|hơn|xấp\s+xỉ|từ)?\s*\d[\d.,]*\s*%|(?:đạt|bằng)\s+\d[\d.,]*\s*%(?=\s*(?:so\s+với|kế\s+hoạch)))/giu;

/** Rates in the text that no statement accounts for: listed as not checked, never guessed at. */
export function notUnderstood(text: string, statements: Statement[]): StatementRead[] {
  const read = new Uint8Array(text.length);
  for (const st of statements) for (const c of st.clauses) read.fill(1, c.span.start, c.span.end);
  const out: StatementRead[] = [];
  for (let m; (m = RATE_WORDS.exec(text));) {
    const at = m.index;
    if (read[at]) continue;
    out.push({
      start: at,
      end: at + m[0].length,
      quote: m[0],
      subject: '',
      kind: 'unknown',
      value: null,
      base: null,
      rate: null,
      period: null,
      periodFrom: null,
      checked: false,
      reason: 'không rõ so với gì hoặc số gốc nào; không kiểm tra',
      reasonEn: 'what it compares with is not clear; not checked',
      yearChecked: null,
      yearReason: null,
      yearReasonEn: null,
    });
  }
  return out;
}
