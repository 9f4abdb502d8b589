import { listIndicators } from '../catalog/indicators.ts';
import type { Ctx } from '../context.ts';
import { domainsOf } from '../dhis2/dhis2-mapping.ts';
import type { Indicator, Unit } from '../schemas.ts';
import { loadUnitGraph } from '../units/unit-graph.ts';
import { AGENCY, DSD_ID, OBS_STATUS, VERSION, dataflowId, toSdmxId, unitOf } from './sdmx-model.ts';

/** A code of a codelist, named in Vietnamese and English, with its parent in a hierarchy. */
export interface SdmxCode {
  id: string;
  vi: string;
  en: string | null;
  parent?: string;
}

export interface SdmxCodelist {
  id: string;
  vi: string;
  en: string;
  codes: SdmxCode[];
}

export interface SdmxDataflow {
  id: string;
  vi: string;
  en: string;
  domain: string;
  indicators: Indicator[];
}

/** The concepts of the data structure: its dimensions, measure and attributes. */
export const CONCEPTS = [
  { id: 'INDICATOR', vi: 'Chỉ tiêu', en: 'Indicator' },
  { id: 'REF_AREA', vi: 'Đơn vị, địa bàn', en: 'Reference area or reporting unit' },
  { id: 'TIME_PERIOD', vi: 'Kỳ', en: 'Time period' },
  { id: 'OBS_VALUE', vi: 'Giá trị', en: 'Observation value' },
  { id: 'OBS_STATUS', vi: 'Trạng thái số liệu', en: 'Observation status' },
  { id: 'UNIT_MEASURE', vi: 'Đơn vị tính', en: 'Unit of measure' },
  { id: 'UNIT_MULT', vi: 'Bội số đơn vị (lũy thừa của 10)', en: 'Unit multiplier (power of 10)' },
  { id: 'DECIMALS', vi: 'Số chữ số thập phân', en: 'Decimals' },
  { id: 'COMMENT', vi: 'Ghi chú', en: 'Comment' },
] as const;

/** The artefacts a structure message holds (the same in SDMX-ML and SDMX-JSON). */
export interface StructureParts {
  dataflows?: SdmxDataflow[];
  codelists?: SdmxCodelist[];
  concepts?: boolean;
  dsd?: boolean;
}

/** baocao's SDMX structures, built from the catalog and the unit tree. */
export interface SdmxStructures {
  dataflows: SdmxDataflow[];
  codelists: SdmxCodelist[];
  indicators: Indicator[];
  units: Unit[];
}

const DOMAIN_EN: Record<string, string> = {
  NGANH: 'ICT sector totals',
  ATTT: 'Information security',
  CKS: 'Digital signatures',
  BC: 'Postal services',
  VT: 'Telecommunications',
  CNTT: 'ICT industry',
  BAOCHI: 'Press',
};

/** Builds every structure once per call: codelists, dataflows (one per domain). */
export async function sdmxStructures(ctx: Ctx): Promise<SdmxStructures> {
  const [indicators, graph] = await Promise.all([listIndicators(ctx), loadUnitGraph(ctx.db.k)]);
  const units = [...graph.byId.values()];
  const byId = new Map(units.map((u) => [u.id, u]));
  const measures = new Map(indicators.map((i) => [unitOf(i).id, unitOf(i).name]));
  const codelists: SdmxCodelist[] = [
    {
      id: 'CL_INDICATOR',
      vi: 'Chỉ tiêu thống kê ngành',
      en: 'Indicators of the ICT sector',
      codes: indicators.map((i) => ({ id: toSdmxId(i.code), vi: i.nameVi, en: i.nameEn })),
    },
    {
      id: 'CL_AREA',
      vi: 'Đơn vị báo cáo và địa bàn',
      en: 'Reporting units and areas',
      codes: units.map((u) => {
        const parent = u.parentId === null ? undefined : byId.get(u.parentId);
        return {
          id: toSdmxId(u.code),
          vi: u.nameVi,
          en: u.nameEn,
          ...(parent ? { parent: toSdmxId(parent.code) } : {}),
        };
      }),
    },
    {
      id: 'CL_OBS_STATUS',
      vi: 'Trạng thái số liệu',
      en: 'Observation status',
      codes: OBS_STATUS.map((s) => ({ id: s.id, vi: s.vi, en: s.en })),
    },
    {
      id: 'CL_UNIT_MEASURE',
      vi: 'Đơn vị tính',
      en: 'Units of measure',
      codes: [...measures].map(([id, name]) => ({ id, vi: name, en: name })),
    },
  ];
  const dataflows = domainsOf(indicators).map((d) => ({
    id: dataflowId(d.code),
    vi: d.name,
    en: DOMAIN_EN[d.code] ?? d.name,
    domain: d.code,
    indicators: d.indicators,
  }));
  return { dataflows, codelists, indicators, units };
}

/** The URN of an artefact, as SDMX writes them. */
export const urn = (cls: string, id: string, child?: string): string =>
  `urn:sdmx:org.sdmx.infomodel.${cls}=${AGENCY}:${id}(${VERSION})${child ? `.${child}` : ''}`;

export const DSD_REF = { agencyID: AGENCY, id: DSD_ID, version: VERSION } as const;
