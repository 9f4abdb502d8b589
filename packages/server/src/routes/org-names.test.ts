import { type Database, createLogger, initStore, systemCtx } from '@baocao/core';
import { createTestDatabase } from '@baocao/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import type { App } from '../route.ts';

let db: Database;
let app: App;
const TOKEN = 'test-token-org-names-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };

beforeAll(async () => {
  db = await createTestDatabase();
  await initStore(systemCtx(db));
  app = await buildApp({ db, log: createLogger({ level: 'silent' }), apiToken: TOKEN });
});
afterAll(async () => {
  await app.close();
  await db.close();
});

describe('the organisation’s names over HTTP', () => {
  it('shows anyone the names of a date, and lets only a signed-in administrator change them', async () => {
    const old = await app.inject({ method: 'GET', url: '/api/org-names/on?date=2024-08-31' });
    expect(old.json()).toMatchObject({ 'issuer.name': 'Bộ Thông tin và Truyền thông' });
    const now = await app.inject({ method: 'GET', url: '/api/org-names/on?date=2026-12-03' });
    expect(now.json()).toMatchObject({
      'issuer.name': 'Bộ Khoa học và Công nghệ',
      'sector.short': 'ngành KH&CN',
    });
    const row = { key: 'issuer.symbol', validFrom: '2027-01-01', value: 'BKHCNX' };
    expect((await app.inject({ method: 'PUT', url: '/api/org-names', payload: row })).statusCode).toBe(401);
    const put = await app.inject({ method: 'PUT', url: '/api/org-names', payload: row, headers: auth });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toContainEqual(row);
    const bad = await app.inject({
      method: 'PUT',
      url: '/api/org-names',
      payload: { ...row, value: '' },
      headers: auth,
    });
    expect(bad.statusCode).toBe(400);
    const del = await app.inject({
      method: 'DELETE',
      url: '/api/org-names?key=issuer.symbol&validFrom=2027-01-01',
      headers: auth,
    });
    expect(del.json()).not.toContainEqual(row);
  });
});
