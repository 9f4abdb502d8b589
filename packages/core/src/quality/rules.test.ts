import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ctx, systemCtx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { initStore } from '../demo/init.ts';
import { createTestDatabase } from '../testing.ts';
import { evaluate, parseExpression } from './rule-expr.ts';
import { SEED_RULES } from './rule-seeds.ts';
import { listRules, ruleHistory, saveRule } from './rules.ts';

let db: Database;
let sys: Ctx;
let reporter: Ctx;

beforeAll(async () => {
  db = await createTestDatabase();
  sys = systemCtx(db);
  reporter = { ...sys, actor: { username: 'hn', role: 'reporter', unitId: null } };
  await initStore(sys);
}, 180_000);
afterAll(() => db.close());

const RULE = {
  code: 'T.LOI_NHUAN',
  nameVi: 'Lợi nhuận ATTT không vượt 90% doanh thu',
  nameEn: 'Security profit at most 90% of revenue',
  left: '#{ATTT.LOI_NHUAN}',
  operator: '<=' as const,
  right: '0.9 * #{ATTT.DOANH_THU}',
  importance: 'warning' as const,
  periodTypes: ['M' as const],
  unitKinds: ['department' as const],
};

describe('rule expressions', () => {
  it('parses arithmetic over references with shifts, and evaluates it', () => {
    const p = parseExpression('(#{a.b} - #{A.B}[previous]) / max(#{A.B}[last_year], 1) * -2', 'left');
    if (!('expr' in p)) throw new Error('no parse');
    const values: Record<string, number> = { current: 130, previous: 100, last_year: 50 };
    expect(evaluate(p.expr, (code, shift) => (code === 'A.B' ? values[shift]! : null))).toBeCloseTo(-1.2);
    // A missing value makes the side missing (never zero); division by zero likewise.
    expect(evaluate(p.expr, () => null)).toBeNull();
  });

  it('names the character of a syntax error', () => {
    const p = parseExpression('#{NGANH.LOI_NHUAN} <= ', 'left');
    expect(p).toMatchObject({ error: { field: 'left', code: 'RULE_SYNTAX' } });
    expect('error' in p && p.error.message).toContain('ký tự 20');
  });
});

describe('rules as data', () => {
  it('seeds the built-in rules, each sound against the catalog', async () => {
    const rules = await listRules(sys);
    expect(rules.map((r) => r.code).sort()).toEqual(SEED_RULES.map((r) => r.code).sort());
    expect(rules.every((r) => r.version === 1)).toBe(true);
  });

  it('refuses an unknown indicator code, unlike units and bad syntax, saving nothing', async () => {
    await expect(saveRule(sys, { ...RULE, right: '#{ATTT.DOANH_THUU}' })).rejects.toMatchObject({
      code: 'RULE_INVALID',
      details: [
        { field: 'right', code: 'UNKNOWN_INDICATOR', message: expect.stringContaining('ATTT.DOANH_THUU') },
      ],
    });
    await expect(saveRule(sys, { ...RULE, right: '#{VT.THUE_BAO_DI_DONG}' })).rejects.toMatchObject({
      details: [{ code: 'RULE_UNIT_MISMATCH' }],
    });
    await expect(saveRule(sys, { ...RULE, left: '#{ATTT.LOI_NHUAN} +' })).rejects.toMatchObject({
      details: [{ field: 'left', code: 'RULE_SYNTAX' }],
    });
    await expect(saveRule(reporter, RULE)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await listRules(sys)).find((r) => r.code === RULE.code)).toBeUndefined();
  });

  it('versions every change and audits it with the reason', async () => {
    await saveRule(sys, RULE, { reason: 'thêm mới' });
    const v2 = await saveRule(sys, { ...RULE, importance: 'error' }, { reason: 'siết lại' });
    expect(v2).toMatchObject({ version: 2, importance: 'error', updatedBy: 'system' });
    const history = await ruleHistory(sys, RULE.code);
    expect(history.map((h) => [h.version, h.rule.importance, h.reason])).toEqual([
      [2, 'error', 'siết lại'],
      [1, 'warning', 'thêm mới'],
    ]);
    const audit = await db.k
      .selectFrom('audit_log')
      .select(['action', 'reason', 'old_data', 'new_data'])
      .where('entity', '=', 'validation_rule')
      .where('entity_key', '=', RULE.code)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => [a.action, a.reason])).toEqual([
      ['create', 'thêm mới'],
      ['update', 'siết lại'],
    ]);
    expect(audit[1]!.old_data).toMatchObject({ importance: 'warning', version: 1 });
  });
});
