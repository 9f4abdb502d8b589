import { parse as parseCsv } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { z } from 'zod';
import { BaocaoError } from '../errors.ts';
import type { RawValueRow } from '../values/validate.ts';
import { type ValueColumn, columnOf } from './columns.ts';
import { FILE_LIMITS, LIMIT_NAMES, checkLimit, overLimit } from './limits.ts';
import { restoreCell } from '../format/safe-cell.ts';
import { checkXlsxShape } from './xlsx-shape.ts';
import { zipDirectory } from './zip-directory.ts';

export type FileFormat = 'csv' | 'xlsx' | 'json';

const invalidFile = (why: string, whyEn: string) =>
  new BaocaoError('INVALID_FILE', `Tệp không hợp lệ: ${why}`, `Invalid file: ${whyEn}`);

/** The format a file name claims (by extension). */
export function formatOf(filename: string): FileFormat {
  const ext = filename.toLowerCase().split('.').pop();
  if (ext === 'csv' || ext === 'xlsx' || ext === 'json') return ext;
  throw invalidFile(
    `không nhận dạng được định dạng "${filename}" (chỉ nhận .csv, .xlsx, .json)`,
    `unknown format "${filename}" (.csv, .xlsx or .json)`,
  );
}

/** Turns a header row plus data rows into value rows; the header is spreadsheet row `headerRow`. */
function fromTable(header: unknown[], rows: Iterable<unknown[]>, headerRow: number): RawValueRow[] {
  const toRow = tableRowsOf(header, headerRow);
  const out: RawValueRow[] = [];
  let i = 0;
  for (const cells of rows) toRow(cells, i++, out);
  return out;
}

/**
 * Checks a header row (columns, duplicates, the four needed) and returns what reads the `i`-th data
 * row after it into `out` (a blank row is skipped, its number kept).
 */
export function tableRowsOf(
  header: unknown[],
  headerRow: number,
): (cells: unknown[], i: number, out: RawValueRow[]) => void {
  checkLimit('columns', header.length);
  const columns = header.map((h) => (h === null || h === undefined ? null : columnOf(String(h))));
  const duplicated = columns.flatMap((c, j) =>
    c !== null && columns.indexOf(c) !== j ? [{ c, first: columns.indexOf(c), again: j }] : [],
  );
  if (duplicated.length > 0) {
    throw new BaocaoError(
      'DUPLICATE_COLUMN',
      `Cột bị lặp: ${duplicated.map((d) => `${d.c} (cột ${d.first + 1} và ${d.again + 1})`).join(', ')}; mỗi cột chỉ được có một lần`,
      `Duplicated column(s): ${duplicated.map((d) => `${d.c} (columns ${d.first + 1} and ${d.again + 1})`).join(', ')}; each column may appear once`,
      {
        details: duplicated.map((d) => ({
          row: headerRow,
          field: d.c,
          code: 'DUPLICATE_COLUMN',
          message: `Cột "${d.c}" xuất hiện ở cột ${d.first + 1} và cột ${d.again + 1}`,
          messageEn: `Column "${d.c}" appears in columns ${d.first + 1} and ${d.again + 1}`,
        })),
      },
    );
  }
  const missing = (['indicator', 'unit', 'period', 'value'] as const).filter((c) => !columns.includes(c));
  if (missing.length) {
    throw new BaocaoError(
      'MISSING_COLUMN',
      `Thiếu cột: ${missing.join(', ')} (dòng tiêu đề phải có Mã chỉ tiêu, Mã đơn vị, Kỳ, Giá trị)`,
      `Missing column(s): ${missing.join(', ')} (the header needs indicator, unit, period, value)`,
      {
        details: missing.map((field) => ({
          row: headerRow,
          field,
          code: 'MISSING_COLUMN',
          message: `Thiếu cột ${field}`,
          messageEn: `Missing column ${field}`,
        })),
      },
    );
  }
  return (cells, i, out) => {
    const row = headerRow + 1 + i;
    if (cells.every((c) => c === null || c === undefined || String(c).trim() === '')) return;
    checkLimit('rows', out.length + 1);
    const r: RawValueRow = { row };
    columns.forEach((c: ValueColumn | null, j) => {
      const v = cells[j];
      if (!c || v === null || v === undefined) return;
      if (c === 'value') r.value = typeof v === 'number' ? v : String(v);
      else r[c] = restoreCell(String(v));
    });
    out.push(r);
  };
}

/** Each cell's text within the cell limit, and the count of cells within the file's. */
function checkCells(records: unknown[][]): void {
  let cells = 0;
  for (const rec of records) {
    cells += rec.length;
    for (const c of rec) if (typeof c === 'string') checkLimit('cellChars', c.length);
  }
  checkLimit('cells', cells);
}

