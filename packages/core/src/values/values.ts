import { setImmediate } from 'node:timers/promises';
import type { Database } from '../db/database.ts';
import { requireAccess } from '../access/access.ts';
import { listIndicators } from '../catalog/indicators.ts';
import type { Ctx } from '../context.ts';
import {
  BaocaoError,
  type ErrorList,
  type FieldError,
  MAX_LISTED_ERRORS,
  errorListOf,
  forbidden,
} from '../errors.ts';
import { parsePeriod } from '../periods/period.ts';
import type { ImportResult, Indicator, ValueHistoryEntry } from '../schemas.ts';
import { loadUnitGraph } from '../units/unit-graph.ts';
import { loadClosedSpans } from '../periods/period-rule.ts';
import { lockedCells } from './value-locks.queries.ts';
import { cumulativeWarnings } from './consistency.ts';
import { loadCellBounds } from '../quality/ranges.ts';
import { importRuleVerdicts } from '../quality/rule-import.ts';
import {
  type RawValueRow,
  type ValidationContext,
  currentMonthIndex,
  validateValueRows,
} from './validate.ts';
import {
  type ValueRow,
  deleteValueRows,
  jitOffForTransaction,
  upsertLocalValues,
  upsertValues,
} from './values.queries.ts';
import { catalogStamp } from '../db/store.queries.ts';
import { countStored, selectValueHistory } from './history.queries.ts';

/**
 * Rows per write statement. PGlite runs a statement on this thread from start to end, so its
 * chunks are small enough (a few tens of milliseconds) for other requests to be answered between
 * them; a PostgreSQL server runs it elsewhere, and larger chunks are faster.
 */
const chunkFor = (engine: Database['engine']) => (engine === 'pglite' ? 500 : 20_000);

/** Periods named by rows, as stored (rows whose period cannot be read name none). */
function periodsOf(rows: RawValueRow[]): string[] {
  const ids = new Set<string>();
  for (const r of rows) {
    try {
      if (r.period) ids.add(parsePeriod(String(r.period)).id);
    } catch {
      // reported by validation
    }
  }
  return [...ids];
}

/**
 * Loads what validating `rows` needs (catalog, units, closed periods, locked cells), once per
 * batch. Locked cells are read for the rows' periods only, so a write costs the same however many
 * forms were approved before.
 */
export async function loadValidationContext(ctx: Ctx, rows: RawValueRow[]): Promise<ValidationContext> {
  const periods = periodsOf(rows);
  // Read before the catalog and the tree: a change after it makes the stamp stale, never the tree.
  const stamp = await catalogStamp(ctx.db.k);
  const [indicators, graph, closed, locked] = await Promise.all([
    listIndicators(ctx),
    loadUnitGraph(ctx.db.k),
    loadClosedSpans(ctx.db.k),
    lockedCells(ctx.db.k, periods),
  ]);
  const unitIds = new Set<number>();
  for (const r of rows) {
    const u = graph.byCode.get(
      String(r.unit ?? '')
        .trim()
        .toUpperCase(),
    );
    if (u) unitIds.add(u.id);
  }
  return {
    indicators: new Map(indicators.map((i): [string, Indicator] => [i.code, i])),
    graph,
    closed,
    currentMonth: currentMonthIndex(),
    locked,
    bounds: await loadCellBounds(ctx.db.k, graph, [...unitIds]),
    stamp,
  };
}

/**
 * Throws the one error that carries every row error (the first ones listed, all counted by code);
 * FORBIDDEN (403) if any row is outside the actor's scope.
 */
export function rejectRows(errors: FieldError[] | ErrorList): never {
  const list = Array.isArray(errors) ? errorListOf(errors) : errors;
  list.listed.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const denied = list.listed.filter((e) => e.code === 'FORBIDDEN');
  if (denied.length > 0) {
    const e = forbidden(denied[0]!.message, denied[0]!.messageEn);
    throw new BaocaoError(e.code, e.message, e.messageEn, { status: 403, details: denied });
  }
  throw new BaocaoError(
    'VALIDATION_FAILED',
    `Có ${list.total} lỗi trong dữ liệu; không dòng nào được ghi. Sửa các lỗi và gửi lại.`,
    `${list.total} error(s) in the data; nothing was written. Fix them and submit again.`,
    { details: list },
  );
}

