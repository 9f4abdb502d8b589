import { requireAccess } from '../access/access.ts';
import type { Ctx } from '../context.ts';
import { BaocaoError, MAX_LISTED_ERRORS } from '../errors.ts';
import { readPlainNumber } from '../format/number.ts';
import { type KeyedRow, writeKeyedValues } from '../values/keyed-write.ts';
import { dataSetLookup } from './dhis2-datasets.ts';
import { UID } from './dhis2-ids.ts';
import { loadDhis2Names } from './dhis2-mapping.ts';
import { dhis2PeriodType, fromDhis2Period } from './dhis2-periods.ts';
import { type Dhis2Format, readDataValueSet } from './dhis2-read.ts';
import { type Resolved, dhis2Resolver, idScheme, isDefaultCombo } from './dhis2-resolve.ts';
import {
  type Dhis2Conflict,
  Dhis2ImportOptions,
  type Dhis2ImportSummary,
  bodyOptions,
} from './dhis2-schemas.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?Z?)?$/;
/**
 * Why a completeDate is read, checked and not recorded: baocao's completion is a form's submission,
 * which carries its own values to review (approval writes them); a DHIS2 set writes its values
 * directly and its data set is one domain, where a form is all of a unit's indicators. The answer
 * says so as DHIS2 says a completion it did not register: `dataSetComplete: "false"`.
 */
const NO_COMPLETION =
  'không ghi nhận hoàn thành (completeDate): hoàn thành ở baocao là gửi biểu mẫu / completion (completeDate) not recorded: in baocao a form is completed by submitting it';
const truthy = (v: unknown) => v === true || (typeof v === 'string' && v.trim().toLowerCase() === 'true');

/**
 * Imports a DHIS2 data value set (JSON, CSV or XML, as `/api/dataValueSets` takes them) — all
 * values or none, through the same validation, locks, audit and rollups as every write. Options
 * the set carries (`dryRun`, id schemes, `strategy`) override the query's, as in DHIS2. A value
 * with `deleted: true` is deleted (audited); `followUp` sets the value's follow-up mark (audited). The answer is DHIS2's ImportSummary: any conflict means
 * nothing was written (status ERROR, every value ignored), and each conflict names the value's
 * identifier, why, the error code (DHIS2's where it has one) and the value's index.
 */
