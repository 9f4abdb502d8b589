import type { Worker } from 'node:worker_threads';
import { siblingModule, startWorker } from '../workers.ts';
import { z } from 'zod';
import { type FeedLayout, FeedPart } from './feed-parse.ts';

/** Chunks a worker may hold at once: memory stays bounded however fast the feed arrives. */
const IN_FLIGHT = 2;

const Reply = z.union([z.object({ ack: z.number() }), z.object({ part: FeedPart })]);

interface Slot {
  worker: Worker;
  load: { inFlight: number };
  part: Promise<FeedPart>;
}

/**
 * Worker threads parsing a feed's chunks (feed-worker.ts). The code is TypeScript run through tsx,
 * so each worker registers tsx before loading it; where tsx cannot be found there are no workers
 * and the caller parses on its own thread.
 */
export class WorkerPool {
  private wake: (() => void)[] = [];
  private failure: Error | null = null;

  private constructor(private readonly slots: Slot[]) {}

  static start(n: number, setup: { layout: FeedLayout; latestMonth: number | undefined }): WorkerPool | null {
    const entry = siblingModule('feed-worker', import.meta.url);
    const slots: Slot[] = [];
    const pool = new WorkerPool(slots);
    for (let i = 0; i < n; i++) {
      const worker = startWorker(entry, { workerData: setup });
      if (!worker) return null;
      const load = { inFlight: 0 };
      let done = false;
      const part = new Promise<FeedPart>((resolve, reject) => {
        const fail = (e: Error) => {
          if (done) return;
          done = true;
          pool.failure ??= e;
          pool.wakeAll();
          reject(e);
        };
        worker.on('message', (raw: unknown) => {
          const r = Reply.parse(raw);
          if ('ack' in r) {
            load.inFlight--;
            pool.wakeAll();
            return;
          }
          done = true;
          resolve(r.part);
        });
        worker.on('error', fail);
        worker.on('exit', (code) => fail(new Error(`feed worker exited (${code}) before it finished`)));
      });
      part.catch(() => {}); // observed through `failure` and `finish`
      slots.push({ worker, load, part });
    }
    return pool;
  }

  private wakeAll(): void {
    for (const w of this.wake.splice(0)) w();
  }

  /**
   * Hands a chunk to the least busy worker, waiting while all are full. The chunk's whole buffer
   * moves to the worker (no copy): the caller must own it and not touch it again.
   */
  async push(chunk: Uint8Array<ArrayBuffer>, index: number): Promise<void> {
    for (;;) {
      if (this.failure) throw this.failure;
      const slot = this.slots.reduce((a, b) => (b.load.inFlight < a.load.inFlight ? b : a));
      if (slot.load.inFlight < IN_FLIGHT) {
        slot.load.inFlight++;
        slot.worker.postMessage({ index, bytes: chunk }, [chunk.buffer]);
        return;
      }
      await new Promise<void>((r) => this.wake.push(r));
    }
  }

  /** Every worker's part, once each has parsed all it was sent. */
  async finish(): Promise<FeedPart[]> {
    for (const s of this.slots) s.worker.postMessage({ end: true });
    return Promise.all(this.slots.map((s) => s.part));
  }

  async terminate(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
