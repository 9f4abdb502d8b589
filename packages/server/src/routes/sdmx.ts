import {
  FILE_LIMITS,
  importSdmxData,
  negotiateDataFormat,
  negotiateStructureFormat,
  sdmxDataQuery,
  sdmxSchemaQuery,
  sdmxStructureQuery,
  structureLanguage,
} from '@baocao/core';
import { z } from 'zod';
import { NONE, defineRoute } from '../route.ts';

const DataParams = z.object({
  startPeriod: z.string().optional(),
  endPeriod: z.string().optional(),
  detail: z.string().optional(),
  dimensionAtObservation: z.string().optional(),
  references: z.string().optional(),
  format: z.string().optional(),
});

/**
 * A path of SDMX REST, v1 (`data/{flow}/{key}`, `{structure}/{agency}/{id}/{version}`) or v2
 * (`v2/data/dataflow/{agency}/{id}/{version}/{key}`, `v2/structure/{type}/{agency}/{id}/{version}`),
 * read into one shape. v2 writes a wildcard key part as `*`.
 */
function readPath(
  path: string,
):
  | { data: true; flow: string; key: string }
  | { data: false; resource: string; agency?: string; id?: string; version?: string } {
  const seg = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (seg[0] === 'v2') {
    if (seg[1] === 'data' && seg[2] === 'dataflow') {
      const [agency = 'all', id = 'all', version = 'latest', key = '*'] = seg.slice(3);
      return {
        data: true,
        flow: `${agency},${id},${version}`,
        key: key
          .split('.')
          .map((k) => (k === '*' ? '' : k))
          .join('.'),
      };
    }
    if (seg[1] === 'structure')
      return { data: false, resource: seg[2] ?? 'all', agency: seg[3], id: seg[4], version: seg[5] };
  }
  if (seg[0] === 'data') return { data: true, flow: seg[1] ?? 'all', key: seg[2] ?? 'all' };
  return { data: false, resource: seg[0] ?? '', agency: seg[1], id: seg[2], version: seg[3] };
}

export default [
  defineRoute({
    method: 'GET',
    url: '/sdmx/rest/*',
    readsReplica: true,
    summary:
      'SDMX REST (v1, and v2 paths): dataflow, datastructure, codelist, conceptscheme as SDMX-ML 2.1 or SDMX-JSON 2.0.0 by Accept; data as SDMX-ML 2.1 generic or structure-specific, SDMX-JSON 2.0, SDMX-CSV 2.0 by Accept or format=. The public gets released figures only',
    tag: 'sdmx',
    auth: 'none',
    query: DataParams,
    body: NONE,
    handler: async ({ ctx, query, params, req, reply }) => {
      const path = readPath(params['*'] ?? '');
      if (!path.data && path.resource === 'schema') {
        const [resource = '', agency, id, version] = (params['*'] ?? '').split('/').filter(Boolean).slice(1);
        const xsd = await sdmxSchemaQuery(ctx, { resource, agency, id, version });
        return reply.type('application/xml; charset=utf-8').send(xsd);
      }
      if (!path.data) {
        const { body, contentType } = await sdmxStructureQuery(ctx, {
          ...path,
          references: query.references,
          format: negotiateStructureFormat(req.headers.accept),
          language: structureLanguage(req.headers['accept-language']),
        });
        return reply.type(contentType).send(body);
      }
      const format = negotiateDataFormat(req.headers.accept, query.format);
      const { body, contentType } = await sdmxDataQuery(ctx, {
        flow: path.flow,
        key: path.key,
        startPeriod: query.startPeriod,
        endPeriod: query.endPeriod,
        detail: query.detail,
        dimensionAtObservation: query.dimensionAtObservation,
        format,
      });
      return reply.type(contentType).send(body);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/sdmx/data',
    summary:
      'Nhập dữ liệu SDMX / import an SDMX-CSV (text/csv) or SDMX-JSON 2.0 (application/json) data message; all or nothing',
    tag: 'sdmx',
    auth: 'actor',
    upload: 'text/csv',
    writesValues: true,
    bodyLimit: FILE_LIMITS.bytes,
    query: z.object({ dryRun: z.enum(['true', 'false']).optional() }),
    body: z.unknown(),
    response: z.object({
      imported: z.number(),
      updated: z.number(),
      ignored: z.number(),
      deleted: z.number(),
    }),
    handler: ({ ctx, query, body }) =>
      importSdmxData(ctx, {
        body,
        format: Buffer.isBuffer(body) ? 'csv' : 'json',
        dryRun: query.dryRun === 'true',
      }),
  }),
];
