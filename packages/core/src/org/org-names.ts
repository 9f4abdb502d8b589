import { requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { BaocaoError, notFound } from '../errors.ts';
import { zodFieldErrors } from '../zod-errors.ts';
import { ORG_NAME_LABELS, OrgName, type OrgNames, namesOn } from './org-name-schemas.ts';
import { SEED_ORG_NAMES } from './org-names-data.ts';
import { deleteOrgNameRow, selectOrgNames, selectOrgNameValue, upsertOrgName } from './org-names.queries.ts';

/** Every name of the organisation with the date it applies from (public: they are printed on documents). */
export async function listOrgNames(ctx: Ctx): Promise<OrgName[]> {
  const rows = await selectOrgNames(ctx.db.k);
  return rows.flatMap((r) => {
    const n = OrgName.safeParse({ key: r.key, validFrom: r.valid_from, value: r.value });
    return n.success ? [n.data] : [];
  });
}

/** The names in force on a date (ISO): what a document of that date prints. */
export async function orgNamesOn(ctx: Ctx, date: string): Promise<OrgNames> {
  return namesOn(await listOrgNames(ctx), date);
}

function parseName(input: unknown): OrgName {
  const r = OrgName.safeParse(input);
  if (!r.success)
    throw new BaocaoError('INVALID_ORG_NAME', 'Tên gọi không hợp lệ', 'Invalid organisation name', {
      details: zodFieldErrors(r.error),
    });
  return r.data;
}

/**
 * Sets a name from a date on (administrators): a renaming is a new row with its start date; the same
 * key and date corrects the row. Documents already published keep what they printed. Audited.
 */
export async function setOrgName(ctx: Ctx, input: unknown): Promise<OrgName[]> {
  requireAccess(ctx, 'unit.write');
  const n = parseName(input);
  await ctx.db.k.transaction().execute(async (trx) => {
    const old = await selectOrgNameValue(trx, n.key, n.validFrom);
    await upsertOrgName(trx, {
      key: n.key,
      valid_from: n.validFrom,
      value: n.value,
      updated_by: ctx.actor.username,
    });
    await writeAudit(trx, ctx.actor, {
      entity: 'org_name',
      key: `${n.key}|${n.validFrom}`,
      action: old ? 'update' : 'create',
      old: old?.value,
      new: n.value,
    });
  });
  return listOrgNames(ctx);
}

/** Removes a name row entered by mistake; a key keeps at least one name. Audited. */
export async function deleteOrgName(ctx: Ctx, input: { key: string; validFrom: string }): Promise<OrgName[]> {
  requireAccess(ctx, 'unit.write');
  const rows = await listOrgNames(ctx);
  const row = rows.find((r) => r.key === input.key && r.validFrom === input.validFrom);
  if (!row)
    throw notFound(
      `Không có tên "${input.key}" áp dụng từ ${input.validFrom}`,
      `No name "${input.key}" from ${input.validFrom}`,
    );
  if (rows.filter((r) => r.key === row.key).length === 1)
    throw new BaocaoError(
      'LAST_ORG_NAME',
      `"${ORG_NAME_LABELS[row.key].vi}" chỉ còn một tên; hãy sửa tên đó thay vì xóa`,
      `"${ORG_NAME_LABELS[row.key].en}" has one name left; edit it instead`,
      { status: 409 },
    );
  await ctx.db.k.transaction().execute(async (trx) => {
    await deleteOrgNameRow(trx, row.key, row.validFrom);
    await writeAudit(trx, ctx.actor, {
      entity: 'org_name',
      key: `${row.key}|${row.validFrom}`,
      action: 'delete',
      old: row.value,
    });
  });
  return listOrgNames(ctx);
}

/** Seeds the names of a fresh store (before and after the 2025 merger); keys already named are left alone. */
export async function seedOrgNames(ctx: Ctx): Promise<void> {
  const named = new Set((await listOrgNames(ctx)).map((r) => r.key));
  for (const n of SEED_ORG_NAMES)
    if (!named.has(n.key))
      await upsertOrgName(ctx.db.k, {
        key: n.key,
        valid_from: n.validFrom,
        value: n.value,
        updated_by: ctx.actor.username,
      });
}
