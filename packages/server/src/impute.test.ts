import { createLogger, initStore, loadUnitGraph, submitValues, systemCtx } from '@baocao/core';
import { type TestDatabase, createTestDatabase } from '@baocao/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import type { App } from './route.ts';

let db: TestDatabase;
let app: App;
const TOKEN = 'impute-token-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };
const get = (url: string, headers: Record<string, string> = auth) =>
  app.inject({ method: 'GET', url, headers });
const NOW = '2026M09';
const MISSING = ['P11', 'P31', 'P66'];

beforeAll(async () => {
  db = await createTestDatabase();
  const sys = systemCtx(db);
  await initStore(sys);
  const provinces = [...(await loadUnitGraph(db.k)).byCode.values()]
    .filter((u) => u.kind === 'province' && !u.validTo)
    .map((u) => u.code);
  // A year ago every province 500; now 550 (+10%), three missing: each estimated at 550.
  const rows = [
    ...provinces.map((unit) => ({ unit, period: '2025M09', value: 500 })),
    ...provinces.filter((u) => !MISSING.includes(u)).map((unit) => ({ unit, period: NOW, value: 550 })),
  ];
  await submitValues(sys, {
    rows: rows.map((r, i) => ({ row: i + 1, indicator: 'VT.DOANH_THU', ...r, status: 'official' })),
  });
  app = await buildApp({ db, log: createLogger({ level: 'silent' }), apiToken: TOKEN, webRoot: null });
}, 180_000);
afterAll(async () => {
  await app.close();
  await db.close();
});

describe('an imputed national figure over HTTP', () => {
  it('the API says so: status imputed, the imputed share, the coverage', async () => {
    const r = await get(`/api/compare?indicator=VT.DOANH_THU&unit=VN&period=${NOW}`);
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body).toMatchObject({
      value: 34 * 550,
      status: 'imputed',
      imputed: { units: 3, expected: 34, unitCodes: MISSING, value: 1650 },
      completeness: { expected: 34, reported: 31 },
    });
    expect(body.imputed.sharePct).toBeCloseTo((3 / 34) * 100, 9);
    const pivot = (await get(`/api/pivot?indicators=VT.DOANH_THU&units=VN,P01&periods=${NOW}`)).json();
    expect(pivot).toEqual([
      expect.objectContaining({
        unit: 'VN',
        status: 'imputed',
        imputed: expect.objectContaining({ units: 3 }),
      }),
      expect.objectContaining({ unit: 'P01', status: 'official' }),
    ]);
    expect(pivot[1].imputed).toBeUndefined();
  });

  it('SDMX marks it with OBS_STATUS I (imputed value) and says the share in COMMENT', async () => {
    const codes = (await get('/sdmx/rest/v2/structure/codelist/BAOCAO/CL_OBS_STATUS/1.0')).body;
    expect(codes).toContain('<str:Code id="I"');
    const flow = `/sdmx/rest/data/DF_VT/VT-DOANH_THU.VN+P01?startPeriod=2026-09&endPeriod=2026-09`;
    const generic = (await get(flow)).body;
    expect(generic).toMatch(
      /<gen:ObsValue value="18700"\/><gen:Attributes><gen:Value id="OBS_STATUS" value="I"\/>.*?<gen:Value id="COMMENT" value="31\/34 units reported; 3\/34 units imputed, 8.8% of the value"\/>/s,
    );
    const csv = (await get(flow, { ...auth, accept: 'application/vnd.sdmx.data+csv;version=2.0.0' })).body;
    expect(csv).toContain(',VT-DOANH_THU,VN,2026-09,18700,I,');
    expect(csv).toMatch(/,VT-DOANH_THU,P01,2026-09,550,A,/);
  });
});
