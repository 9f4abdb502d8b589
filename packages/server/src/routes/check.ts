import { CheckResult, checkText } from '@baocao/core';
import { z } from 'zod';
import { NONE, defineRoute } from '../route.ts';

export default [
  defineRoute({
    method: 'POST',
    url: '/api/check',
    bodyLimit: 8 * 1024 * 1024,
    summary: 'Kiểm tra số liệu trong văn bản / fact-check statistical text (offsets are into the text sent)',
    tag: 'check',
    auth: 'actor',
    query: NONE,
    body: z.object({ text: z.string().min(1).max(1_000_000) }),
    response: CheckResult,
    handler: ({ ctx, body }) => checkText(ctx, body.text),
  }),
];
