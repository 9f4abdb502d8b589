import { Readable } from 'node:stream';
import { setImmediate } from 'node:timers/promises';
import { type Options, parse } from 'csv-parse';
import { BaocaoError } from '../errors.ts';
import { FILE_LIMITS, overLimit, LIMIT_NAMES } from './limits.ts';

const PIECE = 64 * 1024;
const YIELD_EVERY = 5000;

/**
 * The records of a CSV file, read without holding the server's thread: the bytes go through the
 * streaming parser in 64 kB pieces and other requests get a turn every few thousand records (a
 * 60 MB file parsed in one go would stall every request for seconds). At most FILE_LIMITS.rows
 * records, each a list of its fields; a malformed file is INVALID_FILE.
 */
export async function readCsvRecords(data: Buffer, opts: Omit<Options, 'columns'> = {}): Promise<string[][]> {
  const pieces = Array.from({ length: Math.ceil(data.length / PIECE) }, (_, i) =>
    data.subarray(i * PIECE, (i + 1) * PIECE),
  );
  const out: string[][] = [];
  try {
    const parser = Readable.from(pieces).pipe(parse({ ...opts, columns: false, max_record_size: 65_536 }));
    for await (const record of parser) {
      out.push(Array.isArray(record) ? record.map(String) : []);
      if (out.length > FILE_LIMITS.rows + 1) overLimit(LIMIT_NAMES.rows, FILE_LIMITS.rows);
      if (out.length % YIELD_EVERY === 0) await setImmediate();
    }
  } catch (e) {
    if (e instanceof BaocaoError) throw e;
    throw new BaocaoError(
      'INVALID_FILE',
      `Tệp CSV không đọc được: ${e instanceof Error ? e.message : String(e)}`,
      `Unreadable CSV: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  return out;
}
