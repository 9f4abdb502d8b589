// The SDMX-JSON 2.0.0 structure message says what the SDMX-ML 2.1 one says: the same artefacts,
// ids, codes, names (both languages), parents, and the same components with their concepts and
// codelists. Both are read back into one list of facts and compared.
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { initStore } from '../demo/init.ts';
import { createTestDatabase } from '../testing.ts';
import { type StructureQuery, sdmxStructureQuery } from './sdmx-rest.ts';
import { structureLanguage } from './sdmx-structure-json.ts';

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
  await initStore(systemCtx(db));
}, 180_000);
afterAll(() => db.close());

const MAINTAINABLE = new Set(['Dataflow', 'Codelist', 'ConceptScheme', 'DataStructure']);
const ITEM = new Set(['Code', 'Concept']);
const COMPONENT: Record<string, string> = {
  Dimension: 'component',
  TimeDimension: 'component',
  Attribute: 'component',
  PrimaryMeasure: 'component',
};

/** The facts of an SDMX-ML structure message, one line each, sorted. */
function xmlFacts(xml: string): string[] {
  const facts: string[] = [];
  const stack: string[] = [];
  let artefact = '';
  let item = '';
  let lang = '';
  let text: string | null = null;
  const parser = new SaxesParser({ xmlns: false });
  parser.on('opentag', (t) => {
    const name = t.name.replace(/^\w+:/, '');
    const parent = stack.at(-1) ?? '';
    const id = typeof t.attributes.id === 'string' ? t.attributes.id : '';
    if (MAINTAINABLE.has(name) && parent !== 'AttributeRelationship') {
      artefact = `${name} ${id}`;
      item = '';
    } else if (ITEM.has(name)) item = `${name.toLowerCase()} ${id}`;
    else if (COMPONENT[name] && parent !== 'AttributeRelationship') item = `component ${id}`;
    else if (name === 'Name') {
      lang = String(t.attributes['xml:lang']);
      text = '';
    } else if (name === 'Ref') {
      const at = `${artefact}${item ? ` > ${item}` : ''}`;
      if (parent === 'Parent') facts.push(`${at} parent=${id}`);
      else if (parent === 'ConceptIdentity') facts.push(`${at} concept=${id}`);
      else if (parent === 'Enumeration') facts.push(`${at} codelist=${id}`);
      else if (parent === 'Structure') facts.push(`${at} structure=${id}`);
    }
    stack.push(name);
  });
  parser.on('text', (s) => {
    if (text !== null) text += s;
  });
  parser.on('closetag', (t) => {
    const name = stack.pop();
    if (name === 'Name' && text !== null) {
      facts.push(`${artefact}${item ? ` > ${item}` : ''} name@${lang}=${text}`);
      text = null;
    }
    if (name && (ITEM.has(name) || COMPONENT[name]) && t.name.endsWith(name)) item = '';
  });
  parser.write(xml).close();
  return facts.sort();
}

interface Named {
  id: string;
  name: string;
  names: Record<string, string>;
}
type Json = {
  data: Record<
    string,
    (Named & {
      structure?: string;
      codes?: (Named & { parent?: string })[];
      concepts?: Named[];
      dataStructureComponents?: {
        dimensionList: { dimensions: Component[]; timeDimension: Component };
        attributeList: { attributes: Component[] };
        measureList: { measures: Component[] };
      };
    })[]
  >;
};
interface Component {
  id: string;
  conceptIdentity: string;
  localRepresentation: { enumeration?: string };
}

