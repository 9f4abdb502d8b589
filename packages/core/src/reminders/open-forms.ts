import type { Ctx } from '../context.ts';
import type { FormSummary } from '../forms/form-schemas.ts';
import { listReportingPeriods } from '../periods/reporting-periods.ts';
import { submissionBoard } from '../forms/review.ts';
import { loadUnitGraph } from '../units/unit-graph.ts';
import type { Unit } from '../schemas.ts';

/** A form the unit still owes: nothing sent yet, a draft, or returned for correction. */
export const owed = (f: FormSummary) =>
  f.status === 'missing' || f.status === 'draft' || f.status === 'returned';

export interface OpenForm {
  form: FormSummary;
  unit: Unit;
}

/** Every unit's form of every period still open, as the caller's board shows it, with the unit. */
export async function openForms(ctx: Ctx, only?: string): Promise<OpenForm[]> {
  const [periods, graph] = await Promise.all([listReportingPeriods(ctx), loadUnitGraph(ctx.db.k)]);
  const out: OpenForm[] = [];
  for (const rp of periods) {
    if (!rp.open || (only !== undefined && rp.period !== only)) continue;
    const board = await submissionBoard(ctx, { period: rp.period });
    for (const form of board.forms) {
      const unit = graph.byCode.get(form.unit);
      if (unit) out.push({ form, unit });
    }
  }
  return out;
}
