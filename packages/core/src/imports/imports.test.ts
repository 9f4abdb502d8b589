import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { initStore } from '../demo/init.ts';
import { createTestDatabase } from '../testing.ts';
import { lockPeriod } from '../values/locks.ts';
import { countValues } from '../values/values.ts';
import { compareIndicator } from '../compare/compare.ts';
import { exportValues } from './export.ts';
import { importValues } from './imports.ts';
import { buildTemplate } from '../forms/template.ts';

let db: Database;
const ctx = () => systemCtx(db);
beforeAll(async () => {
  db = await createTestDatabase();
  await initStore(ctx());
  await lockPeriod(ctx(), { period: '2023', reason: 'đã công bố' });
});
afterAll(() => db.close());

const csv = (body: string) => Buffer.from(`indicator,unit,period,value,status\n${body}\n`);
const GOOD = 'VT.DOANH_THU,P01,2024M01,1200,ước\nVT.DOANH_THU,P79_CU,2024M01,3400.5,ước';

/** Imports the file, expects it refused with `code` on (row, field), and the store unchanged. */
async function expectRefused(
  data: Buffer,
  filename: string,
  code: string,
  at?: { row: number; field: string },
) {
  const before = await countValues(ctx());
  const err = await importValues(ctx(), { data, filename }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toMatchObject({ code: expect.any(String) });
  const e = err as {
    code: string;
    details: { row?: number; field?: string; code: string; message: string }[];
  };
  const codes = [e.code, ...e.details.map((d) => d.code)];
  expect(codes).toContain(code);
  if (at) expect(e.details).toContainEqual(expect.objectContaining({ row: at.row, field: at.field, code }));
  expect(await countValues(ctx())).toEqual(before);
  return e;
}

describe('import refuses bad input whole', () => {
  it('unknown indicator code', async () => {
    const e = await expectRefused(
      csv(`${GOOD}\nVT.KHONG_CO,P01,2024M01,5,ước`),
      'a.csv',
      'UNKNOWN_INDICATOR',
      { row: 4, field: 'indicator' },
    );
    expect(e.details[0]!.message).toContain('không có chỉ tiêu mã "VT.KHONG_CO"');
  });
  it('unknown unit code', () =>
    expectRefused(csv(`${GOOD}\nVT.DOANH_THU,P999,2024M01,5,ước`), 'a.csv', 'UNKNOWN_UNIT', {
      row: 4,
      field: 'unit',
    }));
  it('a value that is not a number', () =>
    expectRefused(csv(`${GOOD}\nVT.DOANH_THU,P04,2024M01,12abc,ước`), 'a.csv', 'NOT_A_NUMBER', {
      row: 4,
      field: 'value',
    }));
  it('a negative count', () =>
    expectRefused(csv(`VT.THUE_BAO_DI_DONG,P01,2024M01,-5,ước`), 'a.csv', 'NEGATIVE_VALUE', {
      row: 2,
      field: 'value',
    }));
  it('a duplicate row', async () => {
    const e = await expectRefused(
      csv(`${GOOD}\nVT.DOANH_THU,P01,2024M01,1300,ước`),
      'a.csv',
      'DUPLICATE_ROW',
      { row: 4, field: 'period' },
    );
    expect(e.details[0]!.message).toBe('Dòng 4 trùng với dòng 2 (cùng chỉ tiêu, đơn vị và kỳ)');
  });
  it('a period that is closed', () =>
    expectRefused(csv(`VT.DOANH_THU,P01,2023M05,5,ước`), 'a.csv', 'PERIOD_CLOSED', {
      row: 2,
      field: 'period',
    }));
  it('a period that has not started', () =>
    expectRefused(csv(`VT.DOANH_THU,P01,2099M05,5,ước`), 'a.csv', 'PERIOD_NOT_OPEN', {
      row: 2,
      field: 'period',
    }));
  it('a unit that did not exist in the period', () =>
    expectRefused(csv(`VT.DOANH_THU,P02_CU,2025M08,5,ước`), 'a.csv', 'UNIT_NOT_IN_FORCE', {
      row: 2,
      field: 'unit',
    }));
  it('a spreadsheet that is not one', () => expectRefused(csv(GOOD), 'a.xlsx', 'INVALID_FILE'));
  it('a CSV that is binary', () =>
    expectRefused(Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 1, 2]), 'a.csv', 'INVALID_FILE'));
  it('a JSON file that is not JSON', () =>
    expectRefused(Buffer.from('{"values": [1,'), 'a.json', 'INVALID_FILE'));
  it('a file without the required columns', () =>
    expectRefused(Buffer.from('a,b\n1,2\n'), 'a.csv', 'MISSING_COLUMN'));
});

describe('import and export', () => {
  it('imports CSV, then re-importing the same file changes nothing', async () => {
    const first = await importValues(ctx(), { data: csv(GOOD), filename: 'good.csv' });
    expect(first).toMatchObject({ rows: 2, inserted: 2, updated: 0 });
    const after = await countValues(ctx());
    const again = await importValues(ctx(), { data: csv(GOOD), filename: 'good.csv' });
    expect(again).toMatchObject({ rows: 2, inserted: 0, updated: 0, unchanged: 2 });
    expect(await countValues(ctx())).toEqual(after);
    const vn = await compareIndicator(ctx(), { indicator: 'VT.DOANH_THU', unit: 'VN', period: '2024M01' });
    expect(vn.value).toBe(4600.5);
    expect(vn.completeness).toMatchObject({ expected: 63, reported: 2 });
  });

  it('round-trips the XLSX template: filled in, it imports', async () => {
    const template = await buildTemplate(ctx(), { unit: 'P48', period: '2025M08' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(template).buffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('Mã chỉ tiêu');
    const codes: string[] = [];
    ws.eachRow((row, n) => {
      if (n === 1) return;
      codes.push(String(row.getCell(1).value));
      row.getCell(6).value = n * 10;
    });
    expect(codes).toContain('VT.DOANH_THU');
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await importValues(ctx(), { data: filled, filename: 'P48.xlsx' });
    expect(r.inserted).toBe(codes.length);
  });

  it('exports a selection to CSV, XLSX and JSON that import back unchanged', async () => {
    const json = await exportValues(ctx(), {
      indicators: ['VT.DOANH_THU'],
      units: ['VN'],
      period: '2024M01',
      format: 'json',
    });
    expect(JSON.parse(json.data.toString()).values).toHaveLength(2);
    for (const format of ['csv', 'xlsx', 'json'] as const) {
      const out = await exportValues(ctx(), { indicators: ['VT.DOANH_THU'], period: '2024', format });
      const r = await importValues(ctx(), { data: out.data, filename: `export.${format}` });
      expect(r).toMatchObject({ inserted: 0, updated: 0, unchanged: out.rows });
    }
  });

  it('reads Vietnamese number formats and refuses an ambiguous one', async () => {
    const r = await importValues(ctx(), {
      data: csv('VT.DOANH_THU,P01,2024M02,"2.820.865",ước\nVT.DOANH_THU,P79_CU,2024M02,"46,8",ước'),
      filename: 'vi.csv',
    });
    expect(r.inserted).toBe(2);
    const vn = await compareIndicator(ctx(), { indicator: 'VT.DOANH_THU', unit: 'VN', period: '2024M02' });
    expect(vn.value).toBeGreaterThan(2820865 + 46.7);
    await expectRefused(csv('VT.DOANH_THU,P04,2024M02,1.234,ước'), 'a.csv', 'AMBIGUOUS_NUMBER', {
      row: 2,
      field: 'value',
    });
  });
});
