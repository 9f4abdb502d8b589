import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ctx, systemCtx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { initStore } from '../demo/init.ts';
import { createTestDatabase } from '../testing.ts';
import { submitValues } from '../values/values.ts';
import { exportPivot } from './pivot.ts';

let db: Database;
const ctx = (): Ctx => systemCtx(db);
const sel = { indicators: ['ATTT.NOP_NSNN'], units: ['P48'], periods: ['2026M06'] };
beforeAll(async () => {
  db = await createTestDatabase();
  await initStore(ctx());
  await submitValues(ctx(), {
    rows: [{ row: 1, indicator: 'ATTT.NOP_NSNN', unit: 'P48', period: '2026M06', value: '1234,5' }],
    source: 'test',
  });
});
afterAll(() => db.close());

const file = async (o: { lang?: 'vi' | 'en'; dialect?: 'vi' | 'plain' }) =>
  (await exportPivot(ctx(), { ...sel, format: 'csv', ...o })).toString('utf8');

describe('pivot exports people can read', () => {
  it('names the indicator, its unit of measure and the unit, in Vietnamese words only', async () => {
    const vi = await file({ lang: 'vi' });
    const [head, row] = vi.replace('\uFEFF', '').split('\r\n');
    expect(head).toBe(
      'Mã chỉ tiêu,Chỉ tiêu,Đơn vị tính,Mã đơn vị,Đơn vị,Kỳ,Giá trị,Tình trạng số liệu,Số đơn vị đã báo cáo,Nguồn,Ước tính bù (số đơn vị và tỷ trọng)',
    );
    expect(row).toMatch(
      /^ATTT\.NOP_NSNN,Nộp ngân sách nhà nước[^,]*,tỷ đồng,P48,[^,]+,tháng 6\/2026,1234\.5,/,
    );
    expect(row).toContain('Đơn vị báo cáo');
    for (const english of ['reported', 'aggregated', 'official', 'estimate'])
      expect(vi).not.toContain(english);
  });

  it('writes the English file in English, units of measure included', async () => {
    const en = await file({ lang: 'en' });
    expect(en).toContain('Indicator code,Indicator,Unit of measure');
    expect(en).toContain('billion VND');
    expect(en).toContain('June 2026');
  });

  it('writes a CSV a Vietnamese spreadsheet opens as numbers: semicolons, decimal commas, a BOM', async () => {
    const raw = await exportPivot(ctx(), { ...sel, format: 'csv', lang: 'vi', dialect: 'vi' });
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [head, row] = raw.toString('utf8').slice(1).split('\r\n');
    expect(head!.split(';')).toHaveLength(11);
    expect(row!.split(';')[6]).toBe('1234,5');
  });

  it('keeps the programs’ file as it was, codes first, with the names after', async () => {
    const plain = await file({ dialect: 'plain' });
    const [head, row] = plain.replace('\uFEFF', '').split('\r\n');
    expect(head).toBe(
      'indicator,unit,period,value,status,coverage,source,indicatorName,measure,unitName,imputed',
    );
    expect(row).toMatch(/^ATTT\.NOP_NSNN,P48,2026M06,1234\.5,estimate,,reported,Nộp ngân sách/);
  });
});
