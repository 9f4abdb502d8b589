// Every SDMX message we produce, checked against the official artefacts: SDMX-ML 2.1 with the XSDs
// (xmllint compiled to WebAssembly), SDMX-JSON 2.0.0 with its JSON schemas (ajv, 2020-12 class).
import { createLogger, loadDemo, systemCtx } from '@baocao/core';
import { type TestDatabase, createTestDatabase } from '@baocao/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import type { App } from './route.ts';
import { CONFORMANCE, type JsonCheck, SKIP_REASON, jsonSchema, sdmxXsd } from './testing/conformance.ts';

let db: TestDatabase;
let app: App;
const TOKEN = 'sdmx-conformance-token-0123';
const auth = { authorization: `Bearer ${TOKEN}` };
const get = (url: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers });
let dataSchema: JsonCheck;
let structureSchema: JsonCheck;

const V1 = '/sdmx/rest/data/BAOCAO,DF_NGANH,1.0/NGANH-DOANH_THU+NGANH-LOI_NHUAN.VN';
const V2 = '/sdmx/rest/v2/data/dataflow/BAOCAO/DF_NGANH/1.0/NGANH-DOANH_THU.*';
// A key with no data: an empty message must still be valid.
const EMPTY = '/sdmx/rest/data/BAOCAO,DF_NGANH,1.0/NGANH-DOANH_THU.VN?startPeriod=1990&endPeriod=1990';
const DETAILS = ['full', 'dataonly', 'serieskeysonly', 'nodata'];
const XML = {
  generic: 'application/vnd.sdmx.genericdata+xml;version=2.1',
  structureSpecific: 'application/vnd.sdmx.structurespecificdata+xml;version=2.1',
};
const JSON_DATA = 'application/vnd.sdmx.data+json;version=2.0.0';
const JSON_STRUCTURE = 'application/vnd.sdmx.structure+json;version=2.0.0';
// Each structure resource, with and without references, on the v1 and v2 paths.
const STRUCTURES = [
  '/sdmx/rest/dataflow/all/all/latest',
  '/sdmx/rest/datastructure/BAOCAO/DSD_BAOCAO/1.0?references=children',
  '/sdmx/rest/dataflow/BAOCAO/DF_VT/1.0?references=all',
  '/sdmx/rest/codelist/BAOCAO/CL_AREA/1.0',
  '/sdmx/rest/conceptscheme/BAOCAO/CS_BAOCAO/1.0',
  '/sdmx/rest/v2/structure/codelist/BAOCAO/CL_OBS_STATUS/1.0',
  '/sdmx/rest/v2/structure/datastructure/BAOCAO/DSD_BAOCAO/latest',
];

beforeAll(async () => {
  db = await createTestDatabase();
  await loadDemo(systemCtx(db));
  app = await buildApp({ db, log: createLogger({ level: 'silent' }), apiToken: TOKEN, webRoot: null });
  if (CONFORMANCE) {
    dataSchema = jsonSchema('sdmx-json-2.0.0/sdmx-json-data-schema.json');
    structureSchema = jsonSchema('sdmx-json-2.0.0/sdmx-json-structure-schema.json');
  }
}, 180_000);
afterAll(async () => {
  await app.close();
  await db.close();
});

const urls = (base: string, public_ = false) =>
  DETAILS.flatMap((d) => [`${base}${base.includes('?') ? '&' : '?'}detail=${d}`]).map((url) => ({
    url,
    headers: public_ ? {} : auth,
  }));

