import { type Database, createLogger, initStore, systemCtx } from '@baocao/core';
import { createTestDatabase } from '@baocao/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import type { App } from '../route.ts';

let db: Database;
let app: App;
const TOKEN = 'test-token-quality-0123456789abc';
const auth = { authorization: `Bearer ${TOKEN}` };

beforeAll(async () => {
  db = await createTestDatabase();
  await initStore(systemCtx(db));
  app = await buildApp({ db, log: createLogger({ level: 'silent' }), apiToken: TOKEN });
}, 300_000);
afterAll(async () => {
  await app.close();
  await db.close();
});

describe('bounds and ranges over HTTP', () => {
  it('refuses the 999.999.999.999 upload for Đà Nẵng with row, field and why, writing nothing', async () => {
    const file =
      'indicator,unit,period,value,status\nVT.THUE_BAO_BRDD,P48,2025M09,999.999.999.999,official\n';
    const res = await app.inject({
      method: 'POST',
      url: '/api/imports?filename=brdd.csv',
      payload: Buffer.from(file),
      headers: { ...auth, 'content-type': 'application/octet-stream' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ row: 2, field: 'value', code: 'OVER_POPULATION_BOUND' }],
    });
    expect(res.json().details[0].message).toContain('tối đa 3 × dân số 3.065.628 = 9.196.884');
    const api = await app.inject({
      method: 'POST',
      url: '/api/values',
      payload: {
        values: [{ indicator: 'VT.THUE_BAO_BRDD', unit: 'P48', period: '2025M09', value: 999999999999 }],
      },
      headers: auth,
    });
    expect(api.json()).toMatchObject({ details: [{ row: 1, code: 'OVER_POPULATION_BOUND' }] });
  });

  it('sets, lists and removes a range; a hard one refuses at entry, a soft one is an outlier finding', async () => {
    const range = { indicator: 'VT.DOANH_THU', unit: 'P48', min: 100, max: 900, hard: true };
    const put = await app.inject({ method: 'PUT', url: '/api/value-ranges', payload: range, headers: auth });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ ...range, setBy: 'api' });
    const bad = await app.inject({
      method: 'PUT',
      url: '/api/value-ranges',
      payload: { ...range, min: 1000 },
      headers: auth,
    });
    expect(bad.statusCode).toBe(400);
    const refused = await app.inject({
      method: 'POST',
      url: '/api/values',
      payload: { values: [{ indicator: 'VT.DOANH_THU', unit: 'P48', period: '2025M09', value: 5000 }] },
      headers: auth,
    });
    expect(refused.json()).toMatchObject({ details: [{ row: 1, field: 'value', code: 'OUTSIDE_RANGE' }] });
    await app.inject({
      method: 'PUT',
      url: '/api/value-ranges',
      payload: { ...range, hard: false },
      headers: auth,
    });
    const check = await app.inject({
      method: 'POST',
      url: '/api/outliers/check',
      payload: { unit: 'P48', period: '2025M09', values: [{ indicator: 'VT.DOANH_THU', value: 5000 }] },
      headers: auth,
    });
    expect(check.json()).toMatchObject([
      { code: 'OUTSIDE_RANGE', severity: 'warning', basis: { method: 'range', min: 100, max: 900 } },
    ]);
    const list = await app.inject({ method: 'GET', url: '/api/value-ranges?unit=P48', headers: auth });
    expect(list.json()).toHaveLength(1);
    const del = await app.inject({
      method: 'DELETE',
      url: '/api/value-ranges?indicator=VT.DOANH_THU&unit=P48',
      headers: auth,
    });
    expect(del.json()).toEqual({ removed: true });
    expect((await app.inject({ method: 'GET', url: '/api/value-ranges', headers: auth })).json()).toEqual([]);
  });
});
