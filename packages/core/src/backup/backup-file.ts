import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { BaocaoError } from '../errors.ts';

/** The error for a backup path that cannot be used, with the reason. */
export const backupPathError = (file: string, vi: string, en: string) =>
  new BaocaoError('BACKUP_PATH', `Không dùng được tệp ${file}: ${vi}`, `Cannot use the file ${file}: ${en}`);

/** Refuses a backup target whose folder is missing (before any work), naming it. */
export function checkBackupTarget(file: string): void {
  const dir = dirname(resolve(file));
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw backupPathError(file, `thư mục ${dir} không tồn tại`, `the folder ${dir} does not exist`);
}

/** Refuses a backup to restore that is missing or not a file (before the store is opened). */
export function checkBackupSource(file: string): void {
  if (!existsSync(file))
    throw new BaocaoError('FILE_NOT_FOUND', `Không có tệp ${file}`, `No such file: ${file}`, { status: 404 });
  if (!statSync(file).isFile()) throw backupPathError(file, 'đây không phải một tệp', 'it is not a file');
}

/**
 * Writes a file all or nothing: `write` fills a temporary file beside the target (mode 0600: a
 * backup holds password hashes and unreleased figures), which is flushed to disk and then renamed
 * over the target, and the folder flushed. A process killed at any moment leaves the previous file
 * whole (and at worst a temporary file named `.<name>.tmp-…`, never the target half-written).
 */
export async function writeFileAtomically(
  file: string,
  write: (tmp: string) => Promise<void>,
): Promise<void> {
  checkBackupTarget(file);
  const dir = dirname(resolve(file));
  const tmp = join(dir, `.${basename(file)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  // Created empty and private first, so nothing else can open it before the data is in.
  await (await open(tmp, 'wx', 0o600)).close();
  try {
    await write(tmp);
    const fh = await open(tmp, 'r+');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
  const d = await open(dir, 'r');
  try {
    await d.sync(); // the rename itself survives a power cut
  } finally {
    await d.close();
  }
}
