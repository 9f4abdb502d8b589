import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import { inScope, requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.ts';
import { listIndicators } from '../catalog/indicators.ts';
import type { Ctx } from '../context.ts';
import type { Schema } from '../db/schema.ts';
import { BaocaoError } from '../errors.ts';
import { coreFile } from '../files.ts';
import { provinceCode } from '../units/provinces.ts';
import { type UnitGraph, loadUnitGraph } from '../units/unit-graph.ts';
import type { CellBounds } from './bounds.ts';
import { ValueRangeInput, type ValueRangeRow } from './quality-schemas.ts';
import {
  deleteRange,
  selectPopulations,
  selectRanges,
  upsertPopulation,
  upsertRange,
} from './bounds.queries.ts';

async function resolveCell(ctx: Ctx, indicatorCode: string, unitCode: string) {
  const [indicators, graph] = await Promise.all([listIndicators(ctx), loadUnitGraph(ctx.db.k)]);
  const indicator = indicators.find((i) => i.code === indicatorCode.toUpperCase());
  const unit = graph.byCode.get(unitCode.toUpperCase());
  if (!indicator)
    throw new BaocaoError(
      'UNKNOWN_INDICATOR',
      `Không có chỉ tiêu mã "${indicatorCode}"`,
      `Unknown indicator "${indicatorCode}"`,
      {
        status: 404,
      },
    );
  if (!unit)
    throw new BaocaoError('UNKNOWN_UNIT', `Không có đơn vị mã "${unitCode}"`, `Unknown unit "${unitCode}"`, {
      status: 404,
    });
  return { indicator, unit };
}

/** Sets (or replaces) the range of an indicator in a unit; audited. */
export async function setValueRange(ctx: Ctx, input: ValueRangeInput): Promise<ValueRangeRow> {
  requireAccess(ctx, 'catalog.write');
  const r = ValueRangeInput.parse(input);
  const { indicator, unit } = await resolveCell(ctx, r.indicator, r.unit);
  await ctx.db.k.transaction().execute(async (trx) => {
    const [old] = (await selectRanges(trx, [unit.id])).filter((x) => x.indicator_id === indicator.id);
    await upsertRange(trx, {
      indicator_id: indicator.id,
      unit_id: unit.id,
      min_value: r.min,
      max_value: r.max,
      hard: r.hard,
      reason: r.reason ?? null,
      set_by: ctx.actor.username,
    });
    await writeAudit(trx, ctx.actor, {
      entity: 'value_range',
      key: `${indicator.code}/${unit.code}`,
      action: old ? 'update' : 'create',
      old: old ? toRow(old) : undefined,
      new: { min: r.min, max: r.max, hard: r.hard },
      reason: r.reason ?? null,
    });
  });
  const [row] = (await listValueRanges(ctx, { unit: unit.code })).filter(
    (x) => x.indicator === indicator.code,
  );
  return row!;
}

/** Removes a range; audited. Removing one that does not exist is a 404. */
export async function clearValueRange(ctx: Ctx, input: { indicator: string; unit: string }): Promise<void> {
  requireAccess(ctx, 'catalog.write');
  const { indicator, unit } = await resolveCell(ctx, input.indicator, input.unit);
  await ctx.db.k.transaction().execute(async (trx) => {
    const [old] = (await selectRanges(trx, [unit.id])).filter((x) => x.indicator_id === indicator.id);
    if (!old)
      throw new BaocaoError(
        'NOT_FOUND',
        `Chưa có khoảng giá trị cho ${indicator.code} tại ${unit.code}`,
        `No range is set for ${indicator.code} in ${unit.code}`,
        { status: 404 },
      );
    await deleteRange(trx, indicator.id, unit.id);
    await writeAudit(trx, ctx.actor, {
      entity: 'value_range',
      key: `${indicator.code}/${unit.code}`,
      action: 'delete',
      old: toRow(old),
    });
  });
}

type RangeRecord = Awaited<ReturnType<typeof selectRanges>>[number];
function toRow(r: RangeRecord): ValueRangeRow {
  return {
    indicator: r.indicator,
    unit: r.unit,
    min: r.min_value === null ? null : Number(r.min_value),
    max: r.max_value === null ? null : Number(r.max_value),
    hard: r.hard,
    reason: r.reason,
    setBy: r.set_by,
    setAt: new Date(r.set_at).toISOString(),
  };
}

/** The ranges set, for one unit or all. */
export async function listValueRanges(ctx: Ctx, input: { unit?: string } = {}): Promise<ValueRangeRow[]> {
  requireAccess(ctx, 'value.read');
  const graph = await loadUnitGraph(ctx.db.k);
  const unit = input.unit ? graph.byCode.get(input.unit.toUpperCase()) : undefined;
  if (input.unit && !unit)
    throw new BaocaoError(
      'UNKNOWN_UNIT',
      `Không có đơn vị mã "${input.unit}"`,
      `Unknown unit "${input.unit}"`,
      { status: 404 },
    );
  if (unit) requireAccess(ctx, 'value.read', { unitIds: [unit.id], ancestorsOf: graph.ancestorsOf });
  // A unit's ranges say how large its figures may be: each person sees those of the units in scope.
  const rows = await selectRanges(ctx.db.k, unit ? [unit.id] : undefined);
  return rows.filter((r) => inScope(ctx.actor, r.unit_id, graph.ancestorsOf)).map(toRow);
}

/**
 * A unit's population: its own; for a unit that merged into another, its successor's (a part is
 * never larger than the whole, so the bound stays a true upper bound); else the sum over its
 * units in force (the country). Null when none is known.
 */
export function populationOf(graph: UnitGraph, pops: Map<number, number>, unitId: number): number | null {
  const own = pops.get(unitId);
  if (own !== undefined) return own;
  for (const [successor, preds] of graph.predecessors) {
    if (preds.some((p) => p.id === unitId)) return populationOf(graph, pops, successor);
  }
  const parts = (graph.children.get(unitId) ?? []).filter((c) => c.validTo === null);
  if (parts.length === 0) return null;
  let sum = 0;
  for (const c of parts) {
    const p = populationOf(graph, pops, c.id);
    if (p === null) return null;
    sum += p;
  }
  return sum;
}

/** What bounds each cell, for the units named (one query each for populations and ranges). */
export async function loadCellBounds(
  db: Kysely<Schema>,
  graph: UnitGraph,
  unitIds: number[],
): Promise<(indicatorId: number, unitId: number) => CellBounds> {
  const [pops, ranges] = await Promise.all([selectPopulations(db), selectRanges(db, unitIds)]);
  const byUnit = new Map(pops.map((p) => [p.unit_id, Number(p.population)]));
  // By indicator, then unit: a batch asks for every row's cell, and a string key per row cost a
  // large import a share of its validation. A cell without a range gets its unit's shared answer.
  const byCell = new Map<number, Map<number, CellBounds['range']>>();
  for (const r of ranges) {
    const row = toRow(r);
    let m = byCell.get(r.indicator_id);
    if (!m) byCell.set(r.indicator_id, (m = new Map()));
    m.set(r.unit_id, { min: row.min, max: row.max, hard: row.hard });
  }
  const plain = new Map<number, CellBounds>();
  return (indicatorId, unitId) => {
    let unitBounds = plain.get(unitId);
    if (!unitBounds)
      plain.set(unitId, (unitBounds = { population: populationOf(graph, byUnit, unitId), range: null }));
    const range = byCell.get(indicatorId)?.get(unitId);
    return range ? { population: unitBounds.population, range } : unitBounds;
  };
}

/**
 * Seeds the 34 provinces' population (`data/population-2025.csv`: the figures of the 2025 merger
 * plan, residents including temporary ones) where none is set; an administrator's figure stays.
 */
export async function seedPopulation(ctx: Ctx): Promise<number> {
  const rows: { code: string; population: string }[] = parse(
    readFileSync(coreFile('data/population-2025.csv')),
    {
      columns: true,
      trim: true,
    },
  );
  const graph = await loadUnitGraph(ctx.db.k);
  const have = new Set((await selectPopulations(ctx.db.k)).map((p) => p.unit_id));
  let n = 0;
  for (const r of rows) {
    const unit = graph.byCode.get(provinceCode(r.code));
    if (!unit || have.has(unit.id)) continue;
    await upsertPopulation(ctx.db.k, {
      unit_id: unit.id,
      population: Number(r.population),
      year: 2025,
      source: 'data/population-2025.csv',
      updated_by: ctx.actor.username,
    });
    n++;
  }
  return n;
}
