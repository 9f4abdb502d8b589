// The official artefacts (SDMX-ML 2.1 XSDs, SDMX-JSON 2.0.0 schemas, DCAT-AP SHACL shapes, Project
// Open Data schemas) and their validators from npm, for the conformance tests. The artefacts live
// beside the repository (`../shared/conformance`, see its README); without them the tests skip.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import jsonld from 'jsonld';
import { Parser, Store } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { validateXML } from 'xmllint-wasm';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Where the artefacts are: `<repo>/../shared/conformance`, else `/work/shared/conformance`; or null. */
export const CONFORMANCE: string | null =
  [join(REPO, '..', 'shared', 'conformance'), '/work/shared/conformance'].find((d) =>
    existsSync(join(d, 'README.md')),
  ) ?? null;

/** Why the conformance tests skip, when they do. */
export const SKIP_REASON =
  'official conformance artefacts not found (../shared/conformance): SDMX/DCAT conformance tests skipped';
if (!CONFORMANCE) console.warn(SKIP_REASON);

const read = (...parts: string[]) => readFileSync(join(CONFORMANCE ?? '', ...parts), 'utf8');

/** A JSON-schema validator answering the list of errors (empty when valid). */
export type JsonCheck = (data: unknown) => string[];

/**
 * A validator for one of the official JSON schemas, with ajv's 2020-12 class (the SDMX-JSON 2.0.0
 * schemas are written in that style; their `$schema` line names no draft ajv knows, so it is set aside).
 */
export function jsonSchema(
  file: string,
  refs: string[] = [],
  /** A documented change of a schema (a profile of it), applied after loading. */
  profile: (file: string, schema: Record<string, unknown>) => Record<string, unknown> = (_f, x) => x,
): JsonCheck {
  // The schemas' patterns are ECMA-262 without the `u` flag (`\-` escapes), as JSON Schema allows.
  const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats.default(ajv);
  // The root names itself with draft-04's `id`: that is its `$id` for the 2020-12 class.
  const load = (f: string) => {
    const { $schema: _draft, id, ...schema } = JSON.parse(read(f)) as Record<string, unknown>;
    return profile(f, id === undefined ? schema : { $id: String(id).replace(/#$/, ''), ...schema });
  };
  for (const r of refs) ajv.addSchema(load(r));
  const validate = ajv.compile(load(file));
  return (data) =>
    validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

/** Validates an SDMX-ML message against the SDMX 2.1 XSDs (and any extra schema, e.g. a DSD's). */
export async function sdmxXsd(
  xml: string,
  extra?: { fileName: string; contents: string },
): Promise<string[]> {
  const dir = join(CONFORMANCE ?? '', 'sdmx-ml-2.1');
  const preload = readdirSync(dir)
    .filter((f) => f.endsWith('.xsd'))
    .map((f) => ({ fileName: f, contents: readFileSync(join(dir, f), 'utf8') }));
  const root = extra ?? { fileName: 'SDMXMessage.xsd', contents: read('sdmx-ml-2.1', 'SDMXMessage.xsd') };
  const r = await validateXML({
    xml: [{ fileName: 'message.xml', contents: xml }],
    schema: [root],
    preload: preload.filter((p) => p.fileName !== root.fileName),
  });
  return r.errors.map((e) => e.message);
}

/**
 * Validates a JSON-LD document against DCAT-AP SHACL shapes (`shapes` and `range`, and the
 * deprecated-URI checks) of a release folder; answers the violations (warnings and infos of the
 * recommended shapes are not counted). The EU controlled vocabularies (`mdr-vocabularies`) are
 * not loaded: see docs/INTEROP.md for which apply to a Vietnamese publisher.
 */
export async function dcatViolations(
  doc: object,
  release: 'dcat-ap-2.1.1' | 'dcat-ap-3.0.1',
): Promise<string[]> {
  const dir = join(CONFORMANCE ?? '', release);
  const files = readdirSync(dir).filter((f) => /(?:^|_)(?:shapes|range|deprecateduris)\.ttl$/.test(f));
  const shapes = new Store();
  for (const f of files) shapes.addQuads(new Parser().parse(readFileSync(join(dir, f), 'utf8')));
  const nquads = await jsonld.toRDF(doc as jsonld.JsonLdDocument, { format: 'application/n-quads' });
  const data = new Store(new Parser({ format: 'N-Quads' }).parse(String(nquads)));
  // 3.0.1's deprecated-URI shapes import the ADMS status vocabulary from the web; it concerns
  // `adms:status`, which we do not use, and the tests run offline: it is read as empty.
  const report = await new SHACLValidator(shapes, { importGraph: () => new Store() }).validate(data);
  return report.results
    .filter((r) => r.severity?.value.endsWith('#Violation'))
    .map(
      (r) => `${r.focusNode?.value ?? ''} ${r.path?.value ?? ''}: ${r.message.map((m) => m.value).join(' ')}`,
    );
}
