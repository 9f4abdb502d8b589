import { createLogger, getIndicator, loadDemo, saveIndicators, submitValues, systemCtx } from '@baocao/core';
import { type TestDatabase, createTestDatabase } from '@baocao/core/testing';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import type { App } from './route.ts';

let db: TestDatabase;
let app: App;
const get = (url: string) => app.inject({ method: 'GET', url, headers: { host: 'solieu.example.gov.vn' } });

beforeAll(async () => {
  db = await createTestDatabase();
  const sys = systemCtx(db);
  await loadDemo(sys);
  // Not released: must appear nowhere in the open data.
  await submitValues(sys, {
    rows: [{ row: 1, indicator: 'VT.DOANH_THU', unit: 'P01', period: '2025M09', value: 4321.5 }],
  });
  app = await buildApp({
    db,
    log: createLogger({ level: 'silent' }),
    apiToken: 'open-data-token-0123',
    webRoot: null,
  });
}, 180_000);
afterAll(async () => {
  await app.close();
  await db.close();
});

describe('open data', () => {
  it('publishes a DCAT-AP catalog of released datasets with licence, publisher, coverage and release date', async () => {
    const r = await get('/open-data/catalog.jsonld');
    expect(r.headers['content-type']).toContain('application/ld+json');
    const cat = r.json();
    expect(cat['@type']).toBe('dcat:Catalog');
    const nganh = cat['dcat:dataset'].find(
      (d: { 'dct:identifier': string }) => d['dct:identifier'] === 'DF_NGANH',
    );
    expect(nganh).toMatchObject({
      'dct:license': { '@id': 'https://creativecommons.org/licenses/by/4.0/' },
      'dct:spatial': { '@id': 'http://publications.europa.eu/resource/authority/country/VNM' },
      'dct:temporal': {
        'dcat:startDate': { '@value': '2023-01-01' },
        'dcat:endDate': { '@value': '2024-08-31' },
      },
    });
    expect(nganh['dct:modified']['@value']).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(nganh['dcat:distribution'][0]).toMatchObject({
      'dcat:downloadURL': { '@id': 'http://solieu.example.gov.vn/open-data/datasets/DF_NGANH.csv' },
      'dct:conformsTo': { '@id': 'http://solieu.example.gov.vn/open-data/schema.json' },
    });
  });

  it('serves a data.json a CKAN harvester reads, and CSV files that follow their table schema', async () => {
    const dj = (await get('/data.json')).json();
    expect(dj.conformsTo).toBe('https://project-open-data.cio.gov/v1.1/schema');
    const ds = dj.dataset.find((d: { identifier: string }) => d.identifier.endsWith('/DF_NGANH'));
    for (const field of [
      'title',
      'description',
      'keyword',
      'modified',
      'publisher',
      'contactPoint',
      'identifier',
      'accessLevel',
      'license',
    ])
      expect(ds[field], field).toBeTruthy();
    const schema = (await get('/open-data/schema.json')).json();
    const csv = await get('/open-data/datasets/DF_NGANH.csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    const rows: Record<string, string>[] = parse(csv.body, { columns: true });
    // Every column is in the schema, in its order; required fields are filled; numbers are plain.
    expect(Object.keys(rows[0]!)).toEqual(schema.fields.map((f: { name: string }) => f.name));
    for (const r of rows) {
      for (const f of schema.fields.filter(
        (x: { constraints?: { required?: boolean } }) => x.constraints?.required,
      ))
        expect(r[f.name], f.name).not.toBe('');
      expect(r.value).toMatch(/^-?\d+(\.\d+)?$/);
    }
    expect(rows).toContainEqual(
      expect.objectContaining({
        indicator: 'NGANH.DOANH_THU',
        area: 'VN',
        period: '2024M01-M08',
        value: '2820865',
        status: 'estimate',
      }),
    );
    const vt = (await get('/open-data/datasets/DF_VT.csv')).body;
    expect(vt).not.toContain('4321.5');
    expect((await get('/open-data/datasets/DF_KHONG_CO.csv')).statusCode).toBe(404);
  });

  it('neutralises text that would start a spreadsheet formula in the public CSV, numbers unchanged', async () => {
    const sys = systemCtx(db);
    const ind = await getIndicator(sys, 'NGANH.DOANH_THU');
    const evil = '=HYPERLINK("http://evil.example/x","Bấm vào đây")';
    await saveIndicators(sys, [{ ...ind, nameVi: evil }]);
    const rows: Record<string, string>[] = parse((await get('/open-data/datasets/DF_NGANH.csv')).body, {
      columns: true,
    });
    const named = rows.filter((r) => r.indicator === 'NGANH.DOANH_THU');
    expect(named.length).toBeGreaterThan(0);
    for (const r of named) {
      expect(r.indicator_name).toBe(`'${evil}`);
      expect(r.value).toMatch(/^-?\d+(\.\d+)?$/);
    }
  });
});
