import type { Ctx } from '../context.ts';
import { BaocaoError } from '../errors.ts';
import { type SdmxDataQuery, flowsOf, noResults, sdmxSeries } from './sdmx-data.ts';
import { type Detail, csvData, genericData, jsonData, structureSpecificData } from './sdmx-data-formats.ts';
import { AGENCY, DSD_ID, VERSION, toSdmxId } from './sdmx-model.ts';
import { structureSpecificSchema } from './sdmx-schema.ts';
import { type StructureLanguage, structureJson } from './sdmx-structure-json.ts';
import { structureMessage } from './sdmx-structure-xml.ts';
import { type StructureParts, sdmxStructures } from './sdmx-structures.ts';

/** The data formats we answer in, with their media types (SDMX REST's content negotiation). */
export const DATA_FORMATS = {
  generic: 'application/vnd.sdmx.genericdata+xml;version=2.1',
  structurespecific: 'application/vnd.sdmx.structurespecificdata+xml;version=2.1',
  json: 'application/vnd.sdmx.data+json;version=2.0.0',
  csv: 'application/vnd.sdmx.data+csv;version=2.0.0',
} as const;
export type DataFormat = keyof typeof DATA_FORMATS;
export const STRUCTURE_TYPE = 'application/vnd.sdmx.structure+xml;version=2.1';

const DETAILS: readonly Detail[] = ['full', 'dataonly', 'serieskeysonly', 'nodata'];

const FORMAT_PARAM: Record<string, DataFormat> = {
  genericdata: 'generic',
  generic: 'generic',
  structurespecificdata: 'structurespecific',
  structurespecific: 'structurespecific',
  jsondata: 'json',
  'sdmx-json': 'json',
  json: 'json',
  csvfile: 'csv',
  csvdata: 'csv',
  'sdmx-csv': 'csv',
  csv: 'csv',
};

const notAcceptable = (what: string) =>
  new BaocaoError(
    'NOT_ACCEPTABLE',
    `Không có định dạng "${what}"; dùng SDMX-ML 2.1 (generic, structure-specific), SDMX-JSON 2.0 hoặc SDMX-CSV 2.0`,
    `No format "${what}"; use SDMX-ML 2.1 (generic, structure-specific), SDMX-JSON 2.0 or SDMX-CSV 2.0`,
    { status: 406 },
  );

/** The media types of SDMX data we answer in, with the versions of each (none: any). */
const DATA_TYPES: Record<string, { format: DataFormat; versions?: string[] }> = {
  'application/vnd.sdmx.genericdata+xml': { format: 'generic', versions: ['2.1'] },
  'application/vnd.sdmx.structurespecificdata+xml': { format: 'structurespecific', versions: ['2.1'] },
  'application/vnd.sdmx.data+json': { format: 'json', versions: ['2.0.0', '2.0'] },
  'application/vnd.sdmx.data+csv': { format: 'csv', versions: ['2.0.0', '2.0'] },
  'application/json': { format: 'json' },
  'text/csv': { format: 'csv' },
  'application/xml': { format: 'generic' },
  'text/xml': { format: 'generic' },
  'application/*': { format: 'generic' },
  '*/*': { format: 'generic' },
};

/** An Accept header as media ranges, best first (`q=0` ones dropped), with their parameters. */
function acceptRanges(accept: string): { type: string; version?: string }[] {
  return accept
    .split(',')
    .map((part, order) => {
      const [type = '', ...params] = part.split(';').map((x) => x.trim());
      const p = Object.fromEntries(params.map((x) => x.split('=').map((y) => y.trim().toLowerCase())));
      const q = p.q === undefined ? 1 : Number(p.q);
      return { type: type.toLowerCase(), version: p.version, q: Number.isFinite(q) ? q : 0, order };
    })
    .filter((r) => r.q > 0 && r.type)
    .sort((a, b) => b.q - a.q || a.order - b.order);
}

/**
 * The data format asked for: the `format` parameter first, else the best media range of `Accept`
 * we can answer — type and version (`…data+json;version=1.0.0` is not ours: 406). Generic XML
 * for `application/xml` and anything unspecified, as SDMX REST v1 does.
 */
export function negotiateDataFormat(accept: string | undefined, format: string | undefined): DataFormat {
  if (format) {
    const f = FORMAT_PARAM[format.toLowerCase()];
    if (!f) throw notAcceptable(format);
    return f;
  }
  for (const r of acceptRanges(accept ?? '*/*')) {
    const known = DATA_TYPES[r.type];
    if (known && (!r.version || !known.versions || known.versions.includes(r.version))) return known.format;
  }
  throw notAcceptable(accept ?? '');
}

