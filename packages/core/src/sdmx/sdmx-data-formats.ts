import { randomUUID } from 'node:crypto';
import { plainCsv } from '../format/table-file.ts';
import { AGENCY, DSD_ID, VERSION } from './sdmx-model.ts';
import type { SdmxSeries } from './sdmx-data.ts';
import { NS, header } from './sdmx-structure-xml.ts';
import { urn } from './sdmx-structures.ts';
import { el, xmlDocument } from './xml.ts';

/** How much of each series to send (SDMX REST `detail`). */
export type Detail = 'full' | 'dataonly' | 'serieskeysonly' | 'nodata';

const withAttrs = (d: Detail) => d === 'full' || d === 'nodata';
const withObs = (d: Detail) => d === 'full' || d === 'dataonly';
const STRUCTURE_ID = `${AGENCY}_${DSD_ID}_${VERSION.replace('.', '_')}`;

const structureHeader = (namespace?: string) =>
  header(
    el(
      'mes:Structure',
      { structureID: STRUCTURE_ID, namespace, dimensionAtObservation: 'TIME_PERIOD' },
      el('com:Structure', {}, el('Ref', { agencyID: AGENCY, id: DSD_ID, version: VERSION })),
    ),
  );

/** SDMX-ML 2.1 generic data: every value an element with `id`/`value` pairs. */
export function genericData(series: SdmxSeries[], detail: Detail): string {
  const value = (id: string, v: string | number) => el('gen:Value', { id, value: v });
  return xmlDocument(
    el(
      'mes:GenericData',
      { 'xmlns:mes': NS.mes, 'xmlns:gen': NS.gen, 'xmlns:com': NS.com },
      structureHeader(),
      el(
        'mes:DataSet',
        { structureRef: STRUCTURE_ID },
        series.map((s) =>
          el(
            'gen:Series',
            {},
            el('gen:SeriesKey', {}, value('INDICATOR', s.indicator), value('REF_AREA', s.area)),
            withAttrs(detail)
              ? el(
                  'gen:Attributes',
                  {},
                  value('UNIT_MEASURE', s.unitMeasure),
                  value('UNIT_MULT', s.unitMult),
                  value('DECIMALS', s.decimals),
                )
              : null,
            withObs(detail)
              ? s.obs.map((o) =>
                  el(
                    'gen:Obs',
                    {},
                    el('gen:ObsDimension', { value: o.period }),
                    el('gen:ObsValue', { value: o.value }),
                    withAttrs(detail)
                      ? el(
                          'gen:Attributes',
                          {},
                          value('OBS_STATUS', o.status),
                          o.comment ? value('COMMENT', o.comment) : null,
                        )
                      : null,
                  ),
                )
              : null,
          ),
        ),
      ),
    ),
  );
}

/** SDMX-ML 2.1 structure-specific data: the components as attributes, in the DSD's namespace. */
export function structureSpecificData(series: SdmxSeries[], detail: Detail): string {
  const ns = `${urn('datastructure.DataStructure', DSD_ID)}:ObsLevelDim:TIME_PERIOD`;
  const attrs = withAttrs(detail);
  return xmlDocument(
    el(
      'mes:StructureSpecificData',
      { 'xmlns:mes': NS.mes, 'xmlns:ss': NS.ss, 'xmlns:com': NS.com, 'xmlns:xsi': NS.xsi, 'xmlns:ns1': ns },
      structureHeader(ns),
      el(
        'mes:DataSet',
        { 'ss:structureRef': STRUCTURE_ID, 'xsi:type': 'ns1:DataSetType', 'ss:dataScope': 'DataStructure' },
        series.map((s) =>
          el(
            'Series',
            {
              INDICATOR: s.indicator,
              REF_AREA: s.area,
              UNIT_MEASURE: attrs ? s.unitMeasure : undefined,
              UNIT_MULT: attrs ? s.unitMult : undefined,
              DECIMALS: attrs ? s.decimals : undefined,
            },
            withObs(detail)
              ? s.obs.map((o) =>
                  el('Obs', {
                    TIME_PERIOD: o.period,
                    OBS_VALUE: o.value,
                    OBS_STATUS: attrs ? o.status : undefined,
                    COMMENT: attrs ? o.comment : undefined,
                  }),
                )
              : null,
          ),
        ),
      ),
    ),
  );
}

/**
 * SDMX-JSON 2.0 data message: values indexed into the structure's component values. Coded
 * components (indicator, area, unit of measure, status) list `{id, name}`; uncoded ones (time
 * periods such as `2024-01-01/P8M`, multiplier, decimals, comments) list `{value}`, as the 2.0.0
 * schema requires of values that are no SDMX identifiers.
 */
