import type { Ctx } from '../context.ts';
import { BaocaoError } from '../errors.ts';
import { restoreCell } from '../format/safe-cell.ts';
import { fold } from '../imports/columns.ts';
import { overLimit } from '../imports/limits.ts';
import { readTableFile } from '../imports/parse-file.ts';
import { requireAccess } from '../access/access.ts';
import type { InfosystemImportResult } from './infosys-schemas.ts';
import { declareInfosystems } from './infosystems.ts';

/** Rows one registry file may hold: a ministry's or a province's systems, with room to spare. */
export const INFOSYS_MAX_ROWS = 5000;

/** Header names people write for each field (Vietnamese or English; accents and case ignored). */
const ALIASES: Record<string, string[]> = {
  owner: ['owner', 'mã đơn vị', 'đơn vị chủ quản', 'chủ quản'],
  name: ['name', 'tên hệ thống', 'hệ thống', 'tên hệ thống thông tin'],
  purpose: ['purpose', 'mục đích', 'mục đích sử dụng'],
  proposedLevel: ['proposedLevel', 'cấp độ đề xuất'],
  approvedLevel: ['approvedLevel', 'cấp độ được phê duyệt', 'cấp độ phê duyệt'],
  decisionNumber: ['decisionNumber', 'số quyết định', 'số quyết định phê duyệt'],
  decisionDate: ['decisionDate', 'ngày quyết định', 'ngày phê duyệt'],
  approver: ['approver', 'người phê duyệt', 'cơ quan phê duyệt'],
  protection: ['protection', 'trạng thái bảo đảm an toàn', 'bảo đảm an toàn', 'trạng thái triển khai'],
  deployedOn: ['deployedOn', 'ngày triển khai xong', 'ngày hoàn thành triển khai'],
  lastCheckOn: ['lastCheckOn', 'ngày kiểm tra', 'kiểm tra, diễn tập gần nhất', 'ngày diễn tập'],
  inServiceFrom: ['inServiceFrom', 'ngày vận hành', 'ngày đưa vào vận hành'],
  retiredOn: ['retiredOn', 'ngày dừng vận hành', 'ngày dừng'],
};
const LOOKUP = new Map(
  Object.entries(ALIASES).flatMap(([k, names]) => names.map((n) => [fold(n), k] as const)),
);

const PROTECTION: Record<string, string> = {
  [fold('kế hoạch')]: 'planned',
  [fold('có kế hoạch')]: 'planned',
  [fold('chưa triển khai')]: 'planned',
  [fold('đang triển khai')]: 'deploying',
  [fold('đã triển khai')]: 'deployed',
};

/** A spreadsheet's cell as the record's field: dates as written in Vietnam (28/8/2024) read as ISO. */
function cell(field: string, v: unknown): unknown {
  if (v === null || v === undefined || String(v).trim() === '') return undefined;
  const s = typeof v === 'number' ? v : restoreCell(String(v)).trim();
  if (typeof s === 'string' && /On$|Date$|From$/.test(field)) {
    const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
    if (m) return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  }
  if (field === 'protection' && typeof s === 'string') return PROTECTION[fold(s)] ?? s;
  return s;
}

/**
 * Imports a CSV or XLSX list of systems through the same bounded reader as value files, then the
 * same all-or-nothing declaration as the page: every row validated, errors by the file's row and
 * field, nothing written on any error; the rows wait for an officer's approval.
 */
export async function importInfosystems(
  ctx: Ctx,
  input: { data: Buffer; filename: string },
): Promise<InfosystemImportResult> {
  requireAccess(ctx, 'form.write');
  const t = await readTableFile(input.data, input.filename);
  const columns = t.header.map((h) =>
    h === null || h === undefined ? null : (LOOKUP.get(fold(String(h))) ?? null),
  );
  const missing = ['owner', 'name', 'proposedLevel'].filter((c) => !columns.includes(c));
  if (missing.length)
    throw new BaocaoError(
      'MISSING_COLUMN',
      `Thiếu cột: ${missing.join(', ')} (dòng tiêu đề phải có Mã đơn vị, Tên hệ thống, Cấp độ đề xuất)`,
      `Missing column(s): ${missing.join(', ')} (the header needs owner, name, proposedLevel)`,
      {
        details: missing.map((field) => ({
          row: t.headerRow,
          field,
          code: 'MISSING_COLUMN',
          message: `Thiếu cột ${field}`,
          messageEn: `Missing column ${field}`,
        })),
      },
    );
  const rows: Record<string, unknown>[] = [];
  const rowNumbers: number[] = [];
  let i = 0;
  for (const cells of t.rows) {
    const row = t.headerRow + 1 + i++;
    if (cells.every((c) => c === null || c === undefined || String(c).trim() === '')) continue;
    if (rows.length >= INFOSYS_MAX_ROWS)
      overLimit({ vi: 'số hệ thống trong một tệp', en: 'systems in one file' }, INFOSYS_MAX_ROWS);
    const r: Record<string, unknown> = {};
    columns.forEach((c, j) => {
      const v = c ? cell(c, cells[j]) : undefined;
      if (c && v !== undefined) r[c] = v;
    });
    rows.push(r);
    rowNumbers.push(row);
  }
  if (!rows.length)
    throw new BaocaoError('EMPTY_FILE', 'Tệp không có dòng dữ liệu nào', 'The file has no data rows');
  return declareInfosystems(ctx, rows, { rowNumbers });
}
