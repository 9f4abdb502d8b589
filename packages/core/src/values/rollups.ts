import { requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import type { Database } from '../db/database.ts';
import {
  countPending,
  foldSlots,
  recomputeRollups,
  takeIdleSlots,
  vacuumPending,
} from './rollups.queries.ts';

/**
 * Recomputes every rollup from the stored values in one statement. Writes keep rollups exact, so
 * this is a repair tool (after moving a unit in the tree, or a bulk load that bypassed core).
 */
export async function rebuildRollups(ctx: Ctx): Promise<number> {
  requireAccess(ctx, 'unit.write');
  return ctx.db.k.transaction().execute(async (trx) => {
    const n = await recomputeRollups(trx);
    await writeAudit(trx, ctx.actor, { entity: 'rollup', key: '*', action: 'rebuild' });
    return n;
  });
}

/** After folding this many pending rows, compaction vacuums `rollup_delta` (see {@link compactRollups}). */
const VACUUM_AFTER = 10_000;

/**
 * Folds the pending rollup changes into `rollup`: what readers see does not change (they add the
 * pending changes themselves), only how much they read. Writers add their changes to the rows of
 * the writer slot they hold (see values.queries.ts) and never touch `rollup`; this is its only
 * writer, run in the background and after bulk work. It folds the slots no writer holds, holding
 * them itself meanwhile (a writer then takes another slot), so it never waits for a writer nor a
 * writer for it; a busy slot is folded by a later run. Safe to run from several processes at once.
 * Returns the pending rows folded.
 */
export async function compactRollups(db: Database['k']): Promise<number> {
  const fold = async (trx: Database['k']) => {
    const slots = await takeIdleSlots(trx);
    return slots.length ? foldSlots(trx, slots) : 0;
  };
  const moved = db.isTransaction ? await fold(db) : await db.transaction().execute(fold);
  // The folded rows are dead until vacuumed, and every read of pending changes walks past them
  // through the index (1.1 million dead rows slowed a pivot from 0.05 to 47 ms): after a large fold,
  // vacuum at once rather than wait for autovacuum (PGlite has none).
  if (moved >= VACUUM_AFTER && !db.isTransaction) await vacuumPending(db);
  return moved;
}

/** Pending rollup rows not yet folded by {@link compactRollups}: how far compaction lags. */
export async function pendingRollupChanges(db: Database['k']): Promise<number> {
  return countPending(db);
}
