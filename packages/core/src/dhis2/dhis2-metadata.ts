import type { Ctx } from '../context.ts';
import { DEFAULT_CATEGORY_COMBO } from './dhis2-ids.ts';
import { loadDhis2Names } from './dhis2-mapping.ts';

/** How DHIS2 should total a data element across org units and periods, from ours. */
const aggregationType = (kind: string, acrossUnits: string) =>
  acrossUnits === 'none' || kind === 'ratio' ? 'NONE' : kind === 'stock' ? 'LAST' : 'SUM';

/**
 * Our catalog as DHIS2 metadata (the JSON of `/api/metadata`): data elements, organisation units
 * with their hierarchy and opening/closed dates, and per domain one data set for each period type
 * (a DHIS2 data set has one; monthly, bi-monthly, quarterly, six-monthly, yearly) — what a DHIS2
 * instance imports to be able to send values to baocao with the same UIDs.
 */
export async function dhis2Metadata(ctx: Ctx) {
  const names = await loadDhis2Names(ctx);
  const uidOf = (id: number) => names.ours.unit.get(names.graph.byId.get(id)!.code)!.uid;
  const dataElements = names.indicators.map((i) => {
    const id = names.ours.indicator.get(i.code)!;
    return {
      id: id.uid,
      code: id.dhis2Code,
      name: i.nameVi,
      shortName: (i.shortVi ?? i.nameVi).slice(0, 50),
      formName: i.nameVi,
      description: i.nameEn ?? undefined,
      domainType: 'AGGREGATE',
      valueType: i.valueDecimals === 0 ? 'INTEGER' : 'NUMBER',
      aggregationType: aggregationType(i.kind, i.acrossUnits),
      categoryCombo: { id: DEFAULT_CATEGORY_COMBO },
      zeroIsSignificant: true,
    };
  });
  const organisationUnits = names.units.map((u) => {
    const id = names.ours.unit.get(u.code)!;
    return {
      id: id.uid,
      code: id.dhis2Code,
      name: u.nameVi,
      shortName: u.nameVi.slice(0, 50),
      openingDate: u.validFrom ?? '1945-09-02',
      ...(u.validTo ? { closedDate: u.validTo } : {}),
      level: names.graph.ancestorsOf(u.id).length,
      ...(u.parentId !== null ? { parent: { id: uidOf(u.parentId) } } : {}),
    };
  });
  const dataSets = names.dataSets.map((ds) => {
    const id = names.ours.dataset.get(ds.code)!;
    return {
      id: id.uid,
      code: id.dhis2Code,
      name: ds.name,
      shortName: ds.name.slice(0, 50),
      periodType: ds.periodType,
      categoryCombo: { id: DEFAULT_CATEGORY_COMBO },
      dataSetElements: ds.domain.indicators.map((i) => ({
        dataElement: { id: names.ours.indicator.get(i.code)!.uid },
      })),
      organisationUnits: organisationUnits.map((o) => ({ id: o.id })),
    };
  });
  return {
    system: { id: 'baocao', date: new Date().toISOString() },
    dataElements,
    organisationUnits,
    dataSets,
  };
}
