import { createHash } from 'node:crypto';
import { csvRows, rowErrors } from './csv-rows.ts';
import { rejectRows } from '../values/values.ts';
import { requireAccess } from '../access/access.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { monthIndexOfDate, parsePeriod } from '../periods/period.ts';
import { loadUnitGraph } from '../units/unit-graph.ts';
import { currentMonthIndex } from '../values/validate.ts';
import { isIsoDate } from '../format/date.ts';
import { requireNationalRead, writeComputedValues } from './feed-values.ts';
import { INCIDENT_TYPES, type IncidentCounts, type IncidentImportResult } from './feed-schemas.ts';
import { countIncidentsByMonth, countIncidentsByType, upsertIncident } from './incidents.queries.ts';

type IncidentType = (typeof INCIDENT_TYPES)[number];
// A Map: `constructor` must not find Object.prototype's member and pass as a type.
const TYPE_WORDS = new Map<string, IncidentType>([
  ['phishing', 'phishing'],
  ['lừa đảo', 'phishing'],
  ['defacement', 'defacement'],
  ['thay đổi giao diện', 'defacement'],
  ['malware', 'malware'],
  ['mã độc', 'malware'],
  ['other', 'other'],
  ['khác', 'other'],
]);

/**
 * Imports cyber-attack incident records (CSV `ref,date,type,sector,province,status`): all or
 * nothing, an error per row and field. A record is keyed by `ref` (or by its content when there
 * is none), so re-importing updates rather than duplicates. ATTT.TAN_CONG_MANG is then recomputed
 * for every month touched: the national count of incidents, as official values.
 */
export async function importIncidents(
  ctx: Ctx,
  input: { data: Buffer; filename: string },
): Promise<IncidentImportResult> {
  requireAccess(ctx, 'value.write');
  const rows = csvRows(input.data, input.filename);
  const graph = await loadUnitGraph(ctx.db.k);
  const now = currentMonthIndex();
  const { errors, at } = rowErrors();
  const refs = new Map<string, number>();
  const records = rows.flatMap((r, i) => {
    const row = i + 2;
    const before = errors.length;
    const err = at(row);
    const date = r.date ?? '';
    // The one date parser: a day the calendar lacks (2024-02-30) is refused.
    if (!isIsoDate(date))
      err(
        'date',
        'INVALID_DATE',
        `ngày "${date}" không hợp lệ (YYYY-MM-DD)`,
        `invalid date "${date}" (YYYY-MM-DD)`,
      );
    else if (monthIndexOfDate(date) > now)
      err('date', 'FUTURE_DATE', `ngày ${date} ở tương lai`, `date ${date} is in the future`);
    const type = TYPE_WORDS.get((r.type ?? '').toLowerCase());
    if (!type)
      err(
        'type',
        'UNKNOWN_TYPE',
        `loại "${r.type ?? ''}" không thuộc: phishing, defacement, malware, other`,
        `type "${r.type ?? ''}" is not phishing, defacement, malware or other`,
      );
    const province = r.province ? r.province.toUpperCase() : null;
    if (province && !graph.byCode.has(province))
      err('province', 'UNKNOWN_UNIT', `không có đơn vị mã "${province}"`, `unknown unit "${province}"`);
    if (errors.length > before || !type) return [];
    const ref =
      r.ref ||
      createHash('sha1')
        .update([date, type, r.sector, province, r.status].join('|'))
        .digest('hex')
        .slice(0, 16);
    if (refs.has(ref)) {
      err(
        'ref',
        'DUPLICATE_ROW',
        `trùng sự cố dòng ${refs.get(ref)} (${ref})`,
        `repeats row ${refs.get(ref)} (${ref})`,
      );
      return [];
    }
    refs.set(ref, row);
    return [
      {
        ref,
        occurred_on: date,
        month: monthIndexOfDate(date),
        type,
        sector: r.sector || null,
        province_code: province,
        status: r.status || null,
      },
    ];
  });
  if (errors.length) rejectRows(errors);
  const months = [...new Set(records.map((r) => r.month))];
  return ctx.db.k.transaction().execute(async (trx) => {
    for (const r of records) {
      const values = { ...r, source: input.filename, updated_by: ctx.actor.username };
      await upsertIncident(trx, values);
    }
    const counts = await countIncidentsByMonth(trx, months);
    const tctx = { ...ctx, db: { ...ctx.db, k: trx } };
    const valuesWritten = await writeComputedValues(
      tctx,
      'ATTT.TAN_CONG_MANG',
      counts.map((c) => ({ first: c.month, last: c.month, unit: 'VN', value: Number(c.n) })),
      `incidents:${input.filename}`,
    );
    await writeAudit(trx, ctx.actor, {
      entity: 'cyber_incident',
      key: input.filename,
      action: 'import',
      new: { records: records.length },
    });
    return { records: records.length, months: months.length, valuesWritten };
  });
}

/** Incidents of a period by type (phishing, defacement, malware, other). */
export async function incidentCounts(ctx: Ctx, input: { period: string }): Promise<IncidentCounts> {
  await requireNationalRead(ctx);
  const p = parsePeriod(input.period);
  const rows = await countIncidentsByType(ctx.db.k, p.first, p.last);
  const count = (t: IncidentType) => Number(rows.find((r) => r.type === t)?.n ?? 0);
  const byType = {
    phishing: count('phishing'),
    defacement: count('defacement'),
    malware: count('malware'),
    other: count('other'),
  } satisfies Record<IncidentType, number>;
  return { period: p.id, total: INCIDENT_TYPES.reduce((a, t) => a + byType[t], 0), byType };
}