function parseCsvBuffer(data: Buffer): RawValueRow[] {
  const t = readCsvTable(data);
  return fromTable(t.header, t.rows, t.headerRow);
}

/** A file's table as read: its header row, its data rows, and the header's spreadsheet row. */
export interface FileTable {
  header: unknown[];
  rows: Iterable<unknown[]>;
  headerRow: number;
}

function readCsvTable(data: Buffer): FileTable {
  const text = decodeCsv(data);
  return csvTable(plainCsvRecords(text) ?? parseQuotedCsv(text));
}

/** A CSV's text, refused if it is not text or not UTF-8 (a byte-order mark is dropped). */
function decodeCsv(data: Buffer): string {
  if (data.includes(0))
    throw invalidFile(
      'tệp CSV chứa byte nhị phân (có thể là tệp Excel đổi tên)',
      'the CSV contains binary bytes (a renamed spreadsheet?)',
    );
  const text = new TextDecoder('utf-8', { fatal: false }).decode(data).replace(/^\uFEFF/, '');
  if (text.includes('\uFFFD'))
    throw invalidFile(
      'tệp CSV không phải UTF-8; hãy lưu lại với mã hóa UTF-8',
      'the CSV is not UTF-8; save it as UTF-8',
    );
  return text;
}

/** A CSV's records as a table, once they are checked against the file's limits. */
function csvTable(records: string[][]): FileTable {
  if (records.length === 0) throw invalidFile('tệp rỗng', 'the file is empty');
  checkLimit('rows', records.length - 1);
  checkCells(records);
  return { header: records[0]!, rows: records.slice(1), headerRow: 1 };
}

/** The longest record csv-parse is allowed (see parseQuotedCsv); a longer one is over a cell's limit. */
export const MAX_RECORD_CHARS = FILE_LIMITS.cellChars * FILE_LIMITS.columns;

/**
 * The records of a CSV without any quote and with one kind of line break (what systems and
 * spreadsheets write for codes and numbers), read by splitting: the records csv-parse returns for
 * such a text, with the same limits, at a small part of its cost (csv-parse spent most of a
 * 280,000-row import's parsing). Null for any other text, which csv-parse reads.
 */
function plainCsvRecords(text: string): string[][] | null {
  const eol = plainBreak(text);
  return eol ? [...plainRecords(text, eol)] : null;
}

/** The line break of a CSV without quotes and with one kind of line break; null for any other. */
function plainBreak(text: string): '\n' | '\r\n' | null {
  if (text.includes('"')) return null;
  if (!text.includes('\r')) return '\n';
  const pairs = count(text, '\r\n');
  return pairs === count(text, '\r') && pairs === count(text, '\n') ? '\r\n' : null;
}

/** How many times `s` occurs in `text` (counted, not split: a large file's lines are not copied). */
function count(text: string, s: string): number {
  let n = 0;
  for (let at = text.indexOf(s); at !== -1; at = text.indexOf(s, at + s.length)) n++;
  return n;
}

function* plainRecords(text: string, eol: '\n' | '\r\n'): Generator<string[]> {
  // Like csv-parse's `to`: one record past the row limit is enough to know the file is over it.
  const most = FILE_LIMITS.rows + 2;
  let n = 0;
  for (const line of text.split(eol)) {
    if (line === '') continue;
    if (line.length > MAX_RECORD_CHARS) overLimit(LIMIT_NAMES.cellChars, FILE_LIMITS.cellChars);
    yield line.split(',');
    if (++n === most) return;
  }
}

function parseQuotedCsv(text: string): string[][] {
  let records: string[][];
  try {
    records = parseCsv(text, {
      relax_column_count: true,
      skip_empty_lines: true,
      // One record past the limit is enough to know the file is over it.
      to: FILE_LIMITS.rows + 2,
      max_record_size: MAX_RECORD_CHARS,
    });
  } catch (e) {
    if (e instanceof Error && 'code' in e && e.code === 'CSV_MAX_RECORD_SIZE')
      overLimit(LIMIT_NAMES.cellChars, FILE_LIMITS.cellChars);
    throw invalidFile(
      `CSV sai cấu trúc (${e instanceof Error ? e.message : e})`,
      `malformed CSV (${e instanceof Error ? e.message : e})`,
    );
  }
  return records;
}

function cellValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'object') {
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    if ('result' in v) return v.result ?? null;
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return v.text;
    if ('error' in v) return String(v.error);
  }
  return v;
}

async function parseXlsxBuffer(data: Buffer): Promise<RawValueRow[]> {
  const t = await readXlsxTable(data);
  return fromTable(t.header, t.rows, t.headerRow);
}

