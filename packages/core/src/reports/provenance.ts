import { formatNumberVi } from '../format/number.ts';
import { periodLabelVi } from '../periods/period-text.ts';
import type { ComputedFigure } from './figures.ts';
import type { ReportSection, ReportWarning } from './report-schemas.ts';

const TOKEN = /\d(?:[\d.,]*\d)?/g;

/** The numbers a text prints ("2.820.865", "23,7", "2023", "8" of "8/2024"). */
export const numberTokens = (text: string): string[] => text.match(TOKEN) ?? [];

/**
 * The numbers of a free text that look like statistics: a rate ("30%"), a decimal ("41,5") or a
 * number with thousands ("1.402"). Small whole numbers are left alone: "bão số 3", "Kỳ họp thứ 7".
 */
export const statisticTokens = (text: string): string[] =>
  [...text.matchAll(/\d(?:[\d.,]*\d)?(?=\s?%)|\d+(?:\.\d{3})+(?:,\d+)?|\d+,\d+/g)].map((m) => m[0]);

/** Every number a figure may print: its value and bases at the indicator's precision, its rates, its periods. */
export function figureTokens({ ind, comparison: c, result: r }: ComputedFigure): Set<string> {
  const out = new Set<string>();
  const add = (s: string) => numberTokens(s).forEach((t) => out.add(t));
  for (const v of [c.value, c.previous?.value ?? null, c.lastYear.value, c.plan.value])
    if (v !== null) add(formatNumberVi(v, ind.precision));
  // The rates as the one writer prints them.
  for (const w of [r.words.previousChange, r.words.lastYearChange, r.words.planShare]) if (w) add(w.vi);
  for (const p of [c.period, c.previous?.period, c.lastYear.period]) if (p) add(periodLabelVi(p));
  add(String(c.plan.year));
  // A partial figure says its coverage ("31/34"), an imputed one its estimated part ("3/34", "4,1%").
  if (r.words.coverage) add(r.words.coverage.vi);
  return out;
}

/**
 * Checks that every number printed in a report traces back to stored values: a generated sentence
 * prints only its figure's numbers, and an editor's text only statistics the report's figures give.
 * Anything else is flagged (UNTRACED_NUMBER) so no invented figure goes out unnoticed.
 */
export function traceNumbers(
  sections: ReportSection[],
  figures: Map<string, ComputedFigure>,
): ReportWarning[] {
  const warnings: ReportWarning[] = [];
  const stated = new Set([...figures.values()].flatMap((f) => [...figureTokens(f)]));
  for (const s of sections) {
    const overrideTexts = s.edited
      ? new Set(s.edited.text.split(/\n\s*\n/).map((t) => t.trim()))
      : new Set<string>();
    for (const b of s.blocks) {
      const texts = b.type === 'list' ? b.items : b.type === 'paragraph' ? [b] : [];
      for (const t of texts) {
        const fromEditor = overrideTexts.has(t.text);
        const allowed = fromEditor
          ? stated
          : new Set(t.figures.flatMap((id) => [...(figures.get(id) ? figureTokens(figures.get(id)!) : [])]));
        if (!fromEditor && !t.figures.length) continue;
        const printed = fromEditor ? statisticTokens(t.text) : numberTokens(t.text);
        const bad = [...new Set(printed.filter((x) => !allowed.has(x)))];
        if (bad.length)
          warnings.push({
            code: 'UNTRACED_NUMBER',
            section: s.id,
            message: `Số ${bad.join(', ')} trong mục "${s.heading ?? s.id}" không khớp số liệu đã lưu; hãy kiểm tra hoặc nhập số liệu trước`,
            messageEn: `${bad.join(', ')} in section "${s.id}" do not match any stored figure`,
          });
      }
    }
  }
  return warnings;
}
