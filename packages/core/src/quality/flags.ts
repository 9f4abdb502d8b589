/**
 * Quality flags of one unit's values in one period, collected from a list of sources: validation
 * rules now; outliers, bounds and plausibility plug in as more sources (`FLAG_SOURCES`). Whatever
 * the source, a warning flag needs the reporter's explanation at submit and the reviewer's
 * acknowledgement at approval (`explanations.ts`).
 */
import type { Ctx } from '../context.ts';
import type { Period } from '../periods/period.ts';
import type { Unit } from '../schemas.ts';
import type { QualityFlag } from './flag-schemas.ts';
import { cellKey, ruleVerdicts } from './rule-verdicts.ts';
import { verdictFlag } from './rule-check.ts';

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

/** The sources every form is checked by. */
export const FLAG_SOURCES: FlagSource[] = [ruleFlags];

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