export const STRUCTURE_TYPES = {
  xml: STRUCTURE_TYPE,
  json: 'application/vnd.sdmx.structure+json;version=2.0.0',
} as const;
export type StructureFormat = keyof typeof STRUCTURE_TYPES;

/** The media types of SDMX structures we answer in, with the versions of each (none: any). */
const STRUCTURE_MEDIA: Record<string, { format: StructureFormat; versions?: string[] }> = {
  'application/vnd.sdmx.structure+xml': { format: 'xml', versions: ['2.1'] },
  'application/vnd.sdmx.structure+json': { format: 'json', versions: ['2.0.0', '2.0'] },
  'application/json': { format: 'json' },
  'application/xml': { format: 'xml' },
  'text/xml': { format: 'xml' },
  'application/*': { format: 'xml' },
  '*/*': { format: 'xml' },
};

/**
 * The structure format asked for: SDMX-ML 2.1 or SDMX-JSON 2.0.0, by the best media range of
 * `Accept` (type and version; `…structure+json;version=1.0.0` is not ours: 406), SDMX-ML when
 * unspecified. A data media type (`…data+json`) is no structure format: 406.
 */
export function negotiateStructureFormat(accept: string | undefined): StructureFormat {
  for (const r of acceptRanges(accept ?? '*/*')) {
    const known = STRUCTURE_MEDIA[r.type];
    if (known && (!r.version || !known.versions || known.versions.includes(r.version))) return known.format;
  }
  throw new BaocaoError(
    'NOT_ACCEPTABLE',
    `Cấu trúc có ở dạng SDMX-ML 2.1 (${STRUCTURE_TYPES.xml}) và SDMX-JSON 2.0.0 (${STRUCTURE_TYPES.json}); không có "${accept ?? ''}"`,
    `Structures come as SDMX-ML 2.1 (${STRUCTURE_TYPES.xml}) and SDMX-JSON 2.0.0 (${STRUCTURE_TYPES.json}); not as "${accept ?? ''}"`,
    { status: 406 },
  );
}

/** SDMX REST's `references` values (a structure type names the kind to add). */
const REFERENCES = new Set([
  'none',
  'parents',
  'parentsandsiblings',
  'ancestors',
  'children',
  'descendants',
  'all',
  'datastructure',
  'dataflow',
  'codelist',
  'conceptscheme',
]);

/** A structure query: resource, agency, id, version (`all`/`latest` as SDMX REST allows) and references. */
export interface StructureQuery {
  resource: string;
  agency?: string | undefined;
  id?: string | undefined;
  version?: string | undefined;
  references?: string | undefined;
  /** The message format (SDMX-ML 2.1 by default) and, for SDMX-JSON, the language of `name`. */
  format?: StructureFormat | undefined;
  language?: StructureLanguage | undefined;
}

/** Answers a structure query with a structure message in the asked format, and its media type. */
export async function sdmxStructureQuery(
  ctx: Ctx,
  q: StructureQuery,
): Promise<{ body: string; contentType: string }> {
  const parts = await structureParts(ctx, q);
  const format = q.format ?? 'xml';
  return {
    body: format === 'json' ? JSON.stringify(structureJson(parts, q.language)) : structureMessage(parts),
    contentType: STRUCTURE_TYPES[format],
  };
}