/** Refuses a batch with no rows: sending nothing is a mistake, never a success. */
export function requireRows(rows: unknown[]): void {
  if (rows.length === 0)
    throw new BaocaoError(
      'NO_ROWS',
      'Không có dòng số liệu nào (tệp chỉ có dòng tiêu đề hoặc rỗng); không có gì được ghi',
      'There are no value rows (the file has only a header, or nothing); nothing was written',
    );
}

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
  const vc = await loadValidationContext(ctx, input.rows);
  const { valid, errors } = await validateValueRows(ctx, vc, input.rows);
  if (errors.total > 0) rejectRows(errors);
  // Every row is valid here, so valid[i] is rows[i]: the rules' verdicts name the file's rows.
  const codeOf = new Map([...vc.indicators.values()].map((i) => [i.id, i.code]));
  const rules = await importRuleVerdicts(ctx, vc.graph, valid, (i) => input.rows[i]!.row, codeOf);
  if (rules.errors.length > 0) rejectRows(rules.errors);
  const meta = { actor: ctx.actor.username, source: input.source ?? null, reason: input.reason ?? null };
  const result = await ctx.db.k
    .transaction()
    .execute((trx) =>
      storeValidRows({ ...ctx, db: { ...ctx.db, k: trx } }, vc, valid, meta, input.onProgress),
    );
  return { ...result, warnings: [...result.warnings, ...rules.warnings].slice(0, MAX_LISTED_ERRORS) };
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
  if (ctx.db.engine === 'postgres' && ctx.db.k.isTransaction) await jitOffForTransaction(ctx.db.k);
  // Most rows change the coverage of their ancestors only by their own unit (see coverageIsLocal):
  // they take the shorter statement, the others the one that counts reporters.
  const local = vc.stamp === undefined ? () => false : coverageIsLocal(vc);
  const stamp = vc.stamp ?? '';
  const rest: ValueRow[] = [];
  const write = async (rows: ValueRow[]) =>
    (rows.every(local) ? await upsertLocalValues(ctx.db.k, rows, meta, stamp) : null) ??
    (await upsertValues(ctx.db.k, rows, meta));
  let done = 0;
  const step = async (rows: ValueRow[]) => {
    const r = await write(rows);
    inserted += r.inserted;
    updated += r.updated;
    done += rows.length;
    onProgress?.(done, valid.length);
    await setImmediate();
  };
  let batch: ValueRow[] = [];
  for (const v of valid) {
    if (!local(v)) rest.push(v);
    else if (batch.push(v) === chunk) {
      await step(batch);
      batch = [];
    }
  }
  if (batch.length) await step(batch);
  for (let i = 0; i < rest.length; i += chunk) await step(rest.slice(i, i + chunk));
  const warnings = await cumulativeWarnings(ctx.db.k, vc, valid);
  ctx.log.info({ rows: valid.length, inserted, updated, source: meta.source }, 'values stored');
  return { rows: valid.length, inserted, updated, unchanged: valid.length - inserted - updated, warnings };
}

/**
 * Whether a row's coverage changes stay with its own unit: its indicator counts reporters only at
 * the unit itself (not summed across units), or it is summed but the unit has no unit of the
 * reporting kind above it and, if it is of that kind itself, nothing below it. Such a value makes its
 * unit a reporter exactly when it is new, so no reporter needs counting (upsertLocalValues). Kept
 * per (indicator, unit): an import names few of each.
 */
function coverageIsLocal(vc: ValidationContext): (v: ValueRow) => boolean {
  const byId = new Map([...vc.indicators.values()].map((i) => [i.id, i]));
  const memo = new Map<number, Map<number, boolean>>();
  const decide = (ind: Indicator | undefined, unitId: number) => {
    if (!ind) return false;
    if (ind.acrossUnits !== 'sum' || !ind.reportingKind) return true;
    const unit = vc.graph.byId.get(unitId);
    if (!unit) return false;
    if (unit.kind === ind.reportingKind && (vc.graph.children.get(unitId)?.length ?? 0) > 0) return false;
    return vc.graph
      .ancestorsOf(unitId)
      .slice(1)
      .every((a) => vc.graph.byId.get(a)?.kind !== ind.reportingKind);
  };
  return (v) => {
    let m = memo.get(v.indicatorId);
    if (!m) memo.set(v.indicatorId, (m = new Map()));
    let local = m.get(v.unitId);
    if (local === undefined) m.set(v.unitId, (local = decide(byId.get(v.indicatorId), v.unitId)));
    return local;
  };
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
