import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ctx, systemCtx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { initStore } from '../demo/init.ts';
import { releasePeriod } from '../releases/release-period.ts';
import { createTestDatabase } from '../testing.ts';
import { submitValues } from '../values/values.ts';
import { getReport, listPublishedReports, publishReport } from './reports.ts';

let db: Database;
let officer: Ctx;
const KEY = { template: 'hop-bao-thang', period: '2026M08' };

beforeAll(async () => {
  db = await createTestDatabase();
  officer = { ...systemCtx(db), actor: { username: 'can-bo', role: 'officer', unitId: null } };
  await initStore(officer);
  await submitValues(officer, {
    rows: [
      { row: 1, indicator: 'NGANH.DOANH_THU', unit: 'VN', period: '2026M01-M08', value: 777777 },
      { row: 2, indicator: 'NGANH.DOANH_THU', unit: 'VN', period: '2025M01-M08', value: 700000 },
    ],
  });
});
afterAll(() => db.close());

describe('publishing a report never shows the public a figure of an unreleased period', () => {
  it('is refused, naming the periods, until they are released; forcing does not get round it', async () => {
    const publish = () =>
      publishReport(officer, { ...KEY, force: true, reason: 'thiếu số liệu một số chỉ tiêu' });
    await expect(publish()).rejects.toMatchObject({
      code: 'FIGURES_NOT_RELEASED',
      status: 409,
      details: expect.arrayContaining([
        expect.objectContaining({ field: '2026M01-M08', code: 'PERIOD_NOT_RELEASED' }),
        expect.objectContaining({ field: '2025M01-M08' }),
      ]),
    });
    expect(
      await listPublishedReports({ ...officer, actor: { username: 'x', role: 'public', unitId: null } }),
    ).toEqual([]);
    await releasePeriod(officer, { period: '2025' });
    await releasePeriod(officer, { period: '2026M01-M08' });
    const published = await publish();
    expect(published.report.status).toBe('published');
    const pub: Ctx = { ...officer, actor: { username: 'anonymous', role: 'public', unitId: null } };
    const seen = await getReport(pub, KEY);
    expect(seen.doc.figures.find((f) => f.indicator === 'NGANH.DOANH_THU')).toMatchObject({ value: 777777 });
  });
});
