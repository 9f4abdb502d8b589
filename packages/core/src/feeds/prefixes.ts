import { csvRows, rowErrors } from './csv-rows.ts';
import { rejectRows } from '../values/values.ts';
import { requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { loadUnitGraph } from '../units/unit-graph.ts';
import { recomputeBotnetValues } from './botnet-counts.ts';
import type { PrefixLoadResult } from './feed-schemas.ts';
import { deletePrefixes, insertPrefixes } from './feeds.queries.ts';
import { parseCidr } from './ip.ts';

/**
 * Replaces the IP-prefix table (CSV `prefix,operator,province`: CIDR, network operator, province
 * code) that places botnet addresses, and in the same transaction recomputes the province values
 * of ATTT.IP_BOTNET from the stored addresses, so the figures follow the table. All or nothing,
 * with an error per row and field; audited.
 */
export async function loadIpPrefixes(
  ctx: Ctx,
  input: { data: Buffer; filename: string },
): Promise<PrefixLoadResult> {
  requireAccess(ctx, 'unit.write');
  requireAccess(ctx, 'value.write');
  const rows = csvRows(input.data, input.filename);
  const graph = await loadUnitGraph(ctx.db.k);
  const { errors, at } = rowErrors();
  const seen = new Map<string, number>();
  const out: { cidr: string; operator: string; province_code: string | null }[] = [];
  rows.forEach((r, i) => {
    const row = i + 2;
    const err = at(row);
    const c = parseCidr(r.prefix ?? '');
    if ('error' in c)
      return err(
        'prefix',
        'INVALID_PREFIX',
        `tiền tố "${r.prefix ?? ''}" không hợp lệ: ${c.error}`,
        `invalid prefix "${r.prefix ?? ''}"`,
      );
    if (!r.operator) err('operator', 'MISSING_FIELD', 'thiếu nhà mạng', 'operator is missing');
    const province = r.province ? r.province.toUpperCase() : null;
    if (province && graph.byCode.get(province)?.kind !== 'province')
      err(
        'province',
        'UNKNOWN_UNIT',
        `không có tỉnh mã "${province}"`,
        `no province with code "${province}"`,
      );
    if (seen.has(c.cidr))
      err(
        'prefix',
        'DUPLICATE_ROW',
        `tiền tố ${c.cidr} trùng dòng ${seen.get(c.cidr)}`,
        `prefix ${c.cidr} repeats row ${seen.get(c.cidr)}`,
      );
    seen.set(c.cidr, row);
    out.push({ cidr: c.cidr, operator: r.operator ?? '', province_code: province });
  });
  if (errors.length) rejectRows(errors);
  return ctx.db.k.transaction().execute(async (trx) => {
    await deletePrefixes(trx);
    for (let i = 0; i < out.length; i += 5000)
      await insertPrefixes(
        trx,
        out.slice(i, i + 5000).map((o) => ({ ...o, loaded_by: ctx.actor.username })),
      );
    await writeAudit(trx, ctx.actor, {
      entity: 'ip_prefix',
      key: input.filename,
      action: 'load',
      new: { prefixes: out.length },
    });
    const r = await recomputeBotnetValues(
      { ...ctx, db: { ...ctx.db, k: trx } },
      `prefixes:${input.filename}`,
    );
    return { prefixes: out.length, valuesWritten: r.written, valuesRemoved: r.removed };
  });
}
