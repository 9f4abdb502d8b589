/** What the fact-checker answers (Node-free: the API documents it, the web app shows it). */
import { z } from 'zod';

export const FindingCode = z.enum([
  'RATE_MISMATCH',
  'SHARE_MISMATCH',
  'WRONG_COMPARISON_YEAR',
  'VALUE_MISMATCH',
  'DUPLICATE_ITEM',
  // Typography (severity "info"): never drowns the arithmetic.
  'MALFORMED_PERIOD',
  'DOUBLED_SYMBOL',
  'MISSING_SPACE',
  'ENGLISH_SEPARATOR',
  'THOUSANDS_AS_DECIMAL',
  'IMPOSSIBLE_VALUE',
  'REPEATED_WORDS',
  'MISSING_UNIT',
]);

export const Finding = z.object({
  code: FindingCode,
  severity: z.enum(['error', 'warning', 'info']),
  /** Character offsets into the checked text. */
  start: z.number().int(),
  end: z.number().int(),
  quote: z.string(),
  stated: z.string().nullable(),
  expected: z.string().nullable(),
  message: z.string(),
  messageEn: z.string(),
});
export type Finding = z.infer<typeof Finding>;

/**
 * One comparison as the checker read it: the figure, its base (or the increase stated instead), the
 * rate, the period, and whether it was checked — or why not (the checker abstains rather than guess).
 */
export const StatementRead = z.object({
  start: z.number().int(),
  end: z.number().int(),
  quote: z.string(),
  subject: z.string(),
  kind: z.enum(['change', 'points', 'ratio', 'times', 'plan', 'share', 'unknown']),
  value: z.number().nullable(),
  base: z.number().nullable(),
  rate: z.number().nullable(),
  /** The period the figure is for ("2024M08"), and where that came from. */
  period: z.string().nullable(),
  periodFrom: z.enum(['sentence', 'anaphor', 'paragraph', 'text']).nullable(),
  checked: z.boolean(),
  /** Why it was not checked, when it was not. */
  reason: z.string().nullable(),
  reasonEn: z.string().nullable(),
  /**
   * Whether the year it compares with was judged (null: it names no year). A year is judged only when
   * the statement's own period and its base are both written in its sentence; otherwise why not.
   */
  yearChecked: z.boolean().nullable(),
  yearReason: z.string().nullable(),
  yearReasonEn: z.string().nullable(),
});
export type StatementRead = z.infer<typeof StatementRead>;

export const CheckResult = z.object({
  statements: z.number().int(),
  findings: z.array(Finding),
  read: z.array(StatementRead),
});
export type CheckResult = z.infer<typeof CheckResult>;
