// Requests on sockets of their own, for tests that time the server while it works: no keep-alive
// pool is shared between the request under test and the health checks watching it.
import { request } from 'node:http';

export interface Answer {
  status: number;
  body: string;
  ms: number;
}

/** One request to 127.0.0.1:`port` on a fresh socket, with its answer time. */
export function sendOnOwnSocket(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string | Buffer,
): Promise<Answer> {
  const t = performance.now();
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString(),
          ms: performance.now() - t,
        }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Asks /api/health every `everyMs` on fresh sockets until stopped; `stop` gives the slowest answer
 * time. `onAnswer` sees each answer (a test may assert on it).
 */
export function watchHealth(
  port: number,
  everyMs: number,
  onAnswer: (a: Answer) => void = () => undefined,
): { stop(): Promise<number> } {
  let running = true;
  let worst = 0;
  const loop = (async () => {
    while (running) {
      const a = await sendOnOwnSocket(port, 'GET', '/api/health', {});
      onAnswer(a);
      worst = Math.max(worst, a.ms);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return worst;
    },
  };
}

/** One try of an action watched by health checks: its result, the slowest health answer, the bound it had. */
export interface WatchedTry<T> {
  result: T;
  health: number;
  bound: number;
}

/**
 * Runs `act` while /api/health is asked every `everyMs`, until the slowest health answer stays under
 * `bound(quiet)` and `fine(result)` holds (say, an answer time within its budget), at most `tries` times. `quiet` is the slowest health answer with nothing of ours in
 * flight: `firstQuiet` (the run's baseline) for the first try, and for each retry, measured over the
 * half second just before it — what the machine adds at that moment. A stall the input causes repeats
 * on every try; one the scheduler of a busy machine causes does not, so only the last try counts.
 */
export async function watchedTries<T>(
  port: number,
  everyMs: number,
  act: () => Promise<T>,
  bound: (quiet: number) => number,
  firstQuiet: number,
  { tries = 3, fine = () => true }: { tries?: number; fine?: (result: T) => boolean } = {},
): Promise<WatchedTry<T>[]> {
  const out: WatchedTry<T>[] = [];
  let quiet = firstQuiet;
  for (let i = 0; i < tries; i++) {
    if (i > 0) {
      const idle = watchHealth(port, everyMs);
      await new Promise((r) => setTimeout(r, 500));
      quiet = await idle.stop();
    }
    const h = watchHealth(port, everyMs);
    const result = await act();
    const health = await h.stop();
    out.push({ result, health, bound: bound(quiet) });
    if (health < bound(quiet) && fine(result)) break;
  }
  return out;
}

/** The tries of `watchedTries` in a line, for an assertion's message. */
export const describeTries = (tries: WatchedTry<unknown>[]) =>
  tries.map((t) => `health ${t.health.toFixed(0)} ms (bound ${t.bound.toFixed(0)})`).join('; ');
