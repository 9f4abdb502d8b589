import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { BaocaoError } from '../errors.ts';
import type { RawValueRow } from '../values/validate.ts';
import { type ValueColumn, columnOf } from './columns.ts';

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
function fromTable(header: unknown[], rows: unknown[][], headerRow: number): RawValueRow[] {
  const columns = header.map((h) => (h === null || h === undefined ? null : columnOf(String(h))));
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
  const out: RawValueRow[] = [];
  rows.forEach((cells, i) => {
    if (cells.every((c) => c === null || c === undefined || String(c).trim() === '')) return;
    const r: RawValueRow = { row: headerRow + 1 + i };
    columns.forEach((c: ValueColumn | null, j) => {
      const v = cells[j];
      if (!c || v === null || v === undefined) return;
      if (c === 'value') r.value = typeof v === 'number' ? v : String(v);
      else r[c] = String(v);
    });
    out.push(r);
  });
  return out;
}

function parseCsvBuffer(data: Buffer): RawValueRow[] {
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
  let records: string[][];
  try {
    records = parseCsv(text, { relax_column_count: true, skip_empty_lines: true });
  } catch (e) {
    throw invalidFile(
      `CSV sai cấu trúc (${e instanceof Error ? e.message : e})`,
      `malformed CSV (${e instanceof Error ? e.message : e})`,
    );
  }
  if (records.length === 0) throw invalidFile('tệp rỗng', 'the file is empty');
  return fromTable(records[0]!, records.slice(1), 1);
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
  if (data.subarray(0, 4).toString('binary') !== 'PK\x03\x04') {
    throw invalidFile(
      'tệp .xlsx không phải bảng tính Excel (sai chữ ký tệp)',
      'the .xlsx file is not an Excel workbook (bad signature)',
    );
  }
  const wb = new ExcelJS.Workbook();
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
  if (!ws || ws.rowCount === 0) throw invalidFile('bảng tính rỗng', 'the workbook is empty');
  const table: unknown[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: unknown[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, 1); c++) cells.push(cellValue(row.getCell(c).value));
    table.push(cells);
  }
  return fromTable(table[0]!, table.slice(1), 1);
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
  if (f === 'xlsx') return parseXlsxBuffer(data);
  if (f === 'json') return parseJsonBuffer(data);
  return parseCsvBuffer(data);
}
