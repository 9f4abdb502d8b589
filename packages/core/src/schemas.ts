/**
 * The one declaration of every shape that crosses a boundary (API, CLI, web). Free of Node
 * dependencies so the browser bundle can import it.
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
export type ValueSource = z.infer<typeof ValueSource>;

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

/**
 * The sane maximum of any value: 15 significant digits are what a double holds exactly. Declared
 * here, beside the indicator's shape that bounds `maxValue` by it; `values/value-rule.ts` applies it.
 */
export const MAX_ABS_VALUE = 1e15;

/**
 * A calendar date written YYYY-MM-DD that exists (2024-02-29 yes, 2024-02-30 and 2023-02-29 no):
 * the one date parser of every date field (zod's ISO date, leap years included).
 */
export const IsoDate = z.iso.date();

/** Where a unit's form for a period stands (`missing`: never started). Declared once, here. */
export const FormStatus = z.enum(['missing', 'draft', 'submitted', 'returned', 'approved']);
export type FormStatus = z.infer<typeof FormStatus>;

export const IndicatorKind = z.enum(['flow', 'stock', 'ratio']);
export const UnitKind = z.enum(['country', 'ministry', 'department', 'province', 'enterprise', 'other']);

const code = z
  .string()
  .trim()
  .regex(/^[A-Z0-9][A-Z0-9_.-]{0,63}$/, 'Mã chỉ gồm chữ in hoa, số, dấu chấm, gạch dưới hoặc gạch ngang');

export const IndicatorInput = z.object({
  code,
  nameVi: z.string().trim().min(1),
  nameEn: z.string().trim().min(1),
  shortVi: z.string().trim().min(1).nullish(),
  shortEn: z.string().trim().min(1).nullish(),
  unitVi: z.string().trim().min(1),
  unitEn: z.string().trim().min(1).nullish(),
  precision: z.number().int().min(0).max(6),
  kind: IndicatorKind,
  acrossUnits: z.enum(['sum', 'none']),
  domain: z.string().trim().min(1),
  reportingKind: UnitKind.nullish(),
  numeratorCode: code.nullish(),
  denominatorCode: code.nullish(),
  nonNegative: z.boolean().default(true),
  /** Decimal places a value may have (0 = whole numbers); by default whole numbers for counts. */
  valueDecimals: z.number().int().min(0).max(6).optional(),
  /** Largest magnitude accepted (default and ceiling: 10^15). */
  maxValue: z.number().positive().max(MAX_ABS_VALUE).nullish(),
  /** Largest value per inhabitant of the unit (e.g. 5 subscriptions a person); null: not scaled. */
  maxPerCapita: z.number().positive().max(1e6).nullish(),
  note: z.string().nullish(),
});
export type IndicatorInput = z.input<typeof IndicatorInput>;

export const Indicator = IndicatorInput.extend({
  id: z.number().int(),
  shortVi: z.string().nullable(),
  shortEn: z.string().nullable(),
  unitEn: z.string().nullable(),
  reportingKind: UnitKind.nullable(),
  numeratorCode: z.string().nullable(),
  denominatorCode: z.string().nullable(),
  note: z.string().nullable(),
  nonNegative: z.boolean(),
  valueDecimals: z.number().int(),
  maxValue: z.number().nullable(),
  maxPerCapita: z.number().nullable(),
});
export type Indicator = z.infer<typeof Indicator>;

export const UnitInput = z.object({
  code,
  nameVi: z.string().trim().min(1),
  nameEn: z.string().trim().min(1).nullish(),
  kind: UnitKind,
  parentCode: code.nullish(),
  validFrom: IsoDate.nullish(),
  validTo: IsoDate.nullish(),
});
export type UnitInput = z.input<typeof UnitInput>;

export const Unit = z.object({
  id: z.number().int(),
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string().nullable(),
  kind: UnitKind,
  parentId: z.number().int().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
});
export type Unit = z.infer<typeof Unit>;

/**
 * One value as it is written: by codes, as a person or a machine states it. The value may be a
 * number or text (`2.820.865`, `46,8`) and the status any spelling of a status word: both are read
 * by the one rule of each (`readValue`, `parseStatusWord`), which says precisely what is wrong.
 */
