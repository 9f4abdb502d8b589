// A worker thread that reads one value file (parse-file.ts) so the server's thread stays free to
// answer other requests; it sends the rows back in batches, or the error the file deserves.
import { parentPort, workerData } from 'node:worker_threads';
import { BaocaoError } from '../errors.ts';
import { ParseJob, ROW_BATCH, toColumns } from './parse-messages.ts';
import { parseValueFile } from './parse-file.ts';

const port = parentPort;
if (!port) throw new Error('parse-worker.ts runs only as a worker thread');
const job = ParseJob.parse(workerData);
try {
  const rows = await parseValueFile(Buffer.from(job.bytes), job.filename, job.format);
  for (let i = 0; i < rows.length; i += ROW_BATCH)
    port.postMessage({ columns: toColumns(rows.slice(i, i + ROW_BATCH)) });
  port.postMessage({ done: true });
} catch (e) {
  if (!(e instanceof BaocaoError)) throw e;
  port.postMessage({ error: { ...e.toJSON(), details: e.details, status: e.status } });
}
