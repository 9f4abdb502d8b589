/**
 * Periods as briefing text names them, and which of them set the period a statement speaks of. The
 * words are read by the one grammar of Vietnamese period words (`periods/period-text.ts`), which
 * `parsePeriodVi` uses too: "8 tháng năm 2024" or "tháng 2–2024" mean the same to both.
 */
import { type PeriodWords, periodLabelVi, periodOfWords, readPeriodWords } from '../periods/period-text.ts';

/** A span of the input: character offsets, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** A period a text speaks of (never a date nor a multi-year span). */
export type TextPeriod = Omit<PeriodWords, 'start' | 'end' | 'kind'> & {
  kind: Exclude<PeriodWords['kind'], 'date' | 'span'>;
};

const isPeriod = (w: PeriodWords): w is TextPeriod & Span => w.kind !== 'date' && w.kind !== 'span';

/** Every period named in a text, with where; dates and multi-year spans are read but are no periods. */
export function periodsIn(text: string): (TextPeriod & Span)[] {
  return readPeriodWords(text).filter(isPeriod);
}

/** "tháng 8/2024", "quý 3/2024", "8 tháng đầu năm 2024", "năm 2024". */
export const periodLabel = (p: TextPeriod): string => periodLabelVi(periodOfWords(p)!);

/** The identifier of the period ("2024M08", "2024M01-M08", "2024S1"). */
export const periodIdOf = (p: TextPeriod): string => periodOfWords(p)!.id;

// Words before a period that make it a comparison base ("so với", "cùng kỳ") rather than the period
// the figures are for, or a future one ("nhiệm vụ trọng tâm quý 2", "phấn đấu đến", "kế hoạch").
const BASE_BEFORE = /(?:so\s+với|so|cùng\s+(?:kỳ|kì)|\(|với|mức)\s*$/iu;
const FUTURE =
  /(?:nhiệm\s+vụ|phấn\s+đấu|kế\s+hoạch|dự\s+kiến|mục\s+tiêu|trọng\s+tâm|phương\s+hướng|chỉ\s+tiêu|dự\s+toán)[^.;\n]{0,30}$/iu;

/**
 * The periods of `sentence` that say what its figures are for: not a comparison's base ("so với
 * tháng 7/2024", "cùng kỳ năm 2023", even when the comparison itself was not understood), not a
 * future period ("nhiệm vụ trọng tâm quý 2/2024", "kế hoạch năm 2024"), and never a date or a
 * multi-year span ("ngày 13 tháng 9 năm 2024", "5 năm 2021 – 2025").
 */
export function ownPeriods(sentence: string): (TextPeriod & Span)[] {
  return periodsIn(sentence).filter((p) => {
    // Only the words just before count (and looking only there keeps a long sentence linear).
    const before = sentence.slice(Math.max(0, p.start - 60), p.start);
    return !BASE_BEFORE.test(before.slice(-14)) && !FUTURE.test(before);
  });
}

/**
 * The reporting period of a text (or of one source of a stitched text): the period of its title (a
 * first line without a full stop), else the period its first sentence states its figures for. It
 * never looks further ahead: a period named later says nothing of the figures before it.
 */
export function reportingPeriod(text: string): TextPeriod | null {
  const first = text.trimStart().split('\n', 1)[0] ?? '';
  if (first.length < 160 && !/[.;]\s*$/.test(first)) return ownPeriods(first)[0] ?? null;
  const lead = first.split(/(?<=[.;!?])\s+/, 1)[0] ?? '';
  return ownPeriods(lead)[0] ?? null;
}
