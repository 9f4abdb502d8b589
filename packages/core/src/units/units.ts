import { inScope, requireAccess } from '../access/access.ts';
import { unitAbilities } from '../access/policy.ts';
import { parseEach } from '../zod-errors.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { BaocaoError, notFound } from '../errors.ts';
import { type Unit, UnitInput } from '../schemas.ts';
import { type UnitGraph, loadUnitGraph } from './unit-graph.ts';
import type { UnitView } from './unit-schemas.ts';
import { insertClosure, insertSuccession, insertUnit, selectUnitByCode } from './units.queries.ts';

export const unknownUnit = (code: string) =>
  notFound(`Không có đơn vị mã "${code}"`, `No org unit with code "${code}"`);

/** All org units, ordered by code; `at` (ISO date) keeps those in force that day. */
export async function listUnits(
  ctx: Ctx,
  opts: { kind?: Unit['kind']; at?: string } = {},
): Promise<UnitView[]> {
  const graph = await loadUnitGraph(ctx.db.k);
  return [...graph.byId.values()]
    .filter((u) => !opts.kind || u.kind === opts.kind)
    .filter(
      (u) => !opts.at || ((!u.validFrom || u.validFrom <= opts.at) && (!u.validTo || opts.at <= u.validTo)),
    )
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((u) => viewOf(ctx, graph, u));
}

/** A unit with what the actor may do with it (the policy's `unitAbilities`, scope included). */
const viewOf = (ctx: Ctx, graph: UnitGraph, u: Unit): UnitView => ({
  ...u,
  abilities: unitAbilities(ctx.actor.role, inScope(ctx.actor, u.id, graph.ancestorsOf)),
});

/** One unit by code. */
export async function getUnit(ctx: Ctx, code: string): Promise<Unit> {
  const graph = await loadUnitGraph(ctx.db.k);
  const unit = graph.byCode.get(code.trim().toUpperCase());
  if (!unit) throw unknownUnit(code);
  return unit;
}

/**
 * Creates units (parents before children, in input order), all or none, with their closure rows
 * and an audit entry each. Codes must be new; a parent is named by code.
 */
export async function createUnits(ctx: Ctx, inputs: UnitInput[]): Promise<UnitView[]> {
  requireAccess(ctx, 'unit.write');
  const parsed = parseEach(UnitInput, inputs, 'INVALID_UNIT', { vi: 'Đơn vị', en: 'unit' });
  const made = await ctx.db.k.transaction().execute(async (trx) => {
    const created: Unit[] = [];
    for (const u of parsed) {
      if (await selectUnitByCode(trx, u.code)) {
        throw new BaocaoError(
          'DUPLICATE_UNIT',
          `Mã đơn vị "${u.code}" đã tồn tại`,
          `Unit code "${u.code}" already exists`,
        );
      }
      const parent = u.parentCode ? await selectUnitByCode(trx, u.parentCode) : undefined;
      if (u.parentCode && !parent) throw unknownUnit(u.parentCode);
      const row = await insertUnit(trx, {
        code: u.code,
        name_vi: u.nameVi,
        name_en: u.nameEn ?? null,
        kind: u.kind,
        parent_id: parent?.id ?? null,
        valid_from: u.validFrom ?? null,
        valid_to: u.validTo ?? null,
      });
      await insertClosure(trx, row.id, row.parent_id);
      const unit: Unit = {
        id: row.id,
        code: row.code,
        nameVi: row.name_vi,
        nameEn: row.name_en,
        kind: row.kind,
        parentId: row.parent_id,
        validFrom: row.valid_from,
        validTo: row.valid_to,
      };
      await writeAudit(trx, ctx.actor, { entity: 'org_unit', key: unit.code, action: 'create', new: unit });
      created.push(unit);
    }
    return created;
  });
  const graph = await loadUnitGraph(ctx.db.k);
  return made.map((u) => viewOf(ctx, graph, u));
}

/** Records that `predecessor` was taken over by `successor` from `effective` (ISO date). */
export async function addSuccessions(
  ctx: Ctx,
  items: { predecessor: string; successor: string; effective: string }[],
): Promise<void> {
  requireAccess(ctx, 'unit.write');
  await ctx.db.k.transaction().execute(async (trx) => {
    for (const s of items) {
      const pred = await selectUnitByCode(trx, s.predecessor);
      const succ = await selectUnitByCode(trx, s.successor);
      if (!pred) throw unknownUnit(s.predecessor);
      if (!succ) throw unknownUnit(s.successor);
      await insertSuccession(trx, { predecessor_id: pred.id, successor_id: succ.id, effective: s.effective });
      await writeAudit(trx, ctx.actor, {
        entity: 'unit_succession',
        key: `${s.predecessor}>${s.successor}`,
        action: 'create',
        new: s,
      });
    }
  });
}
