import {
  AnalysisInput,
  Rule,
  RuleInput,
  ValidationAnalysis,
  exportValidationAnalysis,
  listRules,
  ruleHistory,
  saveRule,
  validationAnalysis,
} from '@baocao/core';
import { z } from 'zod';
import { sendFile } from '../media.ts';
import { NONE, defineRoute } from '../route.ts';

const get = { method: 'GET', tag: 'quality', auth: 'actor', body: NONE } as const;

export default [
  defineRoute({
    ...get,
    url: '/api/rules',
    summary: 'Quy tắc kiểm tra / validation rules',
    query: NONE,
    response: z.array(Rule),
    handler: ({ ctx }) => listRules(ctx),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/rules',
    tag: 'quality',
    auth: 'actor',
    summary: 'Lưu quy tắc kiểm tra / create or change a validation rule (a new version, audited)',
    query: NONE,
    body: RuleInput.extend({ reason: z.string().max(2000).nullish() }),
    response: Rule,
    handler: ({ ctx, body }) => {
      const { reason, ...rule } = body;
      return saveRule(ctx, rule, { reason: reason ?? null });
    },
  }),
  defineRoute({
    ...get,
    url: '/api/rules/history',
    summary: 'Các phiên bản của quy tắc / a rule’s versions, newest first',
    query: z.object({ code: z.string() }),
    response: z.array(
      z.object({
        version: z.number(),
        changedBy: z.string(),
        changedAt: z.string(),
        reason: z.string().nullable(),
        rule: RuleInput,
      }),
    ),
    handler: ({ ctx, query }) => ruleHistory(ctx, query.code),
  }),
  defineRoute({
    ...get,
    url: '/api/quality/violations',
    summary: 'Phân tích kiểm tra / every broken rule of a period below a unit (filterable)',
    query: AnalysisInput,
    response: ValidationAnalysis,
    handler: ({ ctx, query }) => validationAnalysis(ctx, query),
  }),
  defineRoute({
    ...get,
    url: '/api/quality/violations/export',
    summary: 'Xuất phân tích kiểm tra / the violations as CSV, XLSX or JSON',
    produces: 'text/csv',
    query: AnalysisInput.extend({ format: z.enum(['csv', 'xlsx', 'json']).default('csv') }),
    handler: async ({ ctx, query, reply }) => {
      const data = await exportValidationAnalysis(ctx, query);
      return sendFile(reply, data, query.format, `vi-pham-quy-tac-${query.period}`);
    },
  }),
];
