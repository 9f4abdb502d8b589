// Timing helpers shared by the bench's parts.

/** Runs `fn` once and returns how long it took (ms) with its result. */
export async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const r = await fn();
  return [performance.now() - t, r];
}

/** The median of `runs` timings after one warm-up run. */
export async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) ts.push((await time(fn))[0]);
  return ts.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

/**
 * Medians of several measures taken in turns (a, b, a, b, …), so a burst of load on a shared
 * machine falls on all of them alike and their ratio stays fair.
 */
export async function interleaved(runs: number, fns: (() => Promise<unknown>)[]): Promise<number[]> {
  for (const fn of fns) await fn();
  const ts: number[][] = fns.map(() => []);
  for (let i = 0; i < runs; i++) for (const [k, fn] of fns.entries()) ts[k]!.push((await time(fn))[0]);
  return ts.map((xs) => xs.sort((a, b) => a - b)[Math.floor(runs / 2)]!);
}

export const pctile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

export const ms = (x: number) => `${x < 10 ? x.toFixed(2) : Math.round(x).toLocaleString('en')} ms`;
