import { BaocaoError } from '../errors.ts';
import { FILE_LIMITS, checkLimit } from './limits.ts';
import { type ZipEntry, readZipEntry } from './zip-directory.ts';

const tooWide = (cell: string) =>
  new BaocaoError(
    'FILE_TOO_LARGE',
    `Tệp quá lớn: ô ${cell} nằm ngoài ${FILE_LIMITS.columns} cột được đọc; xóa các cột thừa bên phải rồi gửi lại`,
    `File too large: cell ${cell} lies beyond the ${FILE_LIMITS.columns} columns we read; delete the extra columns on the right and send it again`,
    { status: 413 },
  );

const columnNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** The XML of the workbook's first sheet (the one a value file is read from), or null. */
function firstSheet(buf: Buffer, parts: ZipEntry[]): string | null {
  const read = (name: string) => {
    const e = parts.find((p) => p.name === name);
    return e ? readZipEntry(buf, e, FILE_LIMITS.inflatedBytes)?.toString('utf8') : undefined;
  };
  const workbook = read('xl/workbook.xml');
  const rels = read('xl/_rels/workbook.xml.rels');
  const id = workbook?.match(/<(?:\w+:)?sheet\b[^>]*?\b(?:\w+:)?id="([^"]+)"/)?.[1];
  if (!id || !rels) return null;
  const rel = [...rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].find((m) => m[0].includes(`Id="${id}"`));
  const target = rel?.[0].match(/Target="([^"]+)"/)?.[1];
  if (!target) return null;
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  return read(path) ?? null;
}

/**
 * Measures the first sheet from its XML before any spreadsheet library builds it: cells present,
 * rows, and the right-most column. A sheet over a limit is refused here, naming the limit, so a
 * few kilobytes of sparse cells far to the right cannot make the reader walk millions of cells.
 */
export function checkXlsxShape(buf: Buffer, parts: ZipEntry[]): void {
  const xml = firstSheet(buf, parts);
  if (xml === null) return; // the reader will say what is wrong with the workbook
  let cells = 0;
  for (const m of xml.matchAll(/<(?:\w+:)?c\b([^>]*)>/g)) {
    checkLimit('cells', ++cells);
    const ref = m[1]!.match(/\br="([A-Z]{1,3})(\d+)"/);
    if (ref && columnNumber(ref[1]!) > FILE_LIMITS.columns) throw tooWide(`${ref[1]}${ref[2]}`);
  }
  let rows = 0;
  for (const m of xml.matchAll(/<(?:\w+:)?row\b[^>]*?\br="(\d+)"/g)) rows = Math.max(rows, Number(m[1]));
  checkLimit('rows', rows - 1);
}
