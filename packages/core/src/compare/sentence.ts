/**
 * The one writer of comparisons: every sentence, change and share the platform prints about a
 * figure (the API's `text`, the dashboard's cards, the public page, a report's sentences, tables and
 * campaigns) comes from here, from the typed `Comparison`.
 */
import { formatNumberEn, formatNumberVi, roundHalfUp } from '../format/number.ts';
import { type Period, periodYear } from '../periods/period.ts';
import { periodLabelEn, periodLabelVi } from '../periods/period-text.ts';
import type { ComparisonWords, Imputed, Indicator, ValueStatus, Words } from '../schemas.ts';
import type { Base, Comparison } from './comparison.ts';

/** One comparison to state: the base period, its value (null when missing) and the change. */
export interface Clause {
  kind: 'previous' | 'lastYear' | 'plan';
  period: Period;
  base: number | null;
  /** Percent change (previous, last year) or share (plan); null when it cannot be computed. */
  pct: number | null;
  /** A base implied by a stated growth rate is not printed: the data does not support its digits. */
  derived: boolean;
}

const PCT_DECIMALS = 1;

/** "2.820.865 tỷ đồng", but "46%": a percent sign sticks to its number. */
export const withUnit = (n: string, unit: string) => (unit === '%' ? `${n}%` : `${n} ${unit}`);

/** A share of a plan as printed: one decimal, trailing zero dropped ("66,4", "72"). */
export const formatShareVi = (pct: number) =>
  formatNumberVi(roundHalfUp(pct, PCT_DECIMALS), PCT_DECIMALS, { trimZeros: true });

/**
 * "tăng 23,7%", "giảm 0,9%", "giảm 38%", "tương đương": a change as the ministry words it. The one
 * rule for every rate the platform prints (report, press brief, dashboard, public page): one
 * decimal, rounded half up, a trailing zero dropped; a change that rounds to 0 is "tương đương".
 */
export function direction(pct: number): Words {
  const d = PCT_DECIMALS;
  const r = roundHalfUp(Math.abs(pct), d);
  if (r === 0) return { vi: 'tương đương', en: 'about the same' };
  const vi = `${formatNumberVi(r, d, { trimZeros: true })}%`;
  const en = `${formatNumberEn(r, d, { trimZeros: true })}%`;
  return pct > 0 ? { vi: `tăng ${vi}`, en: `up ${en}` } : { vi: `giảm ${vi}`, en: `down ${en}` };
}

