import {
  Dashboard,
  PivotCell,
  Release,
  exportPivot,
  listPublishedPeriods,
  getDashboard,
  listReleases,
  pivotValues,
  releasePeriod,
} from '@baocao/core';
import { z } from 'zod';
import { sendFile } from '../media.ts';
import { NONE, defineRoute } from '../route.ts';

const list = z.string().transform((s) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean),
);

export default [
  defineRoute({
    method: 'GET',
    url: '/api/dashboard',
    readsReplica: true,
    summary: 'Chỉ tiêu chính / key indicators with comparisons and sparklines (public: released only)',
    tag: 'dashboards',
    auth: 'none',
    query: z.object({ unit: z.string().optional(), period: z.string().optional() }),
    body: NONE,
    response: Dashboard,
    handler: ({ ctx, query }) => getDashboard(ctx, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/pivot',
    readsReplica: true,
    summary: 'Bảng tổng hợp / values for indicators × units × periods (public: released only)',
    tag: 'dashboards',
    auth: 'none',
    query: z.object({
      indicators: list,
      units: list,
      periods: list,
      format: z.enum(['json', 'csv', 'xlsx']).optional(),
      /** The file's language for people: Vietnamese headers, periods and statuses ('vi'), or codes. */
      lang: z.enum(['vi', 'en']).optional(),
      /** CSV for programs ('plain': `,` and decimal points) or for a spreadsheet in Vietnamese ('vi': `;`, decimal commas). */
      dialect: z.enum(['plain', 'vi']).optional(),
    }),
    body: NONE,
    response: z.array(PivotCell),
    produces: 'text/csv',
    handler: async ({ ctx, query, reply }) => {
      if (!query.format) return pivotValues(ctx, query);
      const data = await exportPivot(ctx, { ...query, format: query.format });
      const name = query.dialect === 'vi' ? 'bang-tong-hop-excel' : 'bang-tong-hop';
      return sendFile(reply, data, query.format, name);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/releases',
    readsReplica: true,
    summary: 'Các kỳ đã công bố / released periods',
    tag: 'dashboards',
    auth: 'none',
    query: NONE,
    body: NONE,
    response: z.array(Release),
    handler: ({ ctx }) => listReleases(ctx),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/releases/periods',
    readsReplica: true,
    summary: 'Các kỳ có số liệu đã công bố / periods with released figures, newest first',
    tag: 'dashboards',
    auth: 'none',
    query: NONE,
    body: NONE,
    response: z.array(z.object({ period: z.string(), periodLabel: z.string() })),
    handler: ({ ctx }) => listPublishedPeriods(ctx),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/releases',
    summary: 'Công bố số liệu một kỳ / release a period’s figures to the public',
    tag: 'dashboards',
    auth: 'actor',
    query: NONE,
    body: z.object({
      period: z.string(),
      force: z.boolean().optional(),
      reason: z.string().max(2000).nullish(),
    }),
    handler: ({ ctx, body }) => releasePeriod(ctx, body),
  }),
];
