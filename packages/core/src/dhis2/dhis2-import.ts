import { requireAccess } from '../access/access.ts';
import type { Ctx } from '../context.ts';
import { BaocaoError, MAX_LISTED_ERRORS } from '../errors.ts';
import { readPlainNumber } from '../format/number.ts';
import { readCsvRecords } from '../imports/csv-records.ts';
import type { RawValueRow } from '../values/validate.ts';
import { writeKeyedValues } from '../values/keyed-write.ts';
import { loadDhis2Names } from './dhis2-mapping.ts';
import { fromDhis2Period } from './dhis2-periods.ts';
import { dhis2Resolver, idScheme, isDefaultCombo } from './dhis2-resolve.ts';
import {
  type Dhis2Conflict,
  type Dhis2DataValueSet,
  Dhis2DataValueSet as DataValueSetSchema,
  Dhis2ImportOptions,
  type Dhis2ImportSummary,
} from './dhis2-schemas.ts';

/** DHIS2's CSV columns, in its order (the header row is optional, as in DHIS2). */
export const DHIS2_CSV_COLUMNS = [
  'dataelement',
  'period',
  'orgunit',
  'catoptcombo',
  'attroptcombo',
  'value',
  'storedby',
  'lastupdated',
  'comment',
  'followup',
  'deleted',
] as const;

/** A DHIS2 CSV data value set read into the JSON shape. */
export async function readDhis2Csv(data: Buffer): Promise<Dhis2DataValueSet> {
  const records = await readCsvRecords(data, {
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
  });
  if (records[0]?.[0]?.toLowerCase() === 'dataelement') records.shift();
  return {
    dataValues: records.map((r) => ({
      dataElement: r[0],
      period: r[1],
      orgUnit: r[2],
      categoryOptionCombo: r[3] || undefined,
      attributeOptionCombo: r[4] || undefined,
      value: r[5],
      comment: r[8] || undefined,
    })),
  };
}

/**
 * Imports a DHIS2 data value set (the JSON of `/api/dataValueSets`, or its CSV) — all values or
 * none, through the same validation, locks, audit and rollups as every write. The answer is DHIS2's
 * ImportSummary: any conflict means nothing was written (status ERROR, every value ignored), and
 * each conflict names the value's identifier, why, our error code and the value's index.
 */
