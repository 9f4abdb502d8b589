import { parse } from 'csv-parse/sync';
import { BaocaoError, type FieldError } from '../errors.ts';

/** The rows of a small CSV file with a header (names lower-cased), or INVALID_FILE. */
export function csvRows(data: Buffer, filename: string): Record<string, string>[] {
  try {
    return parse(data, {
      columns: (h: string[]) => h.map((x) => x.trim().toLowerCase()),
      trim: true,
      skip_empty_lines: true,
      bom: true,
    });
  } catch (e) {
    throw new BaocaoError(
      'INVALID_FILE',
      `Tệp ${filename} không phải CSV hợp lệ; kiểm tra dấu phẩy và dòng tiêu đề`,
      `${filename} is not valid CSV: ${String(e)}`,
    );
  }
}

/** Collects errors of spreadsheet rows (row 1 is the header) in Vietnamese and English. */
export function rowErrors() {
  const errors: FieldError[] = [];
  const at = (row: number) => (field: string, code: string, vi: string, en: string) =>
    errors.push({ row, field, code, message: `Dòng ${row}: ${vi}`, messageEn: `Row ${row}: ${en}` });
  return { errors, at };
}
