import { describe, expect, it } from 'vitest';
import { FILE_LIMITS } from './limits.ts';
import { parseValueFile } from './parse-file.ts';
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
    const lines = (n: number) => [
      'indicator,unit,period,value,status,note',
      ...Array.from({ length: n }, (_, i) => row(i)),
    ];
    const files: [string, Buffer][] = [
      // Vietnamese letters (2–3 bytes each) and CRLF pairs fall across megabyte boundaries.
      ['BOM, CRLF, 3 MB', Buffer.from(`\uFEFF${lines(60_000).join('\r\n')}\r\n`)],
      ['LF without a last break', Buffer.from(lines(60_000).join('\n'))],
      ['rows over the limit', Buffer.from(lines(FILE_LIMITS.rows + 5).join('\n'))],
      [
        'a cell over its limit, then more rows',
        Buffer.from(
          [...lines(30_000), `VT.DOANH_THU,P01,2024M02,1,ước,${'x'.repeat(40_000)}`, row(1)].join('\n'),
        ),
      ],
      ['a record longer than any may be', Buffer.from([...lines(10), 'y,'.repeat(1_200_000)].join('\n'))],
      [
        'bytes that are not UTF-8',
        Buffer.concat([Buffer.from(lines(50_000).join('\n')), Buffer.from([0xc3, 0x28, 0x0a])]),
      ],
    ];
    for (const [what, data] of files) {
      const plain = await outcome(() => readPlainCsv(data));
      const parsed = await outcome(() => parseValueFile(data, 'p.csv'));
      if ('rows' in plain && plain.rows === null) {
        // Not plain: left to the parser, which refuses it.
        expect(parsed, what).toHaveProperty('error');
        expect(what).toBe('bytes that are not UTF-8');
      } else expect(plain, what).toEqual(parsed);
    }
  }, 60_000);
});
