// Requests on sockets of their own, for tests that time the server while it works: no keep-alive
// pool is shared between the request under test and the health checks watching it.
import { readFileSync } from 'node:fs';
import { request } from 'node:http';

export interface Answer {
  status: number;
  body: string;
  ms: number;
  /**
   * Of `ms`, the time this process's main thread sat ready to run while the operating system ran
   * other threads (Linux's runqueue wait; 0 where it cannot be read). The server, its health answers
   * and this client all run on that thread, so `ms - waitMs` is the time the server itself took.
   */
  waitMs: number;
}

/**
 * The calling thread's runqueue wait so far, in ms: the second field of /proc/thread-self/schedstat
 * (nanoseconds spent runnable but not running). Why: on a busy machine a health answer waits for a
 * CPU as long as the scheduler says, whatever the server does; a stall the server causes is time
 * its event loop runs (or sleeps on) something else, which this does not include. The wait also
 * counts turns taken by the server's own threads (a parse worker, the collector's helpers): on two
 * cores one worker leaves the main thread a core of its own, and the tests print the wait of every
 * slowest answer, so a change that starved the loop with its own threads would show there.
 */
export function readyWaitMs(): number {
  try {
    const field = readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[1];
    return field === undefined ? 0 : Number(field) / 1e6;
  } catch {
    return 0;
  }
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
  const w = readyWaitMs();
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString(),
          ms: performance.now() - t,
          waitMs: readyWaitMs() - w,
        }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The time the server held a health answer: its answer time less the time spent waiting for a CPU. */
export const stallOf = (a: Answer) => Math.max(0, a.ms - a.waitMs);

/**
 * Asks /api/health every `everyMs` on fresh sockets until stopped; `stop` gives the longest stall
 * (`stallOf`) and `slowest` the answer it came from. Each answer is timed from when its request was
 * due, not from when it went out: a loop held by something else sends late, and that lateness is
 * the stall. `onAnswer` sees each answer (a test may assert on it).
 */
export function watchHealth(
  port: number,
  everyMs: number,
  onAnswer: (a: Answer) => void = () => undefined,
): { stop(): Promise<number>; slowest(): Answer | undefined } {
  let running = true;
  let worst = 0;
  let slowest: Answer | undefined;
  const loop = (async () => {
    let due = performance.now();
    let wait = readyWaitMs();
    while (running) {
      const sent = await sendOnOwnSocket(port, 'GET', '/api/health', {});
      const end = performance.now();
      const waitNow = readyWaitMs();
      // The wait is read from the previous answer on, `everyMs` before `due`: at most that much of
      // it can fall before `due`, so that much is not taken off (a stall is never underestimated).
      const a = { ...sent, ms: end - due, waitMs: Math.max(0, waitNow - wait - everyMs) };
      onAnswer(a);
      if (slowest === undefined || stallOf(a) > worst) [worst, slowest] = [stallOf(a), a];
      due = end + everyMs;
      wait = waitNow;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return worst;
    },
    slowest: () => slowest,
  };
}

/**
 * One try of an action watched by health checks: its result, the longest health stall, the answer
 * time and CPU wait of that answer, and the bound the stall had.
 */
export interface WatchedTry<T> {
  result: T;
  health: number;
  wall: number;
  waitMs: number;
  bound: number;
}

/**
 * Runs `act` while /api/health is asked every `everyMs`, until the longest health stall (`stallOf`:
 * answer time less the wait for a CPU) stays under `bound(quiet)` and `fine(result)` holds (say, an
 * answer time within its budget), at most `tries` times. `quiet` is the longest stall with nothing of
 * ours in flight: `firstQuiet` (the run's baseline) for the first try, and for each retry, measured
 * over the half second just before it. A stall the input causes repeats on every try; one a busy
 * machine causes (beyond the CPU wait already taken out) does not, so only the last try counts.
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
    const slowest = h.slowest();
    out.push({
      result,
      health,
      wall: slowest?.ms ?? 0,
      waitMs: slowest?.waitMs ?? 0,
      bound: bound(quiet),
    });
    if (health < bound(quiet) && fine(result)) break;
  }
  return out;
}

/** The tries of `watchedTries` in a line, for an assertion's message. */
export const describeTries = (tries: WatchedTry<unknown>[]) =>
  tries
    .map(
      (t) =>
        `health held ${t.health.toFixed(0)} ms (bound ${t.bound.toFixed(0)}; answered in ${t.wall.toFixed(0)} ms, ${t.waitMs.toFixed(0)} of them waiting for a CPU)`,
    )
    .join('; ');
