import { describe, expect, it } from 'vitest';
import { BaocaoError } from '../errors.ts';
import { JSON_IN_THREAD_BYTES, readJsonBody } from './json-body.ts';
import { JSON_MAX_DEPTH, parseJsonExact } from './json-numbers.ts';
import { PIECE_ITEMS, assembler, pieces } from './json-pieces.ts';

/** A document with containers larger than a piece, nested in one another, and awkward keys. */
function bigDocument() {
  const observations: Record<string, unknown> = {};
  for (let i = 0; i < PIECE_ITEMS * 2 + 7; i++) observations[`${i}`] = [i * 1.5, i % 3 ? 'A' : null];
  return {
    header: { id: 'X', constructor: 'a key like any other', toString: 1 },
    data: {
      dataSets: [{ series: { '0:0': { observations }, '0:1': { observations: {} } } }],
      rows: Array.from({ length: PIECE_ITEMS * 8 + 1 }, (_, i) => ({
        i,
        inner: i === 5 ? Array.from({ length: PIECE_ITEMS + 1 }, (_, j) => j) : [],
      })),
    },
    tail: -0.25,
  };
}

describe('JSON bodies', () => {
  it('a value sent in pieces is put back exactly, keys and order kept', () => {
    const doc = bigDocument();
    const [first, ...rest] = [...pieces(doc)];
    expect(first?.kind).toBe('root');
    expect(rest.length).toBeGreaterThan(5);
    const built = assembler(first?.kind === 'root' ? first.root : null);
    for (const m of rest) if (m.kind === 'items' || m.kind === 'entries') built.add(m);
    expect(JSON.stringify(built.value)).toBe(JSON.stringify(doc));
    expect(Object.keys((built.value as typeof doc).header)).toEqual(['id', 'constructor', 'toString']);
  });

  it('a large body read off the thread gives the same value as JSON.parse', async () => {
    const text = JSON.stringify(bigDocument());
    expect(text.length).toBeGreaterThan(JSON_IN_THREAD_BYTES);
    expect(await readJsonBody(Buffer.from(text))).toEqual(JSON.parse(text));
  });

  it.each([
    [
      'a number a double cannot hold',
      (pad: string) => `{"p":"${pad}","v":123456789012345678}`,
      'UNSAFE_NUMBER',
    ],
    [
      'nesting too deep',
      (pad: string) => `{"p":"${pad}","v":${'['.repeat(JSON_MAX_DEPTH + 1)}`,
      'JSON_TOO_DEEP',
    ],
    ['a __proto__ key', (pad: string) => `{"p":"${pad}","\\u005f_proto__":{}}`, 'FORBIDDEN_KEY'],
  ])('%s is refused alike on the thread and off it', async (_what, body, code) => {
    for (const pad of ['', 'x'.repeat(JSON_IN_THREAD_BYTES)]) {
      const err = await readJsonBody(Buffer.from(body(pad))).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(BaocaoError);
      expect(err).toMatchObject({ code, status: 400 });
    }
  });

  it('malformed JSON is a SyntaxError on the thread and off it', async () => {
    for (const pad of ['', 'x'.repeat(JSON_IN_THREAD_BYTES)])
      await expect(readJsonBody(Buffer.from(`{"p":"${pad}","v":[1,}`))).rejects.toBeInstanceOf(SyntaxError);
  });

  it('exactly 64 levels read; numbers of 15 significant digits and long zero runs read exactly', () => {
    expect(parseJsonExact('['.repeat(JSON_MAX_DEPTH) + ']'.repeat(JSON_MAX_DEPTH))).toBeDefined();
    expect(parseJsonExact('[999999999999999, 0.000000000000000000001, 1000000000000000000000]')).toEqual([
      999999999999999, 1e-21, 1e21,
    ]);
    expect(() => parseJsonExact(`[0.${'0'.repeat(100_000)}1]`)).toThrow(BaocaoError);
    expect(() => parseJsonExact(`[${'1'.repeat(16)}]`)).toThrow(BaocaoError);
  });

  it('scanning is linear: 8× the text costs about 8× the time, not 64×', () => {
    // The process's CPU time: the clock would also count other processes' turns on a busy machine.
    const cpuMs = () => {
      const c = process.cpuUsage();
      return (c.user + c.system) / 1000;
    };
    const time = (n: number) => {
      const text = `{"a":"${'\\"'.repeat(n)}`;
      const t = cpuMs();
      expect(() => parseJsonExact(text)).toThrow(SyntaxError);
      return cpuMs() - t;
    };
    time(100_000); // warm up
    // Measured again (up to three times) before it fails: a collector's pause lands in one turn.
    const ratios: number[] = [];
    for (let attempt = 0; attempt < 3 && !ratios.some((r) => r < 32); attempt++)
      ratios.push(time(2_000_000) / Math.max(time(250_000), 1));
    expect(Math.min(...ratios)).toBeLessThan(32);
  });
});