/** The artefacts a structure query asks for, with the references it names. */
async function structureParts(ctx: Ctx, q: StructureQuery): Promise<StructureParts> {
  const agency = q.agency ?? 'all';
  const id = q.id ?? 'all';
  const version = q.version ?? 'latest';
  if (![AGENCY, 'all'].includes(agency) || !['all', 'latest', VERSION].includes(version))
    throw noResults(
      `Không có ${q.resource} ${agency}:${id}(${version})`,
      `no ${q.resource} ${agency}:${id}(${version})`,
    );
  const refs = (q.references ?? 'none').toLowerCase();
  if (!REFERENCES.has(refs))
    throw new BaocaoError(
      'INVALID_REQUEST',
      `references="${q.references}" không hợp lệ; dùng none, parents, children, descendants, all hoặc một loại cấu trúc`,
      `Invalid references "${q.references}"; use none, parents, children, descendants, all or a structure type`,
    );
  const s = await sdmxStructures(ctx);
  const children = ['children', 'descendants', 'all'].includes(refs);
  const match = <T extends { id: string }>(xs: T[]) => {
    const found = id === 'all' ? xs : xs.filter((x) => x.id === id);
    if (!found.length) throw noResults(`Không có ${q.resource} ${id}`, `no ${q.resource} ${id}`);
    return found;
  };
  switch (q.resource) {
    case 'dataflow': {
      const dataflows = match(s.dataflows);
      return {
        dataflows,
        ...(refs === 'all' || refs === 'descendants'
          ? { dsd: true, concepts: true, codelists: s.codelists }
          : {}),
        ...(children ? { dsd: true } : {}),
      };
    }
    case 'datastructure':
      match([{ id: 'DSD_BAOCAO' }]);
      return { dsd: true, ...(children ? { codelists: s.codelists, concepts: true } : {}) };
    case 'codelist':
      return { codelists: match(s.codelists) };
    case 'conceptscheme':
      match([{ id: 'CS_BAOCAO' }]);
      return { concepts: true };
    default:
      throw new BaocaoError(
        'NOT_IMPLEMENTED',
        `Loại cấu trúc "${q.resource}" chưa được hỗ trợ; có dataflow, datastructure, codelist, conceptscheme`,
        `Structure type "${q.resource}" is not supported; dataflow, datastructure, codelist and conceptscheme are`,
        { status: 501 },
      );
  }
}

/**
 * SDMX REST's schema query (`schema/{datastructure|dataflow}/{agency}/{id}/{version}`): the
 * structure-specific schema of our one DSD, which every dataflow uses.
 */
export async function sdmxSchemaQuery(ctx: Ctx, q: StructureQuery): Promise<string> {
  const agency = q.agency ?? AGENCY;
  const version = q.version ?? 'latest';
  const s = await sdmxStructures(ctx);
  const known =
    [AGENCY, 'all'].includes(agency) &&
    ['latest', VERSION, '~'].includes(version) &&
    ((q.resource === 'datastructure' && q.id === DSD_ID) ||
      (q.resource === 'dataflow' && s.dataflows.some((f) => f.id === q.id)));
  if (!known)
    throw noResults(
      `Không có lược đồ cho ${q.resource} ${agency}:${q.id ?? ''}(${version})`,
      `no schema for ${q.resource} ${agency}:${q.id ?? ''}(${version})`,
    );
  return structureSpecificSchema(s);
}

/** Answers a data query in the negotiated format. */
export async function sdmxDataQuery(
  ctx: Ctx,
  q: SdmxDataQuery & {
    detail?: string | undefined;
    dimensionAtObservation?: string | undefined;
    format: DataFormat;
  },
): Promise<{ body: string | Buffer; contentType: string }> {
  const detail = DETAILS.find((x) => x === (q.detail ?? 'full').toLowerCase());
  if (!detail)
    throw new BaocaoError(
      'INVALID_REQUEST',
      `detail="${q.detail}" không hợp lệ`,
      `Invalid detail "${q.detail}"`,
    );
  if (q.dimensionAtObservation && q.dimensionAtObservation !== 'TIME_PERIOD')
    throw new BaocaoError(
      'NOT_IMPLEMENTED',
      'Chỉ hỗ trợ dimensionAtObservation=TIME_PERIOD (chuỗi thời gian)',
      'Only dimensionAtObservation=TIME_PERIOD (time series) is supported',
      { status: 501 },
    );
  const s = await sdmxStructures(ctx);
  const series = await sdmxSeries(ctx, q, s);
  // SDMX REST answers a data query that matches nothing with 404 "no results", in every format.
  if (!series.length) throw noResults('Không có dữ liệu khớp truy vấn', 'no data match the query');
  const flows = flowsOf(s, q.flow);
  const type = DATA_FORMATS[q.format];
  switch (q.format) {
    case 'generic':
      return { body: genericData(series, detail), contentType: type };
    case 'structurespecific':
      return { body: structureSpecificData(series, detail), contentType: type };
    case 'json':
      return {
        body: JSON.stringify(jsonData(series, detail, flows.length === 1 ? flows[0]!.id : 'all')),
        contentType: type,
      };
    case 'csv': {
      const flowOf = new Map(flows.flatMap((f) => f.indicators.map((i) => [toSdmxId(i.code), f.id])));
      return { body: csvData(series, (i) => flowOf.get(i) ?? 'all'), contentType: type };
    }
  }
}
