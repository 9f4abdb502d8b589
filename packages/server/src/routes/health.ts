import { isReady } from '@baocao/core';
import { z } from 'zod';
import { NONE, defineRoute } from '../route.ts';

const Health = z.object({ status: z.literal('ok'), store: z.enum(['pglite', 'postgres']) });

export default [
  defineRoute({
    method: 'GET',
    url: '/api/health',
    summary: 'Máy chủ còn sống / liveness: 200 while the process answers (the store is not asked)',
    tag: 'system',
    auth: 'none',
    query: NONE,
    body: NONE,
    response: Health,
    // Never waits for the store: on the embedded one a long import holds it, and a liveness check
    // that waited would have the process restarted for being busy.
    handler: async ({ ctx }) => ({ status: 'ok' as const, store: ctx.db.engine }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/health/ready',
    summary: 'Sẵn sàng phục vụ / readiness: 200 when the store answers, 503 otherwise',
    tag: 'system',
    auth: 'none',
    query: NONE,
    body: NONE,
    response: Health,
    handler: async ({ ctx, reply }) => {
      if (!(await isReady(ctx.db)))
        return reply.code(503).send({ status: 'unavailable', store: ctx.db.engine });
      return { status: 'ok' as const, store: ctx.db.engine };
    },
  }),
];
