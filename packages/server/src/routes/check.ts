import { checkText } from '@baocao/core';
import { z } from 'zod';
import { NONE, defineRoute } from '../route.ts';

const Finding = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  start: z.number().int(),
  end: z.number().int(),
  quote: z.string(),
  stated: z.string().nullable(),
  expected: z.string().nullable(),
  message: z.string(),
  messageEn: z.string(),
});

export default [
  defineRoute({
    method: 'POST',
    url: '/api/check',
    summary: 'Kiểm tra số liệu trong văn bản / fact-check statistical text (offsets are into the text sent)',
    tag: 'check',
    auth: 'actor',
    query: NONE,
    body: z.object({ text: z.string().min(1).max(1_000_000) }),
    response: z.object({ statements: z.number().int(), findings: z.array(Finding) }),
    handler: ({ ctx, body }) => checkText(ctx, body.text),
  }),
];
