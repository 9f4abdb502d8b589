import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ctx, systemCtx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { initStore } from '../demo/init.ts';
import { importFormFile } from '../forms/forms.ts';
import { openReportingPeriod } from '../periods/reporting-periods.ts';
import { listIndicators } from '../catalog/indicators.ts';
import { createTestDatabase } from '../testing.ts';
import { loadUnitGraph } from '../units/unit-graph.ts';
import { readValue } from '../values/value-rule.ts';

let db: Database;
let reporter: Ctx;
const KEY = { unit: 'P48', period: '2025M10' };

beforeAll(async () => {
  db = await createTestDatabase();
  const sys = systemCtx(db);
  await initStore(sys);
  await openReportingPeriod(sys, { period: KEY.period });
  const graph = await loadUnitGraph(db.k);
  reporter = {
    ...sys,
    actor: { username: 'reporter-danang', role: 'reporter', unitId: graph.byCode.get('P48')!.id },
  };
}, 180_000);
afterAll(() => db.close());

/** An XLSX like the form's template, its values typed as text (as a person types them in a cell). */
async function xlsx(rows: [string, string, string, string][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Bieu mau');
  ws.addRow(['indicator', 'unit', 'period', 'value']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("a form's file is read as the form reads what people type", () => {
  it('gives the web form’s answer for every way of writing a number', async () => {
    const rule = (await listIndicators(reporter)).find((i) => i.code === 'BC.SAN_LUONG')!;
    for (const text of ['46.100', '46,1', '2.820.865', '1234,5']) {
      const form = readValue(text, rule, 'vi');
      expect('value' in form, text).toBe(true);
      const file = await xlsx([['BC.SAN_LUONG', 'P48', KEY.period, text]]);
      const f = await importFormFile(reporter, { ...KEY, data: file, filename: 'bieu-mau.xlsx' });
      expect(f.rows.find((r) => r.indicator === 'BC.SAN_LUONG')?.value, text).toBe(
        'value' in form ? form.value : null,
      );
    }
  });

  it('says once, in words, which rows belong to another unit or period', async () => {
    const rows = Array.from({ length: 8 }, (): [string, string, string, string] => [
      'VT.DOANH_THU',
      'P01',
      KEY.period,
      '5',
    ]);
    const err = await importFormFile(reporter, {
      ...KEY,
      data: await xlsx([...rows, ['VT.DOANH_THU', 'P48', '2025M09', '6']]),
      filename: 'ha-noi.xlsx',
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'VALIDATION_FAILED' });
    const details = (err as { details: { message: string; field: string }[] }).details;
    expect(details.map((d) => d.message)).toEqual([
      'Dòng 2, 3, 4, 5, 6 và 3 dòng khác: đơn vị là Thành phố Hà Nội (P01), nhưng biểu mẫu này là của Thành phố Đà Nẵng',
      'Dòng 10: kỳ là tháng 9/2025 (2025M09), nhưng biểu mẫu này là tháng 10/2025',
    ]);
    for (const d of details) expect(d.message).not.toMatch(/"unit"|"period"/);
  });

  it('says nothing was found when the value column is empty (numbers in another column)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Bieu mau');
    ws.addRow(['indicator', 'unit', 'period', 'value', 'note']);
    ws.addRow(['VT.DOANH_THU', 'P48', KEY.period, '', '1.250']);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    await expect(importFormFile(reporter, { ...KEY, data, filename: 'lech-cot.xlsx' })).rejects.toMatchObject(
      {
        code: 'NO_VALUES_IN_FILE',
        message: expect.stringContaining('Không tìm thấy số liệu nào trong tệp lech-cot.xlsx'),
      },
    );
  });
});