export const ValueInput = z.object({
  indicator: z.string(),
  unit: z.string(),
  period: z.string(),
  value: z.union([z.number(), z.string()]),
  status: z.string().nullish(),
  note: z.string().nullish(),
});
export type ValueInput = z.input<typeof ValueInput>;

export const CompareInput = z.object({
  indicator: z.string().trim().min(1),
  unit: z.string().trim().min(1).default('VN'),
  period: z.string().trim().min(1),
});
export type CompareInput = z.input<typeof CompareInput>;

/** Something said in both languages. */
export const Words = z.object({ vi: z.string(), en: z.string() });
export type Words = z.infer<typeof Words>;

/**
 * The words a figure is shown with beside its number, written by the one comparison writer
 * (`compare/sentence.ts`): a page prints these, never its own "tăng … so với …".
 */
export const ComparisonWords = z.object({
  /** "tăng 15,6%" on the previous period. */
  previousChange: Words.nullable(),
  /** "tăng 23,7%" on the same period last year (a table's "So với cùng kỳ" column). */
  lastYearChange: Words.nullable(),
  /** "tăng 23,7% so với cùng kỳ": the change on last year as one line (a dashboard card). */
  lastYearLine: Words.nullable(),
  /** "66,4%" of the annual plan. */
  planShare: Words.nullable(),
  /** "1/34 tỉnh, thành phố đã báo cáo" for a partial figure. */
  coverage: Words.nullable(),
});
export type ComparisonWords = z.infer<typeof ComparisonWords>;

export const CompareResult = z.object({
  indicator: z.string(),
  unit: z.string(),
  period: z.string(),
  periodLabel: z.string(),
  value: z.number().nullable(),
  /**
   * `partial` when the figure sums fewer units than must report (see completeness); `imputed` when
   * that sum is completed with estimates of the units missing (see `imputed`).
   */
  status: FigureStatus.nullable(),
  /** The status of the stored values the figure is made of (a partial sum of official values: official). */
  basis: ValueStatus.nullable(),
  /** Set when the figure is imputed: how many units were estimated and their share of it. */
  imputed: Imputed.nullish(),
  derived: z.boolean(),
  source: ValueSource.nullable(),
  /**
   * Where a value was entered for the unit itself (the ministry's national estimate), the sum of the
   * units below as a cross-check, with the coverage of that sum and the gap (value − sum).
   */
  crossCheck: z
    .object({
      childrenSum: z.number(),
      expected: z.number().int(),
      reported: z.number().int(),
      gap: z.number(),
    })
    .nullable(),
  previous: ComparisonBase.extend({ derived: z.boolean() }).nullable(),
  lastYear: ComparisonBase.extend({ derived: z.boolean() }),
  plan: z.object({ year: z.number().int(), value: z.number().nullable(), sharePct: z.number().nullable() }),
  completeness: z.object({
    expected: z.number().int(),
    reported: z.number().int(),
    pct: z.number().nullable(),
  }),
  /** The sentence, Vietnamese and English, and the words beside the number: see `ComparisonWords`. */
  text: z.string(),
  textEn: z.string(),
  words: ComparisonWords,
});
export type CompareResult = z.infer<typeof CompareResult>;

/** One change of one value, newest first: who, when, from what to what, and why. */
export const ValueHistoryEntry = z.object({
  at: z.string(),
  actor: z.string(),
  /** The actor's display name when the actor is a person with an account. */
  actor_name: z.string().nullable(),
  old_value: z.string().nullable(),
  new_value: z.string().nullable(),
  old_status: z.string().nullable(),
  new_status: z.string().nullable(),
  reason: z.string().nullable(),
  source: z.string().nullable(),
});
export type ValueHistoryEntry = z.infer<typeof ValueHistoryEntry>;

export const ImportError = z.object({
  row: z.number().int().optional(),
  field: z.string().optional(),
  code: z.string(),
  message: z.string(),
  messageEn: z.string(),
});

export const ImportResult = z.object({
  rows: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  warnings: z.array(ImportError),
});
export type ImportResult = z.infer<typeof ImportResult>;
