// A worker thread's share of a large feed: it parses the chunks it is sent and returns what it
// found (see feed-read.ts). The main thread keeps reading, hashing and dispatching meanwhile.
import { parentPort, workerData } from 'node:worker_threads';
import { z } from 'zod';
import { FeedLayout, FeedParser } from './feed-parse.ts';

const Setup = z.object({ layout: FeedLayout, latestMonth: z.number().optional() });
const Message = z.union([
  z.object({ index: z.number(), bytes: z.instanceof(Uint8Array) }),
  z.object({ end: z.literal(true) }),
]);

const port = parentPort;
if (!port) throw new Error('feed-worker.ts runs only as a worker thread');
const setup = Setup.parse(workerData);
const parser = new FeedParser(setup.layout, setup.latestMonth);
port.on('message', (raw: unknown) => {
  const m = Message.parse(raw);
  if ('index' in m) {
    parser.parseChunk(m.bytes, m.index);
    port.postMessage({ ack: m.index });
    return;
  }
  const part = parser.result();
  port.postMessage(
    { part },
    part.months.map(([, v4]) => v4.buffer),
  );
});
