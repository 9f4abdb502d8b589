import {
  type Database,
  createLogger,
  initStore,
  releasePeriod,
  setPlanTargets,
  submitValues,
  systemCtx,
} from '@baocao/core';
import { createTestDatabase } from '@baocao/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import type { App } from '../route.ts';

let db: Database;
let app: App;
const TOKEN = 'test-token-figure-words-0123';
const auth = { authorization: `Bearer ${TOKEN}` };
const PERIOD = '2026M10';
const put = (row: number, unit: string, period: string, value: number) => ({
  row,
  indicator: 'VT.DOANH_THU',
  unit,
  period,
  value,
  status: 'official',
});

beforeAll(async () => {
  db = await createTestDatabase();
  const ctx = systemCtx(db);
  await initStore(ctx);
  // Two of 34 provinces reported official figures: the national figure is a partial sum of official
  // values (said "là", not "ước đạt"), with a previous month, a last year and an annual plan.
  const rows = [
    ['P48', PERIOD, 2821],
    ['P01', PERIOD, 1204.5],
    ['P48', '2026M09', 2700],
    ['P01', '2026M09', 1250],
    ['P48', '2025M10', 2400],
    ['P01', '2025M10', 1000],
  ] as const;
  await submitValues(ctx, { rows: rows.map(([unit, period, value], n) => put(n + 1, unit, period, value)) });
  await setPlanTargets(ctx, [{ indicator: 'VT.DOANH_THU', unit: 'VN', year: 2026, value: 50000 }]);
  // Released with its bases, so the public may see the same comparisons.
  for (const period of ['2025M10', '2026M09', PERIOD])
    await releasePeriod(ctx, { period, force: true, reason: 'Công bố để kiểm thử câu nhận định' });
  app = await buildApp({ db, log: createLogger({ level: 'silent' }), apiToken: TOKEN });
  const templates = await app.inject({ method: 'GET', url: '/api/report-templates', headers: auth });
  const brief = templates.json().find((t: { code: string }) => t.code === 'hop-bao-thang');
  // A report stating the figure with every comparison, in the default wording.
  const saved = await app.inject({
    method: 'PUT',
    url: '/api/report-templates',
    headers: auth,
    payload: {
      ...brief,
      builtin: undefined,
      code: 'doanh-thu-vt',
      nameVi: 'Doanh thu viễn thông',
      nameEn: 'Telecom revenue',
      sections: [
        {
          kind: 'figures',
          id: 'doanh-thu',
          heading: 'Doanh thu',
          items: [{ indicator: 'VT.DOANH_THU', compare: ['previous', 'lastYear', 'plan'] }],
          table: { caption: 'Bảng 1. Doanh thu' },
        },
      ],
    },
  });
  expect(saved.statusCode, saved.body).toBe(200);
}, 180_000);
afterAll(async () => {
  await app?.close();
  await db?.close();
});

describe('one figure, one sentence: the API, the dashboard, the public page and the report say it alike', () => {
  it('gives the same sentence and words through every reader', async () => {
    const get = (url: string, headers = {}) => app.inject({ method: 'GET', url, headers });
    const compared = await get(`/api/compare?indicator=VT.DOANH_THU&unit=VN&period=${PERIOD}`, auth);
    expect(compared.statusCode).toBe(200);
    const c = compared.json();
    expect(c).toMatchObject({ status: 'partial', basis: 'official', value: 4025.5 });
    // 4.025,5 / 3.950 = +1,9%; / 3.400 = +18,4%; / 50.000 = 8,1% of the plan.
    const sentence =
      'Doanh thu dịch vụ viễn thông là 4.026 tỷ đồng (2/34 tỉnh, thành phố đã báo cáo), tăng 1,9% so với ' +
      'tháng 9/2026 (3.950 tỷ đồng), tăng 18,4% so với cùng kỳ năm 2025 (3.400 tỷ đồng) và đạt 8,1% so với ' +
      'kế hoạch năm (50.000 tỷ đồng).';
    expect(c.text).toBe(sentence);
    expect(c.words).toEqual({
      previousChange: { vi: 'tăng 1,9%', en: 'up 1.9%' },
      lastYearChange: { vi: 'tăng 18,4%', en: 'up 18.4%' },
      lastYearLine: { vi: 'tăng 18,4% so với cùng kỳ', en: 'up 18.4% on the same period last year' },
      planShare: { vi: '8,1%', en: '8.1%' },
      coverage: { vi: '2/34 tỉnh, thành phố đã báo cáo', en: '2 of 34 provinces reported' },
    });

    const card = (body: { cards: { compare: { indicator: string } }[] }) =>
      body.cards.find((x) => x.compare.indicator === 'VT.DOANH_THU');
    // The signed-in dashboard and the public page (which reads the dashboard as the public).
    const dashboard = await get(`/api/dashboard?unit=VN&period=${PERIOD}`, auth);
    const publicPage = await get(`/api/dashboard?period=${PERIOD}`);
    expect(publicPage.statusCode).toBe(200);
    for (const body of [dashboard.json(), publicPage.json()]) {
      expect(card(body)).toMatchObject({ compare: { text: sentence, textEn: c.textEn, words: c.words } });
    }

    // The report writes the same sentence (a partial sum of official figures: "là", like the API).
    const report = await get(`/api/reports?template=doanh-thu-vt&period=${PERIOD}&format=md`, auth);
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain(sentence);
    // Its table's change and share columns are the same words.
    const view = (await get(`/api/reports?template=doanh-thu-vt&period=${PERIOD}`, auth)).json();
    const table = view.doc.sections[0].blocks.find((b: { type: string }) => b.type === 'table');
    expect(table.rows[0]).toEqual(expect.arrayContaining(['tăng 18,4%', '8,1%']));
  });
});
