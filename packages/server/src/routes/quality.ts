import {
  OutlierCheckInput,
  OutlierFinding,
  ValueRangeInput,
  ValueRangeRow,
  checkOutliers,
  clearValueRange,
  listValueRanges,
  setValueRange,
} from '@baocao/core';
import { z } from 'zod';
import { NONE, defineRoute } from '../route.ts';

const cell = z.object({
  indicator: z.string().trim().min(1).max(64),
  unit: z.string().trim().min(1).max(64),
});

export default [
  defineRoute({
    method: 'GET',
    url: '/api/value-ranges',
    summary: 'Khoảng giá trị theo chỉ tiêu, đơn vị / administrators’ value ranges (of one unit, or all)',
    tag: 'catalog',
    auth: 'actor',
    query: z.object({ unit: z.string().trim().min(1).max(64).optional() }),
    body: NONE,
    response: z.array(ValueRangeRow),
    handler: ({ ctx, query }) => listValueRanges(ctx, query),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/value-ranges',
    summary: 'Đặt khoảng giá trị / set the range of an indicator in a unit (hard: refused at entry)',
    tag: 'catalog',
    auth: 'actor',
    query: NONE,
    body: ValueRangeInput,
    response: ValueRangeRow,
    handler: ({ ctx, body }) => setValueRange(ctx, body),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/value-ranges',
    summary: 'Bỏ khoảng giá trị / remove the range of an indicator in a unit',
    tag: 'catalog',
    auth: 'actor',
    query: cell,
    body: NONE,
    response: z.object({ removed: z.literal(true) }),
    handler: async ({ ctx, query }) => {
      await clearValueRange(ctx, query);
      return { removed: true as const };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/outliers/check',
    summary: 'Kiểm tra giá trị bất thường / outlier findings for a unit’s values in a month',
    tag: 'values',
    auth: 'actor',
    query: NONE,
    body: OutlierCheckInput,
    response: z.array(OutlierFinding),
    handler: ({ ctx, body }) => checkOutliers(ctx, body),
  }),
];
