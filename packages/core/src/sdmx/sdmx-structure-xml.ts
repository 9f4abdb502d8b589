import { randomUUID } from 'node:crypto';
import { AGENCY, DSD_ID, VERSION } from './sdmx-model.ts';
import {
  CONCEPTS,
  DSD_REF,
  type SdmxCodelist,
  type SdmxDataflow,
  type StructureParts,
  urn,
} from './sdmx-structures.ts';
import { type Node, el, text, xmlDocument } from './xml.ts';

export const NS = {
  mes: 'http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message',
  str: 'http://www.sdmx.org/resources/sdmxml/schemas/v2_1/structure',
  com: 'http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common',
  gen: 'http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/generic',
  ss: 'http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/structurespecific',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};

/** The names of an artefact, Vietnamese then English. */
const names = (vi: string, en: string | null | undefined): Node[] => [
  el('com:Name', { 'xml:lang': 'vi' }, text(vi)),
  en ? el('com:Name', { 'xml:lang': 'en' }, text(en)) : null,
];

/** A message header: id, test flag, when prepared, sender. */
export const header = (extra: Node = null): string =>
  el(
    'mes:Header',
    {},
    el('mes:ID', {}, `IREF${randomUUID().replace(/-/g, '').slice(0, 16)}`),
    el('mes:Test', {}, 'false'),
    el('mes:Prepared', {}, new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')),
    el('mes:Sender', { id: AGENCY }),
    extra,
  );

const maintainable = (cls: string, id: string) => ({
  id,
  urn: urn(cls, id),
  agencyID: AGENCY,
  version: VERSION,
  isFinal: 'true',
});

const ref = (attrs: Record<string, string>) => el('Ref', attrs);
const conceptRef = (id: string) =>
  el(
    'str:ConceptIdentity',
    {},
    ref({
      id,
      maintainableParentID: 'CS_BAOCAO',
      maintainableParentVersion: VERSION,
      agencyID: AGENCY,
      package: 'conceptscheme',
      class: 'Concept',
    }),
  );
const enumeration = (codelist: string) =>
  el(
    'str:LocalRepresentation',
    {},
    el(
      'str:Enumeration',
      {},
      ref({ id: codelist, version: VERSION, agencyID: AGENCY, package: 'codelist', class: 'Codelist' }),
    ),
  );
const textFormat = (textType: string) =>
  el('str:LocalRepresentation', {}, el('str:TextFormat', { textType }));

function dataflowXml(f: SdmxDataflow): string {
  return el(
    'str:Dataflow',
    maintainable('datastructure.Dataflow', f.id),
    names(f.vi, f.en),
    el('str:Structure', {}, ref({ ...DSD_REF, package: 'datastructure', class: 'DataStructure' })),
  );
}

function codelistXml(c: SdmxCodelist): string {
  return el(
    'str:Codelist',
    maintainable('codelist.Codelist', c.id),
    names(c.vi, c.en),
    c.codes.map((code) =>
      el(
        'str:Code',
        { id: code.id, urn: urn('codelist.Code', c.id, code.id) },
        names(code.vi, code.en),
        code.parent ? el('str:Parent', {}, ref({ id: code.parent })) : null,
      ),
    ),
  );
}

function conceptSchemeXml(): string {
  return el(
    'str:ConceptScheme',
    maintainable('conceptscheme.ConceptScheme', 'CS_BAOCAO'),
    names('Khái niệm của baocao', 'Concepts of baocao'),
    CONCEPTS.map((c) =>
      el(
        'str:Concept',
        { id: c.id, urn: urn('conceptscheme.Concept', 'CS_BAOCAO', c.id) },
        names(c.vi, c.en),
      ),
    ),
  );
}

function dsdXml(): string {
  const dsdUrn = (kind: string, id: string) => urn(`datastructure.${kind}`, DSD_ID, id);
  const attribute = (
    id: string,
    status: 'Mandatory' | 'Conditional',
    repr: string,
    attachTo: 'INDICATOR' | 'OBS_VALUE',
  ) =>
    el(
      'str:Attribute',
      { id, urn: dsdUrn('DataAttribute', id), assignmentStatus: status },
      conceptRef(id),
      repr,
      el(
        'str:AttributeRelationship',
        {},
        attachTo === 'OBS_VALUE'
          ? el('str:PrimaryMeasure', {}, ref({ id: 'OBS_VALUE' }))
          : el('str:Dimension', {}, ref({ id: attachTo })),
      ),
    );
  return el(
    'str:DataStructure',
    maintainable('datastructure.DataStructure', DSD_ID),
    names('Số liệu thống kê ngành', 'Statistics of the ICT sector'),
    el(
      'str:DataStructureComponents',
      {},
      el(
        'str:DimensionList',
        { id: 'DimensionDescriptor', urn: dsdUrn('DimensionDescriptor', 'DimensionDescriptor') },
        el(
          'str:Dimension',
          { id: 'INDICATOR', urn: dsdUrn('Dimension', 'INDICATOR'), position: 1 },
          conceptRef('INDICATOR'),
          enumeration('CL_INDICATOR'),
        ),
        el(
          'str:Dimension',
          { id: 'REF_AREA', urn: dsdUrn('Dimension', 'REF_AREA'), position: 2 },
          conceptRef('REF_AREA'),
          enumeration('CL_AREA'),
        ),
        el(
          'str:TimeDimension',
          { id: 'TIME_PERIOD', urn: dsdUrn('TimeDimension', 'TIME_PERIOD'), position: 3 },
          conceptRef('TIME_PERIOD'),
          textFormat('ObservationalTimePeriod'),
        ),
      ),
      el(
        'str:AttributeList',
        { id: 'AttributeDescriptor', urn: dsdUrn('AttributeDescriptor', 'AttributeDescriptor') },
        attribute('UNIT_MEASURE', 'Mandatory', enumeration('CL_UNIT_MEASURE'), 'INDICATOR'),
        attribute('UNIT_MULT', 'Mandatory', textFormat('Integer'), 'INDICATOR'),
        attribute('DECIMALS', 'Mandatory', textFormat('Integer'), 'INDICATOR'),
        attribute('OBS_STATUS', 'Mandatory', enumeration('CL_OBS_STATUS'), 'OBS_VALUE'),
        attribute('COMMENT', 'Conditional', textFormat('String'), 'OBS_VALUE'),
      ),
      el(
        'str:MeasureList',
        { id: 'MeasureDescriptor', urn: dsdUrn('MeasureDescriptor', 'MeasureDescriptor') },
        el(
          'str:PrimaryMeasure',
          { id: 'OBS_VALUE', urn: dsdUrn('PrimaryMeasure', 'OBS_VALUE') },
          conceptRef('OBS_VALUE'),
          textFormat('Double'),
        ),
      ),
    ),
  );
}

/** An SDMX-ML 2.1 structure message holding the given artefacts, in the schema's order. */
export function structureMessage(parts: StructureParts): string {
  return xmlDocument(
    el(
      'mes:Structure',
      { 'xmlns:mes': NS.mes, 'xmlns:str': NS.str, 'xmlns:com': NS.com },
      header(),
      el(
        'mes:Structures',
        {},
        parts.dataflows?.length ? el('str:Dataflows', {}, parts.dataflows.map(dataflowXml)) : null,
        parts.codelists?.length ? el('str:Codelists', {}, parts.codelists.map(codelistXml)) : null,
        parts.concepts ? el('str:Concepts', {}, conceptSchemeXml()) : null,
        parts.dsd ? el('str:DataStructures', {}, dsdXml()) : null,
      ),
    ),
  );
}
