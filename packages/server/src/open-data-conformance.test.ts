// The open-data catalog against the official artefacts: DCAT-AP 2.1.1 and 3.0.1 SHACL shapes
// (rdf-validate-shacl over the JSON-LD turned into RDF by jsonld), data.json against Project Open
// Data 1.1's JSON schemas in the non-federal profile we claim.
import { createLogger, loadDemo, systemCtx } from '@baocao/core';
import { type TestDatabase, createTestDatabase } from '@baocao/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import type { App } from './route.ts';
import { CONFORMANCE, SKIP_REASON, dcatViolations, jsonSchema } from './testing/conformance.ts';

let db: TestDatabase;
let app: App;
const get = (url: string) => app.inject({ method: 'GET', url, headers: { host: 'solieu.example.gov.vn' } });

beforeAll(async () => {
  db = await createTestDatabase();
  await loadDemo(systemCtx(db));
  app = await buildApp({
    db,
    log: createLogger({ level: 'silent' }),
    apiToken: 'odc-token-0123456789',
    webRoot: null,
  });
}, 180_000);
afterAll(async () => {
  await app.close();
  await db.close();
});

/**
 * Project Open Data 1.1 as a non-federal publisher uses it: `bureauCode` and `programCode` are
 * "required for federal agencies only" (US OMB codes), so they are not required; all else is the schema.
 */
const nonFederal = (file: string, schema: Record<string, unknown>) =>
  file.endsWith('dataset.json')
    ? {
        ...schema,
        required: (schema.required as string[]).filter((r) => r !== 'bureauCode' && r !== 'programCode'),
      }
    : schema;

describe.skipIf(!CONFORMANCE)(
  `open data conformance (${CONFORMANCE ? 'official artefacts' : SKIP_REASON})`,
  () => {
    it('the DCAT-AP catalog has 0 SHACL violations against DCAT-AP 2.1.1 and 3.0.1', async () => {
      const catalog = (await get('/open-data/catalog.jsonld')).json();
      expect(catalog['dcat:dataset'].length).toBeGreaterThan(0);
      for (const release of ['dcat-ap-2.1.1', 'dcat-ap-3.0.1'] as const)
        expect(await dcatViolations(catalog, release), release).toEqual([]);
      // The check can fail: a distribution without its access URL is a violation.
      const broken = structuredClone(catalog);
      delete broken['dcat:dataset'][0]['dcat:distribution'][0]['dcat:accessURL'];
      expect(await dcatViolations(broken, 'dcat-ap-3.0.1')).not.toEqual([]);
    }, 300_000);

    it('data.json validates against Project Open Data 1.1 (non-federal profile)', async () => {
      const dir = 'project-open-data-1.1';
      const check = jsonSchema(
        `${dir}/catalog.json`,
        ['dataset', 'distribution', 'organization', 'vcard'].map((f) => `${dir}/${f}.json`),
        nonFederal,
      );
      const doc = (await get('/data.json')).json();
      expect(doc.dataset.length).toBeGreaterThan(0);
      expect(check(doc)).toEqual([]);
      const broken = structuredClone(doc);
      delete broken.dataset[0].contactPoint;
      expect(check(broken)).not.toEqual([]);
    });
  },
);
