import { z } from 'zod';

/** Rows a parse worker sends per message, so the receiving thread never decodes a huge one at once. */
export const ROW_BATCH = 5000;

export const ParseJob = z.object({
  bytes: z.instanceof(Uint8Array),
  filename: z.string(),
  format: z.enum(['csv', 'xlsx', 'json']).optional(),
});

const Cell = z.string().nullish();
export const ParseReply = z.union([
  z.object({
    rows: z.array(
      z.object({
        row: z.number(),
        indicator: Cell,
        unit: Cell,
        period: Cell,
        value: z.union([z.string(), z.number()]).nullish(),
        status: Cell,
        note: Cell,
      }),
    ),
  }),
  z.object({ done: z.literal(true) }),
  z.object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      messageEn: z.string(),
      status: z.number(),
      details: z.array(
        z.object({
          row: z.number().optional(),
          field: z.string().optional(),
          code: z.string(),
          message: z.string(),
          messageEn: z.string(),
        }),
      ),
    }),
  }),
]);
