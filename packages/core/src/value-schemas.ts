/**
 * The shapes of a resolved value, on their own (zod only) so that the schema modules schemas.ts
 * re-exports (dashboard, reports) can build on them without an import cycle.
 */
import { z } from 'zod';

/** The status of a stored value, as reported. */
export const ValueStatus = z.enum(['estimate', 'official']);
/** `estimate` or `official`: the one declaration every file uses. */
export type ValueStatus = z.infer<typeof ValueStatus>;

/**
 * The status of a figure as shown: a stored value's, or `partial` — a sum of the units that reported
 * while some that must report have not (its coverage says how many) — or `imputed` ("ước tính bù"):
 * that sum completed with an estimate of each unit that has not reported (its `imputed` part says
 * how many and what share; see compare/impute.ts).
 */
export const FigureStatus = z.enum(['estimate', 'official', 'partial', 'imputed']);
export type FigureStatus = z.infer<typeof FigureStatus>;

/** How many of the units that must report a figure did: the units active in the period, for that indicator. */
export const Coverage = z.object({ expected: z.number().int(), reported: z.number().int() });

/**
 * The estimated part of an imputed figure: how many of the units that must report were estimated,
 * which, their sum and its share of the whole figure (percent, unrounded).
 */
export const Imputed = z.object({
  units: z.number().int(),
  expected: z.number().int(),
  unitCodes: z.array(z.string()),
  value: z.number(),
  sharePct: z.number(),
});
export type Imputed = z.infer<typeof Imputed>;

/** Where a resolved value comes from: reported for the unit itself, summed from below, or computed (a ratio). */
export const ValueSource = z.enum(['reported', 'aggregated', 'computed']);

/** A comparison base: its period, its value and the change against it, in percent. */
export const ComparisonBase = z.object({
  period: z.string(),
  value: z.number().nullable(),
  changePct: z.number().nullable(),
});

/** One value of (indicator, unit, period) as resolved; a null value means the data does not support one. */
export const ValueCell = z.object({
  indicator: z.string(),
  unit: z.string(),
  period: z.string(),
  value: z.number().nullable(),
  status: FigureStatus.nullable(),
  source: ValueSource.nullable(),
  /** Set when the figure is partial or imputed. */
  coverage: Coverage.nullish(),
  /** Set when the figure is imputed: its estimated part. */
  imputed: Imputed.nullish(),
  /** Set when the figure rests on a value derived from others (a base worked back from a rate). */
  derived: z.boolean().optional(),
});
export type ValueCell = z.infer<typeof ValueCell>;
