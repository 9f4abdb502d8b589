import type { Base, Comparison } from '../compare/comparison.ts';
import { ConfigSchema } from '../config.ts';
import type { Imputed } from '../schemas.ts';

/** Whether a report may print an imputed figure, and up to what imputed share (percent of the figure). */
export interface ImputedPolicy {
  allowed: boolean;
  maxSharePct: number;
}

/**
 * The deployment's rule for imputed figures in reports: allowed up to 10% of the figure unless
 * `BAOCAO_REPORT_IMPUTED=off` (never) or `BAOCAO_REPORT_IMPUTED_MAX_PCT` says otherwise. Read at each
 * build, like the other rules read from the settings, so a changed setting needs no restart of tests.
 */
export function imputedPolicy(env: Record<string, string | undefined> = process.env): ImputedPolicy {
  return {
    allowed: ConfigSchema.shape.BAOCAO_REPORT_IMPUTED.parse(env.BAOCAO_REPORT_IMPUTED) !== 'off',
    maxSharePct:
      ConfigSchema.shape.BAOCAO_REPORT_IMPUTED_MAX_PCT.parse(env.BAOCAO_REPORT_IMPUTED_MAX_PCT) ?? 10,
  };
}

const pct = (v: number | null, base: number | null) =>
  v === null || base === null || base === 0 ? null : ((v - base) / Math.abs(base)) * 100;

/**
 * An imputed comparison as the report must print it when the policy refuses the estimate: the sum
 * of what was reported, partial, with every change and share computed again on it (the one sentence
 * writer then words it as any partial figure).
 */
export function withoutImputation(c: Comparison): Comparison {
  if (c.status !== 'imputed' || !c.imputed || c.value === null) return c;
  const value = c.value - c.imputed.value;
  const rebase = (b: Base): Base => ({ ...b, changePct: pct(value, b.value) });
  const { imputed: _dropped, ...rest } = c;
  return {
    ...rest,
    value,
    status: 'partial',
    previous: c.previous && rebase(c.previous),
    lastYear: rebase(c.lastYear),
    plan: { ...c.plan, sharePct: c.plan.value ? (value / c.plan.value) * 100 : null },
  };
}

/** Why a report does not print an imputed figure, or null when it may. */
export function refusal(policy: ImputedPolicy, imp: Imputed): 'off' | 'share' | null {
  if (!policy.allowed) return 'off';
  return imp.sharePct > policy.maxSharePct ? 'share' : null;
}
