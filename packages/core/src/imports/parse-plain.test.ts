import { describe, expect, it } from 'vitest';
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
});
