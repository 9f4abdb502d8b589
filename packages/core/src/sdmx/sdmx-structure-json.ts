import { randomUUID } from 'node:crypto';
import { AGENCY, DSD_ID, VERSION } from './sdmx-model.ts';
import {
  CONCEPTS,
  type SdmxCodelist,
  type SdmxDataflow,
  type StructureParts,
  urn,
} from './sdmx-structures.ts';

/** The official SDMX-JSON 2.0.0 structure schema, named in each message's `meta.schema`. */
const SCHEMA =
  'https://raw.githubusercontent.com/sdmx-twg/sdmx-json/v2.0.0/structure-message/tools/schemas/2.0.0/sdmx-json-structure-schema.json';

/** The language a message's best-match `name`s are written in (the `names` hold both). */
export type StructureLanguage = 'vi' | 'en';

/**
 * The language of `name` from an `Accept-Language` header: the best-ranked of Vietnamese and
 * English (by `q`, then order), Vietnamese when neither is named.
 */
export function structureLanguage(acceptLanguage: string | undefined): StructureLanguage {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, order) => {
      const [tag = '', ...params] = part.split(';').map((x) => x.trim().toLowerCase());
      const q = Number(params.find((p) => p.startsWith('q='))?.slice(2) ?? 1);
      return { lang: tag.split('-')[0], q: Number.isFinite(q) ? q : 0, order };
    })
    .filter((r) => r.q > 0 && (r.lang === 'vi' || r.lang === 'en'))
    .sort((a, b) => b.q - a.q || a.order - b.order);
  return ranked[0]?.lang === 'en' ? 'en' : 'vi';
}

/**
 * The names of an artefact: `name` in the asked language (Vietnamese when there is no English),
 * `names` in every language it has — SDMX-JSON's "best match" and localised texts.
 */
const named = (vi: string, en: string | null | undefined, lang: StructureLanguage) => ({
  name: lang === 'en' && en ? en : vi,
  names: en ? { vi, en } : { vi },
});

/** The common part of a maintainable artefact, with its self link (its URN, as the field guide recommends). */
function maintainable(cls: string, id: string, vi: string, en: string, lang: StructureLanguage) {
  return {
    id,
    agencyID: AGENCY,
    version: VERSION,
    isExternalReference: false,
    ...named(vi, en, lang),
    links: [{ rel: 'self', urn: urn(cls, id) }],
  };
}

const conceptRef = (id: string) => urn('conceptscheme.Concept', 'CS_BAOCAO', id);
const codelistRef = (id: string) => urn('codelist.Codelist', id);

function dataflowJson(f: SdmxDataflow, lang: StructureLanguage) {
  return {
    ...maintainable('datastructure.Dataflow', f.id, f.vi, f.en, lang),
    structure: urn('datastructure.DataStructure', DSD_ID),
  };
}

function codelistJson(c: SdmxCodelist, lang: StructureLanguage) {
  return {
    ...maintainable('codelist.Codelist', c.id, c.vi, c.en, lang),
    isPartial: false,
    codes: c.codes.map((code) => ({
      id: code.id,
      ...named(code.vi, code.en, lang),
      ...(code.parent ? { parent: code.parent } : {}),
    })),
  };
}

function conceptSchemeJson(lang: StructureLanguage) {
  return {
    ...maintainable(
      'conceptscheme.ConceptScheme',
      'CS_BAOCAO',
      'Khái niệm của baocao',
      'Concepts of baocao',
      lang,
    ),
    isPartial: false,
    concepts: CONCEPTS.map((c) => ({ id: c.id, ...named(c.vi, c.en, lang) })),
  };
}

/**
 * The DSD in SDMX 3.0's terms, which SDMX-JSON 2.0 follows: the same components as the SDMX-ML
 * 2.1 message — dimensions at positions from 0 (2.1 counts from 1), the primary measure as the one
 * measure of the measure list, attributes with a usage (2.1's Conditional is `optional`) and a
 * relationship (series attributes by the INDICATOR dimension, observation attributes by `observation`).
 */
function dsdJson(lang: StructureLanguage) {
  const attribute = (
    id: string,
    usage: 'mandatory' | 'optional',
    localRepresentation: object,
    attachTo: 'INDICATOR' | 'OBS_VALUE',
  ) => ({
    id,
    usage,
    attributeRelationship: attachTo === 'OBS_VALUE' ? { observation: {} } : { dimensions: [attachTo] },
    conceptIdentity: conceptRef(id),
    localRepresentation,
  });
  const coded = (codelist: string) => ({ enumeration: codelistRef(codelist) });
  const format = (dataType: string) => ({ format: { dataType } });
  return {
    ...maintainable(
      'datastructure.DataStructure',
      DSD_ID,
      'Số liệu thống kê ngành',
      'Statistics of the ICT sector',
      lang,
    ),
    dataStructureComponents: {
      dimensionList: {
        id: 'DimensionDescriptor',
        dimensions: [
          {
            id: 'INDICATOR',
            position: 0,
            conceptIdentity: conceptRef('INDICATOR'),
            localRepresentation: coded('CL_INDICATOR'),
          },
          {
            id: 'REF_AREA',
            position: 1,
            conceptIdentity: conceptRef('REF_AREA'),
            localRepresentation: coded('CL_AREA'),
          },
        ],
        timeDimension: {
          id: 'TIME_PERIOD',
          conceptIdentity: conceptRef('TIME_PERIOD'),
          localRepresentation: format('ObservationalTimePeriod'),
        },
      },
      attributeList: {
        id: 'AttributeDescriptor',
        attributes: [
          attribute('UNIT_MEASURE', 'mandatory', coded('CL_UNIT_MEASURE'), 'INDICATOR'),
          attribute('UNIT_MULT', 'mandatory', format('Integer'), 'INDICATOR'),
          attribute('DECIMALS', 'mandatory', format('Integer'), 'INDICATOR'),
          attribute('OBS_STATUS', 'mandatory', coded('CL_OBS_STATUS'), 'OBS_VALUE'),
          attribute('COMMENT', 'optional', format('String'), 'OBS_VALUE'),
        ],
      },
      measureList: {
        id: 'MeasureDescriptor',
        measures: [
          {
            id: 'OBS_VALUE',
            usage: 'mandatory',
            conceptIdentity: conceptRef('OBS_VALUE'),
            localRepresentation: format('Double'),
          },
        ],
      },
    },
  };
}

/**
 * An SDMX-JSON 2.0.0 structure message holding the given artefacts — the same ones, with the same
 * ids, codes and names, as the SDMX-ML 2.1 structure message of {@link structureMessage}.
 */
export function structureJson(parts: StructureParts, lang: StructureLanguage = 'vi') {
  const data: Record<string, object[]> = {};
  if (parts.dataflows?.length) data.dataflows = parts.dataflows.map((f) => dataflowJson(f, lang));
  if (parts.codelists?.length) data.codelists = parts.codelists.map((c) => codelistJson(c, lang));
  if (parts.concepts) data.conceptSchemes = [conceptSchemeJson(lang)];
  if (parts.dsd) data.dataStructures = [dsdJson(lang)];
  return {
    meta: {
      schema: SCHEMA,
      id: `IREF${randomUUID().replace(/-/g, '').slice(0, 16)}`,
      test: false,
      prepared: new Date().toISOString(),
      contentLanguages: lang === 'en' ? ['en', 'vi'] : ['vi', 'en'],
      sender: { id: AGENCY },
    },
    data,
  };
}
