import { inScope, requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { BaocaoError, errorList, notFound } from '../errors.ts';
import { requireSecondPerson } from '../forms/four-eyes.ts';
import { loadUnitGraph } from '../units/unit-graph.ts';
import {
  type Infosystem,
  type InfosystemData,
  type InfosystemImportResult,
  InfosystemInput,
} from './infosys-schemas.ts';
import { recomputeInfosystemValues } from './infosys-values.ts';
import {
  type InfosystemRow,
  insertInfosystem,
  lockInfosystems,
  lockInfosystemsByName,
  selectInfosystems,
  updateInfosystem,
} from './infosystems.queries.ts';
import { validateInfosystem } from './validate-infosystem.ts';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
const record = (v: unknown) => {
  const r = InfosystemInput.safeParse(v);
  return r.success ? r.data : null;
};

const toInfosystem = (r: InfosystemRow): Infosystem => ({
  id: r.id,
  owner: r.owner_code,
  ownerName: r.owner_name,
  name: r.name,
  state: r.status,
  approved: record(r.data),
  pending: record(r.draft),
  comment: r.comment,
  submittedBy: r.submitted_by,
  submittedAt: iso(r.submitted_at),
  reviewedBy: r.reviewed_by,
  reviewedAt: iso(r.reviewed_at),
});

/** The records a caller may see: all for the ministry's staff, their own unit's subtree for a reporter. */
export async function listInfosystems(
  ctx: Ctx,
  filter: { owner?: string; state?: Infosystem['state'] } = {},
): Promise<Infosystem[]> {
  requireAccess(ctx, 'value.read');
  const graph = await loadUnitGraph(ctx.db.k);
  const owner = filter.owner ? graph.byCode.get(filter.owner.trim().toUpperCase()) : undefined;
  if (filter.owner && !owner)
    throw notFound(`Không có đơn vị mã "${filter.owner}"`, `No unit "${filter.owner}"`);
  // Asking for another unit's systems is refused, not answered with an empty list.
  if (owner) requireAccess(ctx, 'value.read', { unitIds: [owner.id], ancestorsOf: graph.ancestorsOf });
  const rows = await selectInfosystems(ctx.db.k, {
    ...(owner ? { ownerIds: [owner.id] } : {}),
    ...(filter.state ? { states: [filter.state] } : {}),
  });
  return rows.filter((r) => inScope(ctx.actor, r.owner_unit_id, graph.ancestorsOf)).map(toInfosystem);
}

const sameRecord = (a: unknown, b: InfosystemData) => {
  const x = record(a);
  return x !== null && JSON.stringify(InfosystemInput.parse(x)) === JSON.stringify(InfosystemInput.parse(b));
};

/**
 * Declares systems (new ones, or changes to one already declared under the same owner and name):
 * all rows or none, each waiting for an officer's approval before any figure counts it (four
 * eyes). A reporter declares for their own unit's subtree only. A row equal to the approved
 * record with nothing pending changes nothing.
 */
export async function declareInfosystems(
  ctx: Ctx,
  inputs: unknown[],
  opts: { rowNumbers?: number[] } = {},
): Promise<InfosystemImportResult> {
  requireAccess(ctx, 'form.write');
  const graph = await loadUnitGraph(ctx.db.k);
  const errors = errorList();
  const data: InfosystemData[] = [];
  const seen = new Map<string, number>();
  inputs.forEach((input, i) => {
    const row = opts.rowNumbers?.[i] ?? i + 1;
    const r = validateInfosystem(input, row, graph);
    if ('errors' in r) return r.errors.forEach((e) => errors.push(e));
    const owner = graph.byCode.get(r.data.owner)!;
    if (!inScope(ctx.actor, owner.id, graph.ancestorsOf))
      return errors.push({
        row,
        field: 'owner',
        code: 'FORBIDDEN',
        message: `Dòng ${row}: chỉ được kê khai hệ thống của đơn vị mình (không phải ${owner.code})`,
        messageEn: `Row ${row}: you may declare your own unit's systems only (not ${owner.code})`,
      });
    const key = `${owner.id}|${r.data.name.toLowerCase()}`;
    if (seen.has(key))
      return errors.push({
        row,
        field: 'name',
        code: 'DUPLICATE_ROW',
        message: `Dòng ${row}: hệ thống "${r.data.name}" của ${owner.code} đã có ở dòng ${seen.get(key)}`,
        messageEn: `Row ${row}: system "${r.data.name}" of ${owner.code} is already on row ${seen.get(key)}`,
      });
    seen.set(key, row);
    data.push(r.data);
  });
  const denied = errors.listed.filter((e) => e.code === 'FORBIDDEN');
  if (denied.length)
    throw new BaocaoError('FORBIDDEN', denied[0]!.message, denied[0]!.messageEn, {
      status: 403,
      details: denied,
    });
  if (errors.total)
    throw new BaocaoError(
      'VALIDATION_FAILED',
      `Có ${errors.total} lỗi; không hệ thống nào được ghi`,
      `${errors.total} error(s); nothing was written`,
      { details: errors },
    );
  const ownerId = (d: InfosystemData) => graph.byCode.get(d.owner)!.id;
  return ctx.db.k.transaction().execute(async (trx) => {
    const existing = new Map(
      (
        await lockInfosystemsByName(
          trx,
          data.map((d) => ({ ownerId: ownerId(d), name: d.name })),
        )
      ).map((r) => [`${r.owner_unit_id}|${r.name.toLowerCase()}`, r]),
    );
    const result = { rows: data.length, created: 0, changed: 0, unchanged: 0 };
    const now = new Date();
    for (const d of data) {
      const old = existing.get(`${ownerId(d)}|${d.name.toLowerCase()}`);
      const submitted = {
        draft: JSON.stringify(d),
        status: 'submitted' as const,
        comment: null,
        submitted_by: ctx.actor.username,
        submitted_at: now,
        updated_by: ctx.actor.username,
        updated_at: now,
      };
      if (!old) {
        const row = await insertInfosystem(trx, {
          owner_unit_id: ownerId(d),
          name: d.name,
          data: null,
          ...submitted,
          created_by: ctx.actor.username,
        });
        await writeAudit(trx, ctx.actor, {
          entity: 'infosystem',
          key: String(row.id),
          action: 'declare',
          new: d,
        });
        result.created++;
      } else if (old.status === 'approved' && sameRecord(old.data, d)) {
        result.unchanged++;
      } else {
        await updateInfosystem(trx, old.id, { ...submitted, name: d.name });
        await writeAudit(trx, ctx.actor, {
          entity: 'infosystem',
          key: String(old.id),
          action: 'declare',
          old: old.draft ?? old.data,
          new: d,
        });
        result.changed++;
      }
    }
    return result;
  });
}

/** Records for review: present, in the reviewer's scope, and waiting in the expected state. */
async function forReview(ctx: Ctx, trx: Ctx['db']['k'], ids: number[]) {
  const graph = await loadUnitGraph(trx);
  const rows = await lockInfosystems(trx, ids);
  const missing = ids.filter((id) => !rows.some((r) => r.id === id));
  if (missing.length)
    throw notFound(`Không có hệ thống số ${missing.join(', ')}`, `No system ${missing.join(', ')}`);
  requireAccess(ctx, 'form.review', {
    unitIds: rows.map((r) => r.owner_unit_id),
    ancestorsOf: graph.ancestorsOf,
  });
  for (const r of rows)
    if (r.status !== 'submitted')
      throw new BaocaoError(
        'INFOSYSTEM_STATE',
        `Hệ thống "${r.name}" không chờ duyệt (trạng thái: ${r.status})`,
        `System "${r.name}" is not waiting for review (state: ${r.status})`,
        { status: 409 },
      );
  return rows;
}

/**
 * Approves declared changes: each becomes the record the figures count, by another person than the
 * one who declared it (four eyes), audited; the registry's indicators are recomputed in the same
 * transaction, so a figure never disagrees with the approved records.
 */
export async function approveInfosystems(ctx: Ctx, input: { ids: number[] }): Promise<{ approved: number }> {
  requireAccess(ctx, 'form.review');
  return ctx.db.k.transaction().execute(async (trx) => {
    const rows = await forReview(ctx, trx, input.ids);
    for (const r of rows) requireSecondPerson(ctx.actor.username, r.submitted_by);
    const now = new Date();
    for (const r of rows) {
      await updateInfosystem(trx, r.id, {
        data: JSON.stringify(r.draft),
        draft: null,
        status: 'approved',
        comment: null,
        reviewed_by: ctx.actor.username,
        reviewed_at: now,
        updated_by: ctx.actor.username,
        updated_at: now,
      });
      await writeAudit(trx, ctx.actor, {
        entity: 'infosystem',
        key: String(r.id),
        action: 'approve',
        old: r.data,
        new: r.draft,
      });
    }
    await recomputeInfosystemValues({ ...ctx, db: { ...ctx.db, k: trx } });
    return { approved: rows.length };
  });
}

/** Returns a declared change to its owner with the reason; the approved record (if any) stays counted. */
export async function returnInfosystem(ctx: Ctx, input: { id: number; reason: string }): Promise<void> {
  requireAccess(ctx, 'form.review');
  const reason = input.reason.trim();
  if (reason.length < 5)
    throw new BaocaoError(
      'REASON_REQUIRED',
      'Trả lại phải nêu lý do (ít nhất 5 ký tự)',
      'A return needs a reason (at least 5 characters)',
    );
  await ctx.db.k.transaction().execute(async (trx) => {
    const [r] = await forReview(ctx, trx, [input.id]);
    await updateInfosystem(trx, r!.id, {
      status: 'returned',
      comment: reason,
      reviewed_by: ctx.actor.username,
      reviewed_at: new Date(),
      updated_by: ctx.actor.username,
      updated_at: new Date(),
    });
    await writeAudit(trx, ctx.actor, { entity: 'infosystem', key: String(r!.id), action: 'return', reason });
  });
}
