/**
 * A comparison as computed, typed: what `compare.ts` hands to the one sentence writer
 * (`sentence.ts`) and to the API's presentation. Periods are `Period` objects and the figure keeps
 * its basis and coverage, so no reader parses a period string again or guesses how a partial figure
 * was made.
 */
import type { Period } from '../periods/period.ts';
import type { FigureStatus, Imputed, Indicator, ValueSource, ValueStatus } from '../schemas.ts';

/** A comparison base: its period, its value (null when missing) and the change against it, in percent. */
export interface Base {
  period: Period;
  value: number | null;
  changePct: number | null;
  /** A base implied by a stated growth rate: its digits are not printed. */
  derived: boolean;
}

/** Everything known about one figure of (indicator, unit, period) and its comparisons. */
export interface Comparison {
  ind: Indicator;
  /** The unit's code. */
  unit: string;
  period: Period;
  value: number | null;
  /** `partial` when the figure sums fewer units than must report (see `coverage`). */
  status: FigureStatus | null;
  /** The status of the stored values the figure is made of: a partial sum of official values is official. */
  basis: ValueStatus | null;
  /** Set when the figure is imputed: the estimated part (compare/impute.ts). */
  imputed?: Imputed;
  derived: boolean;
  source: ValueSource | null;
  /** How many of the units that must report did. */
  coverage: { expected: number; reported: number };
  crossCheck: { childrenSum: number; expected: number; reported: number; gap: number } | null;
  previous: Base | null;
  lastYear: Base;
  plan: { year: number; value: number | null; sharePct: number | null };
}
