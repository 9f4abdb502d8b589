import type { Comparison } from '../compare/comparison.ts';
import { compareFigures, presentComparison } from '../compare/compare.ts';
import { comparisonText } from '../compare/sentence.ts';
import type { Ctx } from '../context.ts';
import { formatNumberVi } from '../format/number.ts';
import { monthsOf, type Period, yearToDate } from '../periods/period.ts';
import type { CompareResult, Imputed, Indicator } from '../schemas.ts';
import { imputedPolicy, refusal, withoutImputation } from './imputed.ts';
import type { FigureSpec, ReportBlock, ReportFigure, TemplateSection } from './report-schemas.ts';

/** The periods a figure may be stated for, the preferred first. */
function candidates(spec: FigureSpec, p: Period): Period[] {
  if (spec.period === 'ytd') return [yearToDate(p)];
  if (spec.period === 'latest') return monthsOf(p).reverse();
  return [p];
}

/** A figure of a report, computed: its comparison (typed and as the API gives it), its sentence and its provenance. */
export interface ComputedFigure {
  spec: FigureSpec;
  ind: Indicator;
  comparison: Comparison;
  result: CompareResult;
  figure: ReportFigure;
  /** Set when the figure could be imputed but the settings refuse to print it so (printed partial). */
  refused?: { imputed: Imputed; why: 'off' | 'share'; maxSharePct: number };
}

/** The comparisons a report's figures run, in order: what `computeFigures` asks of `compareMany`. */
export const figureRequests = (specs: FigureSpec[], p: Period) =>
  specs.flatMap((s) => candidates(s, p).map((c) => ({ indicator: s.indicator, unit: s.unit, period: c.id })));

/** The figure specs of a template, for a report speaking for `unit`. */
export const templateFigureSpecs = (sections: TemplateSection[], unit: string): FigureSpec[] =>
  sections.flatMap((s) =>
    s.kind === 'figures' ? s.items.map((i) => ({ ...i, unit: i.unit === 'VN' ? unit : i.unit })) : [],
  );

/**
 * Computes every figure of a report in one batch of comparisons. A "latest" figure is the last
 * month of the period that has data (the quarterly briefing, held in March, states February's stock).
 */
export async function computeFigures(ctx: Ctx, specs: FigureSpec[], p: Period): Promise<ComputedFigure[]> {
  const comparisons = await compareFigures(ctx, figureRequests(specs, p));
  const policy = imputedPolicy();
  let at = 0;
  return specs.map((spec, n) => {
    const mine = comparisons.slice(at, (at += candidates(spec, p).length));
    const found = mine.find((r) => r.value !== null) ?? mine[0]!;
    const { ind } = found;
    // An imputed figure is printed only as the settings allow; else what was reported, partial.
    const why = found.imputed ? refusal(policy, found.imputed) : null;
    const comparison = why ? withoutImputation(found) : found;
    const refused =
      why && found.imputed ? { imputed: found.imputed, why, maxSharePct: policy.maxSharePct } : undefined;
    const result = presentComparison(comparison);
    // The one writer, with the template's choice of comparisons and wording.
    const text = comparisonText(comparison, spec.compare, {
      pattern: spec.pattern,
      lastYearLabel: spec.lastYearLabel,
    }).vi;
    const figure: ReportFigure = {
      id: `f${n + 1}`,
      indicator: result.indicator,
      unit: result.unit,
      period: result.period,
      value: result.value,
      status: result.status,
      source: result.source,
      previous: spec.compare.includes('previous') && result.previous ? result.previous : null,
      lastYear: result.lastYear,
      plan: result.plan,
      text,
      ...(result.imputed ? { imputed: result.imputed } : {}),
    };
    return { spec, ind, comparison, result, figure, ...(refused ? { refused } : {}) };
  });
}

const DASH = '–';

/** The table of a figures section: value, same period last year, change, annual plan, share. */
export function figuresTable(caption: string, figs: ComputedFigure[]): ReportBlock {
  let derived = false;
  const rows = figs.map(({ ind, result: r }) => {
    const num = (x: number | null) => (x === null ? DASH : formatNumberVi(x, ind.precision));
    // Every base the data knows is printed; one implied by a stated growth rate is marked "*".
    const ly = r.lastYear.value === null ? DASH : `${num(r.lastYear.value)}${r.lastYear.derived ? '*' : ''}`;
    derived ||= r.lastYear.value !== null && r.lastYear.derived;
    return [
      ind.shortVi ?? ind.nameVi,
      ind.unitVi,
      r.periodLabel,
      `${num(r.value)}${r.status === 'partial' ? ` (${r.completeness.reported}/${r.completeness.expected})` : ''}${r.status === 'imputed' && r.imputed ? ` (ước tính bù ${r.imputed.units}/${r.imputed.expected})` : ''}`,
      ly,
      r.words.lastYearChange?.vi ?? DASH,
      num(r.plan.value),
      r.words.planShare?.vi ?? DASH,
    ];
  });
  if (derived) caption = `${caption} (*: số cùng kỳ suy ra từ tốc độ tăng đã công bố)`;
  return {
    type: 'table',
    caption,
    header: [
      'Chỉ tiêu',
      'Đơn vị tính',
      'Kỳ',
      'Số liệu',
      'Cùng kỳ năm trước',
      'So với cùng kỳ',
      'Kế hoạch năm',
      'So với kế hoạch',
    ],
    rows,
  };
}

/** The chart data of a figures section: each figure's change on the same period last year. */
export function growthSeries(figs: ComputedFigure[]): { label: string; pct: number }[] {
  return figs.flatMap(({ ind, result: r, spec }) =>
    spec.compare.includes('lastYear') && r.lastYear.changePct !== null
      ? [{ label: ind.shortVi ?? ind.nameVi, pct: r.lastYear.changePct }]
      : [],
  );
}
