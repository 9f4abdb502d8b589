/** The shape of a quality flag, shared by every check that questions a value (Node-free, for the web too). */
import { z } from 'zod';

/**
 * One question about one value: a validation rule it breaks, an outlier against its history or its
 * peers, a range it leaves. An `error` blocks the submission; a `warning`
 * asks the reporter for an explanation and the reviewer for an acknowledgement.
 */
export const QualityFlag = z.object({
  /** The indicator (code) whose value is questioned. */
  indicator: z.string(),
  /** A stable code of the check: a rule's code, an outlier method's name. */
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  vi: z.string(),
  en: z.string(),
  source: z.enum(['rule', 'outlier', 'bound']),
  /** What produced it, for the audit (`rule:CODE@version`). */
  ref: z.string(),
});
export type QualityFlag = z.infer<typeof QualityFlag>;

/** The sentence every reviewer ticks before approving a flagged value. */
export const ACKNOWLEDGE_VI = 'Tôi đã kiểm tra giá trị bất thường';
export const ACKNOWLEDGE_EN = 'I have checked the unusual value';
