/**
 * The imputation method on plain numbers, apart from the store, so that the figures and the bench
 * (`bench/impute.ts`) run the same code. docs/IMPUTATION.md states it in words.
 */

/** One unit that must report: its value for the period (null when it has not reported) and its bases. */
export interface UnitValues {
  unit: string;
  current: number | null;
  /**
   * The values the unit's estimate may rest on, nearest first: for a flow the same period last year
   * only (seasons repeat); for a stock the previous periods, back to a year.
   */
  bases: (number | null)[];
}

/** The estimate of a unit that has not reported. */
export interface UnitEstimate {
  unit: string;
  value: number;
  /** Which base it rests on (an index into `bases`). */
  base: number;
  /** The reporters' change from that base to the period (1.05 = +5%). */
  ratio: number;
}

/**
 * Ratio imputation: each unit that has not reported is its first known base times the change, over
 * that same base, of the units that did report and have that base too (Σ current / Σ base). A unit
 * with no base, or whose base no reporter shares (or shares with a sum that is not positive), is
 * left out of `estimates` and listed in `missing`: no estimate is better than an invented one.
 */
export function imputeMissing(units: UnitValues[]): { estimates: UnitEstimate[]; missing: string[] } {
  const reporters = units.filter((u) => u.current !== null);
  const ratios = new Map<number, number | null>();
  const ratioAt = (i: number): number | null => {
    if (!ratios.has(i)) {
      let now = 0;
      let then = 0;
      let n = 0;
      for (const r of reporters) {
        const b = r.bases[i];
        if (b === null || b === undefined) continue;
        now += r.current!;
        then += b;
        n++;
      }
      ratios.set(i, n > 0 && then > 0 ? now / then : null);
    }
    return ratios.get(i)!;
  };
  const estimates: UnitEstimate[] = [];
  const missing: string[] = [];
  for (const u of units) {
    if (u.current !== null) continue;
    const base = u.bases.findIndex((b) => b !== null);
    const ratio = base < 0 ? null : ratioAt(base);
    if (ratio === null) missing.push(u.unit);
    else estimates.push({ unit: u.unit, value: u.bases[base]! * ratio, base, ratio });
  }
  return { estimates, missing };
}

/** How many periods back a stock's last value is looked for (a year of months, four quarters…). */
export const STOCK_LOOKBACK = 12;
