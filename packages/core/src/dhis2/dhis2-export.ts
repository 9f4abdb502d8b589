import type { Ctx } from '../context.ts';
import { BaocaoError, throwIt } from '../errors.ts';
import { plainCsv } from '../format/table-file.ts';
import { selectValues } from '../imports/export.ts';
import { monthIndexOfDate, parsePeriod } from '../periods/period.ts';
import { loadDhis2Names } from './dhis2-mapping.ts';
import { fromDhis2Period, toDhis2Period } from './dhis2-periods.ts';
import { dhis2Resolver, idScheme } from './dhis2-resolve.ts';
import { DHIS2_CSV_COLUMNS } from './dhis2-import.ts';
import { Dhis2ExportQuery, type Dhis2ExportedValue } from './dhis2-schemas.ts';

const unknown = (what: string, id: string) =>
  new BaocaoError('UNKNOWN_CODE', `Không có ${what} "${id}"`, `No ${what} "${id}"`, { status: 404 });

/**
 * Stored values in DHIS2's data value set shape, selected as DHIS2's `GET /api/dataValueSets` is:
 * data sets or data elements, periods or a date range, organisation units (with `children`, their
 * subtrees). Values whose period DHIS2 cannot express (year-to-date spans) are left out and counted.
 * Readers see what their role and unit scope allow.
 */
export async function exportDataValueSet(
  ctx: Ctx,
  query: Dhis2ExportQuery,
): Promise<{ dataValues: Dhis2ExportedValue[]; omitted: number }> {
  const q = Dhis2ExportQuery.parse(query);
  const base = idScheme(q.idScheme);
  const names = await loadDhis2Names(ctx);
  const ids = dhis2Resolver(names, {
    dataElement: idScheme(q.dataElementIdScheme, base),
    orgUnit: idScheme(q.orgUnitIdScheme, base),
  });
  // A data set is named by its UID or its code, whatever the scheme.
  const datasets = new Map(
    names.domains.flatMap((d) => {
      const id = names.ours.dataset.get(d.code)!;
      return [
        [id.uid, d],
        [id.dhis2Code, d],
      ] as const;
    }),
  );
  const indicators = new Set<string>();
  for (const ds of q.dataSet ?? [])
    for (const i of (datasets.get(ds) ?? throwIt(unknown('bộ dữ liệu / data set', ds))).indicators)
      indicators.add(i.code);
  for (const de of q.dataElement ?? [])
    indicators.add(ids.indicator(de) ?? throwIt(unknown('phần tử dữ liệu / data element', de)));
  const units = (q.orgUnit ?? []).map(
    (ou) => ids.unit(ou) ?? throwIt(unknown('đơn vị / organisation unit', ou)),
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
      followup: false,
    });
  }
  return { dataValues, omitted };
}

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