describe.skipIf(!CONFORMANCE)(
  `SDMX conformance (${CONFORMANCE ? 'official artefacts' : SKIP_REASON})`,
  () => {
    it('SDMX-JSON 2.0.0 data messages validate with 0 errors: each detail, empty results, v1 and v2 paths', async () => {
      for (const { url, headers } of [...urls(V1), ...urls(V2), ...urls(V1, true)]) {
        const r = await get(url, { ...headers, accept: JSON_DATA });
        expect(r.statusCode, url).toBe(200);
        expect(r.headers['content-type']).toContain('application/vnd.sdmx.data+json');
        expect(dataSchema(r.json()), url).toEqual([]);
      }
    });

    it('SDMX-ML 2.1 data messages validate against the XSDs: generic and structure-specific', async () => {
      // Structure-specific data validate only with their DSD's schema (its types are the DSD's).
      for (const { url, headers } of [...urls(V1), ...urls(V2)]) {
        const r = await get(url, { ...headers, accept: XML.generic });
        expect(r.statusCode, url).toBe(200);
        expect(await sdmxXsd(r.body), url).toEqual([]);
      }
    }, 300_000);

    it('serves the structure-specific schema of the DSD; structure-specific data validate against it', async () => {
      const xsd = await get('/sdmx/rest/schema/datastructure/BAOCAO/DSD_BAOCAO/1.0');
      expect(xsd.statusCode).toBe(200);
      expect(xsd.headers['content-type']).toContain('xml');
      const dsd = { fileName: 'DSD_BAOCAO.xsd', contents: xsd.body };
      for (const { url, headers } of [...urls(V1), ...urls(V2)]) {
        const data = await get(url, { ...headers, accept: XML.structureSpecific });
        expect(await sdmxXsd(data.body, dsd), url).toEqual([]);
      }
      // A value the DSD does not allow fails its schema (so the check can fail).
      const full = await get(`${V1}?detail=full`, { ...auth, accept: XML.structureSpecific });
      expect(await sdmxXsd(full.body.replace(/OBS_STATUS="[A-Z]+"/, 'OBS_STATUS="ZZ"'), dsd)).not.toEqual([]);
      for (const flow of ['dataflow/BAOCAO/DF_NGANH/1.0', 'dataflow/BAOCAO/DF_NGANH/latest'])
        expect((await get(`/sdmx/rest/schema/${flow}`)).statusCode).toBe(200);
      expect((await get('/sdmx/rest/schema/datastructure/BAOCAO/DSD_KHONG/1.0')).statusCode).toBe(404);
    }, 300_000);

    it('answers a query that matches no data with 404 no results, in every format', async () => {
      for (const accept of [
        ...Object.values(XML),
        JSON_DATA,
        'application/vnd.sdmx.data+csv;version=2.0.0',
      ]) {
        const r = await get(EMPTY, { ...auth, accept });
        expect(r.statusCode, accept).toBe(404);
        expect(r.json().code).toBe('NO_RESULTS');
      }
    });

    it('SDMX-ML structure messages validate against the XSDs', async () => {
      for (const url of STRUCTURES) {
        const r = await get(url);
        expect(r.statusCode, url).toBe(200);
        expect(await sdmxXsd(r.body), url).toEqual([]);
      }
    }, 300_000);

    it('SDMX-JSON 2.0.0 structure messages validate with 0 errors: each resource, references, v1 and v2, both languages', async () => {
      for (const url of STRUCTURES)
        for (const language of ['vi', 'en']) {
          const r = await get(url, { accept: JSON_STRUCTURE, 'accept-language': language });
          expect(r.statusCode, url).toBe(200);
          expect(r.headers['content-type']).toContain('application/vnd.sdmx.structure+json');
          expect(structureSchema(r.json()), `${url} ${language}`).toEqual([]);
        }
      // The check can fail: a dimension without its concept, a code id SDMX does not allow.
      const dsd = (await get(STRUCTURES[1]!, { accept: JSON_STRUCTURE })).json();
      delete dsd.data.dataStructures[0].dataStructureComponents.dimensionList.dimensions[0].conceptIdentity;
      dsd.data.codelists[0].codes[0].id = 'P 01';
      expect(structureSchema(dsd).length).toBeGreaterThanOrEqual(2);
    });
  },
);

describe('SDMX content negotiation and refusals, as INTEROP.md promises', () => {
  it('answers 406 for versions and formats it cannot give, 404 for unknown versions, 400 for bad parameters', async () => {
    const data = `${V1}?detail=full`;
    expect((await get(data, { accept: 'application/vnd.sdmx.data+json;version=1.0.0' })).statusCode).toBe(
      406,
    );
    expect(
      (await get(data, { accept: 'application/vnd.sdmx.genericdata+xml;version=3.0.0' })).statusCode,
    ).toBe(406);
    expect((await get(data, { accept: 'image/png' })).statusCode).toBe(406);
    expect((await get('/sdmx/rest/data/BAOCAO,DF_NGANH,9.9/NGANH-DOANH_THU.VN')).statusCode).toBe(404);
    expect((await get('/sdmx/rest/dataflow/BAOCAO/DF_NGANH/9.9')).statusCode).toBe(404);
    expect((await get('/sdmx/rest/dataflow/BAOCAO/DF_NGANH/1.0?references=bogus')).statusCode).toBe(400);
    expect((await get(`${V1}?detail=bogus`)).statusCode).toBe(400);
    // Structures come as SDMX-ML 2.1 or SDMX-JSON 2.0.0; any other structure format (another
    // version, a data type) is refused, never answered with the other format.
    const flows = '/sdmx/rest/dataflow/all/all/latest';
    const json = await get(flows, { accept: JSON_STRUCTURE });
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-type']).toMatch(
      /^application\/vnd\.sdmx\.structure\+json;\s*version="?2\.0\.0/,
    );
    expect(json.json().data.dataflows.length).toBeGreaterThan(1);
    for (const accept of [
      'application/vnd.sdmx.structure+json;version=1.0.0',
      'application/vnd.sdmx.structure+xml;version=3.0.0',
      JSON_DATA,
    ])
      expect((await get(flows, { accept })).statusCode, accept).toBe(406);
    const jsonFirst = await get(flows, { accept: `${JSON_STRUCTURE}, application/xml;q=0.5` });
    expect(jsonFirst.headers['content-type']).toContain('application/vnd.sdmx.structure+json');
    const xmlFirst = await get(flows, { accept: `${JSON_STRUCTURE};q=0.4, application/xml;q=0.5` });
    expect(xmlFirst.headers['content-type']).toContain('application/vnd.sdmx.structure+xml');
    expect((await get(flows)).headers['content-type']).toContain('application/vnd.sdmx.structure+xml');
    // Wildcards and q-values: the best the client accepts that we have.
    const any = await get(data, { accept: 'application/vnd.sdmx.data+json;version=1.0.0;q=1, */*;q=0.1' });
    expect(any.statusCode).toBe(200);
  });
});

