import { setTimeout as sleep } from 'node:timers/promises';
import { BaocaoError, tooLarge } from '../errors.ts';
import type { RawValueRow } from '../values/validate.ts';
import { bytesToTransfer, siblingModule, startWorker } from '../workers.ts';
import { FILE_LIMITS, LIMIT_NAMES, overLimit } from './limits.ts';
import { ParseReply, fromColumns } from './parse-messages.ts';
import { type FileFormat, formatOf, parseValueFile } from './parse-file.ts';
import { type PlainCsv, plainCsv, readPlainCsv } from './plain-csv.ts';

/** Files up to this size are read on the caller's thread: a few milliseconds, within every limit. */
const IN_THREAD_BYTES = 256 * 1024;
/** What a parse worker may use: past it, the worker (not the server) dies and the file is refused. */
const WORKER_HEAP_MB = 1024;
const WORKER_TIME_MS = 120_000;

const outOfMemory = () =>
  tooLarge(
    `Tệp quá lớn: đọc tệp cần hơn ${WORKER_HEAP_MB} MB bộ nhớ; hãy chia thành nhiều tệp`,
    `File too large: reading it needs more than ${WORKER_HEAP_MB} MB of memory; split it into several files`,
  );

/**
 * A large plain CSV checked and ready to be read in chunks of `size` rows (see plainCsv), so its
 * first rows can be stored while the rest are read; null for any other file (read it whole with
 * {@link readValueFile}, which is given the same bytes untouched).
 */
export async function readValueChunks(
  data: Buffer,
  filename: string,
  format: FileFormat | undefined,
  size: number,
): Promise<PlainCsv | null> {
  if (data.length <= IN_THREAD_BYTES || (format ?? formatOf(filename)) !== 'csv') return null;
  return plainCsv(data, size);
}

/**
 * Reads a value file like {@link parseValueFile}, but a file larger than a few hundred kilobytes
 * (other than a plain CSV, split on this thread in turns) is read in a worker thread with bounded
 * memory and time, so a slow or hostile file never blocks the server's thread or takes the process
 * down. Same rows, same errors. The worker takes `data`'s memory over: the caller must not read
 * `data` afterwards.
 */
export async function readValueFile(
  data: Buffer,
  filename: string,
  format?: FileFormat,
): Promise<RawValueRow[]> {
  if (data.length > FILE_LIMITS.bytes) overLimit(LIMIT_NAMES.bytes, FILE_LIMITS.bytes, data.length);
  if (data.length <= IN_THREAD_BYTES) return parseValueFile(data, filename, format);
  // A plain CSV is split here in turns, with no parser to guard against (see readPlainCsv).
  if ((format ?? formatOf(filename)) === 'csv') {
    const rows = await readPlainCsv(data);
    if (rows) return rows;
  }
  // The worker takes the bytes over: the fallback below (no worker) reads them before any transfer.
  const bytes = bytesToTransfer(data);
  const worker = startWorker(siblingModule('parse-worker', import.meta.url), {
    workerData: { bytes, filename, ...(format ? { format } : {}) },
    transferList: [bytes.buffer],
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 64 },
  });
  if (!worker) return parseValueFile(data, filename, format);
  const rows: RawValueRow[] = [];
  const timer = new AbortController();
  try {
    return await new Promise<RawValueRow[]>((resolve, reject) => {
      worker.on('message', (raw: unknown) => {
        const m = ParseReply.parse(raw);
        if ('columns' in m) fromColumns(m.columns, rows);
        else if ('done' in m) resolve(rows);
        else {
          const { code, message, messageEn, details, status } = m.error;
          reject(new BaocaoError(code, message, messageEn, { details, status }));
        }
      });
      worker.on('error', (e) =>
        reject('code' in e && e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? outOfMemory() : e),
      );
      worker.on('exit', () => reject(outOfMemory()));
      sleep(WORKER_TIME_MS, undefined, { signal: timer.signal }).then(
        () =>
          reject(
            tooLarge(
              `Tệp quá lớn: đọc tệp quá ${WORKER_TIME_MS / 1000} giây; hãy chia thành nhiều tệp`,
              `File too large: reading it took over ${WORKER_TIME_MS / 1000} s; split it into several files`,
            ),
          ),
        () => undefined,
      );
    });
  } finally {
    timer.abort();
    await worker.terminate();
  }
}
