import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ctx, systemCtx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { initStore } from '../demo/init.ts';
import { MAX_LISTED_ERRORS } from '../errors.ts';
import { getForm, importFormFile } from '../forms/forms.ts';
import { openReportingPeriod } from '../periods/reporting-periods.ts';
import { createTestDatabase } from '../testing.ts';
import { loadUnitGraph } from '../units/unit-graph.ts';
import { countValues } from '../values/values.ts';
import { importValues } from './imports.ts';
import { FILE_LIMITS } from './limits.ts';

let db: Database;
let sys: Ctx;
beforeAll(async () => {
  db = await createTestDatabase();
  sys = systemCtx(db);
  await initStore(sys);
});
afterAll(() => db.close());

/** Imports the file and returns the error it was refused with, after checking nothing changed. */
async function refusal(data: Buffer, filename: string, ctx: Ctx = sys) {
  const before = await countValues(sys);
  const err: unknown = await importValues(ctx, { data, filename }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(await countValues(sys)).toEqual(before);
  expect(err).toMatchObject({ code: expect.any(String) });
  return err as {
    code: string;
    status: number;
    message: string;
    details: { row?: number; field?: string; code: string }[];
    detailsTotal: number;
    detailsByCode: Record<string, number>;
  };
}

async function workbook(fill: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet('Số liệu'));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const HEADER = ['indicator', 'unit', 'period', 'value', 'status', 'note'];

describe('a file is bounded by what we accept, before the work is done', () => {
  it('refuses a sparse XLSX (one cell in column XFD per row) in well under a second', async () => {
    const data = await workbook((ws) => {
      ws.addRow(HEADER);
      for (let r = 2; r <= 3001; r++) ws.getCell(`XFD${r}`).value = 1;
    });
    expect(data.length).toBeLessThan(40_000);
    // Timed again (up to three times) before it fails: a busy machine's pause lands in one turn.
    const times: number[] = [];
    let e: Awaited<ReturnType<typeof refusal>> | undefined;
    for (let attempt = 0; attempt < 3 && !times.some((t) => t < 800); attempt++) {
      const heap = process.memoryUsage().heapUsed;
      const t = performance.now();
      e = await refusal(data, 'thua.xlsx');
      times.push(performance.now() - t);
      expect(process.memoryUsage().heapUsed - heap).toBeLessThan(200 * 1024 * 1024);
    }
    expect(Math.min(...times)).toBeLessThan(800);
    expect(e).toMatchObject({ code: 'FILE_TOO_LARGE', status: 413 });
    expect(e?.message).toContain('XFD2');
  });

  it('refuses an XLSX whose parts declare more than the inflated limit, without inflating them', async () => {
    const data = await workbook((ws) => {
      ws.addRow(HEADER);
      ws.addRow(['VT.DOANH_THU', 'P01', '2024M01', 5, 'ước', 'x'.repeat(1000)]);
    });
    // Rewrite the declared size of the first part in the central directory.
    const cd = data.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const first = data.readUInt32LE(cd + 16);
    data.writeUInt32LE(FILE_LIMITS.inflatedBytes + 1, first + 24);
    const e = await refusal(data, 'bom.xlsx');
    expect(e).toMatchObject({ code: 'FILE_TOO_LARGE' });
  });

  it('refuses a CSV with more rows than the limit, naming it', async () => {
    const rows = Array.from({ length: FILE_LIMITS.rows + 1 }, () => 'VT.DOANH_THU,P01,2024M01,1').join('\n');
    const e = await refusal(Buffer.from(`indicator,unit,period,value\n${rows}\n`), 'dai.csv');
    expect(e).toMatchObject({ code: 'FILE_TOO_LARGE' });
    expect(e.message).toContain('500.000');
  });

  it('lists the first errors and counts every one by code', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `VT.DOANH_THU,P01,2024M01,x${i}`).join('\n');
    const e = await refusal(Buffer.from(`indicator,unit,period,value\n${rows}\n`), 'sai.csv');
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.details).toHaveLength(MAX_LISTED_ERRORS);
    expect(e.details[0]).toMatchObject({ row: 2, field: 'value', code: 'NOT_A_NUMBER' });
    // Every row is a bad number, and every row after the first repeats the first one's cell.
    expect(e.detailsTotal).toBe(9999);
    expect(e.detailsByCode).toEqual({ NOT_A_NUMBER: 5000, DUPLICATE_ROW: 4999 });
  });

  it('quotes at most a few dozen characters of a bad value in its message', async () => {
    const e = await refusal(
      Buffer.from(`indicator,unit,period,value\nVT.DOANH_THU,P01,2024M01,${'9a'.repeat(5000)}\n`),
      'x.csv',
    );
    expect(JSON.stringify(e.details).length).toBeLessThan(400);
  });
});

