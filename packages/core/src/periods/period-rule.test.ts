import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ctx, systemCtx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { initStore } from '../demo/init.ts';
import { getForm, saveForm } from '../forms/forms.ts';
import { openReportingPeriod } from './reporting-periods.ts';
import { importValues } from '../imports/imports.ts';
import { createTestDatabase } from '../testing.ts';
import { lockPeriod, unlockPeriod } from '../values/locks.ts';
import { countValues } from '../values/values.ts';

let db: Database;
let officer: Ctx;
beforeAll(async () => {
  db = await createTestDatabase();
  officer = { ...systemCtx(db), actor: { username: 'can-bo', role: 'officer', unitId: null } };
  await initStore(officer);
});
afterAll(() => db.close());

const file = (period: string) => Buffer.from(`indicator,unit,period,value\nVT.DOANH_THU,P01,${period},12\n`);
const refusal = async (ctx: Ctx, period: string) => {
  const before = await countValues(ctx);
  const e = await importValues(ctx, { data: file(period), filename: 'x.csv' }).catch((x: unknown) => x);
  expect(await countValues(ctx)).toEqual(before);
  return e;
};

describe('one rule for closed periods, consulted by every writer', () => {
  it('an import into a closed reporting period is refused with the same error a form gets', async () => {
    await openReportingPeriod(officer, { period: '2025M09', closed: true });
    expect(await refusal(officer, '2025M09')).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [
        {
          row: 2,
          field: 'period',
          code: 'PERIOD_CLOSED',
          message:
            'Dòng 2: kỳ 2025M09 đã đóng (kỳ báo cáo 2025M09 đã đóng); đề nghị cán bộ tổng hợp mở lại nếu cần sửa',
        },
      ],
    });
    await openReportingPeriod(officer, { period: '2025M09', closed: false });
    await expect(importValues(officer, { data: file('2025M09'), filename: 'x.csv' })).resolves.toMatchObject({
      inserted: 1,
    });
  });

  it('a locked period closes its reporting periods’ forms too', async () => {
    await openReportingPeriod(officer, { period: '2025M10' });
    await lockPeriod(officer, { period: '2025Q4', reason: 'đã tổng hợp quý' });
    expect((await getForm(officer, { unit: 'P01', period: '2025M10' })).closed).toBe(true);
    await expect(
      saveForm(officer, {
        unit: 'P01',
        period: '2025M10',
        values: [{ indicator: 'VT.DOANH_THU', value: 5 }],
      }),
    ).rejects.toMatchObject({ code: 'PERIOD_CLOSED', status: 409 });
    expect(await refusal(officer, '2025M11')).toMatchObject({
      details: [expect.objectContaining({ code: 'PERIOD_CLOSED' })],
    });
    await unlockPeriod(officer, { period: '2025Q4', reason: 'sửa số liệu' });
    expect((await getForm(officer, { unit: 'P01', period: '2025M10' })).closed).toBe(false);
  });
});
