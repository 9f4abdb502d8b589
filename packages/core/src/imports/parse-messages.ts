import { z } from 'zod';
import type { RawValueRow } from '../values/validate.ts';

/** Rows a parse worker sends per message, so the receiving thread never decodes a huge one at once. */
export const ROW_BATCH = 20_000;

export const ParseJob = z.object({
  bytes: z.instanceof(Uint8Array),
  filename: z.string(),
  format: z.enum(['csv', 'xlsx', 'json']).optional(),
});

// Checked by one loop per column rather than one schema per cell: a 280,000-row file arrives as
// two million cells, and checking each through its own schema cost the receiving thread most of a
// second.
const Cells = z.custom<(string | null)[]>(
  (v) => Array.isArray(v) && v.every((x) => x === null || typeof x === 'string'),
  'a column of text cells',
);
const Numbers = z.custom<number[]>(
  (v) => Array.isArray(v) && v.every((x) => typeof x === 'number'),
  'a column of row numbers',
);
const Values = z.custom<(string | number | null)[]>(
  (v) => Array.isArray(v) && v.every((x) => x === null || typeof x === 'string' || typeof x === 'number'),
  'a column of values',
);
/**
 * A batch of rows by column (the `i`-th row is made of every column's `i`-th entry): cloned between
 * threads as seven arrays rather than thousands of objects, each with its keys.
 */
const RowColumns = z
  .object({
    row: Numbers,
    indicator: Cells,
    unit: Cells,
    period: Cells,
    value: Values,
    status: Cells,
    note: Cells,
  })
  .refine((c) => Object.values(c).every((col) => col.length === c.row.length), 'columns of unequal length');
export type RowColumns = z.infer<typeof RowColumns>;

/** Rows as columns (absent cells are null). */
export function toColumns(rows: RawValueRow[]): RowColumns {
  const c: RowColumns = { row: [], indicator: [], unit: [], period: [], value: [], status: [], note: [] };
  for (const r of rows) {
    c.row.push(r.row);
    c.indicator.push(r.indicator ?? null);
    c.unit.push(r.unit ?? null);
    c.period.push(r.period ?? null);
    c.value.push(r.value ?? null);
    c.status.push(r.status ?? null);
    c.note.push(r.note ?? null);
  }
  return c;
}

/** The rows of a batch of columns, appended to `into`. */
export function fromColumns(c: RowColumns, into: RawValueRow[]): void {
  // Every row built with the same keys in the same order: one object shape, the fast path.
  for (let i = 0; i < c.row.length; i++)
    into.push({
      row: c.row[i]!,
      indicator: c.indicator[i]!,
      unit: c.unit[i]!,
      period: c.period[i]!,
      value: c.value[i]!,
      status: c.status[i]!,
      note: c.note[i]!,
    });
}

export const ParseReply = z.union([
  z.object({ columns: RowColumns }),
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
