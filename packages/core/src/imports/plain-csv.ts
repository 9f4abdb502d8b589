import { isUtf8 } from 'node:buffer';
import { setImmediate } from 'node:timers/promises';
import type { RawValueRow } from '../values/validate.ts';
import { FILE_LIMITS, LIMIT_NAMES, checkLimit, overLimit } from './limits.ts';
import { MAX_RECORD_CHARS, tableRowsOf } from './parse-file.ts';

/** Records read into rows per turn of the event loop. */
const PER_TURN = 5000;

/** A plain CSV checked and ready to read: how many data records it has, and its rows in chunks. */
export interface PlainCsv {
  /** Data records (blank lines aside): the most rows it can give. */
  records: number;
  /** Its rows, `size` at a time, read in turns of the event loop. */
  chunks: AsyncGenerator<RawValueRow[]>;
}

/** U+FFFD in UTF-8: what decodeCsv refuses, written in the file or made of bytes that are not UTF-8. */
const REPLACEMENT = Buffer.from([0xef, 0xbf, 0xbd]);
/** Bytes decoded and split per turn of the event loop while the file is checked. */
const BYTES_PER_TURN = 1024 * 1024;

/**
 * A CSV without quotes and with one kind of line break (what systems and spreadsheets write for
 * codes and numbers), checked against every file limit and its header read before any row is, then
 * read `size` rows at a time, so a caller can validate and store the first rows while the rest are
 * read (a 280,000-row import spent over a second reading before its first write). Such a file is
 * split, never parsed, in time and memory in proportion to its bytes, so the worker that guards the
 * server against other files' parsers is not needed for it; it is decoded and split a megabyte per
 * turn of the event loop (a 16 MB file decoded in one go held the server 50 ms). Same rows, limits
 * and errors as parseValueFile: the limits are found by counting, before any row is built. Null for
 * any other CSV (one with a quote, a NUL byte, bytes that are not UTF-8 or a mixture of line
 * breaks, and an empty one), which parseValueFile reads and refuses as it always has.
 */
export async function plainCsv(data: Buffer, size: number): Promise<PlainCsv | null> {
  checkLimit('bytes', data.length);
  // Byte searches send every file that is not plain to the parser before any decoding, as do bytes
  // that are not UTF-8 and a replacement character anywhere (the parser refuses both before it
  // checks any limit, so finding them only when the split reaches them could report a limit first).
  if (data.includes(0x22) || data.includes(0) || !isUtf8(data) || data.includes(REPLACEMENT)) return null;
  const eol = await lineBreak(data);
  if (!eol) return null;
  // Records as csv-parse counts them (a blank line is none), to one past the row limit (its `to`).
  const most = FILE_LIMITS.rows + 2;
  const lines: string[] = [];
  let cells = 0;
  let longCell: number | undefined;
  const take = (line: string): boolean => {
    if (line === '') return true;
    if (line.length > MAX_RECORD_CHARS) overLimit(LIMIT_NAMES.cellChars, FILE_LIMITS.cellChars);
    // Only a line longer than a cell's limit can hold a cell over it (reported after the rows).
    if (longCell === undefined && line.length > FILE_LIMITS.cellChars)
      longCell = line.split(',').find((c) => c.length > FILE_LIMITS.cellChars)?.length;
    cells += 1;
    for (let at = line.indexOf(','); at !== -1; at = line.indexOf(',', at + 1)) cells += 1;
    return lines.push(line) < most;
  };
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let carry = '';
  for (let at = 0; at < data.length; at += BYTES_PER_TURN) {
    const end = Math.min(at + BYTES_PER_TURN, data.length);
    let text = carry + decoder.decode(data.subarray(at, end), { stream: end < data.length });
    if (at === 0) text = text.replace(/^\uFEFF/, '');
    let from = 0;
    for (let next = text.indexOf(eol); next !== -1; next = text.indexOf(eol, from)) {
      if (!take(text.slice(from, next))) return checked(lines, cells, longCell, size);
      from = next + eol.length;
    }
    carry = text.slice(from);
    // The next line is already longer than a record may be (not counting a CR whose LF is in the
    // next piece): no need to read on, nor to copy it again.
    const cr = eol === '\r\n' && carry.endsWith('\r') ? 1 : 0;
    if (carry.length - cr > MAX_RECORD_CHARS) overLimit(LIMIT_NAMES.cellChars, FILE_LIMITS.cellChars);
    await setImmediate();
  }
  take(carry);
  return checked(lines, cells, longCell, size);
}

/** The file's limits checked in parseValueFile's order, then its rows in chunks of `size`. */
function checked(lines: string[], cells: number, longCell: number | undefined, size: number) {
  if (lines.length === 0) return null;
  checkLimit('rows', lines.length - 1);
  if (longCell !== undefined) checkLimit('cellChars', longCell);
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

/**
 * The one line break of a file without quotes, found on its bytes in turns: LF, or CRLF when every
 * CR and every LF belongs to a pair; null for a mixture (csv-parse reads it).
 */
async function lineBreak(data: Buffer): Promise<'\n' | '\r\n' | null> {
  if (!data.includes(0x0d)) return '\n';
  const pairs = await count(data, '\r\n');
  return pairs === (await count(data, '\r')) && pairs === (await count(data, '\n')) ? '\r\n' : null;
}

/** How many times `s` occurs in `data`, counted in turns of the event loop. */
async function count(data: Buffer, s: string): Promise<number> {
  let n = 0;
  for (let at = data.indexOf(s); at !== -1; at = data.indexOf(s, at + s.length))
    if (++n % 100_000 === 0) await setImmediate();
  return n;
}

/** Every row of a plain CSV (see plainCsv), read in turns; null for any other CSV. */
export async function readPlainCsv(data: Buffer): Promise<RawValueRow[] | null> {
  const plain = await plainCsv(data, Infinity);
  if (!plain) return null;
  const rows: RawValueRow[] = [];
  for await (const chunk of plain.chunks) for (const r of chunk) rows.push(r);
  return rows;
}
