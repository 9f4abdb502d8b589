import type { Ctx } from '../context.ts';
import type { ImportResult } from '../schemas.ts';
import { submitValues } from '../values/values.ts';
import type { FileFormat } from './parse-file.ts';
import { readValueFile } from './parse-off-thread.ts';

/**
 * Imports a CSV, XLSX or JSON file of values: all rows or none. Errors name the file's row and
 * column; on any error nothing is written.
 */
export async function importValues(
  ctx: Ctx,
  input: {
    data: Buffer;
    filename: string;
    format?: FileFormat;
    reason?: string | null;
    onProgress?: (done: number, total: number) => void;
  },
): Promise<ImportResult> {
  const rows = await readValueFile(input.data, input.filename, input.format);
  return submitValues(ctx, {
    rows,
    source: `import:${input.filename}`,
    reason: input.reason ?? null,
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
  });
}