export async function importDataValueSet(
  ctx: Ctx,
  input: { body: unknown; format: Dhis2Format; options: Dhis2ImportOptions },
): Promise<Dhis2ImportSummary> {
  requireAccess(ctx, 'value.write');
  const set = await readDataValueSet(input.body, input.format);
  const opts = Dhis2ImportOptions.parse({ ...input.options, ...bodyOptions(set) });
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
  if (opts.categoryOptionComboIdScheme !== undefined) idScheme(opts.categoryOptionComboIdScheme);
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
  const rows: KeyedRow[] = [];
  const objects: Record<string, unknown>[] = [];
  const dataSetId = set.dataSet?.trim();
  const dsScheme = idScheme(opts.dataSetIdScheme, base);
  const dataSet = dataSetId ? dataSetLookup(names, dsScheme, true)(dataSetId) : undefined;
  if (dataSetId && !dataSet) {
    const badUid = dsScheme === 'UID' && !UID.test(dataSetId);
    conflict(
      0,
      dataSetId,
      'dataSet',
      badUid ? 'E8004' : 'E8005',
      badUid ? `UID bộ dữ liệu không hợp lệ: ${dataSetId}` : `Không có bộ dữ liệu ${dataSetId}`,
      badUid ? `Data set UID not valid: ${dataSetId}` : `Data set not found: ${dataSetId}`,
    );
  }
  const completeDate = set.completeDate?.trim() ? set.completeDate.trim() : undefined;
  if (completeDate !== undefined && !ISO_DATE.test(completeDate))
    conflict(
      0,
      set.completeDate,
      'completeDate',
      'E8008',
      `Ngày hoàn thành (completeDate) không phải ngày hợp lệ: ${set.completeDate}`,
      `Data set completeDate is not a valid date string: ${set.completeDate}`,
    );
  // As DHIS2 2.43: a completion names its data set, org unit and period at the set level.
  else if (completeDate !== undefined && !(dataSetId && set.orgUnit?.trim() && set.period?.trim()))
    conflict(
      0,
      completeDate,
      'completeDate',
      'E8009',
      'Ngày hoàn thành (completeDate) cần bộ dữ liệu, đơn vị tổ chức và kỳ nêu ở cấp bộ giá trị',
      'Data set completeDate requires data set, org unit, period and attribute option combo to be defined at the group level',
    );
  // Elements and periods a data set cannot carry are listed once per set, as DHIS2 does.
  const foreign = new Map<string, number[]>();
  const offType = new Map<string, number[]>();
  const note = (m: Map<string, number[]>, k: string, i: number) => m.set(k, [...(m.get(k) ?? []), i]);
  const resolve = (
    i: number,
    r: Resolved,
    id: unknown,
    property: string,
    missing: [string, string, string],
    notFound: [string, string, string],
  ): string | undefined => {
    if (r && 'code' in r) return r.code;
    if (typeof id !== 'string' || id.trim() === '') conflict(i, id, property, ...missing);
    else if (r)
      conflict(
        i,
        id,
        property,
        'AMBIGUOUS_NAME',
        `Tên "${id}" thuộc về ${r.ambiguous.length} đối tượng: ${r.ambiguous.join(', ')}; dùng UID hoặc mã`,
        `This name belongs to ${r.ambiguous.length} objects: ${r.ambiguous.join(', ')}; use the UID or code`,
      );
    else conflict(i, id, property, ...notFound);
    return undefined;
  };
  set.dataValues.forEach((dv, i) => {
    const de = dv.dataElement;
    const ou = dv.orgUnit ?? set.orgUnit;
    const pe = dv.period ?? set.period;
    const indicator = resolve(
      i,
      typeof de === 'string' ? ids.indicator(de) : null,
      de,
      'dataElement',
      ['E8102', 'Giá trị không nêu phần tử dữ liệu', 'Data element not defined in group or value'],
      ['E8103', 'Không có phần tử dữ liệu (chỉ tiêu) này', 'Data element not found'],
    );
    const unit = resolve(
      i,
      typeof ou === 'string' ? ids.unit(ou) : null,
      ou,
      'orgUnit',
      ['E8105', 'Giá trị không nêu đơn vị tổ chức', 'Org unit not defined in group or value'],
      ['E8107', 'Không có đơn vị tổ chức này', 'Org unit not found'],
    );
    let period: string | undefined;
    if (typeof pe !== 'string' || pe.trim() === '')
      conflict(i, pe, 'period', 'E8100', 'Giá trị không nêu kỳ', 'Period not defined in group or value');
    else
      try {
        const p = fromDhis2Period(pe);
        period = p.id;
        if (dataSet && dhis2PeriodType(p) !== dataSet.periodType) note(offType, pe, i);
      } catch (e) {
        if (!(e instanceof BaocaoError)) throw e;
        conflict(i, pe, 'period', e.code, e.message, e.messageEn);
      }
    if (dataSet && indicator && !dataSet.domain.indicators.some((x) => x.code === indicator))
      note(foreign, String(de), i);
    for (const [property, v, code] of [
      ['categoryOptionCombo', dv.categoryOptionCombo, 'E8108'],
      ['attributeOptionCombo', dv.attributeOptionCombo ?? set.attributeOptionCombo, 'E8110'],
    ] as const)
      if (!isDefaultCombo(v))
        conflict(
          i,
          v,
          property,
          code,
          'baocao không chia nhỏ số liệu: chỉ nhận tổ hợp mặc định (default)',
          'baocao keeps no disaggregation: only the default option combo is accepted',
        );
    const deleted = truthy(dv.deleted);
    const raw = dv.value;
    const value = readPlainNumber(raw);
    if (value === null && !deleted && opts.importStrategy !== 'DELETE')
      conflict(
        i,
        raw,
        'value',
        'E8122',
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
      // As DHIS2 writes it: the mark the value carries, none when it carries none.
      followUp: truthy(dv.followUp ?? dv.followup),
      ...(deleted ? { delete: true } : {}),
    });
    objects.push({ indicator: de, unit: ou, period: pe, value: raw });
  });
  const dsName = dataSetId ?? '';
  for (const [de, at] of foreign)
    conflict(
      at[0]!,
      de,
      'dataElement',
      'E8020',
      `Bộ dữ liệu ${dsName} không chứa phần tử dữ liệu ${de}`,
      `Data set ${dsName} not usable with data element(s): ${de}`,
    );
  for (const [pe, at] of offType)
    conflict(
      at[0]!,
      pe,
      'period',
      'E8021',
      `Bộ dữ liệu ${dsName} có loại kỳ ${dataSet?.periodType ?? ''}, không nhận kỳ ${pe}`,
      `Data set ${dsName} not usable with period(s): ${pe} (its period type is ${dataSet?.periodType ?? ''})`,
    );
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
    const what = [
      opts.dryRun ? 'Chạy thử, không ghi gì / Dry run, nothing written' : 'Đã nhập / Imported',
      completeDate === undefined ? '' : `; ${NO_COMPLETION}`,
    ].join('');
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
