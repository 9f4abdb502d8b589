import {
  getReport,
  listPublishedReports,
  listReportTemplates,
  publishReport,
  renderReport,
  ReportFormat,
  ReportKey,
  ReportRecord,
  ReportTemplate,
  ReportView,
  saveReportTemplate,
  setReportDetails,
  setReportSection,
} from '@baocao/core';
import { z } from 'zod';
import { NONE, defineRoute } from '../route.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export default [
  defineRoute({
    method: 'GET',
    url: '/api/reports',
    summary:
      'Một báo cáo / a report as JSON (with its checks), Markdown, HTML or Word; the public sees published ones only',
    tag: 'reports',
    auth: 'none',
    produces: DOCX,
    query: ReportKey.extend({ format: ReportFormat.default('json') }),
    body: NONE,
    response: ReportView,
    handler: async ({ ctx, query, reply }) => {
      const view = await getReport(ctx, query);
      if (query.format === 'json') return view;
      const file = await renderReport(view.doc, query.format);
      // HTML is the editor's preview, shown in place; the other formats are downloads.
      const disposition = query.format === 'html' ? 'inline' : 'attachment';
      reply.header('content-disposition', `${disposition}; filename="${file.filename}"`);
      return reply.type(file.contentType).send(file.data);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/reports/published',
    readsReplica: true,
    summary: 'Báo cáo đã phát hành / published reports, newest first',
    tag: 'reports',
    auth: 'none',
    query: NONE,
    body: NONE,
    response: z.array(ReportRecord),
    handler: ({ ctx }) => listPublishedReports(ctx),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/reports/sections',
    summary:
      'Sửa hoặc bổ sung nội dung một mục / replace or add to a section’s text (text null removes the edit)',
    tag: 'reports',
    auth: 'actor',
    query: NONE,
    body: ReportKey.extend({
      section: z.string().min(1),
      mode: z.enum(['replace', 'append']).default('replace'),
      text: z.string().nullable(),
      reason: z.string().nullish(),
    }),
    response: ReportView,
    handler: ({ ctx, body }) => setReportSection(ctx, body),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/reports/details',
    summary: 'Số và ngày của văn bản / the document’s number and date',
    tag: 'reports',
    auth: 'actor',
    query: NONE,
    body: ReportKey.extend({ number: z.string().nullish(), issuedOn: z.iso.date().nullish() }),
    response: ReportRecord,
    handler: ({ ctx, body }) => setReportDetails(ctx, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/reports/publish',
    summary: 'Phát hành báo cáo, đóng băng số liệu / publish a report, freezing its numbers',
    tag: 'reports',
    auth: 'actor',
    query: NONE,
    body: ReportKey.extend({
      number: z.string().nullish(),
      issuedOn: z.iso.date().nullish(),
      force: z.boolean().default(false),
      reason: z.string().nullish(),
    }),
    response: ReportView,
    handler: ({ ctx, body }) => publishReport(ctx, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/report-templates',
    summary: 'Mẫu báo cáo / report templates',
    tag: 'reports',
    auth: 'actor',
    query: NONE,
    body: NONE,
    response: z.array(ReportTemplate.extend({ builtin: z.boolean() })),
    handler: ({ ctx }) => listReportTemplates(ctx),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/report-templates',
    summary: 'Thêm hoặc sửa mẫu báo cáo / add or replace a report template (a new report type, as data)',
    tag: 'reports',
    auth: 'actor',
    query: NONE,
    body: z.unknown(),
    response: ReportTemplate,
    handler: ({ ctx, body }) => saveReportTemplate(ctx, body),
  }),
];
