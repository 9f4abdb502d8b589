/** The columns of a value file, and the header names people write for them (Vietnamese or English). */
export const VALUE_COLUMNS = ['indicator', 'unit', 'period', 'value', 'status', 'note'] as const;
export type ValueColumn = (typeof VALUE_COLUMNS)[number];

/** Template headers, in the order the template writes them. */
export const TEMPLATE_HEADERS: { key: ValueColumn | 'name' | 'measure'; vi: string; width: number }[] = [
  { key: 'indicator', vi: 'Mã chỉ tiêu', width: 26 },
  { key: 'name', vi: 'Tên chỉ tiêu', width: 50 },
  { key: 'measure', vi: 'Đơn vị tính', width: 14 },
  { key: 'unit', vi: 'Mã đơn vị', width: 12 },
  { key: 'period', vi: 'Kỳ', width: 14 },
  { key: 'value', vi: 'Giá trị', width: 16 },
  { key: 'status', vi: 'Trạng thái', width: 14 },
  { key: 'note', vi: 'Ghi chú', width: 30 },
];

/** A header or word with accents, case and punctuation ignored (how headers are matched). */
export const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

const ALIASES: Record<ValueColumn, string[]> = {
  indicator: ['indicator', 'mã chỉ tiêu', 'chỉ tiêu', 'ma_chi_tieu'],
  unit: ['unit', 'mã đơn vị', 'đơn vị', 'ma_don_vi', 'org_unit'],
  period: ['period', 'kỳ', 'kỳ báo cáo', 'ky'],
  value: ['value', 'giá trị', 'số liệu', 'gia_tri'],
  status: ['status', 'trạng thái', 'trang_thai'],
  note: ['note', 'ghi chú', 'ghi_chu'],
};

const LOOKUP = new Map<string, ValueColumn>(
  VALUE_COLUMNS.flatMap((c) => ALIASES[c].map((a): [string, ValueColumn] => [fold(a), c])),
);

/** Maps a header cell to its column (accents, case and punctuation ignored), or null. */
export const columnOf = (header: string): ValueColumn | null => LOOKUP.get(fold(header)) ?? null;
