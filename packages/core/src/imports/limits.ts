import { tooLarge } from '../errors.ts';

/**
 * What one value file may hold. Every reader checks these as it goes, before the work they bound
 * is done, so no file can make the server walk or allocate more than this.
 */
export const FILE_LIMITS = {
  /** Bytes of the file as sent. */
  bytes: 64 * 1024 * 1024,
  /** Bytes of an XLSX's parts once inflated, as its zip directory declares them. */
  inflatedBytes: 256 * 1024 * 1024,
  /** Data rows (not counting the header). */
  rows: 500_000,
  /** Columns of the header row. */
  columns: 64,
  /** Cells present in the whole sheet or file. */
  cells: 5_000_000,
  /** Characters of one cell (Excel's own limit). */
  cellChars: 32_767,
};

const vi = (n: number) => n.toLocaleString('vi-VN');
const en = (n: number) => n.toLocaleString('en-US');

/** The FILE_TOO_LARGE error for one limit: what was found against what we accept. */
export function overLimit(what: { vi: string; en: string }, limit: number, found?: number): never {
  const seen = found === undefined ? '' : ` (${vi(found)})`;
  const seenEn = found === undefined ? '' : ` (${en(found)})`;
  throw tooLarge(
    `Tệp quá lớn: ${what.vi}${seen} vượt giới hạn ${vi(limit)}; hãy chia thành nhiều tệp`,
    `File too large: ${what.en}${seenEn} over the limit of ${en(limit)}; split it into several files`,
  );
}

export const LIMIT_NAMES = {
  bytes: { vi: 'dung lượng tệp (byte)', en: 'file size (bytes)' },
  inflatedBytes: { vi: 'dung lượng bảng tính khi giải nén (byte)', en: 'inflated workbook size (bytes)' },
  rows: { vi: 'số dòng dữ liệu', en: 'data rows' },
  columns: { vi: 'số cột của dòng tiêu đề', en: 'header columns' },
  cells: { vi: 'số ô có dữ liệu', en: 'cells present' },
  cellChars: { vi: 'số ký tự của một ô', en: 'characters in one cell' },
} satisfies Record<keyof typeof FILE_LIMITS, { vi: string; en: string }>;

/** Throws FILE_TOO_LARGE when `found` is over the named limit. */
export function checkLimit(name: keyof typeof FILE_LIMITS, found: number): void {
  if (found > FILE_LIMITS[name]) overLimit(LIMIT_NAMES[name], FILE_LIMITS[name], found);
}
