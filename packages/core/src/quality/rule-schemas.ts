/** Shapes of validation rules and their verdicts that cross the API (Node-free, shared with the web app). */
import { z } from 'zod';
import { UnitKind } from '../schemas.ts';

export const RULE_OPERATORS = [
  '==',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  'compulsory_pair',
  'exclusive_pair',
] as const;
export const RuleOperator = z.enum(RULE_OPERATORS);
export type RuleOperator = z.infer<typeof RuleOperator>;

const NEGATION: Record<RuleOperator, RuleOperator | null> = {
  '==': '!=',
  '!=': '==',
  '<': '>=',
  '<=': '>',
  '>': '<=',
  '>=': '<',
  compulsory_pair: null,
  exclusive_pair: null,
};

/**
 * The relation that holds between a broken comparison rule's two sides (`<` for a rule `a ≥ b` that
 * a value breaks), so a verdict shows what the values are, not what they should be; null for the
 * pair rules, whose verdict is which side is present.
 */
export function violatedRelation(operator: RuleOperator): RuleOperator | null {
  return NEGATION[operator];
}

export const RuleImportance = z.enum(['error', 'warning']);
export type RuleImportance = z.infer<typeof RuleImportance>;

export const RulePeriodType = z.enum(['M', 'Q', 'S', 'Y', 'R']);

/** A rule as an administrator writes it (expressions are checked against the catalog when saved). */
export const RuleInput = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z][A-Z0-9_.]{1,63}$/, 'Mã quy tắc: chữ in hoa, số, dấu chấm, gạch dưới (2–64 ký tự)'),
  nameVi: z.string().trim().min(1).max(300),
  nameEn: z.string().trim().min(1).max(300),
  left: z.string().trim().min(1).max(1000),
  operator: RuleOperator,
  right: z.string().trim().min(1).max(1000),
  importance: RuleImportance,
  periodTypes: z.array(RulePeriodType).min(1),
  unitKinds: z.array(UnitKind).min(1),
  active: z.boolean().default(true),
});
export type RuleInput = z.input<typeof RuleInput>;
export type RuleData = z.output<typeof RuleInput>;

export const Rule = RuleInput.extend({
  version: z.number().int(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});
export type Rule = z.infer<typeof Rule>;

/** One broken rule at one unit and period, as validation analysis lists it. */
export const Violation = z.object({
  unit: z.string(),
  unitName: z.string(),
  period: z.string(),
  rule: z.string(),
  ruleVersion: z.number().int(),
  nameVi: z.string(),
  nameEn: z.string(),
  importance: RuleImportance,
  /** The indicator the verdict is shown beside (the first of the left side). */
  indicator: z.string(),
  operator: RuleOperator,
  left: z.number().nullable(),
  right: z.number().nullable(),
  message: z.string(),
  messageEn: z.string(),
  /** The reporter's explanation of the subject's value, kept with the submitted form (null: none). */
  explanation: z.string().nullable(),
});
export type Violation = z.infer<typeof Violation>;

export const AnalysisInput = z.object({
  period: z.string().trim().toUpperCase(),
  unit: z.string().trim().toUpperCase().default('VN'),
  importance: RuleImportance.optional(),
  rule: z.string().trim().toUpperCase().optional(),
  indicator: z.string().trim().toUpperCase().optional(),
});
export type AnalysisInput = z.input<typeof AnalysisInput>;

export const ValidationAnalysis = z.object({
  period: z.string(),
  unit: z.string(),
  violations: z.array(Violation),
  counts: z.object({ error: z.number().int(), warning: z.number().int(), units: z.number().int() }),
});
export type ValidationAnalysis = z.infer<typeof ValidationAnalysis>;
