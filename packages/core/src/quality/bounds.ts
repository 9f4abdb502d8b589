/**
 * Hard bounds and administrators' ranges of a value: what is impossible (refused at entry, by
 * every path: form save and submit, file import, the API) and what is merely out of the range an
 * administrator expects (flagged for an explanation). Node-free: the web form shows the bound too.
 */
import { formatNumberEn, formatNumberVi } from '../format/number.ts';

/** An administrator's range for one indicator in one unit. */
export interface ValueRange {
  min: number | null;
  max: number | null;
  /** Refused at entry when true; otherwise a value outside is flagged for explanation. */
  hard: boolean;
}

/** What bounds a value of one indicator in one unit, beyond the indicator's own number rule. */
export interface CellBounds {
  /** The unit's population (own, or the successor's for a merged-away unit, or its parts' sum). */
  population: number | null;
  range: ValueRange | null;
}

/** The indicator's fields the bounds read. */
export interface BoundedIndicator {
  code: string;
  precision: number;
  maxPerCapita: number | null;
}

/** A value refused or flagged by a bound: English code, messages in both languages. */
export interface BoundFinding {
  code: 'OVER_POPULATION_BOUND' | 'OUTSIDE_RANGE';
  severity: 'error' | 'warning';
  vi: string;
  en: string;
}

/** The largest value the population allows (k × population), or null when not scaled. */
export function populationBound(indicator: BoundedIndicator, population: number | null): number | null {
  if (indicator.maxPerCapita === null || population === null) return null;
  return Math.floor(indicator.maxPerCapita * population);
}

/**
 * The largest value the entry accepts: the indicator's maximum, k × population and a hard range's
 * maximum, whichever is smallest (null: the platform's sane maximum). The web form checks with it.
 */
export function hardMax(
  indicator: BoundedIndicator & { maxValue: number | null },
  bounds: CellBounds,
): number | null {
  const caps = [indicator.maxValue, populationBound(indicator, bounds.population)];
  if (bounds.range?.hard) caps.push(bounds.range.max);
  const known = caps.filter((c): c is number => c !== null);
  return known.length === 0 ? null : Math.min(...known);
}

/**
 * Checks a value against the population bound (an error: the value is impossible) and the
 * administrator's range (an error when the range is hard, a warning otherwise). `unitName` is
 * quoted in the message. Returns every finding, errors first.
 */
export function checkBounds(
  indicator: BoundedIndicator,
  unitName: string,
  value: number,
  bounds: CellBounds,
): BoundFinding[] {
  const out: BoundFinding[] = [];
  const cap = populationBound(indicator, bounds.population);
  const r = bounds.range;
  const outside = r !== null && ((r.min !== null && value < r.min) || (r.max !== null && value > r.max));
  // Most values are within their bounds: nothing is formatted for them (a batch checks every row).
  if (!outside && (cap === null || value <= cap)) return out;
  const vi = (x: number) => formatNumberVi(x, indicator.precision, { trimZeros: true });
  const en = (x: number) => formatNumberEn(x, indicator.precision, { trimZeros: true });
  if (cap !== null && value > cap) {
    const k = indicator.maxPerCapita!;
    out.push({
      code: 'OVER_POPULATION_BOUND',
      severity: 'error',
      vi: `${vi(value)} vượt giới hạn của ${indicator.code} tại ${unitName}: tối đa ${formatNumberVi(k, 3, { trimZeros: true })} × dân số ${vi(bounds.population!)} = ${vi(cap)}`,
      en: `${en(value)} is over the bound of ${indicator.code} in ${unitName}: at most ${formatNumberEn(k, 3, { trimZeros: true })} × population ${en(bounds.population!)} = ${en(cap)}`,
    });
  }
  if (r && outside) {
    const spanVi = `${r.min === null ? '…' : vi(r.min)} – ${r.max === null ? '…' : vi(r.max)}`;
    const spanEn = `${r.min === null ? '…' : en(r.min)} – ${r.max === null ? '…' : en(r.max)}`;
    out.push({
      code: 'OUTSIDE_RANGE',
      severity: r.hard ? 'error' : 'warning',
      vi: `${vi(value)} nằm ngoài khoảng ${spanVi} quản trị viên đặt cho ${indicator.code} tại ${unitName}`,
      en: `${en(value)} is outside the range ${spanEn} an administrator set for ${indicator.code} in ${unitName}`,
    });
  }
  return out;
}
