import { Indicator, Unit, UnitKind, listIndicators, listUnits } from '@baocao/core';
import { z } from 'zod';
import { NONE, defineRoute } from '../route.ts';

export default [
  defineRoute({
    method: 'GET',
    url: '/api/indicators',
    summary: 'Danh mục chỉ tiêu / the indicator catalog',
    tag: 'catalog',
    auth: 'none',
    query: NONE,
    body: NONE,
    response: z.array(Indicator),
    handler: ({ ctx }) => listIndicators(ctx),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/units',
    summary: 'Danh mục đơn vị / org units (optionally of a kind, in force on a date)',
    tag: 'catalog',
    auth: 'none',
    query: z.object({ kind: UnitKind.optional(), at: z.iso.date().optional() }),
    body: NONE,
    response: z.array(Unit),
    handler: ({ ctx, query }) => listUnits(ctx, query),
  }),
];
