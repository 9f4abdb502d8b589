import { type Database, createLogger, loadDemo, systemCtx } from '@baocao/core';
import { createTestDatabase } from '@baocao/core/testing';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import type { App } from './route.ts';

let db: Database;
let app: App;
const TOKEN = 'test-token-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };

beforeAll(async () => {
  db = await createTestDatabase();
  await loadDemo(systemCtx(db));
  app = await buildApp({ db, log: createLogger({ level: 'silent' }), apiToken: TOKEN });
});
afterAll(async () => {
  await app.close();
  await db.close();
});

describe('HTTP API', () => {
  it('answers health without credentials and sets security headers', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/health' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ status: 'ok', store: db.engine });
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    // Reached over plain HTTP on a LAN address, the page must not send its assets to https.
    expect(String(r.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
  });

  it('documents every route in OpenAPI and on a browsable page', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/compare', '/api/imports', '/api/exports']),
    );
    expect(doc.paths['/api/compare'].get.parameters.map((p: { name: string }) => p.name)).toEqual([
      'indicator',
      'unit',
      'period',
    ]);
    const page = await app.inject({ method: 'GET', url: '/api/docs' });
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('/api/compare');
  });

  it('refuses writes without credentials and unreleased figures to the public', async () => {
    const w = await app.inject({ method: 'POST', url: '/api/values', payload: { values: [] } });
    expect(w.statusCode).toBe(401);
    expect(w.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    const r = await app.inject({
      method: 'GET',
      url: '/api/compare?indicator=NGANH.DOANH_THU&period=2025M01',
    });
    expect(r.statusCode).toBe(404);
    expect(r.json()).toMatchObject({ code: 'NOT_PUBLISHED' });
  });

  it('compares a figure', async () => {
    const r = await app.inject({
      method: 'GET',
      url: '/api/compare?indicator=NGANH.DOANH_THU&period=2024M01-M08',
      headers: auth,
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      value: 2820865,
      plan: { value: 4245382 },
      lastYear: { period: '2023M01-M08' },
    });
  });

  it('refuses a bad import with per-row errors and writes nothing', async () => {
    const body = 'indicator,unit,period,value\nVT.DOANH_THU,P01,2024M03,12\nVT.DOANH_THU,P01,2024M04,abc\n';
    const r = await app.inject({
      method: 'POST',
      url: '/api/imports?filename=x.csv',
      headers: { ...auth, 'content-type': 'text/csv' },
      payload: body,
    });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ row: 3, field: 'value', code: 'NOT_A_NUMBER' }],
    });
    const exported = await app.inject({
      method: 'GET',
      url: '/api/exports?indicators=VT.DOANH_THU&format=json',
      headers: auth,
    });
    expect(exported.json().values).toEqual([]);
  });

  it('imports a good file and exports it', async () => {
    const body = 'indicator,unit,period,value\nVT.DOANH_THU,P01,2024M03,12\n';
    const r = await app.inject({
      method: 'POST',
      url: '/api/imports?filename=x.csv',
      headers: { ...auth, 'content-type': 'text/csv' },
      payload: body,
    });
    expect(r.json()).toMatchObject({ inserted: 1 });
    const csv = await app.inject({
      method: 'GET',
      url: '/api/exports?indicators=VT.DOANH_THU&format=csv',
      headers: auth,
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('VT.DOANH_THU,P01,2024M03,12,estimate');
  });

  it('explains an invalid query field', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/units?kind=planet', headers: auth });
    expect(r.statusCode).toBe(400);
    expect(r.json().details[0]).toMatchObject({ field: 'kind', code: 'UNKNOWN_KIND' });
  });

  it('serves the app compressed, its hashed assets cached for a year and the page revalidated', async () => {
    const root = mkdtempSync(join(tmpdir(), 'baocao-web-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>baocao</title><h1>Báo cáo</h1>');
    const js = `export const words = ${JSON.stringify('thống kê '.repeat(2000))};`;
    writeFileSync(join(root, 'assets', 'index-3f9c2a1b.js'), js);
    const web = await buildApp({
      db,
      log: createLogger({ level: 'silent' }),
      apiToken: TOKEN,
      webRoot: root,
    });
    try {
      const asset = await web.inject({
        method: 'GET',
        url: '/assets/index-3f9c2a1b.js',
        headers: { 'accept-encoding': 'br, gzip' },
      });
      expect(asset.statusCode).toBe(200);
      expect(asset.headers['content-encoding']).toBe('br');
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(asset.rawPayload.length).toBeLessThan(js.length / 10);
      const page = await web.inject({ method: 'GET', url: '/forms/P48/2026M10' });
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.body).toContain('<h1>Báo cáo</h1>');
    } finally {
      await web.close();
    }
  });
});
