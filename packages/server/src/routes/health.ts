import { isReady } from '@baocao/core';
import { z } from 'zod';
import { NONE, defineRoute } from '../route.ts';

export default [
  defineRoute({
    method: 'GET',
    url: '/api/health',
    summary: 'Tình trạng máy chủ / readiness: 200 when the store answers',
    tag: 'system',
    auth: 'none',
    query: NONE,
    body: NONE,
    response: z.object({ status: z.literal('ok'), store: z.enum(['pglite', 'postgres']) }),
    handler: async ({ ctx, reply }) => {
      if (!(await isReady(ctx.db))) return reply.code(503).send({ status: 'unavailable' });
      return { status: 'ok', store: ctx.db.engine };
    },
  }),
];
