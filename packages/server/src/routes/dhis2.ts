import {
  BaocaoError,
  Dhis2ExportQuery,
  Dhis2WebMessage,
  dataValueSetXml,
  dhis2Answer,
  Dhis2Id,
  Dhis2IdRow,
  Dhis2ImportOptions,
  Dhis2ImportSummary,
  FILE_LIMITS,
  dataValueSetCsv,
  dhis2Metadata,
  exportDataValueSet,
  importDataValueSet,
  listDhis2Ids,
  setDhis2Ids,
} from '@baocao/core';
import { z } from 'zod';
import { NONE, defineRoute } from '../route.ts';

const dhis2 = { tag: 'dhis2', body: NONE } as const;

/**
 * The DHIS2 API versions a client may name in the path (`/api/40/dataValueSets`): 28 to 43. Up to
 * 37 the import summary is answered bare; from 38 (and unversioned) in a WebMessage.
 */
const apiVersion = (params: Record<string, string>): number | undefined => {
  if (params.version === undefined) return undefined;
  const v = /^\d{2}$/.test(params.version) ? Number(params.version) : NaN;
  if (v >= 28 && v <= 43) return v;
  throw new BaocaoError(
    'NOT_FOUND',
    `Không có phiên bản API DHIS2 "${params.version}" (28–43)`,
    `No DHIS2 API version "${params.version}" (28 to 43)`,
    { status: 404 },
  );
};

type Out = 'json' | 'csv' | 'xml';
const ACCEPTS: [RegExp, Out][] = [
  [/\b(?:application|text)\/csv\b/, 'csv'],
  [/\b(?:application|text)\/xml\b/, 'xml'],
];

/** `GET /api/dataValueSets`, `.json`, `.csv` or `.xml`: the extension, else the Accept header, picks the format. */
const exportRoute = <const U extends string>(url: U, fixed?: Out) =>
  defineRoute({
    ...dhis2,
    method: 'GET',
    url,
    summary: 'Xuất bộ giá trị DHIS2 / export a DHIS2 data value set (JSON, CSV or XML)',
    auth: 'actor',
    query: Dhis2ExportQuery,
    handler: async ({ ctx, query, params, req, reply }) => {
      apiVersion(params);
      const { dataValues } = await exportDataValueSet(ctx, query);
      const accept = req.headers.accept ?? '';
      const format = fixed ?? ACCEPTS.find(([re]) => re.test(accept))?.[1] ?? 'json';
      if (format === 'csv')
        return reply.type('application/csv; charset=utf-8').send(dataValueSetCsv(dataValues));
      if (format === 'xml')
        return reply.type('application/xml; charset=utf-8').send(dataValueSetXml(dataValues));
      return { dataValues };
    },
  });

/** `POST /api/dataValueSets` (and per API version): JSON, CSV or XML by the Content-Type. */
const importRoute = <const U extends string>(url: U) =>
  defineRoute({
    ...dhis2,
    method: 'POST',
    url,
    summary:
      'Nhập bộ giá trị DHIS2 / import a DHIS2 data value set (JSON, CSV as application/csv, XML as application/xml); all or nothing, answered with an ImportSummary (in a WebMessage from API version 38)',
    auth: 'actor',
    upload: 'application/csv',
    writesValues: true,
    bodyLimit: FILE_LIMITS.bytes,
    query: Dhis2ImportOptions,
    body: z.unknown(),
    response: z.union([Dhis2WebMessage, Dhis2ImportSummary]),
    handler: async ({ ctx, query, body, params, req, reply }) => {
      const version = apiVersion(params);
      const type = req.headers['content-type'] ?? '';
      const format = !Buffer.isBuffer(body) ? 'json' : /xml/i.test(type) ? 'xml' : 'csv';
      const summary = await importDataValueSet(ctx, { body, format, options: query });
      const answer = dhis2Answer(summary, version);
      return reply.code(answer.status).send(answer.body);
    },
  });

export default [
  importRoute('/api/dataValueSets'),
  importRoute('/api/:version/dataValueSets'),
  exportRoute('/api/dataValueSets'),
  exportRoute('/api/dataValueSets.json', 'json'),
  exportRoute('/api/dataValueSets.csv', 'csv'),
  exportRoute('/api/dataValueSets.xml', 'xml'),
  exportRoute('/api/:version/dataValueSets'),
  exportRoute('/api/:version/dataValueSets.json', 'json'),
  exportRoute('/api/:version/dataValueSets.csv', 'csv'),
  exportRoute('/api/:version/dataValueSets.xml', 'xml'),
  defineRoute({
    ...dhis2,
    method: 'GET',
    url: '/api/dhis2/metadata',
    summary: 'Siêu dữ liệu DHIS2 / DHIS2 metadata: data elements, organisation units, data sets',
    auth: 'none',
    query: NONE,
    handler: ({ ctx }) => dhis2Metadata(ctx),
  }),
  defineRoute({
    ...dhis2,
    method: 'GET',
    url: '/api/dhis2/ids',
    summary: 'Bảng mã DHIS2 / the DHIS2 UIDs and codes of indicators, units and data sets',
    auth: 'none',
    query: NONE,
    response: z.array(Dhis2IdRow),
    handler: ({ ctx }) => listDhis2Ids(ctx),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/dhis2/ids',
    summary: 'Đặt UID, mã DHIS2 / set DHIS2 UIDs and codes (administrators)',
    tag: 'dhis2',
    auth: 'actor',
    query: NONE,
    body: z.array(Dhis2Id).max(10_000),
    response: z.array(Dhis2IdRow),
    handler: ({ ctx, body }) => setDhis2Ids(ctx, body),
  }),
];
