import { canonicalIPv6, ipv4At } from './ip.ts';
import { U32Set } from './u32set.ts';

/** Distinct addresses seen in one month: IPv4 as numbers, IPv6 as canonical text. */
export interface MonthAddresses {
  v4: U32Set;
  v6: Set<string>;
}

/** What a feed held: distinct addresses per month index, and every line that could not be read. */
export interface ParsedFeed {
  format: 'csv' | 'ndjson';
  lines: number;
  observations: number;
  malformed: number;
  /** The first malformed lines (1-based line numbers) with why, for the error report. */
  malformedLines: { line: number; reason: string }[];
  months: Map<number, MonthAddresses>;
  sources: Set<string>;
}

const MAX_REPORTED = 100;
const NL = 10;
const CR = 13;
const COMMA = 44;

/** Month index (year × 12 + month − 1) of an ISO date or date-time at `buf[s…]`, or -1. */
function monthAt(buf: Uint8Array, s: number, e: number): number {
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

/**
 * Reads an observation feed — CSV with a header (`ip,seen_at,source[,asn,malware]`) or NDJSON —
 * chunk by chunk, keeping only the distinct addresses per month: memory grows with distinct
 * addresses, never with observations. Bad lines are counted with their numbers, never dropped
 * silently.
 */
export class FeedParser {
  private rest: Uint8Array = new Uint8Array(0);
  private cols: { ip: number; seen: number; source: number; n: number } | null = null;
  private sourceHashes = new Set<number>();
  private pos = new Int32Array(64);
  private lastMonth = -1;
  private lastSet: MonthAddresses | null = null;

  /** `latestMonth`: observations after it (dated in the future) are malformed. */
  constructor(private readonly latestMonth = Number.POSITIVE_INFINITY) {}
  readonly out: ParsedFeed = {
    format: 'csv',
    lines: 0,
    observations: 0,
    malformed: 0,
    malformedLines: [],
    months: new Map(),
    sources: new Set(),
  };

  push(chunk: Uint8Array): void {
    const buf = this.rest.length ? Buffer.concat([this.rest, chunk]) : chunk;
    let start = 0;
    for (let i = buf.indexOf(NL, 0); i !== -1; i = buf.indexOf(NL, start)) {
      this.line(buf, start, i > start && buf[i - 1] === CR ? i - 1 : i);
      start = i + 1;
    }
    this.rest = buf.subarray(start);
  }

  end(): ParsedFeed {
    if (this.rest.length) this.line(this.rest, 0, this.rest.length);
    this.rest = new Uint8Array(0);
    return this.out;
  }

  private bad(reason: string): void {
    this.out.malformed++;
    if (this.out.malformedLines.length < MAX_REPORTED)
      this.out.malformedLines.push({ line: this.out.lines, reason });
  }

  private month(m: number): MonthAddresses {
    let a = this.out.months.get(m);
    if (!a) this.out.months.set(m, (a = { v4: new U32Set(1 << 16), v6: new Set() }));
    this.lastMonth = m;
    this.lastSet = a;
    return a;
  }

  private line(buf: Uint8Array, s: number, e: number): void {
    this.out.lines++;
    if (e <= s) return;
    if (this.out.lines === 1 && buf[s] === 123) this.out.format = 'ndjson';
    if (this.out.format === 'csv' && !this.cols)
      return this.header(Buffer.from(buf.subarray(s, e)).toString('utf8'));
    if (this.out.format === 'ndjson') return this.json(Buffer.from(buf.subarray(s, e)).toString('utf8'));
    const c = this.cols!;
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
    if (col < c.n) return this.bad('thiếu cột / missing columns');
    const m = monthAt(buf, pos[2 * c.seen]!, pos[2 * c.seen + 1]!);
    if (m < 0) return this.bad('seen_at không phải ngày ISO / seen_at is not an ISO date');
    if (m > this.latestMonth) return this.bad('seen_at ở tương lai / seen_at is in the future');
    const ss = pos[2 * c.source]!;
    const se = pos[2 * c.source + 1]!;
    if (se <= ss) return this.bad('thiếu source / source is missing');
    this.noteSource(buf, ss, se);
    const is = pos[2 * c.ip]!;
    const ie = pos[2 * c.ip + 1]!;
    const v4 = ipv4At(buf, is, ie);
    if (v4 >= 0) {
      (m === this.lastMonth ? this.lastSet! : this.month(m)).v4.add(v4);
      this.out.observations++;
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
    this.out.sources.add(Buffer.from(buf.subarray(s, e)).toString('utf8'));
  }

  private v6(text: string, m: number): void {
    const ip = canonicalIPv6(text.trim());
    if (!ip) return this.bad(`"${text.slice(0, 40)}" không phải địa chỉ IP / not an IP address`);
    this.month(m).v6.add(ip);
    this.out.observations++;
  }

  private header(text: string): void {
    const names = text.split(',').map((h) => h.trim().toLowerCase().replace(/^"|"$/g, ''));
    const at = (n: string) => names.indexOf(n);
    const ip = at('ip');
    const seen = at('seen_at');
    const source = at('source');
    if (ip < 0 || seen < 0 || source < 0) {
      this.cols = { ip: 0, seen: 1, source: 2, n: 3 };
      return this.bad(
        'dòng đầu phải là tiêu đề ip,seen_at,source / the first line must be the header ip,seen_at,source',
      );
    }
    this.cols = { ip, seen, source, n: Math.max(ip, seen, source) + 1 };
    this.pos = new Int32Array(2 * this.cols.n);
  }

  private json(text: string): void {
    let o: unknown;
    try {
      o = JSON.parse(text);
    } catch {
      return this.bad('không phải JSON / not JSON');
    }
    if (typeof o !== 'object' || o === null) return this.bad('không phải đối tượng JSON / not a JSON object');
    const r = Object.fromEntries(
      Object.entries(o).map(([k, v]) => [k, typeof v === 'string' ? v : String(v ?? '')]),
    );
    const seen = Buffer.from(r.seen_at ?? '');
    const m = monthAt(seen, 0, seen.length);
    if (m < 0) return this.bad('seen_at không phải ngày ISO / seen_at is not an ISO date');
    if (m > this.latestMonth) return this.bad('seen_at ở tương lai / seen_at is in the future');
    if (!r.source) return this.bad('thiếu source / source is missing');
    if (!this.out.sources.has(r.source)) this.out.sources.add(r.source);
    const ipText = r.ip ?? '';
    const v4 = ipv4At(Buffer.from(ipText), 0, ipText.length);
    if (v4 >= 0) {
      this.month(m).v4.add(v4);
      this.out.observations++;
    } else this.v6(ipText, m);
  }
}
