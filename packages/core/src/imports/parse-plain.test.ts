import { describe, expect, it } from 'vitest';
import { FILE_LIMITS } from './limits.ts';
import { MAX_RECORD_CHARS, parseValueFile } from './parse-file.ts';
import { readPlainCsv } from './plain-csv.ts';

// A CSV without quotes is read by splitting; one with a quote by csv-parse. The same text read both
// ways (a quoted last row sends it to csv-parse) must give the same rows.
const bothWays = async (text: string, eol: string) => {
  const plain = await parseValueFile(Buffer.from(text.replaceAll('\n', eol)), 'p.csv');
  const quoted = await parseValueFile(
    Buffer.from(`${text}VT.DOANH_THU,P01,2024M09,"7",official\n`.replaceAll('\n', eol)),
    'q.csv',
  );
  return { plain, quoted: quoted.slice(0, -1), last: quoted.at(-1) };
};

describe('a CSV without quotes', () => {
  const text = [
    'indicator,unit,period,value,status,note',
    'VT.DOANH_THU,P01,2024M01,1.5,official,',
    '',
    'VT.DOANH_THU,P04,2024M01,2,ước',
    ',,,,,',
    " VT.DOANH_THU ,P08,2024M02,-3,official,'=1+1",
    'VT.DOANH_THU,P11,2024M02,4,official,ghi chú,extra',
    '',
  ].join('\n');

  for (const [name, eol] of [
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ] as const)
    it(`reads the rows csv-parse reads (${name})`, async () => {
      const { plain, quoted, last } = await bothWays(text, eol);
      expect(last).toMatchObject({ unit: 'P01', value: '7' });
      expect(plain).toEqual(quoted);
      // Rows are numbered by record, as csv-parse numbers them (an empty line is no record).
      expect(plain.map((r) => r.row)).toEqual([2, 3, 5, 6]);
      expect(plain[2]).toMatchObject({ indicator: ' VT.DOANH_THU ', value: '-3', note: '=1+1' });
    });

  it('leaves a file with a lone carriage return to csv-parse', async () => {
    const rows = await parseValueFile(
      Buffer.from('indicator,unit,period,value\rVT.DOANH_THU,P01,2024M01,1\r'),
      'r.csv',
    );
    expect(rows).toEqual([{ row: 2, indicator: 'VT.DOANH_THU', unit: 'P01', period: '2024M01', value: '1' }]);
  });

  it('reads the same rows in turns as in one go, past a few thousand records per turn', async () => {
    const many = [
      text,
      ...Array.from({ length: 12_000 }, (_, i) => `VT.DOANH_THU,P01,2024M01,${i},official,`),
    ].join('\n');
    for (const eol of ['\n', '\r\n']) {
      const data = Buffer.from(many.replaceAll('\n', eol));
      const turns = await readPlainCsv(data);
      expect(turns).toHaveLength(12_004);
      expect(turns).toEqual(await parseValueFile(data, 'p.csv'));
    }
    // A quote sends the file to the parser.
    expect(await readPlainCsv(Buffer.from(`${many}\nVT.DOANH_THU,P01,2024M09,"7",official\n`))).toBeNull();
  });

  /** What a reader gives for `data`: its rows, or its error's English message. */
  const outcome = async (read: () => Promise<unknown>) => {
    try {
      return { rows: await read() };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  };
  const row = (i: number) =>
    `VT.DOANH_THU,P${String(i % 34).padStart(2, '0')},2024M01,${i},ước,ghi chú số ${i} đã sửa`;

  it('splits megabytes in turns with the rows and errors of the parser: characters, CRLF, limits', async () => {
    const MiB = 1024 * 1024;
    const lines = (n: number, pad = 0) => [
      'indicator,unit,period,value,status,note',
      `${row(0)}${'x'.repeat(pad)}`,
      ...Array.from({ length: n - 1 }, (_, i) => row(i + 1)),
    ];
    // A CR as the last byte of the first megabyte, its LF the first of the second.
    const crlf = lines(60_000).join('\r\n');
    const crAt = Buffer.from(crlf).indexOf('\r\n', MiB - 200);
    const split = Buffer.from(`${lines(60_000, MiB - 1 - crAt).join('\r\n')}\r\n`);
    expect(split.subarray(MiB - 1, MiB + 1).toString()).toBe('\r\n');
    // A record of exactly the longest length allowed, its CR the last byte of the second megabyte.
    const longest = `${'z'.repeat(32_766)},`.repeat(63) + 'z'.repeat(MAX_RECORD_CHARS - 63 * 32_767);
    const head = `indicator,unit,period,value,status,${'n'.repeat(2 * MiB - 1 - MAX_RECORD_CHARS - 37)}`;
    const atLimit = Buffer.from(`${head}\r\n${longest}\r\n${row(1)}\r\n`);
    expect(atLimit.subarray(2 * MiB - 1, 2 * MiB + 1).toString()).toBe('\r\n');
    const overRows = Buffer.from(lines(FILE_LIMITS.rows + 5).join('\n'));
    const tooLong = Buffer.from([...lines(10), 'y,'.repeat(1_200_000)].join('\n'));
    const notUtf8 = Buffer.from([0xc3, 0x28, 0x0a]);
    // Read by splitting, with the parser's outcome; or left to the parser (null), which refuses it.
    const files: [string, Buffer, 'split' | 'parser'][] = [
      // Vietnamese letters (2–3 bytes each) fall across megabyte boundaries.
      ['BOM, CRLF, 3 MB', Buffer.from(`\uFEFF${crlf}\r\n`), 'split'],
      ['a CRLF pair across a megabyte boundary', split, 'split'],
      ['a record of the longest length, its CRLF across a boundary', atLimit, 'split'],
      ['LF without a last break', Buffer.from(lines(60_000).join('\n')), 'split'],
      ['rows over the limit', overRows, 'split'],
      [
        'a cell over its limit, then more rows',
        Buffer.from(
          [...lines(30_000), `VT.DOANH_THU,P01,2024M02,1,ước,${'x'.repeat(40_000)}`, row(1)].join('\n'),
        ),
        'split',
      ],
      ['a record longer than any may be', tooLong, 'split'],
      ['bytes that are not UTF-8', Buffer.concat([Buffer.from(lines(50_000).join('\n')), notUtf8]), 'parser'],
      // The parser refuses bytes that are not UTF-8 before it counts anything.
      ['rows over the limit, then bytes that are not UTF-8', Buffer.concat([overRows, notUtf8]), 'parser'],
      ['a record too long, then bytes that are not UTF-8', Buffer.concat([tooLong, notUtf8]), 'parser'],
    ];
    for (const [what, data, reader] of files) {
      const plain = await outcome(() => readPlainCsv(data));
      const parsed = await outcome(() => parseValueFile(data, 'p.csv'));
      if (reader === 'parser') {
        expect(plain, what).toEqual({ rows: null });
        expect(parsed, what).toMatchObject({ error: expect.stringContaining('UTF-8') });
      } else {
        expect(plain, what).not.toEqual({ rows: null });
        expect(plain, what).toEqual(parsed);
      }
    }
  }, 120_000);
});