async function readXlsxTable(data: Buffer): Promise<FileTable> {
  const parts = data.subarray(0, 4).toString('binary') === 'PK\x03\x04' ? zipDirectory(data) : null;
  if (!parts) {
    throw invalidFile(
      'tệp .xlsx không phải bảng tính Excel (sai chữ ký tệp)',
      'the .xlsx file is not an Excel workbook (bad signature)',
    );
  }
  // What the archive declares is checked before anything is inflated.
  checkLimit(
    'inflatedBytes',
    parts.reduce((n, p) => n + p.size, 0),
  );
  checkXlsxShape(data, parts);
  // Loaded when a workbook is read, not with this module: exceljs takes seconds to load, and the
  // worker that reads a large CSV or JSON file would pay for it on every import.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    // exceljs declares its input as an ArrayBuffer; hand it a copy of exactly the file's bytes.
    const bytes = new ArrayBuffer(data.byteLength);
    new Uint8Array(bytes).set(data);
    await wb.xlsx.load(bytes);
  } catch (e) {
    throw invalidFile(
      `không đọc được bảng tính (${e instanceof Error ? e.message : e})`,
      `cannot read the workbook (${e instanceof Error ? e.message : e})`,
    );
  }
  const ws = wb.worksheets[0];
  if (!ws || ws.actualRowCount === 0) throw invalidFile('bảng tính rỗng', 'the workbook is empty');
  // Only the cells present are visited: a row holding one cell in column XFD costs one cell, not
  // 16,384 (reading by index would create every cell up to it).
  const table = new Map<number, unknown[]>();
  let cells = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const values: unknown[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      checkLimit('cells', ++cells);
      if (c > FILE_LIMITS.columns) return;
      const v = cellValue(cell.value);
      if (typeof v === 'string') checkLimit('cellChars', v.length);
      values[c - 1] = v;
    });
    table.set(r, values);
  });
  const first = Math.min(...table.keys());
  const last = Math.max(...table.keys());
  checkLimit('rows', table.size - 1);
  function* dataRows(): Generator<unknown[]> {
    for (let r = first + 1; r <= last; r++) yield table.get(r) ?? [];
  }
  const header = Array.from(table.get(first)!, (v) => v ?? null);
  return { header, rows: dataRows(), headerRow: first };
}

/**
 * Reads a CSV or XLSX file as a table, within the same limits as a value file (bytes, rows,
 * columns, cells, cell size; an XLSX measured from its zip directory before it is inflated), for
 * registries that import rows of their own shape.
 */
export async function readTableFile(data: Buffer, filename: string): Promise<FileTable> {
  const f = formatOf(filename);
  checkLimit('bytes', data.length);
  if (f === 'xlsx') return readXlsxTable(data);
  if (f === 'csv') return readCsvTable(data);
  throw invalidFile('chỉ nhận bảng tính .csv hoặc .xlsx', 'a .csv or .xlsx spreadsheet only');
}

const JsonRow = z.record(z.string(), z.unknown());

function parseJsonBuffer(data: Buffer): RawValueRow[] {
  let doc: unknown;
  try {
    doc = JSON.parse(data.toString('utf8'));
  } catch (e) {
    throw invalidFile(
      `JSON sai cú pháp (${e instanceof Error ? e.message : e})`,
      `malformed JSON (${e instanceof Error ? e.message : e})`,
    );
  }
  const list = Array.isArray(doc)
    ? doc
    : typeof doc === 'object' && doc !== null && 'values' in doc
      ? doc.values
      : null;
  if (!Array.isArray(list))
    throw invalidFile(
      'JSON phải là một mảng giá trị hoặc {"values": [...]}',
      'JSON must be an array of values or {"values": [...]}',
    );
  checkLimit('rows', list.length);
  return list.map((item: unknown, i): RawValueRow => {
    const parsed = JsonRow.safeParse(item);
    const o = parsed.success ? parsed.data : {};
    const get = (k: string) => o[k];
    const text = (k: string) => (get(k) === undefined || get(k) === null ? null : String(get(k)));
    const value = get('value');
    return {
      row: i + 1,
      indicator: text('indicator'),
      unit: text('unit'),
      period: text('period'),
      value: typeof value === 'number' ? value : text('value'),
      status: text('status'),
      note: text('note'),
    };
  });
}

/** Reads a value file, checking that it is what its name claims; row numbers are the file's own. */
export async function parseValueFile(
  data: Buffer,
  filename: string,
  format?: FileFormat,
): Promise<RawValueRow[]> {
  const f = format ?? formatOf(filename);
  checkLimit('bytes', data.length);
  if (f === 'xlsx') return parseXlsxBuffer(data);
  if (f === 'json') return parseJsonBuffer(data);
  return parseCsvBuffer(data);
}
