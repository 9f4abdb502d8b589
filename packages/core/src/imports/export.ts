import { serializeTable } from '../format/table-file.ts';
import { requireAccess } from '../access/access.ts';
import type { Ctx } from '../context.ts';
import { parsePeriod } from '../periods/period.ts';
import { loadUnitGraph } from '../units/unit-graph.ts';
import { unknownUnit } from '../units/units.ts';
import type { FileFormat } from './parse-file.ts';
import type { ValueStatus } from '../schemas.ts';
import { selectStoredValues } from './export.queries.ts';

/** One exported value: the same columns an import reads, plus who changed it last and when. */
export interface ExportRow {
  indicator: string;
  unit: string;
  period: string;
  value: number;
  status: ValueStatus;
  derived: boolean;
  note: string | null;
  updated_by: string;
  updated_at: string;
}

/**
 * Stored values matching a selection: indicator codes, units (each with its subtree) and a period
 * span (values lying within it). Readers only see units they may read.
 */
export async function selectValues(
  ctx: Ctx,
  sel: { indicators?: string[]; units?: string[]; period?: string },
): Promise<ExportRow[]> {
  const graph = await loadUnitGraph(ctx.db.k);
  const unitIds = (sel.units ?? []).map((c) => {
    const u = graph.byCode.get(c.toUpperCase());
    if (!u) throw unknownUnit(c);
    return u.id;
  });
  const scope = unitIds.length ? unitIds : ctx.actor.unitId !== null ? [ctx.actor.unitId] : [];
  requireAccess(ctx, 'value.read', { unitIds: scope, ancestorsOf: graph.ancestorsOf });
  const rows = await selectStoredValues(ctx.db.k, {
    indicators: (sel.indicators ?? []).map((c) => c.toUpperCase()),
    scope,
    ...(sel.period ? { period: parsePeriod(sel.period) } : {}),
  });
  return rows.map((r) => ({ ...r, value: Number(r.value), updated_at: r.updated_at.toISOString() }));
}

const COLUMNS: (keyof ExportRow)[] = [
  'indicator',
  'unit',
  'period',
  'value',
  'status',
  'derived',
  'note',
  'updated_by',
  'updated_at',
];

/** Serialises exported values (see serializeTable). */
export const serializeRows = (rows: ExportRow[], format: FileFormat): Promise<Buffer> =>
  serializeTable(COLUMNS, rows, format, { json: 'values', sheet: 'So lieu' });

/** Exports a selection of stored values as CSV, XLSX or JSON. */
export async function exportValues(
  ctx: Ctx,
  sel: { indicators?: string[]; units?: string[]; period?: string; format: FileFormat },
): Promise<{ data: Buffer; rows: number }> {
  const rows = await selectValues(ctx, sel);
  return { data: await serializeRows(rows, sel.format), rows: rows.length };
}
