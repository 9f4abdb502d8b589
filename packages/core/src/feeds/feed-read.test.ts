import { describe, expect, it } from 'vitest';
import { lineChunks, readFeed } from './feed-read.ts';
import { ipv4Text } from './ip.ts';

/** A feed of `n` observations over months 2024M07–M09, with every 97th line broken in a known way. */
function sampleFeed(n: number, ndjson = false) {
  const lines: string[] = ndjson ? [] : ['\uFEFFip,seen_at,source,malware'];
  const bad: number[] = [];
  const v4 = new Map<number, Set<string>>();
  for (let i = 0; i < n; i++) {
    const month = 7 + (i % 3);
    const ip = i % 11 === 0 ? `2001:db8::${(i % 50).toString(16)}` : ipv4Text(0x0e000000 + (i % 400));
    const seen = `2024-0${month}-${String((i % 28) + 1).padStart(2, '0')}`;
    const source = ['vncert', 'shadowserver'][i % 2]!;
    if (i % 97 === 5) {
      lines.push(ndjson ? '{"ip": "300.1.1.1"' : `${ip},not-a-date,${source},`);
      bad.push(lines.length);
      continue;
    }
    if (i % 131 === 7) lines.push(''); // blank lines count as lines, never as observations
    if (!ip.includes(':')) v4.set(month, (v4.get(month) ?? new Set()).add(ip));
    lines.push(
      ndjson ? JSON.stringify({ ip, seen_at: seen, source }) : `${ip},${seen}T03:00:00Z,${source},mirai`,
    );
  }
  return { text: lines.join('\r\n'), bad, lines: lines.length, v4 };
}

const bytes = (text: string, piece = 1000) =>
  (function* () {
    const b = Buffer.from(text);
    for (let i = 0; i < b.length; i += piece) yield b.subarray(i, i + piece);
  })();

describe('reading a feed on this thread or on worker threads', () => {
  it('finds the same addresses and numbers the same bad lines either way', async () => {
    const f = sampleFeed(5000);
    const inline = await readFeed(bytes(f.text), { workers: 0 });
    // Tiny chunks, one parsed here and the rest by two workers: line numbers must cross chunks right.
    const split = await readFeed(bytes(f.text, 333), { workers: 2, inlineChunks: 1, chunkBytes: 2048 });
    expect(split).toEqual(inline);
    expect(inline.format).toBe('csv');
    expect(inline.lines).toBe(f.lines);
    expect(inline.malformed).toBe(f.bad.length);
    expect(inline.malformedLines.map((m) => m.line)).toEqual(f.bad);
    expect(inline.malformedLines[0]!.reason).toMatch(/seen_at is not an ISO date/);
    expect(inline.sources).toEqual(['shadowserver', 'vncert']);
    const m8 = inline.months.get(2024 * 12 + 7)!;
    expect([...m8.v4].map(ipv4Text).sort()).toEqual([...f.v4.get(8)!].sort());
    expect(m8.v6.length).toBeGreaterThan(0);
    expect([...m8.v4]).toEqual([...m8.v4].sort((a, b) => a - b));
  });

  it('cuts a feed that arrives as one piece (an upload) into whole-line chunks without losing a byte', async () => {
    const f = sampleFeed(3000);
    const chunks: Uint8Array[] = [];
    for await (const c of lineChunks([Buffer.from(f.text)], 4096)) chunks.push(c);
    expect(chunks.length).toBeGreaterThan(20);
    expect(Buffer.concat(chunks).toString()).toBe(f.text);
    for (const c of chunks.slice(0, -1)) {
      expect(c.at(-1)).toBe(10);
      expect(c.length).toBeLessThanOrEqual(4096 + 100);
    }
    const whole = await readFeed([Buffer.from(f.text)], { workers: 2, inlineChunks: 1, chunkBytes: 4096 });
    expect(whole).toEqual(await readFeed(bytes(f.text), { workers: 0 }));
  });

  it('reads NDJSON with workers too, its first line being data', async () => {
    const f = sampleFeed(3000, true);
    const inline = await readFeed(bytes(f.text), { workers: 0 });
    const split = await readFeed(bytes(f.text), { workers: 2, inlineChunks: 0, chunkBytes: 4096 });
    expect(split).toEqual(inline);
    expect(inline.format).toBe('ndjson');
    expect(inline.malformedLines.map((m) => m.line)).toEqual(f.bad);
    expect(inline.observations + inline.malformed).toBe(3000);
  });

  it('reports a missing header as line 1 and still reads the data after it', async () => {
    const r = await readFeed(bytes('\n1.2.3.4,2024-08-01,x\n5.6.7.8,2024-08-01,x\n'), { workers: 0 });
    expect(r.malformedLines).toEqual([
      { line: 2, reason: expect.stringMatching(/header ip,seen_at,source/) },
    ]);
    expect(r.observations).toBe(1);
    expect(r.lines).toBe(3);
  });
});
