import { SaxesParser } from 'saxes';
import { BaocaoError } from '../errors.ts';
import { readCsvRecords } from '../imports/csv-records.ts';
import {
  type Dhis2DataValue,
  type Dhis2DataValueSet,
  Dhis2DataValueSet as SetSchema,
} from './dhis2-schemas.ts';

/** The media types of a data value set, as DHIS2 accepts them. */
export type Dhis2Format = 'json' | 'csv' | 'xml';

/**
 * The deepest a data value set goes: the set, its `dataValues`, a value, a field (a category option
 * map at most). Anything deeper is no data value set; it is refused before any work.
 */
const MAX_DEPTH = 6;

/** Refuses a JSON value nested deeper than `max` (walked without recursion, so no stack to blow). */
export function refuseDeepJson(value: unknown, max = MAX_DEPTH): void {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth > max)
      throw new BaocaoError(
        'TOO_DEEP',
        `Dữ liệu JSON lồng quá ${max} tầng: đây không phải một bộ giá trị DHIS2`,
        `The JSON is nested deeper than ${max} levels: this is not a DHIS2 data value set`,
      );
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
}

const bool = (s: string | undefined): boolean | undefined =>
  s === undefined || s.trim() === '' ? undefined : s.trim().toLowerCase() === 'true';

/**
 * DHIS2's CSV column names (current DHIS2 reads by these, in any order, any case); the older
 * `catoptcombo`, `attroptcombo` are read too. Columns DHIS2 writes but does not read are skipped.
 */
const CSV_NAMES: Record<string, keyof Dhis2DataValue | null> = {
  dataelement: 'dataElement',
  period: 'period',
  orgunit: 'orgUnit',
  categoryoptioncombo: 'categoryOptionCombo',
  catoptcombo: 'categoryOptionCombo',
  attributeoptioncombo: 'attributeOptionCombo',
  attroptcombo: 'attributeOptionCombo',
  value: 'value',
  comment: 'comment',
  followup: 'followUp',
  deleted: 'deleted',
  storedby: null,
  timestamp: null,
  lastupdated: null,
  created: null,
};

/** Without a header row, DHIS2 (2.42 and older) reads its columns in this order. */
const CSV_POSITIONS = [
  'dataelement',
  'period',
  'orgunit',
  'categoryoptioncombo',
  'attributeoptioncombo',
  'value',
  'storedby',
  'lastupdated',
  'comment',
  'followup',
  'deleted',
];

/**
 * A DHIS2 CSV data value set in the JSON shape. With a header row (what DHIS2 writes, and what
 * 2.43 requires) columns are read by name in any order; without one, by DHIS2's column order.
 * A column DHIS2 would read as a category option is refused: baocao keeps no disaggregation.
 */
export async function readDhis2Csv(data: Buffer): Promise<Dhis2DataValueSet> {
  const records = await readCsvRecords(data, {
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
  });
  const first = (records[0] ?? []).map((c) => c.toLowerCase());
  const header = first.includes('dataelement') ? first : null;
  if (header) {
    records.shift();
    const unknown = header.filter((h) => !(h in CSV_NAMES));
    if (unknown.length)
      throw new BaocaoError(
        'INVALID_FILE',
        `Cột không có trong CSV của DHIS2: ${unknown.join(', ')} (baocao không chia nhỏ số liệu theo phương án phân tổ)`,
        `Columns not in DHIS2's CSV: ${unknown.join(', ')} (baocao keeps no disaggregation by category option)`,
      );
  }
  const names = (header ?? CSV_POSITIONS).map((h) => CSV_NAMES[h] ?? null);
  const dataValues = records.map((r) => {
    const dv: Record<string, string | boolean | undefined> = {};
    names.forEach((name, i) => {
      const cell = r[i];
      if (!name || cell === undefined || cell === '') return;
      dv[name] = name === 'followUp' || name === 'deleted' ? bool(cell) : cell;
    });
    return dv;
  });
  return SetSchema.parse({ dataValues });
}

const DXF2 = 'http://dhis2.org/schema/dxf/2.0';
const xmlError = (why: string) =>
  new BaocaoError('INVALID_FILE', `Tệp XML lỗi (E8007): ${why}`, `XML file error (E8007): ${why}`);

/**
 * A DHIS2 XML (DXF2) data value set: `<dataValueSet>` with its attributes (set-level ids, options)
 * and one `<dataValue>` per value. A document type declaration is refused (no entities are read).
 */
export function readDhis2Xml(data: Buffer): Dhis2DataValueSet {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let set: Record<string, string> | null = null;
  const dataValues: Record<string, string | boolean | undefined>[] = [];
  let failure: Error | null = null;
  parser.on('error', (e) => {
    failure ??= e;
  });
  parser.on('doctype', () => {
    failure ??= xmlError('document type declarations are not accepted');
  });
  parser.on('opentag', (tag) => {
    if (failure) return;
    const attrs = Object.fromEntries(Object.values(tag.attributes).map((a) => [a.local, a.value]));
    if (!set) {
      if (tag.local !== 'dataValueSet' || (tag.uri !== DXF2 && tag.uri !== ''))
        failure = xmlError(`the root element must be <dataValueSet> (${DXF2}), not <${tag.name}>`);
      else set = Object.fromEntries(Object.entries(attrs).filter(([k]) => k !== 'xmlns'));
      return;
    }
    if (tag.local !== 'dataValue') return;
    const { followUp, followup, deleted, ...rest } = attrs;
    dataValues.push({ ...rest, followUp: bool(followUp ?? followup), deleted: bool(deleted) });
  });
  try {
    parser.write(data.toString('utf8')).close();
  } catch (e) {
    failure ??= e instanceof Error ? e : new Error(String(e));
  }
  if (failure) throw failure instanceof BaocaoError ? failure : xmlError(failure.message.slice(0, 300));
  if (!set) throw xmlError('no root element');
  return SetSchema.parse({ ...(set as Record<string, string>), dataValues });
}

/** A data value set from the request body in any of DHIS2's formats, refused when it is none. */
export async function readDataValueSet(body: unknown, format: Dhis2Format): Promise<Dhis2DataValueSet> {
  if (format === 'json') {
    refuseDeepJson(body);
    return SetSchema.parse(body);
  }
  const data = Buffer.isBuffer(body) ? body : Buffer.from(String(body ?? ''));
  return format === 'csv' ? readDhis2Csv(data) : readDhis2Xml(data);
}
