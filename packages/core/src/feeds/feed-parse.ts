import { z } from 'zod';
import { sortedOf } from './addr-sets.ts';
import { canonicalIPv6, ipv4At } from './ip.ts';
import { U32Set } from './u32set.ts';

// The shapes that cross between threads are declared once, as zod schemas: the worker checks what
// it is sent, the pool what it gets back, and the types come from the same declarations.

/** How a feed's lines are laid out, read from its first line. */
export const FeedLayout = z.union([
  z.object({
    format: z.literal('csv'),
    ip: z.number().int(),
    seen: z.number().int(),
    source: z.number().int(),
    n: z.number().int(),
  }),
  z.object({ format: z.literal('ndjson') }),
]);
export type FeedLayout = z.infer<typeof FeedLayout>;

/** A malformed line: the chunk it was in, its 1-based number within the chunk, and why. */
const BadLine = z.object({ chunk: z.number().int(), line: z.number().int(), reason: z.string() });

const OwnU32 = z.custom<Uint32Array<ArrayBuffer>>(
  (v) => v instanceof Uint32Array && v.buffer instanceof ArrayBuffer,
);

/**
 * What one parser found in the chunks it was given: plain data (typed arrays, strings), so a worker
 * thread can hand it back. Line numbers are per chunk; the reader makes them global.
 */
export const FeedPart = z.object({
  observations: z.number().int(),
  malformed: z.number().int(),
  bad: z.array(BadLine),
  /** [chunk index, lines in it] for every chunk parsed. */
  chunkLines: z.array(z.tuple([z.number().int(), z.number().int()])),
  /** [month index, distinct IPv4 sorted, distinct IPv6 canonical text]. */
  months: z.array(z.tuple([z.number().int(), OwnU32, z.array(z.string())])),
  sources: z.array(z.string()),
});
export type FeedPart = z.infer<typeof FeedPart>;

/** Malformed lines kept with their reason (the rest are counted): enough to show what is wrong. */
export const MAX_REPORTED = 100;
const NL = 10;
const CR = 13;
const COMMA = 44;

/** Month index (year × 12 + month − 1) of an ISO date or date-time at `buf[s…]`, or -1. */
export function monthAt(buf: Uint8Array, s: number, e: number): number {
  if (e - s < 10 || buf[s + 4] !== 45 || buf[s + 7] !== 45) return -1;
  let y = 0;
  for (let i = s; i < s + 4; i++) {
    const d = buf[i]! - 48;
    if (d < 0 || d > 9) return -1;
    y = y * 10 + d;
  }
  const m = (buf[s + 5]! - 48) * 10 + (buf[s + 6]! - 48);
  const day = (buf[s + 8]! - 48) * 10 + (buf[s + 9]! - 48);
  if (y < 1990 || y > 2100 || !(m >= 1 && m <= 12) || !(day >= 1 && day <= 31)) return -1;
  return y * 12 + m - 1;
}

/** The layout a feed's first line announces: a CSV header, or NDJSON data; null if the header lacks columns. */
export function feedLayout(firstLine: string): FeedLayout | null {
  if (firstLine.trimStart().startsWith('{')) return { format: 'ndjson' };
  const names = firstLine.split(',').map((h) => h.trim().toLowerCase().replace(/^"|"$/g, ''));
  const ip = names.indexOf('ip');
  const seen = names.indexOf('seen_at');
  const source = names.indexOf('source');
  if (ip < 0 || seen < 0 || source < 0) return null;
  return { format: 'csv', ip, seen, source, n: Math.max(ip, seen, source) + 1 };
}

/** Fallback when the header is wrong: the documented column order, so the data lines still count. */
export const DEFAULT_LAYOUT: FeedLayout = { format: 'csv', ip: 0, seen: 1, source: 2, n: 3 };

/**
 * Parses chunks of whole lines of an observation feed, keeping only the distinct addresses per
 * month: memory grows with distinct addresses, never with observations. Bad lines are counted and
 * the first ones kept with their chunk, number and reason — never dropped silently.
 */
export class FeedParser {
  private months = new Map<number, { v4: U32Set; v6: Set<string> }>();
  private sourceHashes = new Set<number>();
  private sources = new Set<string>();
  private chunkLines: [number, number][] = [];
  private bad: FeedPart['bad'] = [];
  private pos: Int32Array;
  private chunk = 0;
  private line = 0;
  // IPv4 addresses wait here and enter their month's set in runs: a tight loop of set inserts lets
  // the processor overlap their cache misses, which one insert per parsed line does not.
  private pending = new Uint32Array(1024);
  private pendingN = 0;
  private pendingMonth = -1;
  observations = 0;
  malformed = 0;

  /** `latestMonth`: observations dated after it (in the future) are malformed. */
  constructor(
    private readonly layout: FeedLayout,
    private readonly latestMonth = Number.POSITIVE_INFINITY,
  ) {
    this.pos = new Int32Array(layout.format === 'csv' ? 2 * layout.n : 0);
  }

