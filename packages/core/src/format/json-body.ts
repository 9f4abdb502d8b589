import { setTimeout as sleep } from 'node:timers/promises';
import { BaocaoError, tooLarge } from '../errors.ts';
import { bytesToTransfer, siblingModule, startWorker } from '../workers.ts';
import { parseJsonExact } from './json-numbers.ts';
import { z } from 'zod';
import { type PieceMessage, assembler } from './json-pieces.ts';

const Path = z.array(z.union([z.string(), z.number()]));
/** The messages of a JSON worker, checked as they arrive (json-pieces.ts says what each carries). */
const PieceReply: z.ZodType<PieceMessage> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('root'), root: z.unknown() }),
  z.object({ kind: z.literal('items'), path: Path, items: z.array(z.unknown()) }),
  z.object({ kind: z.literal('entries'), path: Path, entries: z.array(z.tuple([z.string(), z.unknown()])) }),
  z.object({ kind: z.literal('done') }),
  z.object({
    kind: z.literal('error'),
    name: z.string(),
    code: z.string().optional(),
    message: z.string(),
    messageEn: z.string().optional(),
    status: z.number().optional(),
  }),
]);

/** Bodies up to this size are parsed on the caller's thread: a few milliseconds at most. */
export const JSON_IN_THREAD_BYTES = 256 * 1024;
/** What a JSON worker may use: past it, the worker (not the server) dies and the body is refused. */
const WORKER_HEAP_MB = 1024;
const WORKER_TIME_MS = 120_000;

const refused = (vi: string, en: string) =>
  tooLarge(
    `Nội dung JSON quá lớn: ${vi}; hãy chia thành nhiều lần gửi`,
    `JSON body too large: ${en}; split it into several requests`,
  );

/** The error a worker reported, as the same kind of error the caller's thread would have thrown. */
function rethrown(m: Extract<PieceMessage, { kind: 'error' }>): Error {
  if (m.name === 'SyntaxError') return new SyntaxError(m.message);
  return new BaocaoError(m.code ?? 'INVALID_JSON', m.message, m.messageEn ?? m.message, {
    status: m.status ?? 400,
  });
}

/**
 * Reads a JSON request body as {@link parseJsonExact} does (numbers exact, nesting bounded, no
 * `__proto__` key). A body over {@link JSON_IN_THREAD_BYTES} is parsed in a worker thread with
 * bounded memory and time, and comes back in small pieces, so no body of any size or shape holds
 * the caller's thread for more than a moment. Same value, same errors. The worker takes `data`'s
 * memory over: the caller must not read `data` afterwards.
 */
export async function readJsonBody(data: Buffer): Promise<unknown> {
  if (data.length <= JSON_IN_THREAD_BYTES) return parseJsonExact(data.toString('utf8'));
  const bytes = bytesToTransfer(data);
  const worker = startWorker(siblingModule('json-worker', import.meta.url), {
    workerData: { bytes },
    transferList: [bytes.buffer],
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 64 },
  });
  if (!worker) return parseJsonExact(Buffer.from(bytes.buffer).toString('utf8'));
  const timer = new AbortController();
  try {
    return await new Promise<unknown>((resolve, reject) => {
      let built: ReturnType<typeof assembler> | null = null;
      worker.on('message', (raw: unknown) => {
        try {
          const m = PieceReply.parse(raw);
          if (m.kind === 'error') return reject(rethrown(m));
          if (m.kind === 'done') return resolve(built?.value);
          if (m.kind === 'root') built = assembler(m.root);
          else if (built) built.add(m);
          worker.postMessage('more');
        } catch (e) {
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      });
      worker.on('error', (e) =>
        reject(
          'code' in e && e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? refused(
                `đọc cần hơn ${WORKER_HEAP_MB} MB bộ nhớ`,
                `reading it needs more than ${WORKER_HEAP_MB} MB of memory`,
              )
            : e,
        ),
      );
      worker.on('exit', () => reject(refused('bộ đọc dừng giữa chừng', 'the reader stopped before the end')));
      sleep(WORKER_TIME_MS, undefined, { signal: timer.signal }).then(
        () =>
          reject(
            refused(
              `đọc quá ${WORKER_TIME_MS / 1000} giây`,
              `reading it took over ${WORKER_TIME_MS / 1000} s`,
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