describe('SDMX import: actions and malformed messages, as the standard has them', () => {
  const post = (payload: string | object, type: string) =>
    app.inject({
      method: 'POST',
      url: '/api/sdmx/data',
      headers: { ...auth, 'content-type': type },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
  const csv = (rows: string[]) =>
    post(
      `STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,REF_AREA,TIME_PERIOD,OBS_VALUE,OBS_STATUS\n${rows.join('\n')}\n`,
      'text/csv',
    );
  const row = (action: string, period: string, value = '7.5') =>
    `dataflow,BAOCAO:DF_VT(1.0),${action},VT-DOANH_THU,P01,${period},${value},E`;

  it('writes I, A, R, M, deletes D (in one message with writes), and refuses any other ACTION', async () => {
    const written = await csv([
      row('I', '2026-01'),
      row('A', '2026-02'),
      row('R', '2026-03'),
      row('M', '2026-04'),
    ]);
    expect(written.json()).toMatchObject({ imported: 4 });
    const mixed = await csv([row('D', '2026-01', ''), row('I', '2026-05')]);
    expect(mixed.json()).toMatchObject({ imported: 1, deleted: 1 });
    for (const action of ['Z', 'constructor', '__proto__']) {
      const bad = await csv([row(action, '2026-06')]);
      expect(bad.statusCode, action).toBe(400);
      expect(bad.json().details[0]).toMatchObject({ field: 'action', code: 'INVALID_ACTION' });
    }
    const json = (
      await get(`/sdmx/rest/data/BAOCAO,DF_VT,1.0/VT-DOANH_THU.P01?startPeriod=2026-01&endPeriod=2026-06`, {
        ...auth,
        accept: JSON_DATA,
      })
    ).json();
    const periods = json.data.structures[0].dimensions.observation[0].values.map(
      (v: { value: string }) => v.value,
    );
    expect(periods).toEqual(['2026-02', '2026-03', '2026-04', '2026-05']);
  });

  it('refuses an SDMX-JSON message whose indexes point outside the lists they index', async () => {
    const message = (statusIndex: number, areaIndex = 0) => ({
      data: {
        structures: [
          {
            dimensions: {
              series: [
                { id: 'INDICATOR', keyPosition: 0, values: [{ id: 'VT-DOANH_THU' }] },
                { id: 'REF_AREA', keyPosition: 1, values: [{ id: 'P79' }] },
              ],
              observation: [{ id: 'TIME_PERIOD', keyPosition: 2, values: [{ value: '2026-07' }] }],
            },
            attributes: { observation: [{ id: 'OBS_STATUS', values: [{ id: 'A' }] }] },
          },
        ],
        dataSets: [
          {
            action: 'Information',
            series: { [`0:${areaIndex}`]: { observations: { '0': [12.5, statusIndex] } } },
          },
        ],
      },
    });
    const type = 'application/vnd.sdmx.data+json';
    for (const bad of [message(3), message(0, 9), message(-1)]) {
      const r = await post(bad, type);
      expect(r.statusCode).toBe(400);
      expect(r.json().code).toBe('INVALID_FILE');
    }
    expect((await post(message(0), type)).json()).toMatchObject({ imported: 1 });
  });
});
