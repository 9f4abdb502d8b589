import { requireAccess } from '../access/access.ts';
import { parseEach } from '../zod-errors.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { memoByCatalog } from '../db/catalog-memo.ts';
import { notFound } from '../errors.ts';
import { type Indicator, IndicatorInput } from '../schemas.ts';
import {
  selectIndicatorByCode,
  selectIndicators,
  toIndicator,
  upsertIndicatorRow,
} from './indicators.queries.ts';

const catalogOf = memoByCatalog(async (db) => (await selectIndicators(db)).map(toIndicator));

/** Units that count things: their indicators take whole numbers unless declared otherwise. */
const COUNT_UNITS = new Set([
  'lao động',
  'người',
  'cuộc',
  'địa chỉ',
  'chứng thư số',
  'doanh nghiệp',
  'thuê bao',
  'cơ quan',
  'thẻ',
]);

/** Decimal places a new indicator accepts when its definition does not say: 0 for counts, else 3. */
export const defaultValueDecimals = (unitVi: string) => (COUNT_UNITS.has(unitVi.trim()) ? 0 : 3);

/** The whole indicator catalog, ordered by code (a fresh array; the entries are shared, never mutate them). */
export async function listIndicators(ctx: Ctx): Promise<Indicator[]> {
  return [...(await catalogOf(ctx.db.k))];
}

/** One indicator by code; NOT_FOUND names the code. */
export async function getIndicator(ctx: Ctx, code: string): Promise<Indicator> {
  const row = await selectIndicatorByCode(ctx.db.k, code.trim().toUpperCase());
  if (!row) throw unknownIndicator(code);
  return toIndicator(row);
}

export const unknownIndicator = (code: string) =>
  notFound(
    `Không có chỉ tiêu mã "${code}" trong danh mục`,
    `No indicator with code "${code}" in the catalog`,
  );

/**
 * Creates or updates catalog entries (by code), all or none, each change audited. A ratio that
 * names components must name existing indicators (or ones in the same batch).
 */
export async function saveIndicators(ctx: Ctx, inputs: IndicatorInput[]): Promise<Indicator[]> {
  requireAccess(ctx, 'catalog.write');
  const parsed = parseEach(IndicatorInput, inputs, 'INVALID_INDICATOR', { vi: 'Chỉ tiêu', en: 'indicator' });
  return ctx.db.k.transaction().execute(async (trx) => {
    const known = new Set((await selectIndicators(trx)).map((r) => r.code).concat(parsed.map((p) => p.code)));
    const saved: Indicator[] = [];
    for (const p of parsed) {
      for (const component of [p.numeratorCode, p.denominatorCode]) {
        if (component && !known.has(component)) throw unknownIndicator(component);
      }
      const before = await selectIndicatorByCode(trx, p.code);
      const row = toIndicator(
        await upsertIndicatorRow(trx, {
          ...p,
          shortVi: p.shortVi ?? null,
          shortEn: p.shortEn ?? null,
          unitEn: p.unitEn ?? null,
          reportingKind: p.reportingKind ?? null,
          numeratorCode: p.numeratorCode ?? null,
          denominatorCode: p.denominatorCode ?? null,
          note: p.note ?? null,
          valueDecimals: p.valueDecimals ?? before?.value_decimals ?? defaultValueDecimals(p.unitVi),
          maxValue: p.maxValue ?? null,
          maxPerCapita: p.maxPerCapita ?? null,
        }),
      );
      const old = before ? toIndicator(before) : undefined;
      if (JSON.stringify(old) !== JSON.stringify(row)) {
        await writeAudit(trx, ctx.actor, {
          entity: 'indicator',
          key: p.code,
          action: old ? 'update' : 'create',
          old,
          new: row,
        });
      }
      saved.push(row);
    }
    return saved;
  });
}