  /** Parses chunk number `index`: whole lines (the last may lack its newline only at the feed's end). */
  parseChunk(buf: Uint8Array, index: number): void {
    this.chunk = index;
    this.line = 0;
    let start = 0;
    for (let i = buf.indexOf(NL, 0); i !== -1; i = buf.indexOf(NL, start)) {
      this.parseLine(buf, start, i > start && buf[i - 1] === CR ? i - 1 : i);
      start = i + 1;
    }
    if (start < buf.length) this.parseLine(buf, start, buf.length);
    this.chunkLines.push([index, this.line]);
  }

  /** What was found, with each month's IPv4 addresses sorted. */
  result(): FeedPart {
    this.flush();
    return {
      observations: this.observations,
      malformed: this.malformed,
      bad: this.bad,
      chunkLines: this.chunkLines,
      months: [...this.months].map(([m, a]) => [m, sortedOf(a.v4), [...a.v6]]),
      sources: [...this.sources],
    };
  }

  private fail(reason: string): void {
    this.malformed++;
    if (this.bad.length < MAX_REPORTED) this.bad.push({ chunk: this.chunk, line: this.line, reason });
  }

  private month(m: number) {
    let a = this.months.get(m);
    if (!a) this.months.set(m, (a = { v4: new U32Set(1 << 16), v6: new Set() }));
    return a;
  }

  private flush(): void {
    if (this.pendingN === 0) return;
    const set = this.month(this.pendingMonth).v4;
    const p = this.pending;
    for (let i = 0; i < this.pendingN; i++) set.add(p[i]!);
    this.pendingN = 0;
  }

  private parseLine(buf: Uint8Array, s: number, e: number): void {
    this.line++;
    if (e <= s) return;
    const c = this.layout;
    if (c.format === 'ndjson') return this.json(Buffer.from(buf.subarray(s, e)).toString('utf8'));
    // Start and end of the first c.n fields (no quoting in these fields), without allocating.
    const pos = this.pos;
    let col = 0;
    let fs = s;
    for (let i = s; col < c.n; i++) {
      if (i === e || buf[i] === COMMA) {
        pos[2 * col] = fs;
        pos[2 * col + 1] = i;
        col++;
        fs = i + 1;
        if (i === e) break;
      }
    }
    if (col < c.n) return this.fail('thiếu cột / missing columns');
    const m = monthAt(buf, pos[2 * c.seen]!, pos[2 * c.seen + 1]!);
    if (m < 0) return this.fail('seen_at không phải ngày ISO / seen_at is not an ISO date');
    if (m > this.latestMonth) return this.fail('seen_at ở tương lai / seen_at is in the future');
    const ss = pos[2 * c.source]!;
    const se = pos[2 * c.source + 1]!;
    if (se <= ss) return this.fail('thiếu source / source is missing');
    this.noteSource(buf, ss, se);
    const is = pos[2 * c.ip]!;
    const ie = pos[2 * c.ip + 1]!;
    const v4 = ipv4At(buf, is, ie);
    if (v4 >= 0) {
      if (m !== this.pendingMonth || this.pendingN === this.pending.length) {
        this.flush();
        this.pendingMonth = m;
      }
      this.pending[this.pendingN++] = v4;
      this.observations++;
      return;
    }
    this.v6(Buffer.from(buf.subarray(is, ie)).toString('latin1'), m);
  }

  private noteSource(buf: Uint8Array, s: number, e: number): void {
    // Sources are few: a hash of the bytes finds a known one without making a string.
    let h = 0x811c9dc5;
    for (let i = s; i < e; i++) h = Math.imul(h ^ buf[i]!, 16777619);
    if (this.sourceHashes.has(h)) return;
    this.sourceHashes.add(h);
    this.sources.add(Buffer.from(buf.subarray(s, e)).toString('utf8'));
  }

  private v6(text: string, m: number): void {
    const ip = canonicalIPv6(text.trim());
    if (!ip) return this.fail(`"${text.slice(0, 40)}" không phải địa chỉ IP / not an IP address`);
    this.month(m).v6.add(ip);
    this.observations++;
  }

  private json(text: string): void {
    let o: unknown;
    try {
      o = JSON.parse(text);
    } catch {
      return this.fail('không phải JSON / not JSON');
    }
    if (typeof o !== 'object' || o === null)
      return this.fail('không phải đối tượng JSON / not a JSON object');
    const r = Object.fromEntries(
      Object.entries(o).map(([k, v]) => [k, typeof v === 'string' ? v : String(v ?? '')]),
    );
    const seen = Buffer.from(r.seen_at ?? '');
    const m = monthAt(seen, 0, seen.length);
    if (m < 0) return this.fail('seen_at không phải ngày ISO / seen_at is not an ISO date');
    if (m > this.latestMonth) return this.fail('seen_at ở tương lai / seen_at is in the future');
    if (!r.source) return this.fail('thiếu source / source is missing');
    this.sources.add(r.source);
    const ipText = r.ip ?? '';
    const v4 = ipv4At(Buffer.from(ipText), 0, ipText.length);
    if (v4 >= 0) {
      this.month(m).v4.add(v4);
      this.observations++;
    } else this.v6(ipText, m);
  }
}
