import type { Ctx } from '../context.ts';
import { MAX_LISTED_ERRORS, errorList } from '../errors.ts';
import { importRuleVerdicts } from '../quality/rule-import.ts';
import type { ImportResult } from '../schemas.ts';
import { CellMap } from './cell-map.ts';
import { cumulativeWarnings } from './consistency.ts';
import { rejectRows, requireRows } from './reject.ts';
import { type RawValueRow, validateValueRows } from './validate.ts';
import { startValidationContext, widenValidationContext } from './validation-context.ts';
import { type ValueRow, tuneBatchTransaction } from './values.queries.ts';
import { rowWriter } from './write-rows.ts';

/**
 * Validates and stores a large batch on a PostgreSQL server, all of it or none, like submitValues,
 * but chunk by chunk as `chunks` gives them (a file's rows as they are read, or a batch's slices):
 * each chunk is written while the next is read and validated, since the server writes in its own
 * process and on two cores both go on at once instead of one after the other. What validation needs
 * is read as chunks name new periods and units. The first error stops the writing; every row is
 * still checked, and the transaction rolls back with every error reported as before. The rules,
 * which judge the whole batch over the values stored before it, are read outside the transaction
 * once every row is written, and refuse it the same way. `total`: the most rows the chunks hold,
 * for progress.
 */
export async function submitOverlapped(
  ctx: Ctx,
  chunks: AsyncIterable<RawValueRow[]>,
  total: number,
  meta: { actor: string; source: string | null; reason: string | null },
  onProgress?: (done: number, total: number) => void,
): Promise<ImportResult> {
  const g = await startValidationContext(ctx);
  const errors = errorList();
  const seen = new CellMap<number>();
  const valid: ValueRow[] = [];
  /** The file's row number of each row read, in order. */
  const rowNumbers: number[] = [];
  let inserted = 0;
  let updated = 0;
  const stored = await ctx.db.k.transaction().execute(async (trx) => {
    await tuneBatchTransaction(trx);
    const write = rowWriter(trx, g.vc, meta);
    let writing: Promise<void> = Promise.resolve();
    for await (const rows of chunks) {
      for (const r of rows) rowNumbers.push(r.row);
      await widenValidationContext(ctx, g, rows);
      const part = await validateValueRows(ctx, g.vc, rows, errors, seen);
      for (const v of part.valid) valid.push(v);
      if (errors.total > 0) continue;
      const done = rowNumbers.length;
      writing = writing.then(async () => {
        const r = await write(part.valid);
        inserted += r.inserted;
        updated += r.updated;
        onProgress?.(done, Math.max(total, done));
      });
      // Awaited after the loop; a write failing before then is not an unhandled rejection.
      writing.catch(() => undefined);
    }
    await writing;
    requireRows(rowNumbers);
    if (errors.total > 0) rejectRows(errors);
    // Every row is valid here, so valid[i] is the i-th row read: the rules' verdicts name its row.
    const codeOf = new Map([...g.vc.indicators.values()].map((i) => [i.id, i.code]));
    const rules = await importRuleVerdicts(ctx, g.vc.graph, valid, (i) => rowNumbers[i]!, codeOf);
    if (rules.errors.length > 0) rejectRows(rules.errors);
    return { warnings: [...(await cumulativeWarnings(trx, g.vc, valid)), ...rules.warnings] };
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