const KIND: Record<string, string> = {
  dataflows: 'Dataflow',
  codelists: 'Codelist',
  conceptSchemes: 'ConceptScheme',
  dataStructures: 'DataStructure',
};
/** The id a URN names: its item (`….Concept=A:CS(1.0).X` → X), else its artefact. */
const urnId = (urn: string) => /\)\.([^.]+)$/.exec(urn)?.[1] ?? /:([^:(]+)\(/.exec(urn)![1]!;

/** The same facts from an SDMX-JSON structure message; checks `name` is the best match of `names`. */
function jsonFacts(json: Json, lang: 'vi' | 'en'): string[] {
  const facts: string[] = [];
  const names = (at: string, x: Named) => {
    expect(x.name, at).toBe(x.names[lang] ?? x.names.vi);
    for (const [l, n] of Object.entries(x.names)) facts.push(`${at} name@${l}=${n}`);
  };
  for (const [key, list] of Object.entries(json.data))
    for (const a of list) {
      const at = `${KIND[key]} ${a.id}`;
      names(at, a);
      if (a.structure) facts.push(`${at} structure=${urnId(a.structure)}`);
      for (const c of a.codes ?? []) {
        names(`${at} > code ${c.id}`, c);
        if (c.parent) facts.push(`${at} > code ${c.id} parent=${c.parent}`);
      }
      for (const c of a.concepts ?? []) names(`${at} > concept ${c.id}`, c);
      const d = a.dataStructureComponents;
      if (d)
        for (const c of [
          ...d.dimensionList.dimensions,
          d.dimensionList.timeDimension,
          ...d.attributeList.attributes,
          ...d.measureList.measures,
        ]) {
          facts.push(`${at} > component ${c.id} concept=${urnId(c.conceptIdentity)}`);
          if (c.localRepresentation.enumeration)
            facts.push(`${at} > component ${c.id} codelist=${urnId(c.localRepresentation.enumeration)}`);
        }
    }
  return facts.sort();
}

const both = async (q: StructureQuery) => {
  const ctx = systemCtx(db);
  const xml = await sdmxStructureQuery(ctx, q);
  const vi = await sdmxStructureQuery(ctx, { ...q, format: 'json', language: 'vi' });
  const en = await sdmxStructureQuery(ctx, { ...q, format: 'json', language: 'en' });
  expect(xml.contentType).toBe('application/vnd.sdmx.structure+xml;version=2.1');
  expect(vi.contentType).toBe('application/vnd.sdmx.structure+json;version=2.0.0');
  return {
    xml: xmlFacts(xml.body),
    vi: jsonFacts(JSON.parse(vi.body) as Json, 'vi'),
    en: jsonFacts(JSON.parse(en.body) as Json, 'en'),
  };
};

describe('SDMX-JSON structure messages hold what the SDMX-ML ones hold', () => {
  it('the same ids, codes, names, parents and components, for each resource and references', async () => {
    for (const q of [
      { resource: 'dataflow', references: 'all' },
      { resource: 'datastructure', id: 'DSD_BAOCAO', references: 'children' },
      { resource: 'codelist', id: 'CL_AREA' },
      { resource: 'conceptscheme' },
    ]) {
      const { xml, vi, en } = await both(q);
      expect(xml.length, q.resource).toBeGreaterThan(10);
      expect(vi, q.resource).toEqual(xml);
      expect(en, q.resource).toEqual(xml);
    }
    // The facts are the real content: the unit hierarchy, both languages, the components' codelists.
    const { xml } = await both({ resource: 'dataflow', references: 'all' });
    expect(xml).toContain('Codelist CL_AREA > code P01 parent=VN');
    expect(xml).toContain('Dataflow DF_NGANH structure=DSD_BAOCAO');
    expect(xml).toContain('DataStructure DSD_BAOCAO > component OBS_STATUS codelist=CL_OBS_STATUS');
    expect(xml).toContain(
      'ConceptScheme CS_BAOCAO > concept REF_AREA name@en=Reference area or reporting unit',
    );
  });

  it('reads the language of `name` from Accept-Language', () => {
    expect(structureLanguage(undefined)).toBe('vi');
    expect(structureLanguage('en-GB,en;q=0.9')).toBe('en');
    expect(structureLanguage('fr, vi;q=0.8, en;q=0.5')).toBe('vi');
    expect(structureLanguage('vi;q=0.2, en-US;q=0.7')).toBe('en');
    expect(structureLanguage('de')).toBe('vi');
  });
});
