import { describe, expect, it } from 'vitest';
import { checkRule, compileRule } from './rule-check.ts';
import { RULE_OPERATORS, type Rule, type RuleOperator, violatedRelation } from './rule-schemas.ts';

const rule = (operator: RuleOperator): Rule => ({
  code: 'T.THU',
  nameVi: 'Thuê bao cố định không vượt tổng thuê bao',
  nameEn: 'Fixed subscriptions within all subscriptions',
  left: '#{VT.TB_CO_DINH}',
  operator,
  right: '#{VT.TB_TONG}',
  importance: 'warning',
  periodTypes: ['M'],
  unitKinds: ['province'],
  active: true,
  version: 1,
  updatedBy: 'admin',
  updatedAt: '2026-12-03T00:00:00Z',
});

/** Pairs of (left, right) values: equal, smaller, larger, and equal within rounding. */
const PAIRS: [number, number][] = [
  [1_000_000, 1_400_000],
  [1_400_000, 1_000_000],
  [250, 250],
  [0.1 + 0.2, 0.3],
  [-5, 0],
];

describe('what a broken rule shows between its values', () => {
  it('is a relation that holds wherever the rule is broken, for every comparison operator', () => {
    let broken = 0;
    for (const op of RULE_OPERATORS) {
      const holds = violatedRelation(op);
      if (op === 'compulsory_pair' || op === 'exclusive_pair') {
        expect(holds).toBeNull();
        continue;
      }
      expect(holds).not.toBeNull();
      if (!holds) continue;
      for (const [a, b] of PAIRS) {
        const get = (code: string) => (code === 'VT.TB_CO_DINH' ? a : b);
        const verdict = checkRule(compileRule(rule(op)), get);
        const negated = checkRule(compileRule(rule(holds)), get);
        // Exactly one of a rule and its negation is broken by any two values.
        expect(verdict === null, `${a} ${op} ${b}`).toBe(negated !== null);
        if (verdict) broken++;
      }
    }
    expect(broken).toBeGreaterThan(10);
  });
});
