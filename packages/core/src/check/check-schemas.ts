/** What the fact-checker answers (Node-free: the API documents it, the web app shows it). */
import { z } from 'zod';

export const FindingCode = z.enum([
  'RATE_MISMATCH',
  'SHARE_MISMATCH',
  'WRONG_COMPARISON_YEAR',
  'VALUE_MISMATCH',
  'DUPLICATE_ITEM',
]);

export const Finding = z.object({
  code: FindingCode,
  severity: z.enum(['error', 'warning']),
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

export const CheckResult = z.object({ statements: z.number().int(), findings: z.array(Finding) });
export type CheckResult = z.infer<typeof CheckResult>;
