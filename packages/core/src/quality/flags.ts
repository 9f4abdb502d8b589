/**
 * Quality flags of one unit's values in one period, collected from a list of sources: validation
 * rules and outliers (with soft ranges); more plug in as sources (`FLAG_SOURCES`). Whatever
 * the source, a warning flag needs the reporter's explanation at submit and the reviewer's
 * acknowledgement at approval (`explanations.ts`).
 */
import type { Ctx } from '../context.ts';
import type { Period } from '../periods/period.ts';
import type { Unit } from '../schemas.ts';
import type { QualityFlag } from './flag-schemas.ts';
import { cellKey, ruleVerdicts } from './rule-verdicts.ts';
import { verdictFlag } from './rule-check.ts';
import { checkOutliers } from './outlier-check.ts';

export { QualityFlag, ACKNOWLEDGE_EN, ACKNOWLEDGE_VI } from './flag-schemas.ts';

/** The values questioned: one unit, one period, the values as the form (or file) gives them by indicator code. */
export interface FlagInput {
  unit: Unit;
  period: Period;
  values: Map<string, number>;
}

/** Something that questions values: returns its flags (none when all is well). */
export type FlagSource = (ctx: Ctx, input: FlagInput) => Promise<QualityFlag[]>;

/** Validation rules as a flag source: every broken rule, beside its subject indicator. */
export const ruleFlags: FlagSource = async (ctx, input) => {
  const overlay = new Map(
    [...input.values].map(([code, v]) => [cellKey(code, input.unit.id, input.period.id), v]),
  );
  const cell = { unit: input.unit, period: input.period };
  const verdicts = await ruleVerdicts(ctx, [cell], { overlay });
  return (verdicts.get(cell) ?? []).map(verdictFlag);
};

/**
 * Outliers as a flag source: a value far from the unit's own history or from its peers, or outside
 * a soft range an administrator set (a hard range refuses the value before any flag is asked for).
 */
export const outlierFlags: FlagSource = async (ctx, input) => {
  const findings = await checkOutliers(ctx, {
    unit: input.unit.code,
    period: input.period.id,
    values: [...input.values].map(([indicator, value]) => ({ indicator, value })),
  });
  return findings.map((f) => ({
    indicator: f.indicator,
    code: f.code,
    severity: f.severity,
    vi: f.vi,
    en: f.en,
    source: f.code === 'OUTSIDE_RANGE' ? 'bound' : 'outlier',
    ref: `outlier:${f.code}@${f.score.toFixed(2)}`,
  }));
};

/** The sources every form is checked by. */
export const FLAG_SOURCES: FlagSource[] = [ruleFlags, outlierFlags];

/** Every flag of a unit's values in a period, from each source in turn (errors first, then warnings). */
export async function collectFlags(
  ctx: Ctx,
  input: FlagInput,
  sources: FlagSource[] = FLAG_SOURCES,
): Promise<QualityFlag[]> {
  const flags: QualityFlag[] = [];
  for (const source of sources) flags.push(...(await source(ctx, input)));
  return flags.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}
