import type { Ctx } from '../context.ts';
import type { ImportResult } from '../schemas.ts';
import { submitValueChunks, submitValues } from '../values/values.ts';
import { chunkFor } from '../values/write-rows.ts';
import type { FileFormat } from './parse-file.ts';
import { readValueChunks, readValueFile } from './parse-off-thread.ts';

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
  const how = {
    source: `import:${input.filename}`,
    reason: input.reason ?? null,
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
  };
  // A large plain CSV on a server is stored as it is read: its first rows are written while the
  // rest are split and validated. PGlite runs both on this thread, where nothing would overlap.
  if (ctx.db.engine === 'postgres') {
    const plain = await readValueChunks(input.data, input.filename, input.format, chunkFor(ctx.db.engine));
    if (plain) return submitValueChunks(ctx, { chunks: plain.chunks, total: plain.records, ...how });
  }
  const rows = await readValueFile(input.data, input.filename, input.format);
  return submitValues(ctx, { rows, ...how });
}
