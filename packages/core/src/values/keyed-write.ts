import { requireAccess } from '../access/access.ts';
import type { Ctx } from '../context.ts';
import type { RawValueRow } from './validate.ts';
import { validateValueRows } from './validate.ts';
import { loadValidationContext, rejectRows, requireRows, storeValidRows } from './values.ts';
import { deleteValueRows, selectStoredKeys } from './values.queries.ts';
import { setFollowUps } from './followup.queries.ts';
import { flaggedInBatch, notifyFlaggedValues } from '../notify/flagged.ts';

/**
 * How a batch from another system meets the values already stored, as DHIS2 names it:
 * create and update (the default), create only (existing values are left and counted as ignored),
 * update only (values not yet stored are ignored), or delete.
 */
export type WriteStrategy = 'CREATE_AND_UPDATE' | 'CREATE' | 'UPDATE' | 'DELETE';

/** What a keyed write did, or — in a dry run — would do. */
export interface KeyedWriteCount {
  imported: number;
  updated: number;
  ignored: number;
  deleted: number;
}

/**
 * A row of a keyed batch; `delete` marks one to remove (DHIS2's `deleted: true`, SDMX's action D);
 * `followUp`, when given, sets the value's follow-up mark (DHIS2's `followUp`) — left as it is when not.
 */
export type KeyedRow = RawValueRow & { delete?: boolean; followUp?: boolean };

/** Thrown inside the transaction of a dry run to roll everything back with the counts. */
class DryRun extends Error {
  constructor(readonly count: KeyedWriteCount) {
    super('dry run');
  }
}

const keyOf = (r: { indicatorId: number; unitId: number; period: string }) =>
  `${r.indicatorId}|${r.unitId}|${r.period}`;

/**
 * Writes a batch of values from another system (DHIS2, SDMX) through the same validation, locks,
 * audit and rollups as every other write — all rows or none: any invalid row throws
 * VALIDATION_FAILED with every row's problem and nothing is written. A dry run does the whole
 * write, counts it and rolls it back, so its counts are exactly what the real run would do.
 */
export async function writeKeyedValues(
  ctx: Ctx,
  input: { rows: KeyedRow[]; strategy: WriteStrategy; dryRun: boolean; source: string },
): Promise<KeyedWriteCount> {
  requireAccess(ctx, 'value.write');
  requireRows(input.rows);
  const vc = await loadValidationContext(ctx, input.rows);
  // A deletion names cells only: its value is not read.
  const deletes = input.rows.map((r) => input.strategy === 'DELETE' || r.delete === true);
  const rows = input.rows.map((r, i) =>
    deletes[i] ? { ...r, value: r.value ?? 0, status: r.status ?? 'estimate' } : r,
  );
  const { valid: all, errors } = await validateValueRows(ctx, vc, rows);
  if (errors.total > 0) rejectRows(errors);
  // Without errors every row is valid, in order: split the deletions from the writes.
  const doomed = all.filter((_, i) => deletes[i]);
  const valid = all.filter((_, i) => !deletes[i]);
  const followUps = input.rows.filter((_, i) => !deletes[i]).map((r) => r.followUp);
  const meta = { actor: ctx.actor.username, source: input.source, reason: null };
  try {
    return await ctx.db.k.transaction().execute(async (trx) => {
      const tctx = { ...ctx, db: { ...ctx.db, k: trx } };
      const existing = new Set((await selectStoredKeys(trx, all)).map(keyOf));
      const count: KeyedWriteCount = { imported: 0, updated: 0, ignored: 0, deleted: 0 };
      if (doomed.length) {
        const present = doomed.filter((r) => existing.has(keyOf(r)));
        count.deleted = present.length ? await deleteValueRows(trx, present, meta) : 0;
        count.ignored = doomed.length - count.deleted;
      }
      if (valid.length) {
        const kept = valid.map((r) =>
          input.strategy === 'CREATE'
            ? !existing.has(keyOf(r))
            : input.strategy === 'UPDATE'
              ? existing.has(keyOf(r))
              : true,
        );
        const keep = valid.filter((_, i) => kept[i]);
        const stored = keep.length
          ? await storeValidRows(tctx, vc, keep, meta)
          : { inserted: 0, updated: 0, unchanged: 0 };
        // The follow-up marks of the values written (a value the strategy left is left whole).
        const marks = valid.flatMap((r, i) => {
          const mark = followUps[i];
          return kept[i] && mark !== undefined ? [{ ...r, mark }] : [];
        });
        await setFollowUps(trx, marks, { actor: meta.actor, reason: input.source });
        // The units' reporters hear of values they must explain (warnings, follow-up marks).
        if (!input.dryRun && keep.length) {
          const rows = valid.flatMap((r, i) => (kept[i] ? [{ ...r, followUp: followUps[i] }] : []));
          const flagged = await flaggedInBatch(tctx, {
            rows,
            indicators: vc.indicators.values(),
            graph: vc.graph,
          });
          await notifyFlaggedValues(trx, ctx.actor, flagged, input.source);
        }
        // A value sent again unchanged is ignored, as one left out by the strategy is.
        count.imported = stored.inserted;
        count.updated = stored.updated;
        count.ignored += valid.length - keep.length + stored.unchanged;
      }
      if (input.dryRun) throw new DryRun(count);
      return count;
    });
  } catch (e) {
    if (e instanceof DryRun) return e.count;
    throw e;
  }
}