function joinVi(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} và ${parts[parts.length - 1]}`;
}

/** How a template words a figure (see the report templates). */
export interface SentenceStyle {
  /**
   * The sentence with placeholders: {Name} / {name} (capitalised or not), {verb} ("ước đạt" for an
   * estimate, "là" otherwise), {value} (with its unit), {period}, {comparisons}. A ", " right before
   * {comparisons} disappears when there is none.
   */
  pattern?: string | undefined;
  /** "cùng kỳ năm 2023" (year) or "cùng kỳ tháng 8/2023" (period). */
  lastYearLabel?: 'year' | 'period' | undefined;
}

export const DEFAULT_PATTERN = '{Name} {verb} {value}, {comparisons}.';

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
const upperFirst = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

function fill(pattern: string, parts: Record<string, string>): string {
  const p = parts.comparisons ? pattern : pattern.replace(/,\s*\{comparisons\}/g, '{comparisons}');
  return upperFirst(p.replace(/\{(\w+)\}/g, (m, key: string) => parts[key] ?? m));
}

/**
 * The ministry's sentence for one figure: "Doanh thu ước đạt 2.820.865 tỷ đồng, tăng 23,7% so với
 * cùng kỳ năm 2023 và đạt 66,4% so với kế hoạch năm (4.245.382 tỷ đồng)." Decreases read "giảm",
 * a change that rounds to zero "tương đương"; clauses without a computable change are left out.
 */
function comparisonSentence(
  ind: Indicator,
  period: Period,
  value: {
    value: number;
    status: ValueStatus;
    /** Set for a partial sum: it is said, with its coverage, right after the number. */
    partial?: { reported: number; expected: number } | undefined;
    /** Set for an imputed figure: its estimated part is said right after the number. */
    imputed?: Imputed | null | undefined;
  } | null,
  clauses: Clause[],
  style: SentenceStyle = {},
): Words {
  const name = ind.shortVi ?? ind.nameVi;
  const nameEn = ind.shortEn ?? ind.nameEn;
  const unitEn = ind.unitEn ?? ind.unitVi;
  if (!value) {
    return {
      vi: `${name} ${periodLabelVi(period)}: chưa có số liệu.`,
      en: `${nameEn}, ${periodLabelEn(period)}: no data.`,
    };
  }
  const fmt = (x: number) => formatNumberVi(x, ind.precision);
  const fmtEn = (x: number) => formatNumberEn(x, ind.precision);
  const vi: string[] = [];
  const en: string[] = [];
  for (const c of clauses) {
    if (c.pct === null || c.base === null) continue;
    const bracket = c.derived ? '' : ` (${withUnit(fmt(c.base), ind.unitVi)})`;
    const bracketEn = c.derived ? '' : ` (${fmtEn(c.base)} ${unitEn})`;
    if (c.kind === 'plan') {
      const share = planShare(c.pct);
      vi.push(`đạt ${share.vi} so với kế hoạch năm${bracket}`);
      en.push(`${share.en} of the annual plan${bracketEn}`);
      continue;
    }
    const d = direction(c.pct);
    const year = periodYear(c.period);
    const target =
      c.kind === 'lastYear'
        ? style.lastYearLabel === 'period'
          ? { vi: `cùng kỳ ${periodLabelVi(c.period)}`, en: `${periodLabelEn(c.period)}` }
          : { vi: `cùng kỳ năm ${year}`, en: `the same period of ${year}` }
        : { vi: periodLabelVi(c.period), en: periodLabelEn(c.period) };
    vi.push(`${d.vi} so với ${target.vi}${bracket}`);
    en.push(`${d.en} on ${target.en}${bracketEn}`);
  }
  const estimate = value.status === 'estimate';
  const verbEn = estimate ? 'is estimated at' : 'is';
  const cov = value.partial
    ? coverageWords(ind, value.partial)
    : value.imputed
      ? imputedPhrase(ind, value.imputed)
      : null;
  const headEn = `${nameEn} ${verbEn} ${fmtEn(value.value)} ${unitEn}${cov ? ` (${cov.en})` : ''}`;
  return {
    vi: fill(style.pattern ?? DEFAULT_PATTERN, {
      Name: upperFirst(name),
      name: lowerFirst(name),
      verb: estimate ? 'ước đạt' : 'là',
      value: withUnit(fmt(value.value), ind.unitVi) + (cov ? ` (${cov.vi})` : ''),
      period: periodLabelVi(period),
      comparisons: joinVi(vi),
    }),
    en: `${headEn}${en.length ? ', ' + en.join(', ') : ''}.`,
  };
}

export type CompareKind = Clause['kind'];

const REPORTERS: Record<string, [string, string]> = {
  province: ['tỉnh, thành phố', 'provinces'],
  enterprise: ['doanh nghiệp', 'enterprises'],
  department: ['đơn vị', 'departments'],
};

/** "66,4%" of the annual plan: one decimal, a trailing zero dropped. */
function planShare(pct: number): Words {
  const en = formatNumberEn(roundHalfUp(pct, PCT_DECIMALS), PCT_DECIMALS, { trimZeros: true });
  return { vi: `${formatShareVi(pct)}%`, en: `${en}%` };
}

/** "1/34 tỉnh, thành phố đã báo cáo": the coverage of a partial figure, said with it. */
export function coverageWords(ind: Indicator, c: { reported: number; expected: number }): Words {
  const [vi, en] = REPORTERS[ind.reportingKind ?? ''] ?? ['đơn vị', 'units'];
  return {
    vi: `${c.reported}/${c.expected} ${vi} đã báo cáo`,
    en: `${c.reported} of ${c.expected} ${en} reported`,
  };
}

/** "4,1%": an imputed share as printed (one decimal, trailing zero dropped; 0.5 rounds up). */
const shareText = (pct: number, lang: 'vi' | 'en') =>
  (lang === 'en' ? formatNumberEn : formatNumberVi)(roundHalfUp(pct, PCT_DECIMALS), PCT_DECIMALS, {
    trimZeros: true,
  }) + '%';

/** "gồm 3/34 tỉnh, thành phố ước tính bù, 4,1% tổng": the estimated part of an imputed figure, said with it. */
export function imputedPhrase(ind: Indicator, imp: Imputed): { vi: string; en: string } {
  const [vi, en] = REPORTERS[ind.reportingKind ?? ''] ?? ['đơn vị', 'units'];
  return {
    vi: `gồm ${imp.units}/${imp.expected} ${vi} ước tính bù, ${shareText(imp.sharePct, 'vi')} tổng`,
    en: `including ${imp.units} of ${imp.expected} ${en} imputed, ${shareText(imp.sharePct, 'en')} of the total`,
  };
}

/** "3/34 (4,1%)": the estimated part of an imputed figure in a table cell (no separator of any CSV dialect). */
export const imputedWords = (imp: Imputed, lang?: 'vi' | 'en'): string =>
  `${imp.units}/${imp.expected} (${shareText(imp.sharePct, lang ?? 'en')})`;

const clauseOf = (kind: CompareKind, b: Base): Clause => ({
  kind,
  period: b.period,
  base: b.value,
  pct: b.changePct,
  derived: b.derived,
});

/**
 * The sentence for a computed comparison, stating only the comparisons asked for, in their order.
 * A partial sum is said with its coverage and worded by what it sums: "ước đạt" when those are
 * estimates, "là" when they are official.
 */
export function comparisonText(
  c: Comparison,
  pick: readonly CompareKind[] = ['previous', 'lastYear', 'plan'],
  style: SentenceStyle = {},
): Words {
  const clauses = pick.flatMap((k): Clause[] => {
    if (k === 'previous') return c.previous ? [clauseOf(k, c.previous)] : [];
    if (k === 'lastYear') return [clauseOf(k, c.lastYear)];
    return [{ kind: k, period: c.period, base: c.plan.value, pct: c.plan.sharePct, derived: false }];
  });
  const partial = c.status === 'partial' ? c.coverage : undefined;
  const imputed = c.status === 'imputed' ? c.imputed : undefined;
  // A partial sum is worded by what it sums; an imputed figure is an estimate, whatever it completes.
  const status =
    c.status === 'partial' ? (c.basis ?? 'estimate') : c.status === 'imputed' ? 'estimate' : c.status;
  const value = c.value === null || status === null ? null : { value: c.value, status, partial, imputed };
  return comparisonSentence(c.ind, c.period, value, clauses, style);
}

/** The change, share and coverage words of a figure, by the same rules as its sentence. */
export function comparisonWords(c: Comparison): ComparisonWords {
  const change = (b: Base | null) => (b && b.changePct !== null ? direction(b.changePct) : null);
  const ly = change(c.lastYear);
  return {
    previousChange: change(c.previous),
    lastYearChange: ly,
    lastYearLine: ly && { vi: `${ly.vi} so với cùng kỳ`, en: `${ly.en} on the same period last year` },
    planShare: c.plan.sharePct === null ? null : planShare(c.plan.sharePct),
    coverage:
      c.status === 'partial'
        ? coverageWords(c.ind, c.coverage)
        : c.status === 'imputed' && c.imputed
          ? imputedPhrase(c.ind, c.imputed)
          : null,
  };
}

/**
 * "Số địa chỉ IP nằm trong mạng botnet giảm từ 1.200 địa chỉ (tháng 8/2024) xuống 900 địa chỉ
 * (tháng 10/2024), giảm 25%.": one figure's change over a span (a campaign's months).
 */
export function spanSentence(a: Comparison, b: Comparison): string {
  const ind = b.ind;
  const name = ind.shortVi ?? ind.nameVi;
  if (a.value === null || b.value === null)
    return `${name}: chưa đủ số liệu để so sánh ${periodLabelVi(a.period)} với ${periodLabelVi(b.period)}.`;
  const fmt = (value: number, p: Period) =>
    `${withUnit(formatNumberVi(value, ind.precision), ind.unitVi)} (${periodLabelVi(p)})`;
  const change = a.value === 0 ? null : direction((100 * (b.value - a.value)) / a.value).vi;
  const verb = b.value < a.value ? 'giảm' : b.value > a.value ? 'tăng' : 'giữ nguyên';
  // A rise goes "lên", a fall "xuống"; a figure that held goes "đến".
  const to = verb === 'tăng' ? 'lên' : verb === 'giảm' ? 'xuống' : 'đến';
  return `${name} ${verb} từ ${fmt(a.value, a.period)} ${to} ${fmt(b.value, b.period)}${change && verb !== 'giữ nguyên' ? `, ${change}` : ''}.`;
}
