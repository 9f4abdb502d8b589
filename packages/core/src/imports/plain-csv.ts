import { setImmediate } from 'node:timers/promises';
import type { RawValueRow } from '../values/validate.ts';
import { FILE_LIMITS, LIMIT_NAMES, checkLimit, overLimit } from './limits.ts';
import { MAX_RECORD_CHARS, decodeCsv, plainBreak, tableRowsOf } from './parse-file.ts';

/** Records read into rows per turn of the event loop. */
const PER_TURN = 5000;

/** A plain CSV checked and ready to read: how many data records it has, and its rows in chunks. */
export interface PlainCsv {
  /** Data records (blank lines aside): the most rows it can give. */
  records: number;
  /** Its rows, `size` at a time, read in turns of the event loop. */
  chunks: AsyncGenerator<RawValueRow[]>;
}

/**
 * A CSV without quotes and with one kind of line break (what systems and spreadsheets write for
 * codes and numbers), checked against every file limit and its header read before any row is, then
 * read `size` rows at a time, so a caller can validate and store the first rows while the rest are
 * read (a 280,000-row import spent over a second reading before its first write). Such a file is
 * split, never parsed, in time and memory in proportion to its bytes, so the worker that guards the
 * server against other files' parsers is not needed for it. Same rows, limits and errors as
 * parseValueFile: the limits are found by counting, before any row is built. Null for any other
 * CSV (and an empty one, which parseValueFile refuses).
 */
export function plainCsv(data: Buffer, size: number): PlainCsv | null {
  checkLimit('bytes', data.length);
  const text = decodeCsv(data);
  const eol = plainBreak(text);
  if (!eol) return null;
  // Records as csv-parse counts them (a blank line is none), to one past the row limit (its `to`).
  const most = FILE_LIMITS.rows + 2;
  const lines: string[] = [];
  for (const line of text.split(eol)) {
    if (line === '') continue;
    if (line.length > MAX_RECORD_CHARS) overLimit(LIMIT_NAMES.cellChars, FILE_LIMITS.cellChars);
    if (lines.push(line) === most) break;
  }
  if (lines.length === 0) return null;
  checkLimit('rows', lines.length - 1);
  let cells = 0;
  for (const line of lines) {
    // Only a line longer than a cell's limit can hold a cell over it.
    if (line.length > FILE_LIMITS.cellChars)
      for (const cell of line.split(',')) checkLimit('cellChars', cell.length);
    cells += 1;
    for (let at = line.indexOf(','); at !== -1; at = line.indexOf(',', at + 1)) cells += 1;
  }
  checkLimit('cells', cells);
  const toRow = tableRowsOf(lines[0]!.split(','), 1);
  async function* read(): AsyncGenerator<RawValueRow[]> {
    let out: RawValueRow[] = [];
    for (let i = 1; i < lines.length; i++) {
      toRow(lines[i]!.split(','), i - 1, out);
      if (out.length === size) {
        yield out;
        out = [];
      }
      if (i % PER_TURN === 0) await setImmediate();
    }
    if (out.length > 0) yield out;
  }
  return { records: lines.length - 1, chunks: read() };
}

/** Every row of a plain CSV (see plainCsv), read in turns; null for any other CSV. */
export async function readPlainCsv(data: Buffer): Promise<RawValueRow[] | null> {
  const plain = plainCsv(data, Infinity);
  if (!plain) return null;
  const rows: RawValueRow[] = [];
  for await (const chunk of plain.chunks) for (const r of chunk) rows.push(r);
  return rows;
}
