import type { Ctx } from '../context.ts';
import { BaocaoError, throwIt } from '../errors.ts';
import { plainCsv } from '../format/table-file.ts';
import { selectValues } from '../imports/export.ts';
import { selectFollowUps } from '../values/followup.queries.ts';
import { monthIndexOfDate, parsePeriod } from '../periods/period.ts';
import { loadDhis2Names } from './dhis2-mapping.ts';
import { dhis2PeriodType, fromDhis2Period, toDhis2Period } from './dhis2-periods.ts';
import { dataSetLookup } from './dhis2-datasets.ts';
import { dhis2Resolver, idScheme, resolvedCode } from './dhis2-resolve.ts';
import { Dhis2ExportQuery, type Dhis2ExportedValue, type IdScheme } from './dhis2-schemas.ts';

const notFound = (vi: string, en: string, id: string) =>
  new BaocaoError('UNKNOWN_CODE', `Không có ${vi} "${id}"`, `No ${en} "${id}"`, { status: 404 });

/**
 * Stored values in DHIS2's data value set shape, selected as DHIS2's `GET /api/dataValueSets` is:
 * data sets or data elements, periods or a date range, organisation units (with `children`, their
 * subtrees). Filters are read in the input id schemes (`inputIdScheme`…, UID by default, a code
 * accepted when no UID matches), the answer is written in `idScheme`. A data set gives its
 * period type's values only. Values whose period DHIS2 cannot express (year-to-date spans) are
 * left out and counted. Readers see what their role and unit scope allow.
 */
export async function exportDataValueSet(
  ctx: Ctx,
  query: Dhis2ExportQuery,
): Promise<{ dataValues: Dhis2ExportedValue[]; omitted: number }> {
  const q = Dhis2ExportQuery.parse(query);
  const names = await loadDhis2Names(ctx);
  const out = idScheme(q.idScheme);
  const inp = idScheme(q.inputIdScheme);
  const input = {
    dataElement: idScheme(q.inputDataElementIdScheme, inp),
    orgUnit: idScheme(q.inputOrgUnitIdScheme, inp),
  };
  const ids = dhis2Resolver(names, input, {
    dataElement: idScheme(q.dataElementIdScheme, out),
    orgUnit: idScheme(q.orgUnitIdScheme, out),
  });
  const byCode = dhis2Resolver(names, { dataElement: 'CODE', orgUnit: 'CODE' });
  const fallback = q.inputUseCodeFallback;
  const find = (kind: 'indicator' | 'unit', scheme: IdScheme, id: string) =>
    ids[kind](id) ?? (fallback && scheme === 'UID' ? byCode[kind](id) : null);
  const dataSets = dataSetLookup(names, idScheme(q.inputDataSetIdScheme, inp), fallback);
  const indicators = new Set<string>();
  const periodTypes = new Set<string>();
  for (const id of q.dataSet ?? []) {
    const ds = dataSets(id) ?? throwIt(notFound('bộ dữ liệu', 'data set', id));
    for (const i of ds.domain.indicators) indicators.add(i.code);
    periodTypes.add(ds.periodType);
  }
  for (const de of q.dataElement ?? [])
    indicators.add(
      resolvedCode(
        find('indicator', input.dataElement, de),
        { vi: 'phần tử dữ liệu', en: 'data element' },
        de,
      ),
    );
  const units = (q.orgUnit ?? []).map((ou) =>
    resolvedCode(find('unit', input.orgUnit, ou), { vi: 'đơn vị tổ chức', en: 'organisation unit' }, ou),
  );
  if (!indicators.size || !units.length || (!q.period?.length && !(q.startDate && q.endDate)))
    throw new BaocaoError(
      'INVALID_REQUEST',
      'Cần dataSet hoặc dataElement, period hoặc startDate và endDate, và orgUnit (như DHIS2)',
      'dataSet or dataElement, period or startDate and endDate, and orgUnit are required (as in DHIS2)',
    );
  const periods = new Set((q.period ?? []).map((p) => fromDhis2Period(p).id));
  const span =
    q.startDate && q.endDate
      ? { first: monthIndexOfDate(q.startDate), last: monthIndexOfDate(q.endDate) }
      : null;
  const rows = await selectValues(ctx, { indicators: [...indicators], units });
  const marked = await selectFollowUps(ctx.db.k, [...indicators]);
  let omitted = 0;
  const dataValues: Dhis2ExportedValue[] = [];
  for (const r of rows) {
    if (!q.children && !units.includes(r.unit)) continue;
    const p = parsePeriod(r.period);
    if (periods.size ? !periods.has(p.id) : !(span && p.first >= span.first && p.last <= span.last)) continue;
    const period = toDhis2Period(p);
    if (!period) {
      omitted++;
      continue;
    }
    // Values of a data set's elements at another period type belong to another data set.
    if (periodTypes.size && !(q.dataElement?.length ?? 0) && !periodTypes.has(dhis2PeriodType(p)!)) continue;
    dataValues.push({
      dataElement: ids.indicatorId(r.indicator),
      period,
      orgUnit: ids.unitId(r.unit),
      categoryOptionCombo: ids.defaultCombo,
      attributeOptionCombo: ids.defaultCombo,
      value: String(r.value),
      storedBy: r.updated_by,
      created: r.updated_at,
      lastUpdated: r.updated_at,
      ...(r.note ? { comment: r.note } : {}),
      followup: marked.has(`${r.indicator}|${r.unit}|${r.period}`),
    });
  }
  return { dataValues, omitted };
}

