import { setImmediate } from 'node:timers/promises';
import { requireAccess } from '../access/access.ts';
import type { Ctx } from '../context.ts';
import { MAX_LISTED_ERRORS } from '../errors.ts';
import type { ImportResult, ValueHistoryEntry } from '../schemas.ts';
import { cumulativeWarnings } from './consistency.ts';
import { importRuleVerdicts } from '../quality/rule-import.ts';
import { type RawValueRow, type ValidationContext, validateValueRows } from './validate.ts';
import { type ValueRow, deleteValueRows, tuneBatchTransaction } from './values.queries.ts';
import { chunkFor, rowWriter } from './write-rows.ts';
import { rejectRows, requireRows } from './reject.ts';
import { submitOverlapped } from './overlap.ts';
import { loadValidationContext } from './validation-context.ts';

export { rejectRows, requireRows };
export { loadValidationContext };
import { countStored, selectValueHistory } from './history.queries.ts';

/**
 * Validates and stores values — all of them or none. Every change is audited and reflected in
 * the rollups in the same transaction, so aggregates are right the moment this returns.
 */
export async function submitValues(
  ctx: Ctx,
  input: {
    rows: RawValueRow[];
    source?: string | null;
    reason?: string | null;
    onProgress?: (done: number, total: number) => void;
  },
): Promise<ImportResult> {
  requireAccess(ctx, 'value.write');
  requireRows(input.rows);
  const meta = { actor: ctx.actor.username, source: input.source ?? null, reason: input.reason ?? null };
  // More than one statement's worth on a server: written while the rest is validated. PGlite runs
  // both on this thread, where nothing would overlap.
  const chunk = chunkFor(ctx.db.engine);
  if (ctx.db.engine === 'postgres' && input.rows.length > chunk)
    return submitOverlapped(ctx, slices(input.rows, chunk), input.rows.length, meta, input.onProgress);
  const vc = await loadValidationContext(ctx, input.rows);
  const { valid, errors } = await validateValueRows(ctx, vc, input.rows);
  if (errors.total > 0) rejectRows(errors);
  // Every row is valid here, so valid[i] is rows[i]: the rules' verdicts name the file's rows.
  const codeOf = new Map([...vc.indicators.values()].map((i) => [i.id, i.code]));
  const rules = await importRuleVerdicts(ctx, vc.graph, valid, (i) => input.rows[i]!.row, codeOf);
  if (rules.errors.length > 0) rejectRows(rules.errors);
  const result = await ctx.db.k
    .transaction()
    .execute((trx) =>
      storeValidRows({ ...ctx, db: { ...ctx.db, k: trx } }, vc, valid, meta, input.onProgress),
    );
  return { ...result, warnings: [...result.warnings, ...rules.warnings].slice(0, MAX_LISTED_ERRORS) };
}

/**
 * Validates and stores a large batch given in chunks as it is read (a file's rows), all or none,
 * on a PostgreSQL server: each chunk is written while the next is read and validated (overlap.ts).
 * `total`: the most rows the chunks hold, for progress.
 */
export async function submitValueChunks(
  ctx: Ctx,
  input: {
    chunks: AsyncIterable<RawValueRow[]>;
    total: number;
    source?: string | null;
    reason?: string | null;
    onProgress?: (done: number, total: number) => void;
  },
): Promise<ImportResult> {
  requireAccess(ctx, 'value.write');
  const meta = { actor: ctx.actor.username, source: input.source ?? null, reason: input.reason ?? null };
  return submitOverlapped(ctx, input.chunks, input.total, meta, input.onProgress);
}

/** `rows`, `size` at a time. */
async function* slices<T>(rows: T[], size: number): AsyncGenerator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

/**
 * Stores rows that passed validation, inside the caller's transaction (`ctx.db.k` is it): upserts
 * in chunks, audit and rollups included, then the cumulative-consistency warnings.
 */
export async function storeValidRows(
  ctx: Ctx,
  vc: ValidationContext,
  valid: ValueRow[],
  meta: { actor: string; source: string | null; reason: string | null },
  onProgress?: (done: number, total: number) => void,
): Promise<ImportResult> {
  let inserted = 0;
  let updated = 0;
  const chunk = chunkFor(ctx.db.engine);
  // A large batch's statements look expensive to PostgreSQL's planner, which then compiles them
  // with LLVM first: seconds spent on each chunk and on the consistency check (1.3 s of the
  // check's 1.5 s for 28,000 rows of the 10M bench) to save far less. For this transaction only.
  if (ctx.db.engine === 'postgres' && ctx.db.k.isTransaction) await tuneBatchTransaction(ctx.db.k);
  const write = rowWriter(ctx.db.k, vc, meta);
  for (let i = 0; i < valid.length; i += chunk) {
    const r = await write(valid.slice(i, i + chunk));
    inserted += r.inserted;
    updated += r.updated;
    onProgress?.(Math.min(i + chunk, valid.length), valid.length);
    await setImmediate();
  }
  const warnings = await cumulativeWarnings(ctx.db.k, vc, valid);
  ctx.log.info({ rows: valid.length, inserted, updated, source: meta.source }, 'values stored');
  return { rows: valid.length, inserted, updated, unchanged: valid.length - inserted - updated, warnings };
}

/** Deletes values by (indicator, unit, period) codes; audited, rollups updated. */
export async function deleteValues(
  ctx: Ctx,
  input: { keys: { indicator: string; unit: string; period: string }[]; reason?: string | null },
): Promise<number> {
  requireAccess(ctx, 'value.write');
  const rows: RawValueRow[] = input.keys.map((k, i) => ({ row: i + 1, ...k, value: 0, status: 'estimate' }));
  requireRows(rows);
  const vc = await loadValidationContext(ctx, rows);
  const { valid, errors } = await validateValueRows(ctx, vc, rows);
  if (errors.total > 0) rejectRows(errors);
  return ctx.db.k
    .transaction()
    .execute((trx) =>
      deleteValueRows(trx, valid, { actor: ctx.actor.username, reason: input.reason ?? null }),
    );
}

/** The audit history of one value, newest first. */
export async function getValueHistory(
  ctx: Ctx,
  key: { indicator: string; unit: string; period: string },
): Promise<ValueHistoryEntry[]> {
  requireAccess(ctx, 'audit.read');
  const rows = await selectValueHistory(ctx.db.k, key);
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}

/** Counts of stored values and audit rows, for tests and health pages. */
export async function countValues(ctx: Ctx): Promise<{ values: number; audit: number; rollups: number }> {
  return countStored(ctx.db.k);
}
