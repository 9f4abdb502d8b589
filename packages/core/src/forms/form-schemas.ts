/** Shapes of unit forms and their review that cross the API (Node-free, shared with the web app). */
import { z } from 'zod';
import { FormAbilities } from '../access/policy.ts';
import { ClosedBy, ReportingPeriod } from '../periods/period-schemas.ts';
import { FormStatus, ValueStatus } from '../schemas.ts';
import { QualityFlag } from '../quality/flag-schemas.ts';

export const FormKey = z.object({
  unit: z.string().trim().toUpperCase(),
  period: z.string().trim().toUpperCase(),
});
export type FormKey = z.infer<typeof FormKey>;

/** One value typed into a form: empty means "not reported" (missing, never zero). */
export const FormValueInput = z.object({
  /** The line of the source (a spreadsheet row) that errors name; the position in the list when absent. */
  row: z.number().int().positive().optional(),
  indicator: z.string(),
  value: z.union([z.number(), z.string()]).nullish(),
  /** A status word as typed (`ước`, `Chính thức`, `official`…), read by the one status parser. */
  status: z.string().nullish(),
  note: z.string().nullish(),
  /** Why a flagged value is right (a warning needs one at submit); kept with the value for the reviewer. */
  explanation: z.string().trim().max(2000).nullish(),
});
export type FormValueInput = z.infer<typeof FormValueInput>;

/** A validated line of a form's draft, as stored until approval. */
export const DraftValue = z.object({
  indicator: z.string(),
  value: z.number(),
  status: ValueStatus,
  note: z.string().nullable(),
  explanation: z.string().nullish(),
});
export type DraftValue = z.infer<typeof DraftValue>;

/** The draft lines of a submission row (stored JSON, parsed rather than trusted). */
export const draftOf = (d: unknown): DraftValue[] =>
  z
    .array(DraftValue)
    .catch([])
    .parse(d ?? []);

/** A cell a submitted form left empty, with the reporter's reason ("không phát sinh"), if given. */
export const EmptyCell = z.object({ indicator: z.string(), reason: z.string().nullable() });
export type EmptyCell = z.infer<typeof EmptyCell>;

/** The stored empty cells of a submission (stored JSON, parsed rather than trusted). */
export const emptyCellsOf = (d: unknown): EmptyCell[] =>
  z
    .array(EmptyCell)
    .catch([])
    .parse(d ?? []);

const Reason = z.string().trim().min(1).max(500);

export const FormSaveInput = FormKey.extend({
  values: z.array(FormValueInput),
  /** At submit: why cells were left empty, per cell… */
  emptyReasons: z
    .array(z.object({ indicator: z.string().trim().toUpperCase(), reason: Reason }))
    .max(500)
    .optional(),
  /** …or one reason for every empty cell of the form (a cell's own reason wins). */
  emptyReason: Reason.nullish(),
});
export type FormSaveInput = z.infer<typeof FormSaveInput>;

const Base = z.object({ period: z.string(), value: z.number().nullable() });

export const FormRow = z.object({
  indicator: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  unitVi: z.string(),
  unitEn: z.string(),
  precision: z.number().int(),
  /** What the indicator accepts (the one number rule, `readValue`), so the form checks as the server does. */
  valueDecimals: z.number().int(),
  nonNegative: z.boolean(),
  maxValue: z.number().nullable(),
  kind: z.string(),
  value: z.number().nullable(),
  status: ValueStatus,
  note: z.string().nullable(),
  /** The reporter's explanation of a flagged value. */
  explanation: z.string().nullable(),
  /** What the quality checks say about the value (rules; outliers and bounds when plugged in). */
  flags: z.array(QualityFlag),
  previous: Base.nullable(),
  lastYear: Base,
});
export type FormRow = z.infer<typeof FormRow>;

export const FormSummary = z.object({
  unit: z.string(),
  unitName: z.string(),
  unitNameEn: z.string(),
  period: z.string(),
  periodLabel: z.string(),
  dueOn: z.string(),
  daysLeft: z.number().int(),
  status: FormStatus,
  /** The reviewer's reason, while the form is returned to the unit (once resubmitted it is history). */
  comment: z.string().nullable(),
  submittedAt: z.string().nullable(),
  submittedBy: z.string().nullable(),
  /** The sender's display name ("Nguyễn Văn An"), for people; `submittedBy` is the login, for audit. */
  submittedByName: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  remindedAt: z.string().nullable(),
  late: z.boolean(),
  /** The unit has sent it: submitted or approved (its deadline is met). */
  handedIn: z.boolean(),
  filled: z.number().int(),
  /** Cells on the form: completeness reads `filled`/`required` ("6/11"). */
  required: z.number().int(),
  /** The cells a handed-in form left empty and why (empty while the form is a draft). */
  emptyCells: z.array(EmptyCell),
  /** The reporting period is not open: nothing on the form can change (`closedBy` says why). */
  closed: z.boolean(),
  closedBy: ClosedBy.nullable(),
  /** What the signed-in person may do with this form (core decides; the web only shows it). */
  abilities: FormAbilities,
});
export type FormSummary = z.infer<typeof FormSummary>;

export const Form = FormSummary.extend({ rows: z.array(FormRow) });
export type Form = z.infer<typeof Form>;

/** The submission board of one period: every unit that must report, and the counts by status. */
export const SubmissionBoard = z.object({
  period: z.string(),
  periodLabel: z.string(),
  dueOn: z.string().nullable(),
  /** The reporting period's state and abilities (null when the period was never opened). */
  reportingPeriod: ReportingPeriod.nullable(),
  forms: z.array(FormSummary),
  counts: z.record(z.string(), z.number()),
});
export type SubmissionBoard = z.infer<typeof SubmissionBoard>;

/**
 * One value awaiting review, placed by how much it moves the national total: `change` against
 * its reference (a flow's same period last year, a stock's previous period; the whole value when
 * there is none) and `share`, its part of all the queue's changes of that indicator.
 */
export const ReviewQueueItem = z.object({
  indicator: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  unitName: z.string(),
  period: z.string(),
  value: z.number(),
  reference: Base.nullable(),
  change: z.number(),
  share: z.number(),
});
export type ReviewQueueItem = z.infer<typeof ReviewQueueItem>;

export const ReviewQueue = z.object({
  period: z.string(),
  periodLabel: z.string(),
  items: z.array(ReviewQueueItem),
});
export type ReviewQueue = z.infer<typeof ReviewQueue>;
