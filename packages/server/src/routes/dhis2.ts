import {
  Dhis2ExportQuery,
  Dhis2Id,
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

/** `GET /api/dataValueSets`, `.json` or `.csv`: the extension, else the Accept header, picks CSV. */
const exportRoute = <const U extends string>(url: U, csv: (accept: string | undefined) => boolean) =>
  defineRoute({
    ...dhis2,
    method: 'GET',
    url,
    summary: 'Xuất bộ giá trị DHIS2 / export a DHIS2 data value set (JSON or CSV)',
    auth: 'actor',
    query: Dhis2ExportQuery,
    handler: async ({ ctx, query, req, reply }) => {
      const { dataValues } = await exportDataValueSet(ctx, query);
      if (csv(req.headers.accept))
        return reply.type('application/csv; charset=utf-8').send(dataValueSetCsv(dataValues));
      return { dataValues };
    },
  });

export default [
  defineRoute({
    ...dhis2,
    method: 'POST',
    url: '/api/dataValueSets',
    summary:
      'Nhập bộ giá trị DHIS2 / import a DHIS2 data value set (JSON, or CSV as application/csv); all or nothing, answered with an ImportSummary',
    auth: 'actor',
    upload: 'application/csv',
    writesValues: true,
    bodyLimit: FILE_LIMITS.bytes,
    query: Dhis2ImportOptions,
    body: z.unknown(),
    response: Dhis2ImportSummary,
    handler: async ({ ctx, query, body, reply }) => {
      const summary = await importDataValueSet(ctx, {
        body,
        format: Buffer.isBuffer(body) ? 'csv' : 'json',
        options: query,
      });
      // As DHIS2 answers since 2.38: 409 when the import was refused.
      return reply.code(summary.status === 'ERROR' ? 409 : 200).send(summary);
    },
  }),
  exportRoute('/api/dataValueSets', (accept) => /\b(?:application|text)\/csv\b/.test(accept ?? '')),
  exportRoute('/api/dataValueSets.json', () => false),
  exportRoute('/api/dataValueSets.csv', () => true),
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
    response: z.array(Dhis2Id),
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
    response: z.array(Dhis2Id),
    handler: ({ ctx, body }) => setDhis2Ids(ctx, body),
  }),
];
