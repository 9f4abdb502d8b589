import { requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { BaocaoError, type FieldError, notFound } from '../errors.ts';
import { loadUnitGraph } from '../units/unit-graph.ts';
import { type RegistryData, RegistryItem, type RegistryKind } from './registry-schemas.ts';
import { selectRegistryRow, selectRegistryRows } from './registries.queries.ts';
import {
  deleteRegistryItemRow,
  insertRegistryItem,
  updateRegistryItemRow,
} from './registry-items.queries.ts';
import { validateRegistryItem } from './validate-item.ts';
import { selectIndicators } from '../catalog/indicators.queries.ts';

type Row = NonNullable<Awaited<ReturnType<typeof selectRegistryRow>>>;

const toItem = (r: Row): RegistryItem =>
  RegistryItem.parse({
    ...(typeof r.data === 'object' && r.data !== null ? r.data : {}),
    kind: r.kind,
    period: r.period,
    id: r.id,
    updatedBy: r.updated_by,
    updatedAt: new Date(r.updated_at).toISOString(),
  });

/** The stored fields of an item: everything but its kind and period, which are columns. */
function payload(d: RegistryData): string {
  const { kind: _kind, period: _period, ...rest } = d;
  return JSON.stringify(rest);
}

/**
 * The key under which two items are the same entry: a document by its number, or by its kind and
 * title when it has none yet; other items by their text. Case and spacing do not matter.
 */
export function duplicateKey(item: RegistryData): string {
  const norm = (s: string) =>
    s
      .normalize('NFC')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .replace(/[.;:]+$/, '')
      .trim();
  switch (item.kind) {
    case 'legal_document':
      return `${item.stage}|${item.number ? norm(item.number) : `${item.docKind}|${norm(item.title)}`}`;
    case 'task':
      return norm(item.title);
    case 'activity':
    case 'notable_issue':
      return norm(item.summary);
    case 'petition':
      return `${item.legislature}|${item.session}`;
  }
}

async function validateAll(ctx: Ctx, inputs: unknown[]): Promise<RegistryData[]> {
  const graph = await loadUnitGraph(ctx.db.k);
  const indicators = new Set((await selectIndicators(ctx.db.k)).map((i) => i.code));
  const errors: FieldError[] = [];
  const ok: RegistryData[] = [];
  inputs.forEach((input, i) => {
    const r = validateRegistryItem(input, i + 1, graph, indicators);
    if ('errors' in r) errors.push(...r.errors);
    else ok.push(r.data);
  });
  if (errors.length)
    throw new BaocaoError(
      'VALIDATION_FAILED',
      `Có ${errors.length} lỗi; không mục nào được ghi`,
      `${errors.length} error(s); nothing was written`,
      { details: errors },
    );
  return ok;
}

/** Lists registry items, optionally of one kind and of some periods, in entry order. */
export async function listRegistryItems(
  ctx: Ctx,
  filter: { kind?: RegistryKind; periods?: string[] } = {},
): Promise<RegistryItem[]> {
  requireAccess(ctx, 'report.read');
  return (await selectRegistryRows(ctx.db.k, filter)).map(toItem);
}

/**
 * Adds items, all or none, each audited. An item the period already holds is still added (a
 * report shows it once and flags it), and the caller is warned.
 */
export async function createRegistryItems(
  ctx: Ctx,
  inputs: unknown[],
): Promise<{ items: RegistryItem[]; warnings: FieldError[] }> {
  requireAccess(ctx, 'registry.write');
  const data = await validateAll(ctx, inputs);
  const periods = [...new Set(data.map((d) => d.period))];
  const seen = new Set(
    (await selectRegistryRows(ctx.db.k, { periods })).map((r) => `${r.period}|${duplicateKey(toItem(r))}`),
  );
  const warnings: FieldError[] = [];
  data.forEach((d, i) => {
    const key = `${d.period}|${duplicateKey(d)}`;
    if (seen.has(key))
      warnings.push({
        row: i + 1,
        code: 'DUPLICATE_ITEM',
        message: `Dòng ${i + 1}: mục này đã có trong ${d.period}; báo cáo sẽ chỉ nêu một lần`,
        messageEn: `Row ${i + 1}: this item is already listed in ${d.period}; reports show it once`,
      });
    seen.add(key);
  });
  const items = await ctx.db.k.transaction().execute(async (trx) => {
    const out: RegistryItem[] = [];
    for (const d of data) {
      const row = await insertRegistryItem(trx, {
        kind: d.kind,
        period: d.period,
        data: payload(d),
        created_by: ctx.actor.username,
        updated_by: ctx.actor.username,
      });
      await writeAudit(trx, ctx.actor, { entity: d.kind, key: String(row.id), action: 'create', new: d });
      out.push(toItem(row));
    }
    return out;
  });
  return { items, warnings };
}

async function existing(ctx: Ctx, id: number): Promise<RegistryItem> {
  const row = await selectRegistryRow(ctx.db.k, id);
  if (!row) throw notFound(`Không có mục số ${id}`, `No registry item ${id}`);
  return toItem(row);
}

/** Replaces an item's fields (its kind stays), validated and audited with the old and new values. */
export async function updateRegistryItem(
  ctx: Ctx,
  input: { id: number; item: unknown; reason?: string | null },
): Promise<RegistryItem> {
  requireAccess(ctx, 'registry.write');
  const old = await existing(ctx, input.id);
  const [data] = await validateAll(ctx, [input.item]);
  if (data!.kind !== old.kind)
    throw new BaocaoError(
      'KIND_CHANGE',
      `Không đổi được loại mục (${old.kind} → ${data!.kind}); hãy xóa và tạo mới`,
      `An item's kind cannot change (${old.kind} → ${data!.kind}); delete it and create a new one`,
    );
  // A task's status moves only through its history (who, when, why: changeTaskStatus).
  if (data!.kind === 'task' && old.kind === 'task' && data!.status !== old.status)
    throw new BaocaoError(
      'TASK_STATUS_VIA_HISTORY',
      'Trạng thái nhiệm vụ được đổi bằng "Cập nhật trạng thái" (kèm ghi chú, lưu lịch sử), không sửa trực tiếp',
      'A task’s status changes through a status update (with its note, kept in the history), not by editing the task',
      {
        details: [
          {
            field: 'status',
            code: 'TASK_STATUS_VIA_HISTORY',
            message: 'Đổi trạng thái qua "Cập nhật trạng thái"',
            messageEn: 'Change the status through a status update',
          },
        ],
      },
    );
  return ctx.db.k.transaction().execute(async (trx) => {
    const row = await updateRegistryItemRow(trx, input.id, {
      period: data!.period,
      data: payload(data!),
      updated_by: ctx.actor.username,
      updated_at: new Date(),
    });
    await writeAudit(trx, ctx.actor, {
      entity: old.kind,
      key: String(input.id),
      action: 'update',
      old,
      new: data,
      reason: input.reason ?? null,
    });
    return toItem(row);
  });
}

/** Deletes an item; the audit trail keeps what it was. */
export async function deleteRegistryItem(
  ctx: Ctx,
  input: { id: number; reason?: string | null },
): Promise<void> {
  requireAccess(ctx, 'registry.write');
  const old = await existing(ctx, input.id);
  await ctx.db.k.transaction().execute(async (trx) => {
    await deleteRegistryItemRow(trx, input.id);
    await writeAudit(trx, ctx.actor, {
      entity: old.kind,
      key: String(input.id),
      action: 'delete',
      old,
      reason: input.reason ?? null,
    });
  });
}