describe('import leniency is gone', () => {
  it('a duplicated column is refused, naming both', async () => {
    const e = await refusal(
      Buffer.from('indicator,unit,period,value,Giá trị\nVT.DOANH_THU,P01,2024M01,1,2\n'),
      'd.csv',
    );
    expect(e).toMatchObject({ code: 'DUPLICATE_COLUMN' });
    expect(e.details[0]).toMatchObject({ row: 1, field: 'value' });
    expect(e.message).toContain('cột 4 và 5');
  });
  it('a header-only file imports nothing and says so', async () => {
    expect(await refusal(Buffer.from('indicator,unit,period,value\n'), 'h.csv')).toMatchObject({
      code: 'NO_ROWS',
    });
    expect(await refusal(Buffer.from('[]'), 'h.json')).toMatchObject({ code: 'NO_ROWS' });
    const xlsx = await workbook((ws) => ws.addRow(HEADER));
    expect(await refusal(xlsx, 'h.xlsx')).toMatchObject({ code: 'NO_ROWS' });
  });
  it('an over-long note is refused, not stored', async () => {
    const e = await refusal(
      Buffer.from(`indicator,unit,period,value,note\nVT.DOANH_THU,P01,2024M01,1,${'n'.repeat(2001)}\n`),
      'n.csv',
    );
    expect(e.details[0]).toMatchObject({ row: 2, field: 'note', code: 'NOTE_TOO_LONG' });
  });
});

describe('numbers are read by the indicator’s rule, never rounded', () => {
  const one = (indicator: string, value: string) =>
    Buffer.from(`indicator,unit,period,value\n${indicator},P01,2024M01,"${value}"\n`);
  it.each([
    ['VT.DOANH_THU', '1,234', 'AMBIGUOUS_NUMBER'],
    ['VT.DOANH_THU', '1.234', 'AMBIGUOUS_NUMBER'],
    ['VT.DOANH_THU', '1e-400', 'TOO_MANY_DECIMALS'],
    ['VT.DOANH_THU', '123456789012345678901234567890', 'TOO_MANY_DIGITS'],
    ['VT.DOANH_THU', '1e308', 'OUT_OF_RANGE'],
    ['CNTT.SO_DOANH_NGHIEP', '1,234', 'AMBIGUOUS_NUMBER'],
    ['CNTT.SO_DOANH_NGHIEP', '12,5', 'NOT_AN_INTEGER'],
  ])('%s %s → %s', async (indicator, value, code) => {
    const e = await refusal(one(indicator, value), 'v.csv');
    expect(e.details[0]).toMatchObject({ row: 2, field: 'value', code });
  });
  it('a count written with thousands dots is read as the whole number it is', async () => {
    const r = await importValues(sys, { data: one('CNTT.SO_DOANH_NGHIEP', '45.600'), filename: 'c.csv' });
    expect(r).toMatchObject({ inserted: 1 });
    const v = await db.k
      .selectFrom('data_value')
      .select('value')
      .where('period', '=', '2024M01')
      .executeTakeFirstOrThrow();
    expect(Number(v.value)).toBe(45600);
  });
});

describe('a form file says its status in any spelling, and an unknown word is refused', () => {
  it('"Chính thức" is official, "xyz" is an error on its row', async () => {
    const graph = await loadUnitGraph(db.k);
    const reporter = {
      ...sys,
      actor: { username: 'r', role: 'reporter' as const, unitId: graph.byCode.get('P48')!.id },
    };
    const officer = { ...sys, actor: { username: 'o', role: 'officer' as const, unitId: null } };
    await openReportingPeriod(officer, { period: '2025M09' });
    const file = (status: string) =>
      workbook((ws) => {
        ws.addRow(HEADER);
        ws.addRow(['VT.DOANH_THU', 'P48', '2025M09', 1250, status, null]);
      });
    const key = { unit: 'P48', period: '2025M09' };
    await importFormFile(reporter, { ...key, data: await file('Chính thức'), filename: 'f.xlsx' });
    const form = await getForm(reporter, key);
    expect(form.rows.find((r) => r.indicator === 'VT.DOANH_THU')).toMatchObject({
      value: 1250,
      status: 'official',
    });
    const bad = await importFormFile(reporter, { ...key, data: await file('xyz'), filename: 'f.xlsx' }).catch(
      (e: unknown) => e,
    );
    expect(bad).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ row: 2, field: 'status', code: 'INVALID_STATUS' }],
    });
    expect((await getForm(reporter, key)).rows.find((r) => r.indicator === 'VT.DOANH_THU')).toMatchObject({
      status: 'official',
    });
  });
});
