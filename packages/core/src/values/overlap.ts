import type { Ctx } from '../context.ts';
import { MAX_LISTED_ERRORS, errorList } from '../errors.ts';
import { importRuleVerdicts } from '../quality/rule-import.ts';
import type { ImportResult } from '../schemas.ts';
import { cumulativeWarnings } from './consistency.ts';
import { rejectRows } from './reject.ts';
import { type RawValueRow, type ValidationContext, validateValueRows } from './validate.ts';
import { type ValueRow, jitOffForTransaction } from './values.queries.ts';
import { chunkFor, rowWriter } from './write-rows.ts';

/**
 * Validates and stores a large batch on a PostgreSQL server, all of it or none, like submitValues,
 * but writes each chunk of valid rows while the next chunk is validated: the server writes in its
 * own process, so on two cores both go on at once instead of one after the other. The first error
 * stops the writing; every row is still checked, and the transaction rolls back with every error
 * reported as before. The rules, which judge the whole batch over the values stored before it, are
 * read outside the transaction once every row is written, and refuse it the same way.
 */
export async function submitOverlapped(
  ctx: Ctx,
  vc: ValidationContext,
  rows: RawValueRow[],
  meta: { actor: string; source: string | null; reason: string | null },
  onProgress?: (done: number, total: number) => void,
): Promise<ImportResult> {
  const errors = errorList();
  const seen = new Map<string, number>();
  const valid: ValueRow[] = [];
  const chunk = chunkFor(ctx.db.engine);
  let inserted = 0;
  let updated = 0;
  const stored = await ctx.db.k.transaction().execute(async (trx) => {
    await jitOffForTransaction(trx);
    const write = rowWriter(trx, vc, meta);
    let writing: Promise<void> = Promise.resolve();
    for (let i = 0; i < rows.length; i += chunk) {
      const part = await validateValueRows(ctx, vc, rows.slice(i, i + chunk), errors, seen);
      for (const v of part.valid) valid.push(v);
      if (errors.total > 0) continue;
      const done = Math.min(i + chunk, rows.length);
      writing = writing.then(async () => {
        const r = await write(part.valid);
        inserted += r.inserted;
        updated += r.updated;
        onProgress?.(done, rows.length);
      });
      // Awaited after the loop; a write failing before then is not an unhandled rejection.
      writing.catch(() => undefined);
    }
    await writing;
    if (errors.total > 0) rejectRows(errors);
    // Every row is valid here, so valid[i] is rows[i]: the rules' verdicts name the file's rows.
    const codeOf = new Map([...vc.indicators.values()].map((i) => [i.id, i.code]));
    const rules = await importRuleVerdicts(ctx, vc.graph, valid, (i) => rows[i]!.row, codeOf);
    if (rules.errors.length > 0) rejectRows(rules.errors);
    return { warnings: [...(await cumulativeWarnings(trx, vc, valid)), ...rules.warnings] };
  });
  ctx.log.info({ rows: valid.length, inserted, updated, source: meta.source }, 'values stored');
  return {
    rows: valid.length,
    inserted,
    updated,
    unchanged: valid.length - inserted - updated,
    warnings: stored.warnings.slice(0, MAX_LISTED_ERRORS),
  };
}
