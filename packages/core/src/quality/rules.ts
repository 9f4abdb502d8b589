/**
 * Validation rules as data: listed, saved (checked against the catalog; each save a new version,
 * audited) and read back with their history. Their verdicts are `rule-flags.ts`.
 */
import { requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.ts';
import { listIndicators } from '../catalog/indicators.ts';
import type { Ctx } from '../context.ts';
import { BaocaoError, type FieldError, notFound } from '../errors.ts';
import type { Indicator } from '../schemas.ts';
import { parseEach } from '../zod-errors.ts';
import { parseExpression, sidesAgree, typeCheck } from './rule-expr.ts';
import { type Rule, type RuleData, RuleInput } from './rule-schemas.ts';
import { selectRuleVersions, selectRules, writeRuleVersion } from './rules.queries.ts';

/** Every validation rule, by code. */
export async function listRules(ctx: Ctx): Promise<Rule[]> {
  requireAccess(ctx, 'value.read');
  return selectRules(ctx.db.k);
}

/**
 * The problems of a rule against the catalog: syntax (with the character), unknown indicator codes
 * (`UNKNOWN_INDICATOR`, naming the code), sides in unlike units. Empty when the rule is sound.
 */
export function checkRule(data: RuleData, catalog: Map<string, Indicator>): FieldError[] {
  const sides = (['left', 'right'] as const).map((side) => {
    const p = parseExpression(data[side], side);
    return 'error' in p ? { error: p.error } : typeCheck(p.expr, side, catalog);
  });
  const problems = sides.flatMap((d) => ('error' in d ? [d.error] : []));
  if (problems.length > 0) return problems;
  const disagree = sidesAgree(sides[0]!, sides[1]!);
  return disagree ? [disagree] : [];
}

const ruleRefused = (code: string, problems: FieldError[]) =>
  new BaocaoError(
    'RULE_INVALID',
    `Quy tắc ${code} chưa lưu: ${problems[0]!.message}`,
    `Rule ${code} was not saved: ${problems[0]!.messageEn}`,
    { details: problems },
  );

/**
 * Creates or changes a rule: parsed and type-checked against the catalog first (nothing is written
 * on any error), then stored as its next version, with the whole rule kept in its history and the
 * change audited (old and new, with the reason given).
 */
export async function saveRule(
  ctx: Ctx,
  input: RuleInput,
  opts: { reason?: string | null } = {},
): Promise<Rule> {
  requireAccess(ctx, 'catalog.write');
  const [data] = parseEach(RuleInput, [input], 'RULE_INVALID', { vi: 'Quy tắc', en: 'rule' });
  const catalog = new Map((await listIndicators(ctx)).map((i) => [i.code, i]));
  const problems = checkRule(data!, catalog);
  if (problems.length > 0) throw ruleRefused(data!.code, problems);
  return ctx.db.k.transaction().execute(async (trx) => {
    const [old] = await selectRules(trx, data!.code);
    const version = (old?.version ?? 0) + 1;
    await writeRuleVersion(trx, data!, version, ctx.actor.username, opts.reason ?? null);
    await writeAudit(trx, ctx.actor, {
      entity: 'validation_rule',
      key: data!.code,
      action: old ? 'update' : 'create',
      ...(old ? { old } : {}),
      new: { ...data, version },
      reason: opts.reason ?? null,
    });
    const [saved] = await selectRules(trx, data!.code);
    return saved!;
  });
}

/** A rule's versions, newest first: who changed it, when, why, and the whole rule as it was. */
export async function ruleHistory(ctx: Ctx, code: string) {
  requireAccess(ctx, 'value.read');
  const rows = await selectRuleVersions(ctx.db.k, code.trim().toUpperCase());
  if (rows.length === 0) throw notFound(`Không có quy tắc ${code}`, `No rule ${code}`);
  return rows.map((r) => ({
    version: r.version,
    changedBy: r.changed_by,
    changedAt: r.changed_at.toISOString(),
    reason: r.reason,
    rule: RuleInput.parse(r.data),
  }));
}

/** Loads every active rule (no access check: the caller has checked; verdicts read them). */
export const activeRules = async (ctx: Ctx): Promise<Rule[]> =>
  (await selectRules(ctx.db.k)).filter((r) => r.active);