/** DHIS2's CSV columns, as current DHIS2 writes them (and reads them, by name). */
export const DHIS2_CSV_COLUMNS = [
  'dataelement',
  'period',
  'orgunit',
  'categoryoptioncombo',
  'attributeoptioncombo',
  'value',
  'storedby',
  'lastupdated',
  'comment',
  'followup',
  'deleted',
] as const;

/** A data value set as DHIS2's CSV (its column order, with the header row). */
export const dataValueSetCsv = (values: Dhis2ExportedValue[]): Buffer =>
  plainCsv(
    DHIS2_CSV_COLUMNS,
    values.map((v) => [
      v.dataElement,
      v.period,
      v.orgUnit,
      v.categoryOptionCombo,
      v.attributeOptionCombo,
      v.value,
      v.storedBy,
      v.lastUpdated,
      v.comment ?? '',
      String(v.followup),
      'false',
    ]),
  );

// Attribute values keep their line breaks and tabs only as character references.
const escapeXml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');

/** A data value set as DHIS2's XML (DXF2): one `<dataValue>` element per value, as DHIS2 writes it. */
export function dataValueSetXml(values: Dhis2ExportedValue[]): Buffer {
  const lines = values.map((v) => {
    const attrs: [string, string | undefined][] = [
      ['dataElement', v.dataElement],
      ['period', v.period],
      ['orgUnit', v.orgUnit],
      ['categoryOptionCombo', v.categoryOptionCombo],
      ['attributeOptionCombo', v.attributeOptionCombo],
      ['value', v.value],
      ['storedBy', v.storedBy],
      ['created', v.created],
      ['lastUpdated', v.lastUpdated],
      ['comment', v.comment],
      // As DHIS2 writes (and reads) it in XML: `followUp`, only when set.
      ['followUp', v.followup ? 'true' : undefined],
    ];
    return `  <dataValue ${attrs
      .filter((a): a is [string, string] => a[1] !== undefined)
      .map(([k, x]) => `${k}="${escapeXml(x)}"`)
      .join(' ')}/>`;
  });
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?>\n<dataValueSet xmlns="http://dhis2.org/schema/dxf/2.0">\n${lines.join('\n')}${lines.length ? '\n' : ''}</dataValueSet>\n`,
  );
}
