/**
 * A rule's verdict on one unit and period: compiled once (both sides parsed), then evaluated over
 * a lookup of the unit's values. Missing values skip a comparison (nothing to compare: missing is
 * not zero); the pair operators are about presence itself.
 */
import { BaocaoError } from '../errors.ts';
import { formatNumberEn, formatNumberVi } from '../format/number.ts';
import type { Period } from '../periods/period.ts';
import type { QualityFlag } from './flag-schemas.ts';
import { type Expr, type Lookup, evaluate, parseExpression, refsOf } from './rule-expr.ts';
import type { Rule, RuleOperator } from './rule-schemas.ts';

/** A rule with both sides parsed. */
export interface CompiledRule {
  rule: Rule;
  left: Expr;
  right: Expr;
  /** The indicator its verdict is shown beside: the first one of this period on the left (else the right). */
  subject: string;
  /** Every indicator of this period the rule reads (the cells a form must hold for it to apply). */
  current: string[];
}

/** Parses a stored rule (it was checked when saved; a failure here is a broken store, not user input). */
export function compileRule(rule: Rule): CompiledRule {
  const l = parseExpression(rule.left, 'left');
  const r = parseExpression(rule.right, 'right');
  if ('error' in l || 'error' in r) {
    throw new BaocaoError(
      'RULE_BROKEN',
      `Quy tắc ${rule.code} không đọc được`,
      `Rule ${rule.code} cannot be read`,
      {
        status: 500,
      },
    );
  }
  const refs = [...refsOf(l.expr), ...refsOf(r.expr)];
  const current = [...new Set(refs.filter((x) => x.shift === 'current').map((x) => x.code))];
  return { rule, left: l.expr, right: r.expr, subject: current[0] ?? refs[0]?.code ?? '', current };
}

/** Whether a rule applies to a unit kind and a period type. */
export const ruleApplies = (c: CompiledRule, unitKind: string, p: Period): boolean =>
  c.rule.active && c.rule.unitKinds.some((k) => k === unitKind) && c.rule.periodTypes.includes(p.type);

const EPS = 1e-9;
// Sides within a billionth of each other are equal (sums of decimals carry binary rounding), and
// each strict relation is the negation of a tolerant one, so exactly one of a rule and its negation
// (`violatedRelation`) holds for any two values.
const eq = (a: number, b: number) => Math.abs(a - b) <= EPS * Math.max(1, Math.abs(a), Math.abs(b));
const le = (a: number, b: number) => a <= b || eq(a, b);
const ge = (a: number, b: number) => a >= b || eq(a, b);
const compare: Record<
  Exclude<RuleOperator, 'compulsory_pair' | 'exclusive_pair'>,
  (a: number, b: number) => boolean
> = {
  '==': eq,
  '!=': (a, b) => !eq(a, b),
  '<': (a, b) => !ge(a, b),
  '<=': le,
  '>': (a, b) => !le(a, b),
  '>=': ge,
};

/** A broken rule: the two sides' values (null where a side has none) and the sentences people read. */
export interface RuleVerdict {
  rule: Rule;
  subject: string;
  /** The indicators of this period the rule reads. */
  current: string[];
  left: number | null;
  right: number | null;
  message: string;
  messageEn: string;
}

const show = (v: number | null) => (v === null ? 'trống' : formatNumberVi(v, 3, { trimZeros: true }));
const showEn = (v: number | null) => (v === null ? 'empty' : formatNumberEn(v, 3, { trimZeros: true }));

/** The verdict of a rule over one unit's values, or null when the rule holds (or has nothing to compare). */
export function checkRule(c: CompiledRule, get: Lookup): RuleVerdict | null {
  const left = evaluate(c.left, get);
  const right = evaluate(c.right, get);
  const op = c.rule.operator;
  let broken: boolean;
  if (op === 'compulsory_pair') broken = (left === null) !== (right === null);
  else if (op === 'exclusive_pair') broken = left !== null && right !== null;
  else broken = left !== null && right !== null && !compare[op](left, right);
  if (!broken) return null;
  const OP = { '==': '=', '!=': '≠', '<': '<', '<=': '≤', '>': '>', '>=': '≥' } as const;
  const what =
    op === 'compulsory_pair'
      ? [
          `phải nhập cả hai hoặc để trống cả hai (${show(left)} và ${show(right)})`,
          `both must be given, or neither (${showEn(left)} and ${showEn(right)})`,
        ]
      : op === 'exclusive_pair'
        ? [
            `chỉ được nhập một trong hai (${show(left)} và ${show(right)})`,
            `only one of the two may be given (${showEn(left)} and ${showEn(right)})`,
          ]
        : [
            `không đạt ${show(left)} ${OP[op]} ${show(right)}`,
            `fails ${showEn(left)} ${OP[op]} ${showEn(right)}`,
          ];
  return {
    rule: c.rule,
    subject: c.subject,
    current: c.current,
    left,
    right,
    message: `${c.rule.nameVi}: ${what[0]}`,
    messageEn: `${c.rule.nameEn}: ${what[1]}`,
  };
}

/** A verdict as a quality flag, beside its subject indicator. */
export const verdictFlag = (v: RuleVerdict): QualityFlag => ({
  indicator: v.subject,
  code: v.rule.code,
  severity: v.rule.importance,
  vi: v.message,
  en: v.messageEn,
  source: 'rule',
  ref: `rule:${v.rule.code}@${v.rule.version}`,
});
