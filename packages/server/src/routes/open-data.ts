import { dataJson, dcatCatalog, openDatasetCsv, tableSchema } from '@baocao/core';
import type { FastifyRequest } from 'fastify';
import { NONE, defineRoute } from '../route.ts';

/** The site's address as the caller reached it (behind a trusted proxy, the proxy's). */
const baseOf = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

const open = { tag: 'open-data', auth: 'none', query: NONE, body: NONE, readsReplica: true } as const;

export default [
  defineRoute({
    ...open,
    method: 'GET',
    url: '/open-data/catalog.jsonld',
    summary: 'Danh mục dữ liệu mở / the open-data catalog as DCAT-AP (JSON-LD): released figures only',
    handler: async ({ ctx, req, reply }) =>
      reply.type('application/ld+json; charset=utf-8').send(await dcatCatalog(ctx, baseOf(req))),
  }),
  defineRoute({
    ...open,
    method: 'GET',
    url: '/data.json',
    summary: 'Danh mục dữ liệu mở / the catalog as Project Open Data data.json (CKAN harvesters)',
    handler: async ({ ctx, req }) => dataJson(ctx, baseOf(req)),
  }),
  defineRoute({
    ...open,
    method: 'GET',
    url: '/open-data/schema.json',
    summary: 'Lược đồ bảng / the Frictionless Table Schema of the datasets’ CSV files',
    handler: async () => tableSchema(),
  }),
  defineRoute({
    ...open,
    method: 'GET',
    url: '/open-data/datasets/:file',
    summary: 'Bộ dữ liệu / a dataset’s released figures as CSV (DF_NGANH.csv)',
    produces: 'text/csv',
    handler: async ({ ctx, params, reply }) => {
      const id = (params.file ?? '').replace(/\.csv$/i, '');
      const data = await openDatasetCsv(ctx, id);
      reply.header('content-disposition', `attachment; filename="${id}.csv"`);
      reply.header('link', '</open-data/schema.json>; rel="describedby"; type="application/json"');
      return reply.type('text/csv; charset=utf-8').send(data);
    },
  }),
];
