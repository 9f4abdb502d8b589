import type { Ctx } from '../context.ts';
import { LICENSE, type OpenDataset, PUBLISHER, SPATIAL, openDatasets } from './open-data.ts';

/** Where a dataset's files are, from the site's base URL (`https://baocao.example.gov.vn`). */
const links = (base: string, id: string) => ({
  landing: `${base}/open-data/datasets/${id}`,
  csv: `${base}/open-data/datasets/${id}.csv`,
  schema: `${base}/open-data/schema.json`,
  sdmx: `${base}/sdmx/rest/data/BAOCAO,${id},1.0/all`,
});

const keywords = ['thống kê', 'thông tin và truyền thông', 'ICT statistics'];

// DCAT-AP wants the objects of these properties as resources of their class (its `range` shapes):
// the licence a dct:LicenseDocument, the place a dct:Location, a media type an IANA IRI, a file
// type one of the EU's file-type authority, a schema a dct:Standard.
const license = () => ({ '@id': LICENSE.url, '@type': 'dct:LicenseDocument' });
const IANA = 'https://www.iana.org/assignments/media-types/';
const FILE_TYPE = 'http://publications.europa.eu/resource/authority/file-type/';
const mediaType = (type: string) => ({ '@id': `${IANA}${type}`, '@type': 'dct:MediaType' });
const fileType = (code: string) => ({ '@id': `${FILE_TYPE}${code}`, '@type': 'dct:MediaTypeOrExtent' });

/**
 * The catalog as DCAT-AP (JSON-LD): one dataset per domain with released figures, its CSV (with a
 * Frictionless table schema) and its SDMX data, licence, publisher, temporal and spatial coverage,
 * and when figures were last released.
 */
export async function dcatCatalog(ctx: Ctx, base: string) {
  const datasets = (await openDatasets(ctx)).filter((d) => d.rows.length);
  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      foaf: 'http://xmlns.com/foaf/0.1/',
      vcard: 'http://www.w3.org/2006/vcard/ns#',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
    },
    '@id': `${base}/open-data/catalog.jsonld`,
    '@type': 'dcat:Catalog',
    'dct:title': [
      { '@language': 'vi', '@value': 'Dữ liệu mở thống kê ngành thông tin và truyền thông' },
      { '@language': 'en', '@value': 'Open statistics of the ICT sector' },
    ],
    'dct:description': [
      {
        '@language': 'vi',
        '@value': 'Số liệu thống kê ngành thông tin và truyền thông đã công bố, theo lĩnh vực (CSV và SDMX)',
      },
      { '@language': 'en', '@value': 'Released statistics of the ICT sector, by domain (CSV and SDMX)' },
    ],
    'dct:publisher': publisher(),
    'dct:license': license(),
    'dcat:dataset': datasets.map((d) => dcatDataset(d, base)),
  };
}

const publisher = () => ({
  '@type': 'foaf:Agent',
  'foaf:name': [
    { '@language': 'vi', '@value': PUBLISHER.vi },
    { '@language': 'en', '@value': PUBLISHER.en },
  ],
});

function dcatDataset(d: OpenDataset, base: string) {
  const l = links(base, d.flow.id);
  return {
    '@id': l.landing,
    '@type': 'dcat:Dataset',
    'dct:identifier': d.flow.id,
    'dct:title': [
      { '@language': 'vi', '@value': d.flow.vi },
      { '@language': 'en', '@value': d.flow.en },
    ],
    'dct:description': [
      {
        '@language': 'vi',
        '@value': `Số liệu đã công bố: ${d.flow.indicators.map((i) => i.nameVi).join('; ')}`,
      },
      {
        '@language': 'en',
        '@value': `Released figures: ${d.flow.indicators.map((i) => i.nameEn ?? i.nameVi).join('; ')}`,
      },
    ],
    'dcat:keyword': keywords,
    'dct:publisher': publisher(),
    'dcat:contactPoint': {
      '@type': ['vcard:Organization', 'vcard:Kind'],
      'vcard:fn': PUBLISHER.vi,
      'vcard:hasEmail': { '@id': PUBLISHER.email },
    },
    'dct:license': license(),
    'dct:spatial': { '@id': SPATIAL, '@type': 'dct:Location' },
    ...(d.temporal
      ? {
          'dct:temporal': {
            '@type': 'dct:PeriodOfTime',
            'dcat:startDate': { '@type': 'xsd:date', '@value': d.temporal.start },
            'dcat:endDate': { '@type': 'xsd:date', '@value': d.temporal.end },
          },
        }
      : {}),
    ...(d.modified ? { 'dct:modified': { '@type': 'xsd:dateTime', '@value': d.modified } } : {}),
    'dcat:distribution': [
      {
        '@type': 'dcat:Distribution',
        'dcat:downloadURL': { '@id': l.csv },
        'dcat:accessURL': { '@id': l.csv },
        'dcat:mediaType': mediaType('text/csv'),
        'dct:format': fileType('CSV'),
        'dct:conformsTo': { '@id': l.schema, '@type': 'dct:Standard' },
        'dct:license': license(),
      },
      {
        '@type': 'dcat:Distribution',
        'dcat:accessURL': { '@id': l.sdmx },
        'dcat:mediaType': mediaType('application/vnd.sdmx.genericdata+xml'),
        'dct:format': fileType('SDMX'),
        'dct:license': license(),
      },
    ],
  };
}

/**
 * The same catalog as Project Open Data's `data.json` (v1.1), which CKAN's data.json harvester
 * (ckanext-datajson) reads.
 */
export async function dataJson(ctx: Ctx, base: string) {
  const datasets = (await openDatasets(ctx)).filter((d) => d.rows.length);
  return {
    '@context': 'https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld',
    '@id': `${base}/data.json`,
    '@type': 'dcat:Catalog',
    conformsTo: 'https://project-open-data.cio.gov/v1.1/schema',
    describedBy: 'https://project-open-data.cio.gov/v1.1/schema/catalog.json',
    dataset: datasets.map((d) => {
      const l = links(base, d.flow.id);
      return {
        '@type': 'dcat:Dataset',
        identifier: `${base}/open-data/datasets/${d.flow.id}`,
        title: `${d.flow.vi} / ${d.flow.en}`,
        description: `Số liệu đã công bố / released figures: ${d.flow.indicators.map((i) => i.nameVi).join('; ')}`,
        keyword: keywords,
        modified: d.modified ?? undefined,
        publisher: { '@type': 'org:Organization', name: PUBLISHER.vi },
        contactPoint: { '@type': 'vcard:Contact', fn: PUBLISHER.vi, hasEmail: PUBLISHER.email },
        accessLevel: 'public',
        license: LICENSE.url,
        spatial: 'Viet Nam',
        ...(d.temporal ? { temporal: `${d.temporal.start}/${d.temporal.end}` } : {}),
        language: ['vi', 'en'],
        landingPage: l.landing,
        distribution: [
          {
            '@type': 'dcat:Distribution',
            title: 'CSV',
            downloadURL: l.csv,
            mediaType: 'text/csv',
            format: 'CSV',
            describedBy: l.schema,
            describedByType: 'application/json',
          },
          {
            '@type': 'dcat:Distribution',
            title: 'SDMX-ML 2.1',
            accessURL: l.sdmx,
            format: 'SDMX',
            mediaType: 'application/xml',
          },
        ],
      };
    }),
  };
}
