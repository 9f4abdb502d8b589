import ExcelJS from 'exceljs';
import { safeCell } from './safe-cell.ts';

/** The formats a table of values travels in. */
export type TableFormat = 'csv' | 'xlsx' | 'json';

/**
 * How a CSV is written: the machine-friendly form (`,` between cells, `.` in decimals), or the one a
 * spreadsheet set to Vietnamese opens as numbers (`;` between cells, `,` in decimals — the list and
 * decimal separators of the vi-VN locale in Excel and LibreOffice).
 */
export type CsvDialect = 'plain' | 'vi';

const csvCell = (v: unknown, dialect: CsvDialect = 'plain') => {
  const s =
    v === null || v === undefined
      ? ''
      : typeof v === 'number' && dialect === 'vi'
        ? String(v).replace('.', ',')
        : String(safeCell(v));
  const special = dialect === 'vi' ? /[";\n\r]/ : /[",\n\r]/;
  return special.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Serialises rows as CSV (UTF-8 with BOM, so Excel shows Vietnamese; either dialect), XLSX or JSON. */
export async function serializeTable<R extends object>(
  columns: readonly (keyof R & string)[],
  rows: R[],
  format: TableFormat,
  names: {
    json: string;
    sheet: string;
    headers?: Partial<Record<keyof R & string, string>>;
    dialect?: CsvDialect;
  },
): Promise<Buffer> {
  const header = (c: keyof R & string) => names.headers?.[c] ?? c;
  if (format === 'json') return Buffer.from(JSON.stringify({ [names.json]: rows }, null, 2));
  if (format === 'csv') {
    const d = names.dialect ?? 'plain';
    const sep = d === 'vi' ? ';' : ',';
    const lines = [
      columns.map((c) => csvCell(header(c), d)).join(sep),
      ...rows.map((r) => columns.map((c) => csvCell(r[c], d)).join(sep)),
    ];
    return Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n');
  }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(names.sheet);
  ws.columns = columns.map((c) => ({ header: header(c), key: c, width: c === 'note' ? 40 : 16 }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(columns.map((c) => safeCell(r[c])));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const plainCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * CSV for programs (DHIS2, SDMX-CSV, open data): RFC 4180 quoting, no byte-order mark. The machine
 * exchange formats (DHIS2, SDMX-CSV) carry no spreadsheet-formula guard, since their reader is
 * software that must get the values exactly; with `guard` (files for the public, who open them in
 * a spreadsheet) text that would start a formula is neutralised as in every export ({@link safeCell}).
 */
export function plainCsv(
  header: readonly string[],
  rows: readonly (readonly unknown[])[],
  opts: { guard?: boolean } = {},
): Buffer {
  const cell = opts.guard ? (v: unknown) => plainCell(safeCell(v)) : plainCell;
  return Buffer.from([header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n');
}
