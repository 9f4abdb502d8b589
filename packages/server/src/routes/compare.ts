import { CompareInput, CompareResult, compareIndicator } from '@baocao/core';
import { NONE, defineRoute } from '../route.ts';

export default [
  defineRoute({
    method: 'GET',
    url: '/api/compare',
    readsReplica: true,
    summary:
      'So sánh một chỉ tiêu / one figure with its previous period, last year, plan and completeness (public: released periods only)',
    tag: 'values',
    auth: 'none',
    query: CompareInput,
    body: NONE,
    response: CompareResult,
    handler: ({ ctx, query }) => compareIndicator(ctx, query),
  }),
];