export function jsonData(series: SdmxSeries[], detail: Detail, flow: string) {
  const index = <T extends string | number>(values: T[]) => {
    const list = [...new Set(values)];
    return { list, at: (v: T) => list.indexOf(v) };
  };
  const ind = index(series.map((s) => s.indicator));
  const area = index(series.map((s) => s.area));
  const time = index(series.flatMap((s) => s.obs.map((o) => o.period)));
  const unit = index(series.map((s) => s.unitMeasure));
  const mult = index(series.map((s) => s.unitMult));
  const dec = index(series.map((s) => s.decimals));
  const status = index(series.flatMap((s) => s.obs.map((o) => o.status)));
  const comment = index(series.flatMap((s) => s.obs.flatMap((o) => (o.comment ? [o.comment] : []))));
  const coded = (l: (string | number)[]) => l.map((v) => ({ id: String(v), name: String(v) }));
  // An attribute with no value in this message lists none (the schema wants at least one if listed).
  // Numbers are written as text: the schema's `oneOf` integer/number matches an integer twice.
  const uncoded = (l: (string | number)[]) =>
    l.length ? { values: l.map((v) => ({ value: String(v) })) } : {};
  const attrs = withAttrs(detail);
  const bySeries = { dimensions: ['INDICATOR', 'REF_AREA'] };
  const byObs = { observation: {} };
  const dsd = urn('datastructure.DataStructure', DSD_ID);
  const links = [
    { urn: dsd, rel: 'structure' },
    ...(flow === 'all' ? [] : [{ urn: urn('datastructure.Dataflow', flow), rel: 'dataflow' }]),
  ];
  return {
    meta: {
      schema:
        'https://raw.githubusercontent.com/sdmx-twg/sdmx-json/v2.0.0/data-message/tools/schemas/2.0.0/sdmx-json-data-schema.json',
      id: `IREF${randomUUID().replace(/-/g, '').slice(0, 16)}`,
      test: false,
      prepared: new Date().toISOString(),
      contentLanguages: ['en'],
      sender: { id: AGENCY },
    },
    data: {
      structures: [
        {
          links,
          name: flow,
          dimensions: {
            dataSet: [],
            series: [
              { id: 'INDICATOR', name: 'Indicator', keyPosition: 0, roles: [], values: coded(ind.list) },
              {
                id: 'REF_AREA',
                name: 'Reference area',
                keyPosition: 1,
                roles: ['REF_AREA'],
                values: coded(area.list),
              },
            ],
            observation: [
              {
                id: 'TIME_PERIOD',
                name: 'Time period',
                keyPosition: 2,
                roles: ['TIME_PERIOD'],
                values: time.list.map((value) => ({ value })),
              },
            ],
          },
          measures: { observation: [{ id: 'OBS_VALUE', name: 'Observation value', roles: ['OBS_VALUE'] }] },
          attributes: {
            dataSet: [],
            series: attrs
              ? [
                  {
                    id: 'UNIT_MEASURE',
                    name: 'Unit of measure',
                    roles: [],
                    relationship: bySeries,
                    values: coded(unit.list),
                  },
                  {
                    id: 'UNIT_MULT',
                    name: 'Unit multiplier',
                    roles: [],
                    relationship: bySeries,
                    ...uncoded(mult.list),
                  },
                  {
                    id: 'DECIMALS',
                    name: 'Decimals',
                    roles: [],
                    relationship: bySeries,
                    ...uncoded(dec.list),
                  },
                ]
              : [],
            observation: attrs
              ? [
                  {
                    id: 'OBS_STATUS',
                    name: 'Observation status',
                    roles: [],
                    relationship: byObs,
                    values: coded(status.list),
                  },
                  {
                    id: 'COMMENT',
                    name: 'Comment',
                    roles: [],
                    relationship: byObs,
                    ...uncoded(comment.list),
                  },
                ]
              : [],
          },
        },
      ],
      dataSets: [
        {
          links,
          structure: 0,
          action: 'Information',
          series: Object.fromEntries(
            series.map((s) => [
              `${ind.at(s.indicator)}:${area.at(s.area)}`,
              {
                ...(attrs
                  ? { attributes: [unit.at(s.unitMeasure), mult.at(s.unitMult), dec.at(s.decimals)] }
                  : {}),
                ...(withObs(detail)
                  ? {
                      observations: Object.fromEntries(
                        s.obs.map((o) => [
                          String(time.at(o.period)),
                          attrs
                            ? [o.value, status.at(o.status), o.comment ? comment.at(o.comment) : null]
                            : [o.value],
                        ]),
                      ),
                    }
                  : {}),
              },
            ]),
          ),
        },
      ],
    },
  };
}

/** The columns of our SDMX-CSV 2.0 files (one row per observation). */
export const SDMX_CSV_COLUMNS = [
  'STRUCTURE',
  'STRUCTURE_ID',
  'ACTION',
  'INDICATOR',
  'REF_AREA',
  'TIME_PERIOD',
  'OBS_VALUE',
  'OBS_STATUS',
  'UNIT_MEASURE',
  'UNIT_MULT',
  'DECIMALS',
  'COMMENT',
] as const;

/** SDMX-CSV 2.0: one row per observation, the dataflow named in each. */
export function csvData(series: SdmxSeries[], flowByIndicator: (indicator: string) => string): Buffer {
  return plainCsv(
    SDMX_CSV_COLUMNS,
    series.flatMap((s) =>
      s.obs.map((o) => [
        'dataflow',
        `${AGENCY}:${flowByIndicator(s.indicator)}(${VERSION})`,
        'I',
        s.indicator,
        s.area,
        o.period,
        o.value,
        o.status,
        s.unitMeasure,
        s.unitMult,
        s.decimals,
        o.comment ?? '',
      ]),
    ),
  );
}
