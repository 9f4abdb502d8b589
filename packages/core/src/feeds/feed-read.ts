import { availableParallelism } from 'node:os';
import { unionAll } from './addr-sets.ts';
import {
  DEFAULT_LAYOUT,
  type FeedLayout,
  type FeedPart,
  FeedParser,
  feedLayout,
  MAX_REPORTED,
} from './feed-parse.ts';
import { WorkerPool } from './worker-pool.ts';

/** What a feed held: distinct addresses per month index, and every line that could not be read. */
export interface ParsedFeed {
  format: 'csv' | 'ndjson';
  lines: number;
  observations: number;
  malformed: number;
  /** The first malformed lines (1-based line numbers) with why, for the error report. */
  malformedLines: { line: number; reason: string }[];
  /** Per month index: distinct IPv4 addresses (sorted) and IPv6 addresses (canonical, sorted). */
  months: Map<number, { v4: Uint32Array; v6: string[] }>;
  sources: string[];
}

export interface ReadFeedOptions {
  /** Observations dated after this month index are malformed (the future). */
  latestMonth?: number;
  /** Bytes per chunk of whole lines handed to a parser. */
  chunkBytes?: number;
  /** Chunks parsed on this thread before worker threads take over (small feeds never pay for them). */
  inlineChunks?: number;
  /** Worker threads for the rest; 0 or 1 keeps everything on this thread. */
  workers?: number;
}

const NL = 10;

/** Whole-line chunks of about `size` bytes, each in its own buffer (so it can move to a worker). */
export async function* lineChunks(
  bytes: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  size: number,
): AsyncGenerator<Uint8Array<ArrayBuffer>> {
  let pending: Uint8Array[] = [];
  let held = 0;
  const join = () => {
    const out = new Uint8Array(new ArrayBuffer(held));
    let o = 0;
    for (const p of pending) {
      out.set(p, o);
      o += p.length;
    }
    return out;
  };
  for await (const whole of bytes) {
    // A whole upload may arrive as one piece: it is taken a chunk's worth at a time (views, no copy),
    // so it is still spread over the workers and never copied whole.
    for (let at = 0; at < whole.length; at += size) {
      const piece = whole.subarray(at, at + size);
      pending.push(piece);
      held += piece.length;
      if (held < size) continue;
      const all = join();
      const cut = all.lastIndexOf(NL) + 1;
      pending = cut < all.length ? [all.slice(cut)] : [];
      held = all.length - cut;
      if (cut > 0) yield all.subarray(0, cut);
    }
  }
  if (held) yield join();
}

/** Splits off the first non-empty line: the CSV header or the first NDJSON record. */
function firstLine(
  chunk: Uint8Array<ArrayBuffer>,
): { text: string; lines: number; rest: Uint8Array<ArrayBuffer> } | null {
  let start = 0;
  let lines = 0;
  while (start < chunk.length) {
    const nl = chunk.indexOf(NL, start);
    const end = nl < 0 ? chunk.length : nl;
    lines++;
    const text = Buffer.from(chunk.subarray(start, end))
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim();
    if (text) return { text, lines, rest: chunk.subarray(nl < 0 ? chunk.length : nl + 1) };
    start = end + 1;
  }
  return null;
}

/**
 * Reads an observation feed — CSV with a header (`ip,seen_at,source[,asn,malware]`) or NDJSON —
 * as a stream with bounded memory, keeping only distinct addresses per month. The first chunks are
 * parsed on this thread; a large feed's remaining chunks go to worker threads (one per core), whose
 * findings are merged with line numbers made global. Bad lines are counted with their numbers.
 */
export async function readFeed(
  bytes: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  opts: ReadFeedOptions = {},
): Promise<ParsedFeed> {
  const latestMonth = opts.latestMonth;
  const inlineChunks = opts.inlineChunks ?? 8;
  const workers = opts.workers ?? Math.min(availableParallelism(), 4);
  let layout: FeedLayout | null = null;
  let headerLines = 0;
  const headerBad: { line: number; reason: string }[] = [];
  let inline: FeedParser | null = null;
  // undefined: not started yet; null: no worker threads to be had (parse here).
  let pool: WorkerPool | null | undefined;
  let index = 0;
  try {
    for await (let chunk of lineChunks(bytes, opts.chunkBytes ?? 1 << 20)) {
      if (!layout) {
        const first = firstLine(chunk);
        if (!first) {
          headerLines += chunk.reduce((n, b) => n + (b === NL ? 1 : 0), 0);
          continue;
        }
        layout = feedLayout(first.text);
        // NDJSON has no header: its first record stays in the chunk.
        if (layout?.format !== 'ndjson') {
          headerLines += first.lines;
          chunk = first.rest;
          if (!layout) {
            layout = DEFAULT_LAYOUT;
            headerBad.push({
              line: headerLines,
              reason:
                'dòng đầu phải là tiêu đề ip,seen_at,source / the first line must be the header ip,seen_at,source',
            });
          }
        }
        inline = new FeedParser(layout, latestMonth);
      }
      if (pool === undefined && index >= inlineChunks && workers >= 2)
        pool = WorkerPool.start(workers, { layout, latestMonth });
      if (pool) await pool.push(chunk, index++);
      else inline!.parseChunk(chunk, index++);
    }
    const parts = [...(inline ? [inline.result()] : []), ...(pool ? await pool.finish() : [])];
    return mergeParts(layout?.format ?? 'csv', headerLines, headerBad, parts);
  } finally {
    await pool?.terminate();
  }
}

/** One feed from the parsers' parts: global line numbers, months' address sets united. */
function mergeParts(
  format: 'csv' | 'ndjson',
  headerLines: number,
  headerBad: { line: number; reason: string }[],
  parts: FeedPart[],
): ParsedFeed {
  const perChunk = parts.flatMap((p) => p.chunkLines).sort((a, b) => a[0] - b[0]);
  const startOf = new Map<number, number>();
  let lines = headerLines;
  for (const [chunk, n] of perChunk) {
    startOf.set(chunk, lines);
    lines += n;
  }
  const bad = parts.flatMap((p) =>
    p.bad.map((b) => ({ line: startOf.get(b.chunk)! + b.line, reason: b.reason })),
  );
  const months = new Map<number, { v4: Uint32Array; v6: string[] }>();
  const byMonth = new Map<number, { v4: Uint32Array[]; v6: Set<string> }>();
  for (const [m, v4, v6] of parts.flatMap((p) => p.months)) {
    const g = byMonth.get(m) ?? { v4: [], v6: new Set<string>() };
    g.v4.push(v4);
    for (const a of v6) g.v6.add(a);
    byMonth.set(m, g);
  }
  for (const [m, g] of byMonth)
    months.set(m, { v4: g.v4.length === 1 ? g.v4[0]! : unionAll(g.v4), v6: [...g.v6].sort() });
  return {
    format,
    lines,
    observations: parts.reduce((n, p) => n + p.observations, 0),
    malformed: headerBad.length + parts.reduce((n, p) => n + p.malformed, 0),
    malformedLines: [...headerBad, ...bad].sort((a, b) => a.line - b.line).slice(0, MAX_REPORTED),
    months,
    sources: [...new Set(parts.flatMap((p) => p.sources))].sort(),
  };
}
