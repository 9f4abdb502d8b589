import {
  ImportResult,
  buildTemplate,
  exportValues,
  getValueHistory,
  importValues,
  submitValues,
  FILE_LIMITS,
  ValueHistoryEntry,
  ValueInput,
} from '@baocao/core';
import { z } from 'zod';
import { XLSX, sendFile } from '../media.ts';
import { NONE, defineRoute } from '../route.ts';

const Format = z.enum(['csv', 'xlsx', 'json']);
const list = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .optional();

export default [
  defineRoute({
    method: 'POST',
    url: '/api/values',
    summary: 'Gửi số liệu / submit values (all or none)',
    tag: 'values',
    auth: 'actor',
    bodyLimit: FILE_LIMITS.bytes,
    writesValues: true,
    query: NONE,
    body: z.object({ values: z.array(ValueInput), reason: z.string().nullish() }),
    response: ImportResult,
    handler: ({ ctx, body }) =>
      submitValues(ctx, {
        rows: body.values.map((v, i) => ({ row: i + 1, ...v })),
        source: 'api',
        reason: body.reason ?? null,
      }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/imports',
    summary: 'Nhập tệp số liệu / import a CSV, XLSX or JSON file (raw body; name in ?filename=)',
    tag: 'values',
    auth: 'actor',
    upload: 'application/octet-stream',
    writesValues: true,
    bodyLimit: FILE_LIMITS.bytes,
    query: z.object({ filename: z.string().min(1), reason: z.string().optional() }),
    body: z.instanceof(Buffer),
    response: ImportResult,
    handler: ({ ctx, query, body }) =>
      importValues(ctx, { data: body, filename: query.filename, reason: query.reason ?? null }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/exports',
    summary: 'Xuất số liệu / export a selection of values as CSV, XLSX or JSON',
    tag: 'values',
    auth: 'actor',
    produces: XLSX,
    query: z.object({
      indicators: list,
      units: list,
      period: z.string().optional(),
      format: Format.default('csv'),
    }),
    body: NONE,
    handler: async ({ ctx, query, reply }) => {
      const { data } = await exportValues(ctx, {
        format: query.format,
        ...(query.indicators ? { indicators: query.indicators } : {}),
        ...(query.units ? { units: query.units } : {}),
        ...(query.period ? { period: query.period } : {}),
      });
      return sendFile(reply, data, query.format, 'so-lieu');
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/template',
    summary: 'Biểu mẫu XLSX cho một đơn vị và kỳ / the XLSX form for a unit and period',
    tag: 'values',
    auth: 'actor',
    produces: XLSX,
    query: z.object({ unit: z.string(), period: z.string() }),
    body: NONE,
    handler: async ({ ctx, query, reply }) => {
      const data = await buildTemplate(ctx, query);
      return sendFile(reply, data, 'xlsx', `bieu-mau-${query.unit}-${query.period}`);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/values/history',
    summary: 'Lịch sử thay đổi của một giá trị / the audit history of one value',
    tag: 'values',
    auth: 'actor',
    query: z.object({ indicator: z.string(), unit: z.string(), period: z.string() }),
    body: NONE,
    response: z.array(ValueHistoryEntry),
    handler: ({ ctx, query }) => getValueHistory(ctx, query),
  }),
];