export async function importDataValueSet(
  ctx: Ctx,
  input: { body: unknown; format: 'json' | 'csv'; options: Dhis2ImportOptions },
): Promise<Dhis2ImportSummary> {
  requireAccess(ctx, 'value.write');
  const opts = Dhis2ImportOptions.parse(input.options);
  if (opts.skipAudit !== undefined && opts.skipAudit !== 'false')
    throw new BaocaoError(
      'SKIP_AUDIT_REFUSED',
      'Không thể bỏ qua nhật ký thay đổi (skipAudit): mọi thay đổi số liệu đều được ghi lại',
      'skipAudit is refused: every change of a value is audited',
    );
  const base = idScheme(opts.idScheme);
  const schemes = {
    dataElement: idScheme(opts.dataElementIdScheme, base),
    orgUnit: idScheme(opts.orgUnitIdScheme, base),
  };
  const set =
    input.format === 'csv'
      ? await readDhis2Csv(Buffer.isBuffer(input.body) ? input.body : Buffer.from(String(input.body)))
      : DataValueSetSchema.parse(input.body);
  const names = await loadDhis2Names(ctx);
  const ids = dhis2Resolver(names, schemes);
  // Every conflict is counted; the first MAX_LISTED_ERRORS are listed, so a payload of a hundred
  // thousand bad values never makes an answer of a hundred thousand conflicts.
  const conflicts: Dhis2Conflict[] = [];
  let total = 0;
  const conflict = (i: number, object: unknown, property: string, code: string, vi: string, en: string) => {
    total++;
    if (conflicts.length < MAX_LISTED_ERRORS)
      conflicts.push({
        object: String(object ?? '').slice(0, 200),
        value: vi,
        valueEn: en,
        errorCode: code,
        property,
        indexes: [i],
      });
  };
  const rows: RawValueRow[] = [];
  const objects: Record<string, unknown>[] = [];
  set.dataValues.forEach((dv, i) => {
    const de = dv.dataElement;
    const ou = dv.orgUnit ?? set.orgUnit;
    const pe = dv.period ?? set.period;
    const indicator = typeof de === 'string' ? ids.indicator(de) : undefined;
    const unit = typeof ou === 'string' ? ids.unit(ou) : undefined;
    if (!indicator)
      conflict(
        i,
        de,
        'dataElement',
        'UNKNOWN_INDICATOR',
        'Không có phần tử dữ liệu (chỉ tiêu) này',
        'Data element not found or not accessible',
      );
    if (!unit)
      conflict(
        i,
        ou,
        'orgUnit',
        'UNKNOWN_UNIT',
        'Không có đơn vị tổ chức này',
        'Organisation unit not found or not accessible',
      );
    let period: string | undefined;
    try {
      period = fromDhis2Period(String(pe ?? '')).id;
    } catch (e) {
      if (!(e instanceof BaocaoError)) throw e;
      conflict(i, pe, 'period', e.code, e.message, e.messageEn);
    }
    for (const [property, v] of [
      ['categoryOptionCombo', dv.categoryOptionCombo],
      ['attributeOptionCombo', dv.attributeOptionCombo ?? set.attributeOptionCombo],
    ] as const)
      if (!isDefaultCombo(v))
        conflict(
          i,
          v,
          property,
          'UNKNOWN_COMBO',
          'baocao không chia nhỏ số liệu: chỉ nhận tổ hợp mặc định (default)',
          'baocao keeps no disaggregation: only the default option combo is accepted',
        );
    const raw = dv.value;
    const value = readPlainNumber(raw);
    if (value === null && opts.importStrategy !== 'DELETE')
      conflict(
        i,
        raw,
        'value',
        'INVALID_NUMBER',
        'Giá trị phải là một số (dấu chấm thập phân, như DHIS2 ghi)',
        'Value must be a number (decimal point, as DHIS2 writes it)',
      );
    rows.push({
      row: i + 1,
      indicator,
      unit,
      period,
      value,
      note: typeof dv.comment === 'string' ? dv.comment : null,
    });
    objects.push({ indicator: de, unit: ou, period: pe, value: raw });
  });
  const summary = (
    status: Dhis2ImportSummary['status'],
    description: string,
    count: Dhis2ImportSummary['importCount'],
  ) => ({
    responseType: 'ImportSummary' as const,
    status,
    description,
    importOptions: {
      dryRun: opts.dryRun,
      importStrategy: opts.importStrategy,
      idSchemes: { dataElementIdScheme: schemes.dataElement, orgUnitIdScheme: schemes.orgUnit },
    },
    importCount: count,
    conflicts,
    dataSetComplete: 'false',
  });
  const refused = () => ({
    ...summary(
      'ERROR',
      `Không ghi giá trị nào: ${total} xung đột (tất cả hoặc không) / Nothing was written: ${total} conflict(s) (all or nothing)`,
      { imported: 0, updated: 0, ignored: set.dataValues.length, deleted: 0 },
    ),
    code: 'IMPORT_CONFLICTS',
    message: `Có ${total} xung đột; không giá trị nào được ghi`,
    messageEn: `${total} conflict(s); nothing was written`,
    conflictsTotal: total,
  });
  if (total) return refused();
  try {
    const count = await writeKeyedValues(ctx, {
      rows,
      strategy: opts.importStrategy,
      dryRun: opts.dryRun,
      source: 'dhis2',
    });
    const what = opts.dryRun ? 'Chạy thử, không ghi gì / Dry run, nothing written' : 'Đã nhập / Imported';
    return summary('SUCCESS', what, count);
  } catch (e) {
    if (!(e instanceof BaocaoError) || e.details.length === 0) throw e;
    for (const d of e.details) {
      const i = (d.row ?? 1) - 1;
      conflict(i, objects[i]?.[d.field ?? ''] ?? '', dhis2Property(d.field), d.code, d.message, d.messageEn);
    }
    total = e.detailsTotal; // our validation lists the first thousand and counts them all
    return refused();
  }
}

const dhis2Property = (field: string | undefined): string =>
  ({ indicator: 'dataElement', unit: 'orgUnit', period: 'period', value: 'value', note: 'comment' })[
    field ?? ''
  ] ??
  field ??
  'dataValue';
