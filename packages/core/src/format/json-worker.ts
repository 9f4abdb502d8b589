// A worker thread that parses one large JSON body (json-numbers.ts) off the server's thread, then
// sends the value back in pieces (json-pieces.ts), one each time the server asks for more, so the
// server decodes a small message at a time and answers other requests in between.
import { parentPort, workerData } from 'node:worker_threads';
import { BaocaoError } from '../errors.ts';
import { parseJsonExact } from './json-numbers.ts';
import { type PieceMessage, pieces } from './json-pieces.ts';

const port = parentPort;
if (!port) throw new Error('json-worker.ts runs only as a worker thread');
const bytes: unknown =
  typeof workerData === 'object' && workerData !== null ? Reflect.get(workerData, 'bytes') : null;
if (!(bytes instanceof Uint8Array)) throw new Error('json-worker.ts needs { bytes: Uint8Array }');

function failure(e: unknown): PieceMessage {
  if (e instanceof BaocaoError)
    return {
      kind: 'error',
      name: 'BaocaoError',
      code: e.code,
      message: e.message,
      messageEn: e.messageEn,
      status: e.status,
    };
  if (e instanceof SyntaxError) return { kind: 'error', name: 'SyntaxError', message: e.message };
  throw e;
}

let next: Iterator<PieceMessage>;
try {
  next = pieces(parseJsonExact(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8')));
} catch (e) {
  next = [failure(e)].values();
}
const send = () => {
  const r = next.next();
  port.postMessage(r.done ? { kind: 'done' } : r.value);
};
port.on('message', send);
send();
