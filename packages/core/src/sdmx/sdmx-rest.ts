import type { Ctx } from '../context.ts';
import { BaocaoError } from '../errors.ts';
import { type SdmxDataQuery, flowsOf, noResults, sdmxSeries } from './sdmx-data.ts';
import { type Detail, csvData, genericData, jsonData, structureSpecificData } from './sdmx-data-formats.ts';
import { AGENCY, VERSION, toSdmxId } from './sdmx-model.ts';
import { structureMessage } from './sdmx-structure-xml.ts';
import { sdmxStructures } from './sdmx-structures.ts';

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

/**
 * The data format asked for: the `format` parameter first, else the first media type of `Accept`
 * we speak (generic XML for `application/xml` and anything unspecified, as SDMX REST v1 does).
 */
export function negotiateDataFormat(accept: string | undefined, format: string | undefined): DataFormat {
  if (format) {
    const f = FORMAT_PARAM[format.toLowerCase()];
    if (!f) throw notAcceptable(format);
    return f;
  }
  for (const part of (accept ?? '*/*').split(',')) {
    const type = part.split(';')[0]!.trim().toLowerCase();
    if (type.includes('genericdata')) return 'generic';
    if (type.includes('structurespecificdata')) return 'structurespecific';
    if (type === 'application/vnd.sdmx.data+json' || type === 'application/json') return 'json';
    if (type === 'application/vnd.sdmx.data+csv' || type === 'text/csv') return 'csv';
    if (type === 'application/xml' || type === 'text/xml' || type === '*/*' || type === 'application/*')
      return 'generic';
  }
  throw notAcceptable(accept ?? '');
}

/** A structure query: resource, agency, id, version (`all`/`latest` as SDMX REST allows) and references. */
export interface StructureQuery {
  resource: string;
  agency?: string | undefined;
  id?: string | undefined;
  version?: string | undefined;
  references?: string | undefined;
}

/** Answers a structure query with an SDMX-ML 2.1 structure message. */
export async function sdmxStructureQuery(ctx: Ctx, q: StructureQuery): Promise<string> {
  const agency = q.agency ?? 'all';
  const id = q.id ?? 'all';
  const version = q.version ?? 'latest';
  if (![AGENCY, 'all'].includes(agency) || !['all', 'latest', VERSION].includes(version))
    throw noResults(
      `Không có ${q.resource} ${agency}:${id}(${version})`,
      `no ${q.resource} ${agency}:${id}(${version})`,
    );
  const s = await sdmxStructures(ctx);
  const refs = (q.references ?? 'none').toLowerCase();
  const children = ['children', 'descendants', 'all'].includes(refs);
  const match = <T extends { id: string }>(xs: T[]) => {
    const found = id === 'all' ? xs : xs.filter((x) => x.id === id);
    if (!found.length) throw noResults(`Không có ${q.resource} ${id}`, `no ${q.resource} ${id}`);
    return found;
  };
  switch (q.resource) {
    case 'dataflow': {
      const dataflows = match(s.dataflows);
      return structureMessage({
        dataflows,
        ...(refs === 'all' || refs === 'descendants'
          ? { dsd: true, concepts: true, codelists: s.codelists }
          : {}),
        ...(children ? { dsd: true } : {}),
      });
    }
    case 'datastructure':
      match([{ id: 'DSD_BAOCAO' }]);
      return structureMessage({ dsd: true, ...(children ? { codelists: s.codelists, concepts: true } : {}) });
    case 'codelist':
      return structureMessage({ codelists: match(s.codelists) });
    case 'conceptscheme':
      match([{ id: 'CS_BAOCAO' }]);
      return structureMessage({ concepts: true });
    default:
      throw new BaocaoError(
        'NOT_IMPLEMENTED',
        `Loại cấu trúc "${q.resource}" chưa được hỗ trợ; có dataflow, datastructure, codelist, conceptscheme`,
        `Structure type "${q.resource}" is not supported; dataflow, datastructure, codelist and conceptscheme are`,
        { status: 501 },
      );
  }
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
